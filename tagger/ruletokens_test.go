package tagger

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/etikett-nlp/etikett/internal/newstext"
	"github.com/etikett-nlp/etikett/internal/token"
	"github.com/etikett-nlp/etikett/lexicon"
)

// testScratches returns the test articles tokenized and looked up, the
// rules run, and a short text with the cases the lists are for.
func testScratches(t *testing.T) (*Tagger, []*scratch) {
	t.Helper()
	tg, err := New(WithoutTopics())
	require.NoError(t, err)
	_, docs, err := newstext.Articles("../testdata")
	require.NoError(t, err)
	docs = append(docs, "Mecklenburg- Vorpommern, die Firma Springer Verlag GmbH und der TSV Odenhausen: "+
		"Dr. W. Müller (SPD) sprach in St. Moritz mit dem Danish Refugee Council (DRC) über die NATO.")
	var out []*scratch
	for _, d := range docs {
		s := new(scratch)
		s.reset(d)
		tg.entities(s)
		out = append(out, s)
	}
	return tg, out
}

// Each list holds exactly the tokens that pass its rule's first test.
func TestRuleTokensCollect(t *testing.T) {
	_, scratches := testScratches(t)
	var rt ruleTokens
	for _, s := range scratches {
		rt.collect(s)
		var caps, abbrevs, broken, allCaps, classed, cued, placed []int32
		for i := range s.toks {
			tok := s.toks[i]
			if s.isCapWord(i) {
				caps = append(caps, int32(i))
				if s.hasPersonCue(i) {
					cued = append(cued, int32(i))
				}
				if s.placeCandidate(i) {
					placed = append(placed, int32(i))
				}
			}
			if tok.Kind == token.Abbrev {
				abbrevs = append(abbrevs, int32(i))
			}

			if tok.Flags&token.Truncated != 0 && tok.Flags&token.Cap != 0 {
				broken = append(broken, int32(i))
			}
			if s.isAllCaps(i) {
				allCaps = append(allCaps, int32(i))
			}
			if s.has(i, bGeoPrefix) || s.has(i, bLegal) || s.has(i, bOrgHead) || s.has(i, bClub) || s.has(i, bOrgSuffix) {
				classed = append(classed, int32(i))
			}
		}
		for _, c := range []struct {
			name      string
			got, want []int32
		}{{"caps", s.caps, caps}, {"abbrevs", rt.abbrevs, abbrevs}, {"broken", rt.broken, broken}, {"allCaps", rt.allCaps, allCaps}, {"classed", rt.classed, classed}} {
			require.Equal(t, len(c.want), len(c.got), c.name)
			if len(c.want) > 0 {
				require.Equal(t, c.want, c.got, c.name)
			}
		}
		// cued and placed may hold a capitalized word more (the entity
		// loop's tests are a little wider), never one less, and are in order.
		for _, c := range []struct {
			name      string
			got, want []int32
		}{{"cued", s.rt.cued, cued}, {"placed", s.rt.placed, placed}} {
			require.Subset(t, c.got, c.want, c.name)
			require.Subset(t, caps, c.got, c.name)
			require.IsIncreasing(t, c.got, c.name)
		}
	}
}

// landmarkEnding answers as the loop over landmarkSuffixes it replaces.
func TestLandmarkEnding(t *testing.T) {
	slow := func(key []byte) bool {
		for _, suf := range landmarkSuffixes {
			if len(key) >= len(suf)+4 && hasSuffix(key, suf) {
				return true
			}
		}
		return false
	}
	keys := []string{"", "tal", "see", "pustertal", "schwielowsee", "salmhütte", "najadenbrunnen", "brunnen",
		"xbrunnen", "abcbrunnen", "abcdbrunnen", "hütte", "abchütte", "abcdhütte", "abcdsee", "abcsee", "abcdtal",
		"regierung", "kapital", "hospital", "tee", "wasserfall", "berlin", "kreuzberg"}
	_, scratches := testScratches(t)
	for _, s := range scratches {
		for i := range s.toks {
			keys = append(keys, string(s.key(i)))
		}
	}
	for _, k := range keys {
		require.Equal(t, slow([]byte(k)), landmarkEnding([]byte(k)), k)
	}
}

// directionsByFirst keeps every direction, in the order of directions.
func TestDirectionsByFirst(t *testing.T) {
	var got []string
	for _, d := range directions {
		list := directionsByFirst[d[0]]
		require.Contains(t, list, d)
		for _, e := range list {
			require.Equal(t, d[0], e[0])
		}
	}
	for b := range directionsByFirst {
		got = append(got, directionsByFirst[b]...)
	}
	require.ElementsMatch(t, directions, got)
	// Within one first byte, the order of directions: nordost before nord.
	require.Equal(t, []string{"nordost", "nordwest", "nord", "nieder"}, directionsByFirst['n'])
}

