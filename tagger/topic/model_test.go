package topic

import (
	"encoding/binary"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"github.com/etikett-nlp/etikett/internal/newstext"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func smallModel(t testing.TB, opts Options) *Model {
	t.Helper()
	f, err := Parse("small.tsv", strings.NewReader(smallFile))
	require.NoError(t, err)
	m, err := Compile([]*File{f}, opts)
	require.NoError(t, err)
	return m
}

func words(text string) []Word {
	var ws []Word
	for w := range splitWords(text) {
		ws = append(ws, Word{Text: w})
	}
	return ws
}

// terms returns "term:count" of a topic's evidence.
func terms(t Topic) []string {
	var out []string
	for _, e := range t.Evidence {
		out = append(out, e.Term+"/"+e.Text)
	}
	return out
}

func find(ts []Topic, id string) (Topic, bool) {
	for _, t := range ts {
		if t.ID == id {
			return t, true
		}
	}
	return Topic{}, false
}

func TestScoreMatching(t *testing.T) {
	m := smallModel(t, Options{MinScore: 0.01})
	tests := []struct {
		name  string
		text  string
		topic string
		want  []string // evidence term/text, in order
	}{
		{"lemma", "Krieg", "medtop:20000056", []string{"Krieg/Krieg"}},
		{"inflection", "des Krieges", "medtop:20000056", []string{"Krieg/Krieges"}},
		{"compound head and modifier", "Waffenlieferungen", "medtop:20000056", []string{"Lieferung/Waffenlieferungen", "Waffe/Waffenlieferungen"}},
		{"compound head", "Angriffskrieg", "medtop:20000056", []string{"Krieg/Angriffskrieg"}},
		{"hyphen parts", "Raketen-Angriff", "medtop:20000056", []string{"Rakete/Raketen-Angriff"}},
		{"keyword is not split", "Waffenruhe", "medtop:16000000", []string{"Waffenruhe/Waffenruhe"}},
		{"phrase", "in der Champions League", "medtop:15000000", []string{"Champions League/Champions"}},
		{"phrase over hyphen", "Champions-League-Achtelfinale", "medtop:15000000", []string{"Champions League/Champions-League-Achtelfinale"}},
		{"mod only", "Torschützen", "medtop:15000000", []string{"Tor/Torschützen"}},
		{"verb form", "Sie verhandelten lange", "medtop:11000000", []string{"verhandeln/verhandelten"}},
		{"verb participle", "es wurde verhandelt", "medtop:11000000", []string{"verhandeln/verhandelt"}},
		{"umlaut plural", "Präsidenten", "medtop:11000000", []string{"Präsident/Präsidenten"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := m.Score(words(tt.text), nil)
			top, ok := find(got, tt.topic)
			require.True(t, ok, "%s not in %v", tt.topic, got)
			assert.Equal(t, tt.want, terms(top))
		})
	}
}

func TestScoreNoMatch(t *testing.T) {
	m := smallModel(t, Options{MinScore: 0.01})
	tests := []struct{ name, text string }{
		{"empty", ""},
		{"stop word blocks compound", "Beispiel"},
		{"short word not split", "Torte"},
		{"lowercase not split", "kriegerisch"},
		{"tor is no head", "Reaktor Direktor"},
		{"punctuation only", "… – !"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Empty(t, m.Score(words(tt.text), nil))
		})
	}
}

func TestScoreCues(t *testing.T) {
	m := smallModel(t, Options{MinScore: 0.01})
	cues := []Cue{
		{Text: "Nato", ID: "nato", Type: "ORG", Form: "name", Kind: "intl"},
		{Text: "Rapid", ID: "rapid-wien", Type: "ORG", Form: "name", Kind: "club"},
		{Text: "Sturm", Type: "ORG", Form: "name", Kind: "club"},
		{Text: "Partei", Type: "ORG", Kind: "party"}, // no rule
		{Text: "Kanzler", Role: "politics"},
	}
	got := m.Score(nil, cues)
	require.Len(t, got, 3)
	sport, _ := find(got, "medtop:15000000")
	assert.Equal(t, []Evidence{{Kind: "cue", Term: "type=ORG;kind=club", Text: "Rapid", Count: 2, Weight: 3.386}}, sport.Evidence)
	conflict, _ := find(got, "medtop:16000000")
	assert.Equal(t, "id=nato", conflict.Evidence[0].Term)
	pol, _ := find(got, "medtop:11000000")
	assert.Equal(t, "Kanzler", pol.Evidence[0].Text)
}

