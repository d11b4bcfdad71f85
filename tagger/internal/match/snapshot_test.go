package match

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/etikett-nlp/etikett/internal/snap"
	"github.com/etikett-nlp/etikett/internal/token"
	"github.com/etikett-nlp/etikett/lexicon"
)

// smallFiles is a lexicon with a little of everything the gazetteer
// compiles: aliases, adjectives, demonyms, compound prefixes, names shared
// by two entries, roles, heads and nouns.
var smallFiles = map[string]string{
	"entities.tsv": "russland\tLOC\tRussland\tRussische Föderation | RF\tadj=russisch;demonym=Russe|Russin;kind=country;country=RU;wikidata=Q159\n" +
		"nato\tORG\tNato\tNATO | Nordatlantikpakt\tcompound=yes;kind=military;note=Bündnis\n" +
		"kreml\tORG\tKreml\t\tcompound=yes;country=RU\n" +
		"wladimir-putin\tPER\tWladimir Putin\tPutin\tkind=politician;country=RU\n" +
		"deutsche-bank\tORG\tDeutsche Bank\t\tkind=company\n" +
		"un\tORG\tUN\tVereinte Nationen\n" +
		"essen\tLOC\tEssen\t\tambig=noun;kind=city\n" +
		"essen-verein\tORG\tEssen\t\tambig=LOC\n" +
		"muenchen\tLOC\tMünchen\t\tdemonym=Münchner;adj=münchner\n" +
		"niederlande\tLOC\tNiederlande\t\tkind=country\n",
	"roles.tsv":      "Kanzler|Kanzlerin\tpolitics\nSprecher|Sprecherin\tmedia\n",
	"heads.tsv":      "Gipfel\nChef\n",
	"nouns.tsv":      "Sommer\nStein\n",
	"firstnames.tsv": "Wladimir\tm\n",
}

func smallLexicon(t testing.TB) *lexicon.Lexicon {
	t.Helper()
	lx := lexicon.New()
	for _, name := range []string{"entities.tsv", "firstnames.tsv", "heads.tsv", "nouns.tsv", "roles.tsv"} {
		lx.AddFile(name, []byte(smallFiles[name]))
	}
	require.NoError(t, lx.Err())
	return lx
}

func defaultLexicon(t testing.TB) *lexicon.Lexicon {
	t.Helper()
	lx, err := lexicon.LoadDefault()
	require.NoError(t, err)
	return lx
}

// probes are token keys to look up in both gazetteers.
var probes = strings.Fields(`russland russlands russisch russischen russe russin russinnen nato natos nato-gipfel
	natogipfel kremlchef kremlchefs kremlgipfel putin putins putin's wladimir deutsche deutschen deutscher bank
	un vereinte vereinten nationen essen münchen münchner münchnerin münchnerinnen niederlanden kanzler
	kanzlerin kanzlers kanzlerinnen sprecherin gipfel sommer steine stein berlin der die und fc bayern
	bundeskanzler scholz scholz' bundesamt verlag`)

func equalLookups(t *testing.T, want, got *Gazetteer, keys []string) {
	t.Helper()
	require.Equal(t, len(want.Entries), len(got.Entries))
	for i := range want.Entries {
		require.Equal(t, *want.Entries[i], *got.Entries[i], "entry %d", i)
	}
	assert.Equal(t, want.Nodes(), got.Nodes())
	for _, k := range keys {
		key := []byte(k)
		w1, w2 := want.Word(key), got.Word(key)
		require.Equal(t, w1 == nil, w2 == nil, "Word(%q)", k)
		if w1 != nil {
			assert.Equal(t, *w1, *w2, "Word(%q)", k)
			assert.Equal(t, want.RoleOf(w1), got.RoleOf(w2), "RoleOf(%q)", k)
			assert.Equal(t, want.StartsName(w1.Cands), got.StartsName(w2.Cands), "StartsName(%q)", k)
			rc := want.RootCases(w1.Cands)
			assert.Equal(t, rc, got.RootCases(w2.Cands), "RootCases(%q)", k)
			assert.Equal(t, want.StartsName(w1.Cands), rc != 0, "RootCases(%q) against StartsName", k)
			for cs := uint8(0); cs <= allCaps; cs++ {
				// A name may begin only where RootCases lets it (the tagger
				// skips Hits elsewhere).
				hits := want.Hits([]Tok{{Cands: w1.Cands, Case: cs}}, nil)
				if len(hits) > 0 {
					assert.NotZero(t, rc&CaseMask(cs), "RootCases(%q) = %b, but a name begins there in case %d", k, rc, cs)
				}
				// OneTokenName is whether Hits finds a name of the token alone.
				assert.Equal(t, len(hits) > 0, want.OneTokenName(w1.Cands, cs), "OneTokenName(%q, %d)", k, cs)
				assert.Equal(t, len(hits) > 0, got.OneTokenName(w2.Cands, cs), "OneTokenName(%q, %d), decoded", k, cs)
			}
		}
		d1, ok1 := want.Deriv(key)
		d2, ok2 := got.Deriv(key)
		assert.Equal(t, ok1, ok2, "Deriv(%q)", k)
		assert.Equal(t, d1, d2, "Deriv(%q)", k)
		e1, n1, ok1 := want.Compound(key)
		e2, n2, ok2 := got.Compound(key)
		assert.Equal(t, []any{e1, n1, ok1}, []any{e2, n2, ok2}, "Compound(%q)", k)
		assert.Equal(t, want.IsNoun(key), got.IsNoun(key), "IsNoun(%q)", k)
		assert.Equal(t, want.IsHead(key), got.IsHead(key), "IsHead(%q)", k)
		assert.Equal(t, want.Role(key), got.Role(key), "Role(%q)", k)
	}
	// Names of two and three tokens, in every case; HitsCached answers
	// alike with a cold cache and a warm one.
	ec := new(EdgeCache)
	for pass := range 2 {
		for i := range keys {
			for n := 1; n <= 3 && i+n <= len(keys); n++ {
				for cs := uint8(0); cs <= allCaps; cs++ {
					var t1, t2 []Tok
					for _, k := range keys[i : i+n] {
						t1 = append(t1, Tok{Cands: want.Cands([]byte(k)), Case: cs})
						t2 = append(t2, Tok{Cands: got.Cands([]byte(k)), Case: cs})
					}
					hits := want.Hits(t1, nil)
					if len(hits) > 0 {
						assert.NotZero(t, want.RootCases(t1[0].Cands)&CaseMask(cs), "RootCases(%q) against Hits", keys[i])
					}
					if pass == 0 {
						assert.Equal(t, hits, got.Hits(t2, nil), "Hits(%q)", keys[i:i+n])
					}
					assert.Equal(t, hits, got.HitsCached(t2, nil, ec), "HitsCached(%q), pass %d", keys[i:i+n], pass)
				}
			}
		}
	}
}