// placeEnds and directionStarts never turn a key away that one of their
// lists could end or begin: a filter may pass too many keys, never too few.
func TestPlaceFilters(t *testing.T) {
	keys := []string{"", "a", "tal", "pustertal", "schwielowsee", "salmhütte", "najadenbrunnen", "jehudastraße",
		"karl-marx-allee", "weitingen", "pfaffenhofen", "süditalien", "nordhessens", "oberitalien", "zentralasien",
		"regierung", "berlin", "stadt", "staat", "ost", "ow", "au"}
	_, scratches := testScratches(t)
	for _, s := range scratches {
		for i := range s.toks {
			keys = append(keys, string(s.key(i)))
		}
	}
	ends := func(key string) (bits uint8) {
		for _, c := range []struct {
			list []string
			bit  uint8
		}{{streetSuffixes, peStreet}, {toponymSuffixes, peToponym}, {landmarkSuffixes, peLandmark}} {
			for _, suf := range c.list {
				if strings.HasSuffix(key, suf) {
					bits |= c.bit
				}
			}
		}
		return bits
	}
	for _, k := range keys {
		var got uint8
		if len(k) >= 2 {
			got = placeEnds[suffixPair(k[len(k)-2], k[len(k)-1])]
		}
		require.Equal(t, ends(k), got&ends(k), k)
		starts := false
		for _, d := range directions {
			starts = starts || strings.HasPrefix(k, d)
		}
		if starts {
			require.True(t, directionStarts.mayStart([]byte(k)), k)
		}
	}
	for _, c := range []struct {
		key  string
		want bool
	}{{"", false}, {"s", false}, {"stadt", false}, {"berlin", false}, {"süd", true}, {"nordhessen", true}, {"zentral", true}} {
		require.Equal(t, c.want, directionStarts.mayStart([]byte(c.key)), c.key)
	}
}

// The surname table answers as the map of the first person per key it
// replaces, across resets and growth past its first size.
func TestSurnameTable(t *testing.T) {
	var tab surnameTable
	for _, n := range []int{0, 3, 40} {
		tab.reset(n)
		want := map[string]person{}
		for k := range n {
			key := []byte("name" + string(rune('a'+k%26)) + string(rune('a'+k/26)))
			if k%4 == 3 {
				key = []byte("namea" + "a") // a surname named again keeps the first person
			}
			p := person{int32(k), string(key)}
			tab.add(key, p)
			if _, dup := want[string(key)]; !dup {
				want[string(key)] = p
			}
		}
		require.Len(t, tab.names, len(want))
		for key, p := range want {
			got, ok := tab.get([]byte(key))
			require.True(t, ok, key)
			require.Equal(t, p, got, key)
			// corefSurnames asks the filter once for a word and its genitive
			for _, gen := range []string{key, key + "s", key + "'"} {
				require.True(t, tab.filter.mayBytes([]byte(gen)), gen)
				require.True(t, tab.filter.mayEnds(gen[0], gen[len(gen)-1], len(gen)), gen)
			}
		}
		for _, key := range []string{"", "x", "nam", "nameaaa", "stoltenberg"} {
			_, ok := tab.get([]byte(key))
			require.False(t, ok, key)
		}
	}
}

// Where a capitalized word has no person cue, person finds no name, whatever
// is covered.
func TestHasPersonCue(t *testing.T) {
	tg, scratches := testScratches(t)
	cues := 0
	for _, s := range scratches {
		final := s.coverage()
		none := make([]bool, len(s.toks))
		for _, ci := range s.caps {
			i := int(ci)
			if s.hasPersonCue(i) {
				cues++
				continue
			}
			require.Equal(t, i, tg.person(s, i, final), s.tokText(i))
			require.Equal(t, i, tg.person(s, i, none), s.tokText(i))
		}
	}
	require.Positive(t, cues)
}