func TestScoreDerivCountsHalf(t *testing.T) {
	m := smallModel(t, Options{MinScore: 0.001})
	name := m.Score(nil, []Cue{{Text: "Nato", ID: "nato", Form: "name"}})
	deriv := m.Score(nil, []Cue{{Text: "Nato-", ID: "nato", Form: "deriv"}})
	require.Len(t, name, 1)
	require.Len(t, deriv, 1)
	assert.Equal(t, 2.0, name[0].Evidence[0].Weight)
	assert.Equal(t, 1.0, deriv[0].Evidence[0].Weight)
}

func TestScoreRollUpAndOrder(t *testing.T) {
	m := smallModel(t, Options{MinScore: 0.01})
	text := "Krieg, Krieg und Raketen. Das Militärbündnis berät. Der Präsident spricht."
	got := m.Score(words(text), nil)
	require.Len(t, got, 3)
	assert.Equal(t, "medtop:16000000", got[0].ID)
	assert.Equal(t, "medtop:20000056", got[1].ID)
	assert.Equal(t, "medtop:11000000", got[2].ID)
	// The parent's evidence holds the child's.
	assert.Equal(t, []string{"Krieg/Krieg", "Rakete/Raketen", "Militärbündnis/Militärbündnis"}, terms(got[0]))
	assert.Equal(t, 2, got[0].Evidence[0].Count)
	// Subtopic score = parent score × share of the evidence.
	assert.Less(t, got[1].Score, got[0].Score)
	for i := 1; i < len(got); i++ {
		assert.GreaterOrEqual(t, got[i-1].Score, got[i].Score)
	}
	for _, tp := range got {
		assert.NotEmpty(t, tp.Evidence, tp.ID)
		assert.NotEmpty(t, tp.Label, tp.ID)
	}
}

func TestScoreLengthAware(t *testing.T) {
	m := smallModel(t, Options{MinScore: 0.001})
	short := m.ScoreText("Krieg in Europa")
	long := m.ScoreText("Krieg in Europa." + strings.Repeat(" Das ist ein langer Satz ohne Bezug.", 100))
	require.NotEmpty(t, short)
	require.NotEmpty(t, long)
	assert.Greater(t, short[0].Score, 2*long[0].Score)
}

func TestScoreThresholdAndMax(t *testing.T) {
	text := "Krieg Krieg Rakete Präsident Tor"
	all := smallModel(t, Options{MinScore: 0.001}).ScoreText(text)
	require.Len(t, all, 4)
	two := smallModel(t, Options{MinScore: 0.001, MaxTopics: 2}).ScoreText(text)
	assert.Equal(t, all[:2], two)
	high := smallModel(t, Options{MinScore: all[1].Score}).ScoreText(text)
	assert.Equal(t, all[:2], high)
}

func TestLaterFileOverrides(t *testing.T) {
	base, err := Parse("base.tsv", strings.NewReader(smallFile))
	require.NoError(t, err)
	user, err := Parse("user.tsv", strings.NewReader("topic\tmedtop:15000000\tSport und Spiel\nword\tmedtop:15000000\tTor\t0\nword\tmedtop:15000000\tTorte\t1\n"))
	require.NoError(t, err)
	m, err := Compile([]*File{base, user}, Options{MinScore: 0.001})
	require.NoError(t, err)
	got := m.ScoreText("Tor Torte")
	require.Len(t, got, 1)
	assert.Equal(t, "Sport und Spiel", got[0].Label)
	assert.Equal(t, []string{"Torte/Torte"}, terms(got[0]))
}

func TestScoreDeterministicAndConcurrent(t *testing.T) {
	m := smallModel(t, Options{MinScore: 0.001})
	text := "Der Präsident und der Trainer: Krieg, Tor, Waffenlieferungen, Champions League, Spiel."
	want := m.ScoreText(text)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				got := m.ScoreText(text)
				if !assert.Equal(t, want, got) {
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestScoreAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are meaningless under the race detector")
	}
	m := smallModel(t, Options{MinScore: 0.001})
	short := words("Krieg und Präsident")
	long := words(strings.Repeat("Krieg und Präsident sprechen über Waffenlieferungen und das Spiel. ", 200))
	m.Score(long, nil) // warm the pool
	a1 := testing.AllocsPerRun(50, func() { m.Score(short, nil) })
	a2 := testing.AllocsPerRun(50, func() { m.Score(long, nil) })
	assert.LessOrEqual(t, a2, a1, "allocations must not grow with the text")
	assert.LessOrEqual(t, a2, 3.0)
	none := words(strings.Repeat("nichts davon hier ", 100))
	assert.Zero(t, testing.AllocsPerRun(50, func() { m.Score(none, nil) }))
}

