package match

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/etikett-nlp/etikett/internal/token"
)

// TokCase's table answers as the branches of tokCaseOf, whatever other
// flags a token has.
func TestTokCase(t *testing.T) {
	for f := range token.Flags(1 << 12) {
		assert.Equal(t, tokCaseOf(f), TokCase(f), "flags %b", f)
	}
	assert.Equal(t, uint8(anyCase), TokCase(token.SentStart|token.Hyphen))
	assert.Equal(t, uint8(capFirst), TokCase(token.Cap|token.SentStart))
	assert.Equal(t, uint8(allCaps), TokCase(token.Cap|token.AllCaps))
	assert.Equal(t, uint8(allCaps), TokCase(token.AllCaps))
}

// hit finds a key's slot only when the slot holds that key; a nil or empty
// cache holds none.
func TestEdgeCacheHit(t *testing.T) {
	var c EdgeCache
	key := uint64(42)
	assert.Nil(t, (*EdgeCache)(nil).hit(key))
	assert.Nil(t, c.hit(key))
	sl := &c.slots[(key*0x9e3779b97f4a7c15)>>(64-edgeCacheBits)]
	sl.key, sl.child, sl.term = key, 7, 3
	assert.Same(t, sl, c.hit(key))
	assert.Nil(t, c.hit(key+1))
	sl.child = edgeAbsent // a cached miss is a hit too
	assert.Same(t, sl, c.hit(key))
}

// CaseMask's table holds the bits of the cases up to tc.
func TestCaseMask(t *testing.T) {
	for _, tc := range []uint8{anyCase, capFirst, allCaps} {
		assert.Equal(t, uint8(2)<<tc-1, CaseMask(tc), "tc %d", tc)
	}
}

// OneTokenCases answers for the three cases at once as OneTokenName does
// for each, for every key of the default lexicon and of the small one.
func TestOneTokenCases(t *testing.T) {
	seen := [8]int{}
	for _, g := range []*Gazetteer{Compile(smallLexicon(t)), Compile(defaultLexicon(t))} {
		for i := range g.info {
			cands := g.info[i].Cands
			got := g.OneTokenCases(cands)
			var want uint8
			for tc := range uint8(3) {
				if g.OneTokenName(cands, tc) {
					want |= 1 << tc
				}
			}
			require.Equal(t, want, got, "%q", g.keys.at(i))
			seen[got]++
		}
	}
	// Keys that are no name alone, names in any case, names capitalized
	// or in capitals, and in capitals only.
	t.Logf("keys by cases: %v", seen)
	assert.NotZero(t, seen[0])
	assert.NotZero(t, seen[7])
	assert.NotZero(t, seen[6])
	assert.NotZero(t, seen[4])
}

// MayEndRole holds for every key with a role and for words that end in
// one, in the gazetteer compiled and decoded, and rejects most other keys.
func TestMayEndRole(t *testing.T) {
	want := Compile(defaultLexicon(t))
	data, err := want.AppendBinary(nil)
	require.NoError(t, err)
	got, err := Decode(string(data))
	require.NoError(t, err)
	require.Equal(t, *want.roleEnds, *got.roleEnds)
	roles, rejected, others := 0, 0, 0
	for i := range got.info {
		key := got.keys.at(i)
		if len(key) < 4 {
			continue
		}
		if got.info[i].role != 0 {
			roles++
			require.True(t, got.MayEndRole(key), "%q", key)
			require.True(t, got.MayEndRole(append([]byte("polizei"), key...)), "%q", key)
			continue
		}
		others++
		if !got.MayEndRole(key) {
			rejected++
		}
	}
	t.Logf("%d keys with a role; %d of %d others rejected", roles, rejected, others)
	assert.Greater(t, roles, 100)
	assert.Greater(t, rejected, others/2)
}