// The rules' coverage, which insideLongerNames takes, is the coverage of the
// live mentions, on the test articles and on texts where many rules fire.
func TestRulesCoverage(t *testing.T) {
	tg, err := New(WithoutTopics())
	require.NoError(t, err)
	_, docs, err := newstext.Articles("../testdata")
	require.NoError(t, err)
	docs = append(docs,
		"Mecklenburg- Vorpommern, die Firma Springer Verlag GmbH und der TSV Odenhausen: "+
			"Dr. W. Müller (SPD) sprach in St. Moritz mit dem Danish Refugee Council (DRC) über die NATO.",
		"Die Hamburger Mieterverein und die Porsche Holding, Google Inc. und die Bilfinger Berger Projektentwicklung GmbH "+
			"liegen an der Schwabacher Straße 12 in Bad Schussenried an der A 7, nahe Süditalien, in Weitingen am Pustertal.",
		"Jens Stoltenberg sagte, Stoltenbergs Plan gelte. „Nein“, sagte Goslar. Präsident Cleveland und A. Korsakow "+
			"trafen die Deutsche Presse-Agentur (dpa) und die Universität Hamburg, das Bundesamt für Kommunikation (BAKOM).")
	checked := 0
	rulesCoverageCheck = func(s *scratch, covered []bool) {
		got := slices.Clone(covered)
		s.live()
		require.Equal(t, s.coverage(), got)
		copy(covered, got) // s.coverage() reused the array
		checked++
	}
	defer func() { rulesCoverageCheck = nil }()
	for _, d := range docs {
		tg.Tag(d)
	}
	require.Equal(t, len(docs), checked)
}

// firstName takes a hyphenated word as a first name when every part is one,
// as the parts of strings.Split, and answers for the first part.
func TestFirstNameParts(t *testing.T) {
	tg, err := New(WithoutTopics())
	require.NoError(t, err)
	split := func(w string) (lexicon.FirstName, bool) {
		var first lexicon.FirstName
		for k, p := range strings.Split(w, "-") {
			fn, ok := tg.firstNames[p]
			if !ok {
				return fn, false
			}
			if k == 0 {
				first = fn
			}
		}
		return first, true
	}
	for _, c := range []struct {
		word string
		ok   bool
	}{{"Hans-Peter", true}, {"Frank-Walter", true}, {"Hans-Peter-Walter", true}, {"Hans-Xyzzy", false},
		{"Xyzzy-Peter", false}, {"Hans--Peter", false}, {"Hans-", false}, {"Hans-Peter-", false}} {
		fn, ok := tg.firstName(c.word)
		require.Equal(t, c.ok, ok, c.word)
		wfn, wok := split(c.word)
		require.Equal(t, wok, ok, c.word)
		require.Equal(t, wfn, fn, c.word)
	}
}

// toponymsByLast holds every toponym suffix, each under its last byte.
func TestToponymsByLast(t *testing.T) {
	var got []string
	for b, list := range toponymsByLast {
		for _, suf := range list {
			require.Equal(t, byte(b), suf[len(suf)-1], suf)
		}
		got = append(got, list...)
	}
	require.ElementsMatch(t, toponymSuffixes, got)
}

// endsWithRole answers as roleEnding, from its cache or not.
func TestEndsWithRole(t *testing.T) {
	tg, err := New(WithoutTopics())
	require.NoError(t, err)
	s := new(scratch)
	for _, c := range []struct {
		key  string
		want bool
	}{{"polizeisprecher", true}, {"saga-sprecher", true}, {"co-fraktionschef", true}, {"regierung", false},
		{"berlin", false}, {"sprecher", false}, {"", false}} {
		for range 2 { // the second answer comes from the cache
			require.Equal(t, c.want, tg.endsWithRole(s, []byte(c.key)), c.key)
			require.Equal(t, c.want, roleEnding(tg.g, []byte(c.key)), c.key)
		}
	}
}

// mayEnds answers as mayBytes does, for any word.
func TestMayEnds(t *testing.T) {
	var f wordFilter
	for _, w := range []string{"scholz", "merz", "ab", "x", "ölçek"} {
		f.add([]byte(w))
	}
	for _, w := range []string{"scholz", "scholzs", "merz", "mer", "ab", "ba", "x", "y", "ölçek", "öz", "stoltenberg"} {
		require.Equal(t, f.mayBytes([]byte(w)), f.mayEnds(w[0], w[len(w)-1], len(w)), w)
	}
}

// atLeast3Runes and atLeast2Runes agree with counting the runes.
func TestAtLeast3Runes(t *testing.T) {
	for _, w := range []string{"", "a", "ab", "abc", "Öz", "Özi", "ÖÄÜ", "ÖÄ", "\xff\xfe", "\xff\xfe\xfd", "Ab\xc3", "\xc3", "\xc3b", "é", "éé", "日", "日b", "𝔘", "𝔘𝔘",
		"ÖÖÖÖÖ", "ÖÖÖÖÖÖ", "Stoltenberg", "Lüönä", "日本", "日本語", "𝔘𝔘", "𝔘𝔘𝔘"} {
		require.Equal(t, utf8.RuneCountInString(w) >= 3, atLeast3Runes(w), "%q", w)
		require.Equal(t, utf8.RuneCountInString(w) >= 2, atLeast2Runes([]byte(w)), "%q", w)
	}
}