func TestModelInfo(t *testing.T) {
	m := smallModel(t, Options{})
	label, parent, ok := m.Label("medtop:20000056")
	assert.True(t, ok)
	assert.Equal(t, "Bewaffneter Konflikt", label)
	assert.Equal(t, "medtop:16000000", parent)
	_, _, ok = m.Label("medtop:99999999")
	assert.False(t, ok)
	assert.Len(t, m.Topics(), 4)
	st := m.Stats()
	assert.Equal(t, Stats{Topics: 4, Keywords: 12, Phrases: 1, Cues: 3, Keys: st.Keys}, st)
}

func TestScoreCaseAndStemRules(t *testing.T) {
	const src = "topic\tr\tReligion\n" +
		"word\tr\tGlaube\t2\n" +
		"topic\ta\tAgrar\n" +
		"word\ta\tBauer\t2\n" +
		"topic\tp\tPolitik\n" +
		"word\tp\tLinke\t2\n" +
		"word\tp\twählen\t2\n"
	f, err := Parse("t.tsv", strings.NewReader(src))
	require.NoError(t, err)
	m, err := Compile([]*File{f}, Options{MinScore: 0.001})
	require.NoError(t, err)
	tests := []struct {
		text string
		want string // topic id, "" for none
	}{
		{"Der Glaube versetzt Berge", "r"},
		{"Des Glaubens wegen", "r"},
		{"Wir glauben das nicht", ""}, // a capitalized keyword needs a capitalized word
		{"Die Bauern protestieren", "a"},
		{"Der Bau beginnt", ""}, // same key as Bauer, but not its stem
		{"Die Linken stimmen dagegen", "p"},
		{"Klicken Sie auf die Links", ""},
		{"Wählen Sie jetzt", "p"}, // a lowercase keyword matches any case
		{"Sie wählten ihn", "p"},
	}
	for _, tt := range tests {
		got := m.ScoreText(tt.text)
		if tt.want == "" {
			assert.Empty(t, got, tt.text)
			continue
		}
		require.Len(t, got, 1, tt.text)
		assert.Equal(t, tt.want, got[0].ID, tt.text)
	}
}

// TestResultBuckets checks that bucketing the postings by output (with at
// most 64 outputs) gives what asking every posting for every output gives.
// resultTexts returns texts for comparing two ways of scoring: two short
// ones, the seed article and, when the shared data is there, the first
// 10kGNAD dev articles.
func resultTexts() []string {
	texts := []string{"Die Nato-Verteidigungsminister beraten über Waffenlieferungen an die Ukraine; der Bundestag stimmt zu.",
		"Der FC Bayern gewinnt gegen Dortmund, der Trainer lobt die Abwehr. Die Aktie von Adidas steigt."}
	if seed, err := os.ReadFile("../../testdata/nato-putin-nordkorea.txt"); err == nil {
		texts = append(texts, string(seed))
	}
	if data, err := os.ReadFile(filepath.Join(sharedDir(), "data", "10kgnad", "dev.csv")); err == nil {
		for _, doc := range articles(string(data)[:min(len(data), 200000)]) {
			var b strings.Builder
			for _, w := range doc {
				b.WriteString(w.Text)
				b.WriteByte(' ')
			}
			texts = append(texts, b.String())
		}
	}
	return texts
}

func TestResultBuckets(t *testing.T) {
	opts := Options{MinScore: 0.001, MaxTopics: 64}
	m, ref := loadDefault(t, opts), loadDefault(t, opts)
	ref.noBuckets = true
	texts := resultTexts()
	n := 0
	for _, text := range texts {
		got, want := m.ScoreText(text), ref.ScoreText(text)
		require.Equal(t, want, got)
		n += len(got)
	}
	assert.Greater(t, n, 2*len(texts))
}

// TestCollectFastPath checks onePart's case of collectWord against addParts on
// words of letters, digits, umlauts, hyphens, slashes and punctuation.
func TestCollectFastPath(t *testing.T) {
	alphabet := []string{"a", "Z", "7", "ä", "ß", "-", "/", ".", "'", "\"", "é"}
	s := newScratch(1, 1)
	state := uint32(1)
	for range 20000 {
		var b strings.Builder
		state = state*1664525 + 1013904223
		for k := range int(state>>27) % 21 {
			state = state*1664525 + 1013904223
			b.WriteString(alphabet[int(state>>24+uint32(k))%len(alphabet)])
		}
		words := []Word{{Text: b.String(), Name: state&1 != 0}}
		s.parts = s.parts[:0]
		s.doc.words = words
		n := s.collectWord(0)
		got := append([]part{}, s.parts...)
		s.parts = s.parts[:0]
		want := s.addParts(words[0].Text, 0, words[0].Name, 0)
		require.Equal(t, want, n, "%q", words[0].Text)
		require.Equal(t, append([]part{}, s.parts...), got, "%q", words[0].Text)
	}
}

