package tagger

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/etikett-nlp/etikett/internal/token"
	"github.com/etikett-nlp/etikett/lexicon"
	"github.com/etikett-nlp/etikett/tagger/internal/match"
)

// roleEndingPlain is roleEnding without Gazetteer.MayEndRole.
func roleEndingPlain(g *match.Gazetteer, key []byte) bool {
	for k := 1; k+4 <= len(key); k++ {
		if utf8.RuneStart(key[k]) && key[k] != '-' && g.Role(key[k:]) != "" {
			return true
		}
	}
	return false
}

// roleEnding answers as without its filter: for the words of the test
// articles, and for the role words of the lexicon, their inflections,
// after a prefix and alone.
func TestRoleEndingFilter(t *testing.T) {
	tg, scratches := testScratches(t)
	var keys [][]byte
	for _, s := range scratches {
		for i := range s.toks {
			keys = append(keys, s.key(i))
		}
	}
	lx, err := lexicon.LoadDefault()
	require.NoError(t, err)
	for _, r := range lx.Roles {
		for _, f := range r.Forms {
			for _, end := range []string{"", "s", "in", "innen", "x"} {
				k := token.Key(f + end)
				keys = append(keys, []byte(k), []byte("polizei"+k), []byte("ex-"+k), []byte("ü"+k))
			}
		}
	}
	found := 0
	for _, k := range keys {
		want := roleEndingPlain(tg.g, k)
		require.Equal(t, want, roleEnding(tg.g, k), "%q", k)
		if want {
			found++
		}
	}
	assert.Greater(t, found, 1000)
}