// hasNounSuffix answers as trying every suffix does (nounSuffixPlain): for
// every key of the test articles, and for words made of each suffix.
func TestNounSuffixed(t *testing.T) {
	_, scratches := testScratches(t)
	keys := []string{"", "ei", "abei", "abcei", "Zahlung", "zahlung", "freiheit", "übermut", "realität", "qualität", "ität", "xität",
		"tät", "ungen", "hungen", "müller", "schmidt", "meier"}
	for _, suf := range nounSuffixes {
		for _, pre := range []string{"", "a", "ab", "abc", "abcd", "ä", "äb"} {
			keys = append(keys, pre+suf, pre+"x"+suf[1:])
		}
	}
	for _, s := range scratches {
		for i := range s.toks {
			keys = append(keys, string(s.key(i)))
		}
	}
	for _, k := range keys {
		require.Equal(t, nounSuffixPlain([]byte(k)), hasNounSuffix([]byte(k)), "%q", k)
	}
}

// nounSuffixPlain is hasNounSuffix by its definition: any of nounSuffixes
// after at least three more bytes, behind the same filter of the last bytes.
func nounSuffixPlain(key []byte) bool {
	if !nounEnds.mayEnd(key) {
		return false
	}
	for _, suf := range nounSuffixes {
		if len(key) > len(suf)+2 && hasSuffix(key, suf) {
			return true
		}
	}
	return false
}

// afterCues lists, in order and once, every one-word mention at a
// capitalized word where a case of placesAsPeople may apply: a first
// name's mark on the word, or a role word, title, verb of saying or
// abbreviation before it.
func TestAfterCues(t *testing.T) {
	tg, err := New(WithoutTopics())
	require.NoError(t, err)
	_, docs, err := newstext.Articles("../testdata")
	require.NoError(t, err)
	docs = append(docs,
		"„Nein“, sagte Goslar. Präsident Cleveland und A. Korsakow trafen Dr. Gera, von Martin Stoll, "+
			"von Donna Leon und Matthias Köchl in Weltmeister Kanada.")
	checked := 0
	rulesCoverageCheck = func(s *scratch, _ []bool) {
		got := s.rt.afterCues(s)
		require.True(t, slices.IsSorted(got))
		require.Equal(t, len(got), len(slices.Compact(slices.Clone(got))), "once each")
		for k, m := range s.ments {
			i := int(m.start)
			if m.end-m.start != 1 || !s.isCapWord(i) {
				continue
			}
			cue := s.has(i, bFirstName) || i > 0 && (s.has(i-1, bRole|bTitle|bSayVerb) || s.toks[i-1].Kind == token.Abbrev)
			if cue {
				require.Contains(t, got, int32(k), s.tokText(i))
				checked++
			}
		}
	}
	defer func() { rulesCoverageCheck = nil }()
	for _, d := range docs {
		tg.Tag(d)
	}
	require.Positive(t, checked)
}

// nominalized answers as a loop over every suffix and ending does, on the
// keys of the test articles and on words made to end so; the ordinal
// stems all end in t, as it assumes.
func TestNominalized(t *testing.T) {
	slow := func(key []byte) bool {
		for _, suf := range nominalSuffixes {
			if len(key) > len(suf)+3 && hasSuffix(key, suf) {
				return true
			}
		}
		for _, end := range []string{"e", "er", "en", "es", "em"} {
			if hasSuffix(key, end) && ordinalStems[string(key[:len(key)-len(end)])] {
				return true
			}
		}
		return false
	}
	for stem := range ordinalStems {
		require.True(t, strings.HasSuffix(stem, "t"), stem)
	}
	_, scratches := testScratches(t)
	keys := []string{"", "e", "er", "en", "ene", "xene", "xxxene", "vierter", "dritten", "ersten", "erstes", "letztem", "achte",
		"festgenommenen", "verletzten", "reisende", "reisenden", "reisender", "abcdener", "zwölfte", "müller"}
	for stem := range ordinalStems {
		for _, end := range []string{"", "e", "er", "en", "es", "em", "x"} {
			keys = append(keys, stem+end)
		}
	}
	for _, s := range scratches {
		for i := range s.toks {
			keys = append(keys, string(s.key(i)))
		}
	}
	for _, k := range keys {
		require.Equal(t, slow([]byte(k)), nominalized([]byte(k)), "%q", k)
	}
}