// TestSortEvidenceKeys checks that the order sortEvidence gives as
// numbers is the order of evOrder, which compares the weights, and that
// evidence without keys is sorted with evOrder.
func TestSortEvidenceKeys(t *testing.T) {
	s := newScratch(1, 1)
	state := uint32(7)
	rnd := func(n int) int {
		state = state*1664525 + 1013904223
		return int(state>>8) % n
	}
	for range 2000 {
		var ev []evRef
		for r := range rnd(80) {
			k := math.Round(float64(rnd(4000)-1000) / 3) // ties and negative weights
			ev = append(ev, evRef{feature: int32(r), rank: int32(r*7%83 + rnd(3)*83), weight: k / 1000})
		}
		for i := range ev {
			j := rnd(len(ev))
			ev[i], ev[j] = ev[j], ev[i]
		}
		want := slices.Clone(ev)
		slices.SortFunc(want, evOrder)
		keys := s.sortEvidence(ev)
		require.Len(t, keys, len(ev))
		got := []evRef{}
		for _, k := range keys {
			got = append(got, ev[k&(1<<indexBits-1)])
		}
		require.Equal(t, append([]evRef{}, want...), got)
	}
	ev := []evRef{{rank: 1, weight: 0.5}, {rank: 0, weight: math.NaN()}, {rank: 2, weight: 0.7}, {rank: 3, weight: 0.5}}
	assert.Nil(t, s.sortEvidence(ev))
	var ranks []int32
	for _, e := range ev {
		ranks = append(ranks, e.rank)
	}
	assert.Equal(t, []int32{2, 1, 3, 0}, ranks)
	ev = []evRef{{rank: 1 << rankBits, weight: 0.5}, {rank: 0, weight: 0.25}}
	assert.Nil(t, s.sortEvidence(ev))
	assert.Equal(t, int32(1<<rankBits), ev[0].rank)
	_, ok := evKey(math.NaN(), 0)
	assert.False(t, ok)
	_, ok = evKey(1e12, 0)
	assert.False(t, ok)
}

// TestSortEvidenceRounds checks that sortEvidence rounds the weights as
// round3 does, bit for bit, through its shortcut for positive weights and
// math.Round for the others.
func TestSortEvidenceRounds(t *testing.T) {
	s := newScratch(1, 1)
	for _, w := range []float64{
		0.0005, 0.0004999999, 0.0015, 0.0025, 1.2345, 0.1234999, 2.0005, 0.49999999999999994 / 1000,
		1e-20, 0, math.Copysign(0, -1), -0.0001, -0.0005, -1.2345, 4.5e12, 1e300, math.Inf(1), math.NaN(),
	} {
		ev := []evRef{{weight: w}}
		s.sortEvidence(ev)
		assert.Equal(t, math.Float64bits(round3(w)), math.Float64bits(ev[0].weight), "weight %g", w)
	}
}

// spansOf returns the spans of the words of text (see AppendWords).
func spansOf(text string) []Span {
	var spans []Span
	at := 0
	for _, w := range AppendWords(nil, text) {
		start := at + strings.Index(text[at:], w.Text)
		at = start + len(w.Text)
		spans = append(spans, Span{Start: int32(start), End: int32(at)})
	}
	return spans
}

// TestScoreSpans checks that ScoreSpans, given the words as byte ranges of
// the text, returns what Score returns for the words themselves, names and
// cues included. The two are asked of two models, each with its own memo,
// so that ScoreSpans meets every word it has not seen itself unknown.
func TestScoreSpans(t *testing.T) {
	m := loadDefault(t, Options{MinScore: 0.01, MaxTopics: 100})
	ms := loadDefault(t, Options{MinScore: 0.01, MaxTopics: 100})
	files, err := filepath.Glob("../../testdata/*.txt")
	require.NoError(t, err)
	more, err := filepath.Glob("../../testdata/articles/*.txt")
	require.NoError(t, err)
	files = append(files, more...)
	require.NotEmpty(t, files)
	n := 0
	cues := []Cue{{Text: "Nato", ID: "nato", Type: "ORG", Form: "name"}, {Text: "Trainer", Role: "sport"}}
	var texts []string
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		texts = append(texts, string(data))
	}
	// Fresh text, whose words the memo often misses (see missWord): the
	// 10kGNAD dev texts, when the shared data is there.
	gnad := 0
	if fresh, err := newstext.Fresh(); err == nil {
		texts = append(texts, fresh...)
		gnad = len(fresh)
	} else {
		t.Logf("without the 10kGNAD texts: %v", err)
	}
	for k, text := range texts {
		spans := spansOf(text)
		words := make([]Word, len(spans))
		for i := range words {
			spans[i].Name = i%5 == 0 // some words inside names
			words[i] = Word{Text: text[spans[i].Start:spans[i].End], Name: spans[i].Name}
		}
		want := m.Score(words, cues)
		got, err := ms.ScoreSpans(text, spans, cues)
		require.NoError(t, err)
		require.Equal(t, want, got, "text %d", k)
		n += len(want)
		got, err = ms.ScoreSpans(text, spans, nil)
		require.NoError(t, err)
		require.Equal(t, m.Score(words, nil), got, "text %d", k)
	}
	assert.Greater(t, n, len(files)+gnad)
	got, err := ms.ScoreSpans("", nil, nil)
	assert.NoError(t, err)
	assert.Nil(t, got)
}