// TestBinaryRoundTrip encodes compiled gazetteers, decodes them and checks
// that the result encodes to the same bytes and answers every lookup alike.
func TestBinaryRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		lx   func(testing.TB) *lexicon.Lexicon
		keys []string
	}{
		{"empty", func(testing.TB) *lexicon.Lexicon { return lexicon.New() }, probes},
		{"small", smallLexicon, probes},
		{"default", defaultLexicon, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lx := tt.lx(t)
			want := Compile(lx)
			data, err := want.AppendBinary(nil)
			require.NoError(t, err)
			got, err := Decode(string(data))
			require.NoError(t, err)
			again, err := got.AppendBinary(nil)
			require.NoError(t, err)
			require.Equal(t, data, again, "encoding the decoded gazetteer gives other bytes")
			keys := tt.keys
			if keys == nil {
				keys = append(keys, probes...)
				for _, e := range lx.Entries[:min(len(lx.Entries), 3000)] {
					for _, n := range e.Names() {
						for _, tok := range token.Tokenize(n, nil) {
							keys = append(keys, token.Key(tok.Text(n)))
						}
					}
				}
			}
			equalLookups(t, want, got, keys)
			// Marks after decoding reach known and new keys.
			got.Mark("putin", 1<<3)
			got.MarkKey([]byte("neuwort"), 1<<4)
			if w := got.Word([]byte("putin")); assert.NotNil(t, w) {
				assert.Equal(t, uint32(1<<3), w.Bits&(1<<3))
			}
			if w := got.Word([]byte("neuwort")); assert.NotNil(t, w) {
				assert.Equal(t, uint32(1<<4), w.Bits)
			}
		})
	}
}

// TestDecodeCorrupt feeds Decode damaged data: every error must wrap
// snap.ErrCorrupt, and nothing may panic.
func TestDecodeCorrupt(t *testing.T) {
	data, err := Compile(smallLexicon(t)).AppendBinary(nil)
	require.NoError(t, err)
	good := string(data)
	tests := []struct {
		name string
		data string
	}{
		{"empty", ""},
		{"truncated", good[:len(good)/2]},
		{"one byte short", good[:len(good)-1]},
		{"trailing byte", good + "x"},
		{"huge section", "\xff\xff\xff\xff\x0f"},
		{"overlong varint", "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01"},
		{"empty sections", "\x00\x00\x00\x00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(tt.data)
			require.Error(t, err)
			assert.ErrorIs(t, err, snap.ErrCorrupt)
		})
	}
	// Every truncation fails; every changed byte fails or gives a
	// gazetteer that looks words up without panicking.
	for i := range len(good) {
		_, err := Decode(good[:i])
		require.Error(t, err, "truncated at %d", i)
		b := []byte(good)
		b[i] ^= 0x5a
		if g, err := Decode(string(b)); err == nil {
			use(g)
		}
	}
}

// use looks words up in g as a tagger would.
func use(g *Gazetteer) {
	var toks []Tok
	for _, k := range probes {
		key := []byte(k)
		g.Deriv(key)
		g.Compound(key)
		g.IsNoun(key)
		g.Role(key)
		if w := g.Word(key); w != nil {
			g.RoleOf(w)
			g.StartsName(w.Cands)
		}
		toks = append(toks, Tok{Cands: g.Cands(key), Case: 1})
	}
	for i := range toks {
		g.Hits(toks[i:], nil)
	}
	for _, e := range g.Entries {
		e.Names()
	}
}

// FuzzDecode checks that no input makes Decode, or looking words up in what
// it returns, panic.
func FuzzDecode(f *testing.F) {
	data, err := Compile(smallLexicon(f)).AppendBinary(nil)
	require.NoError(f, err)
	f.Add(string(data))
	f.Add(string(data[:len(data)/2]))
	f.Fuzz(func(t *testing.T, data string) {
		if g, err := Decode(data); err == nil {
			use(g)
		}
	})
}
