package match

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/etikett-nlp/etikett/internal/newstext"
	"github.com/etikett-nlp/etikett/internal/token"
	"github.com/etikett-nlp/etikett/lexicon"
)

// compoundPlain is Compound without its filters (see prefixLens): it tries
// every length that cuts the key between runes and leaves three bytes or
// more, below 64 bytes as the filters allow.
func compoundPlain(g *Gazetteer, key []byte) (int32, int, bool) {
	if len(g.prefixOf) == 0 || len(key) < 6 {
		return 0, 0, false
	}
	for n := 1; n <= len(key)-3 && n < 64; n++ {
		if !utf8.RuneStart(key[n]) {
			continue
		}
		p := g.prefixes.find(key[:n], g.prefixes.hash(key[:n]))
		if p < 0 {
			continue
		}
		rest := key[n:]
		if g.isHead(rest) || len(rest) > 4 && rest[0] == 's' && g.isHead(rest[1:]) {
			return g.prefixOf[p], n, true
		}
	}
	return 0, 0, false
}

// compoundKeys returns keys to split: made, each prefix before heads and
// role words (with and without a linking s), before other words and cut
// short; and words, the capitalized words of the testdata articles and of
// the 10kGNAD dev texts when ../shared has them.
func compoundKeys(t *testing.T, g *Gazetteer) (made, words [][]byte) {
	t.Helper()
	var keys [][]byte
	tails := []string{"chef", "gipfel", "sprecherin", "präsidenten", "minister", "haus", "bahn", "en", "er",
		"ische", "kanzlerin", "streit", "ßüö", "x"}
	for i := range g.prefixes.len() {
		p := string(g.prefixes.at(i))
		for _, tail := range tails {
			keys = append(keys, []byte(p+tail), []byte(p+"s"+tail))
		}
		keys = append(keys, []byte(p), []byte(p[:len(p)-1]+"chef"))
	}
	made, keys = keys, nil
	_, texts, err := newstext.Articles("../../../testdata")
	require.NoError(t, err)
	if fresh, err := newstext.Fresh(); err == nil {
		texts = append(texts, fresh...)
	} else {
		t.Logf("only the testdata articles: %v", err)
	}
	for _, text := range texts {
		for _, tok := range token.Tokenize(text, nil) {
			if tok.Kind == token.Word && tok.Flags&token.Cap != 0 {
				keys = append(keys, []byte(token.Key(tok.Text(text))))
			}
		}
	}
	return made, keys
}

// shortPrefixLexicon has prefixes of three bytes (see short3) and of
// four, sharing their first three.
func shortPrefixLexicon(t testing.TB) *lexicon.Lexicon {
	t.Helper()
	lx := lexicon.New()
	lx.AddFile("entities.tsv", []byte("uno\tORG\tUno\t\tcompound=yes\n"+
		"unos\tORG\tUnos\t\tcompound=yes\n"+
		"ezb\tORG\tEZB\t\tcompound=yes\n"))
	lx.AddFile("heads.tsv", []byte("Chef\nGipfel\n"))
	require.NoError(t, lx.Err())
	return lx
}

// Compound's filters leave out no split: it answers as compoundPlain on
// keys that split and keys that do not, and MayCompound holds wherever
// Compound splits.
func TestCompoundFilters(t *testing.T) {
	for _, g := range []*Gazetteer{Compile(shortPrefixLexicon(t)), Compile(smallLexicon(t)), Compile(defaultLexicon(t))} {
		made, words := compoundKeys(t, g)
		split := 0
		for _, keys := range [][][]byte{made, words} {
			rejected := 0
			for _, key := range keys {
				e, n, ok := g.Compound(key)
				we, wn, wok := compoundPlain(g, key)
				require.Equal(t, []any{we, wn, wok}, []any{e, n, ok}, "Compound(%q)", key)
				may := g.MayCompound(key)
				require.True(t, may || !ok, "MayCompound(%q)", key)
				if ok {
					split++
				}
				if !may {
					rejected++
				}
			}
			t.Logf("%d keys, %d rejected by MayCompound", len(keys), rejected)
			if len(keys) == len(words) {
				// MayCompound rejects most words of news text.
				assert.Greater(t, rejected, len(words)*3/4)
			}
		}
		assert.Greater(t, split, 10)
	}
}

// prefixLens leaves out exactly the lengths that cut a rune or fail
// mayPrefix, and keeps every prefix's own length.
func TestPrefixLens(t *testing.T) {
	for _, g := range []*Gazetteer{Compile(shortPrefixLexicon(t)), Compile(defaultLexicon(t))} {
		for i := range g.prefixes.len() {
			p := g.prefixes.at(i)
			if len(p) >= 64 {
				continue
			}
			key := append(append([]byte(nil), p...), "chef"...)
			assert.NotZero(t, g.prefixLens(key)&(1<<len(p)), "%q", key)
			assert.True(t, g.mayPrefix(first3(p), p[len(p)-2], p[len(p)-1], len(p)), "%q", key)
		}
	}
	g := Compile(shortPrefixLexicon(t))
	require.NotNil(t, g.short3)
	assert.Equal(t, uint64(1<<3|1<<4), g.prefixLens([]byte("unoschef")), "uno, unos")
	assert.Equal(t, uint64(1<<3), g.prefixLens([]byte("unochef")), "uno; unoc is none")
	assert.Nil(t, Compile(defaultLexicon(t)).short3, "no prefix of three bytes")
	assert.Zero(t, g.prefixLens([]byte("kreml")), "shorter than six bytes")
	assert.Zero(t, Compile(smallLexicon(t)).prefixLens([]byte("zzzzzzzz")), "no prefix begins so")
}