// TestPhraseNextBytes checks that phrase's test of the next part's first
// byte against nextBytes changes no result: scoring the test texts with
// every byte allowed (so that every phrase is tried) gives the same topics.
func TestPhraseNextBytes(t *testing.T) {
	m := loadDefault(t, Options{MinScore: 0.01, MaxTopics: 100})
	all := loadDefault(t, Options{MinScore: 0.01, MaxTopics: 100})
	all.scoring()
	for e := range all.nextBytes {
		all.nextBytes[e] = [2]uint64{^uint64(0), ^uint64(0)}
	}
	files, err := filepath.Glob("../../testdata/articles/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		text := string(data)
		spans := spansOf(text)
		want, err := all.ScoreSpans(text, spans, nil)
		require.NoError(t, err)
		got, err := m.ScoreSpans(text, spans, nil)
		require.NoError(t, err)
		require.Equal(t, want, got, file)
	}
}

// TestNextByte checks which first bytes of the next part nextByte knows.
func TestNextByte(t *testing.T) {
	const text = "Rote Armee „Fraktion 7 Tage"
	span := func(w string) Span {
		i := strings.Index(text, w)
		return Span{Start: int32(i), End: int32(i + len(w))}
	}
	spans := []Span{span("Rote"), span("Armee"), span("„Fraktion"), span("7"), {Start: 40, End: 44}, span("Tage")}
	for _, tc := range []struct {
		name     string
		parts    int   // parts collected, one per word from the first
		next     int32 // the next word to collect
		i        int
		want     byte
		wantKnow bool
	}{
		{"collected", 2, 2, 0, 'A', true},
		{"next word", 1, 1, 0, 'A', true},
		{"quote first", 2, 2, 1, 0, false},
		{"digit", 3, 3, 2, '7', true},
		{"span outside", 4, 4, 3, 0, false},
		{"last word", 6, 6, 5, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newScratch(1, 1)
			s.doc = document{text: text, spans: spans}
			for w := range tc.parts {
				sp := spans[w]
				s.parts = append(s.parts, part{w: int32(w), start: sp.Start, end: sp.End})
			}
			s.nextWord = tc.next
			c, ok := s.nextByte(tc.i)
			assert.Equal(t, tc.wantKnow, ok)
			assert.Equal(t, tc.want, c)
		})
	}
}

// TestPhraseless checks which next words rule out the phrases of an
// entry whose phrases want an "a" (or "A") second.
func TestPhraseless(t *testing.T) {
	const text = "x Armee x „Arm x Tage x 7 x"
	var spans []Span
	at := 0
	for _, w := range strings.Fields(text) {
		i := at + strings.Index(text[at:], w)
		at = i + len(w)
		spans = append(spans, Span{Start: int32(i), End: int32(at)})
	}
	spans = append(spans, Span{Start: 1, End: 3}, Span{Start: 90, End: 95}) // "Ar" and a span outside
	s := newScratch(1, 1)
	s.doc = document{text: text, spans: spans}
	s.nb = [][2]uint64{{0, 1 << ('a' - 64)}}
	for _, tc := range []struct {
		wi   int32
		want bool
	}{
		{0, false},  // Armee
		{2, false},  // „Arm: not known
		{4, true},   // Tage
		{6, true},   // 7
		{8, false},  // Ar
		{9, false},  // a span outside the text
		{10, false}, // the last span
	} {
		assert.Equal(t, tc.want, s.phraseless(0, tc.wi), "span %d", tc.wi)
	}
}

// A span outside the text is an error, not a panic.
func TestScoreSpansBadSpan(t *testing.T) {
	m := loadDefault(t, Options{})
	for _, sp := range []Span{{Start: -1, End: 2}, {Start: 3, End: 2}, {Start: 0, End: 12}, {Start: 11, End: 12}} {
		got, err := m.ScoreSpans("Nato-Gipfel", []Span{{Start: 0, End: 4}, sp}, nil)
		require.Error(t, err, "%+v", sp)
		assert.Contains(t, err.Error(), "span 1")
		assert.Nil(t, got)
	}
	// The spans are checked as the words are read: the first bad span is
	// reported wherever it is, after words the memo knows, inside a phrase
	// the model looks ahead for, or followed by more bad spans.
	text := "Der Bundestag stimmt zu. Die Europäische Union und der Deutsche Bundestag"
	words := AppendWords(nil, text)
	var spans []Span
	for _, w := range words {
		start := int32(strings.Index(text, w.Text))
		spans = append(spans, Span{Start: start, End: start + int32(len(w.Text))})
	}
	_, err := m.ScoreSpans(text, spans, nil)
	require.NoError(t, err)
	bad := Span{Start: 5, End: int32(len(text) + 1)}
	for i := range spans {
		for _, more := range []int{0, 1, 3} {
			sp := slices.Clone(spans)
			for k := i; k < len(sp) && k <= i+more; k++ {
				sp[k] = bad
			}
			got, err := m.ScoreSpans(text, sp, nil)
			require.Error(t, err, "span %d", i)
			assert.Contains(t, err.Error(), fmt.Sprintf("span %d is", i))
			assert.Nil(t, got)
		}
	}
}

// TestMemoExact checks that the part memo answers only for the very text
// and name it remembers, fingerprints of short texts and bytes of long
// ones alike: every text is put into one set and asked for with others of
// its length.
func TestMemoExact(t *testing.T) {
	memo := new(partMemo)
	alphabet := []string{"a", "b", "Z", "7", "ä", "-", "/", "\x00"}
	state := uint32(3)
	for range 20000 {
		text := func() string {
			var b strings.Builder
			state = state*1664525 + 1013904223
			for k := range int(state>>27) % 31 {
				state = state*1664525 + 1013904223
				b.WriteString(alphabet[int(state>>24+uint32(k))%len(alphabet)])
			}
			return b.String()
		}
		a, b := text(), text()
		if len(a) != len(b) {
			b = a[:len(a)/2] + b
			b = b[:min(len(b), len(a))]
			b += a[len(b):] // same length; equal only by chance
		}
		ha, fa := wordHash(a)
		_, fb := wordHash(b)
		memo.put(a, false, ha, fa, 1, false, nil)
		got := memo.get(b, false, ha, fb) // b asked in a's set
		if len(a) > memoKey {
			require.Nil(t, got)
			continue
		}
		require.Equal(t, a == b, got != nil, "%q %q", a, b)
		require.Nil(t, memo.get(a, true, ha, fa), "%q as a name", a)
	}
}

// TestMemoMissNote checks that the part memo answers a text at the address
// of its last miss at once only while nothing was put, and only for the
// name flag missed: a put, forget, another address or flag ask the slots.
func TestMemoMissNote(t *testing.T) {
	text := "Wahl Wahl"
	a, b := text[:4], text[5:] // equal texts at two addresses
	h, fp := wordHash(a)
	tests := []struct {
		name   string
		before func(m *partMemo) // after the miss of a, before a is put
		ask    string
		flag   bool
		want   bool // the put slot is found
	}{
		{"put since", func(m *partMemo) {}, a, false, true},
		{"forgotten", func(m *partMemo) { m.forget() }, a, false, true},
		{"other address", func(m *partMemo) {}, b, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := new(partMemo)
			require.Nil(t, m.get(a, false, h, fp))
			require.Equal(t, a, m.miss)
			require.Nil(t, m.get(a, false, h, fp), "noted miss")
			tt.before(m)
			m.put(a, false, h, fp, -1, false, nil)
			require.Empty(t, m.miss)
			require.Equal(t, tt.want, m.get(tt.ask, tt.flag, h, fp) != nil)
		})
	}
	// The flag is part of the note: a miss of a as a name says nothing of
	// a as a word.
	m := new(partMemo)
	require.Nil(t, m.get(a, true, h, fp))
	m.sets[h>>memoSetShift][1] = m.sets[h>>memoSetShift][0] // an empty slot
	sl := &m.sets[h>>memoSetShift][2]
	sl.n, sl.name, sl.nh = uint8(len(a)+1), false, 0
	binary.LittleEndian.PutUint64(sl.key[:8], fp)
	require.NotNil(t, m.get(a, false, h, fp))
	require.Nil(t, m.get(a, true, h, fp))
}

// TestHasLetter checks hasLetter, which the part memo keeps for
// matchWords' count of words with a letter, against addParts' count, and
// that a memo slot stays one cache line.
func TestHasLetter(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"", false},
		{"2024", false},
		{"3.5", false},
		{"2024a", true},
		{"Öl", true},
		{"12ä", true},
		{"x", true},
		{"%", false},
	}
	s := newScratch(1, 1)
	for _, tt := range tests {
		assert.Equal(t, tt.want, hasLetter(tt.text), tt.text)
		s.parts = s.parts[:0]
		assert.Equal(t, tt.want, s.addParts(tt.text, 0, false, 0) == 1, tt.text)
	}
	assert.Equal(t, uintptr(64), unsafe.Sizeof(memoSlot{}))
}

// TestSortOrder checks that sortOrder's insertion sort, with the scores
// compared inline, gives the order of orderCompare, ties (and -0 and +0)
// broken by index, for few topics and many.
func TestSortOrder(t *testing.T) {
	const nt = 60
	s := newScratch(1, nt)
	state := uint32(3)
	rnd := func(n int) int {
		state = state*1664525 + 1013904223
		return int(state>>8) % n
	}
	for range 3000 {
		for i := range s.score {
			s.score[i] = float64(rnd(6)) / 4
			if s.score[i] == 0 && rnd(2) == 0 {
				s.score[i] = math.Copysign(0, -1)
			}
		}
		s.order = s.order[:0]
		for i := range nt {
			s.order = append(s.order, int32(i))
		}
		for i := range s.order {
			j := rnd(nt)
			s.order[i], s.order[j] = s.order[j], s.order[i]
		}
		s.order = s.order[:1+rnd(nt)]
		want := slices.Clone(s.order)
		slices.SortFunc(want, s.orderCompare)
		s.sortOrder()
		require.Equal(t, want, s.order)
	}
}

// TestStopWordNote checks the note matchSpans leaves on the word it stops
// at, which is one it leaves to scan (a word of more than one part, or
// not onePart's common word, or where a phrase may start): its hash
// and fingerprint are wordHash's, and collectWord, taking the hash from
// the note, collects the parts it collects without it. A word matchSpans
// takes is in the memo afterwards, when it can be.
func TestStopWordNote(t *testing.T) {
	m := loadDefault(t, Options{})
	files, err := filepath.Glob("../../testdata/articles/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var texts []string
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		texts = append(texts, string(data))
	}
	texts = append(texts, "Nato-Gipfel in Brüssel: Waffenlieferungen und/oder „Friedensgespräche“ (2024) – Abrüstungsverhandlungsdelegationsleiterinnen sagen ja.")
	s, plain := newScratch(len(m.features), len(m.topics)), newScratch(1, 1)
	s.fs, s.fp = m.scoring()
	s.nb, s.model = m.nextBytes, m
	stops, phrases := 0, 0
	for range 2 { // the second time round, the memo knows most words
		for _, text := range texts {
			spans := spansOf(text)
			for i := range spans {
				spans[i].Name = i%7 == 3
			}
			s.reset()
			s.doc = document{text: text, spans: spans}
			plain.doc = s.doc
			nw := int32(len(spans))
			for {
				from := s.nextWord
				s.parts = s.parts[:0]
				s.matchSpans(nw)
				// fits reports whether the memo keeps what part finds for
				// w (part itself leaves the memo alone).
				fits := func(w string, name bool) bool {
					_, hits := m.part(s, w, name)
					return len(w) <= memoKey && len(hits) <= memoHits
				}
				for wi := from; wi < s.nextWord; wi++ {
					w, _, name := s.doc.word(wi)
					h, fp := wordHash(w)
					if onePart(w, fp) && fits(w, name) {
						require.NotNil(t, s.memo.get(w, name, h, fp), "%q", w)
					}
				}
				if s.nextWord == nw {
					break
				}
				wi := s.nextWord
				w, _, name := s.doc.word(wi)
				require.Equal(t, wi+1, s.stopWord, "%q", w)
				h, fp := wordHash(w)
				require.Equal(t, h, s.stopHash, "%q", w)
				require.Equal(t, fp, s.stopFP, "%q", w)
				stops++
				if onePart(w, fp) {
					// matchSpans stops at such a word only where a phrase
					// may start
					e, _ := m.part(s, w, name)
					require.True(t, e >= 0 && len(m.entries[e].phrases) > 0, "%q", w)
					phrases++
				}
				require.Equal(t, plain.collectWord(wi), s.collectWord(wi), "%q", w)
				require.Equal(t, plain.parts, s.parts, "%q", w)
				plain.parts = plain.parts[:0]
				// Match the parts as scan does, phrases aside.
				for _, p := range s.parts {
					text := s.doc.partText(p)
					if s.memo.get(text, p.name, p.hash, p.fp) == nil {
						m.learn(s, text, p.name, p.hash, p.fp)
					}
				}
				s.nextWord++
			}
		}
	}
	assert.Greater(t, phrases, 10)
	assert.Greater(t, stops, phrases)
}

// TestMemoPutOrder checks that put inserts at the front of a set and moves
// the others back, evicting the last, with their texts, of up to 8 bytes
// and longer, and their hits.
func TestMemoPutOrder(t *testing.T) {
	memo := new(partMemo)
	const h = 0x12345678 // one set for all
	texts := []string{"Wahl", "Bundestagswahl", "Kanzlerin", "Europäische Kommission", "Nato", "Verteidigungsministerium", "Ölpreis"}
	for i, text := range texts {
		_, fp := wordHash(text)
		memo.put(text, i%2 == 0, h, fp, int32(i), i%3 == 0, []partHit{{int32(i), float32(i)}})
		set := &memo.sets[h>>memoSetShift]
		for k := range memoWays {
			j := i - k // the text in slot k
			if j < 0 {
				require.Zero(t, set[k].n, "slot %d after %q", k, text)
				continue
			}
			_, fp := wordHash(texts[j])
			sl := &set[k]
			require.True(t, sl.is(texts[j], j%2 == 0, fp), "slot %d after %q", k, text)
			require.Equal(t, int32(j), sl.e)
			require.Equal(t, j%3 == 0, sl.phr)
			require.Equal(t, uint8(1), sl.nh)
			require.Equal(t, int32(j), sl.f[0])
			require.Equal(t, float32(j), sl.w[0])
		}
		require.Same(t, &set[0], memo.get(text, i%2 == 0, h, fp))
	}
}

// TestMemoGetSwaps checks that get finds a text in every slot of its set
// and swaps it with the slot before, leaving the others, and that a text
// in none of them, or with the other name flag, is not found.
func TestMemoGetSwaps(t *testing.T) {
	const h = 0x9abcdef0 // one set for all
	texts := []string{"Wahl", "Bundestagswahl", "Kanzlerin", "Verteidigungsministerium"}
	for k := range memoWays {
		memo := new(partMemo)
		for i := len(texts) - 1; i >= 0; i-- {
			_, fp := wordHash(texts[i])
			memo.put(texts[i], false, h, fp, int32(i), false, nil)
		}
		set := &memo.sets[h>>memoSetShift]
		_, fp := wordHash(texts[k])
		require.Nil(t, memo.get(texts[k], true, h, fp), "%q as a name", texts[k])
		memo.forget()
		sl := memo.get(texts[k], false, h, fp)
		want := slices.Clone(texts)
		if k > 0 {
			want[k-1], want[k] = want[k], want[k-1]
			require.Same(t, &set[k-1], sl, "%q", texts[k])
		} else {
			require.Same(t, &set[0], sl, "%q", texts[k])
		}
		for j, w := range want {
			_, fp := wordHash(w)
			require.True(t, set[j].is(w, false, fp), "slot %d after asking for %q", j, texts[k])
		}
		_, fp = wordHash("Wahlen")
		require.Nil(t, memo.get("Wahlen", false, h, fp))
	}
}

// NoEvidence gives the same topics and scores, without evidence, and
// allocates less.
func TestNoEvidence(t *testing.T) {
	texts := append(resultTexts(), "nichts davon hier")
	for _, opts := range []Options{{}, {MinScore: 0.001, MaxTopics: 64}} {
		m := loadDefault(t, opts)
		opts.NoEvidence = true
		lean := loadDefault(t, opts)
		n := 0
		for _, text := range texts {
			want, got := m.ScoreText(text), lean.ScoreText(text)
			require.Len(t, got, len(want), text)
			for i := range want {
				require.NotEmpty(t, want[i].Evidence)
				require.Nil(t, got[i].Evidence)
				want[i].Evidence = nil
			}
			require.Equal(t, want, got)
			n += len(got)
		}
		assert.Greater(t, n, len(texts), "%+v", opts)
	}
	if !raceEnabled {
		m, lean := loadDefault(t, Options{}), loadDefault(t, Options{NoEvidence: true})
		ws := words(texts[0])
		require.NotEmpty(t, m.Score(ws, nil))
		full := testing.AllocsPerRun(50, func() { m.Score(ws, nil) })
		assert.Equal(t, full-1, testing.AllocsPerRun(50, func() { lean.Score(ws, nil) }), "the evidence's slab is not allocated")
	}
}
