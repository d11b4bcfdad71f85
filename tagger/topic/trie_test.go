package topic

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTrieChild checks child, which finds an edge among a node's packed
// bytes or in a dense table (see pack), against a scan of the node's
// edges, for every node of the default model's tries and every byte.
func TestTrieChild(t *testing.T) {
	m := loadDefault(t, Options{})
	scan := func(tr *trie, n int32, c byte) int32 {
		nd := &tr.nodes[n]
		for _, e := range tr.edges[nd.first : nd.first+nd.n] {
			if e.b == c {
				return e.child
			}
		}
		return 0
	}
	for _, tr := range []*trie{m.heads, m.mods} {
		require.Greater(t, len(tr.nodes), 1000)
		packed := 0
		for n := range int32(len(tr.nodes)) {
			if tr.nodes[n].dense < 0 && n > 0 {
				packed++
			}
			for c := range 256 {
				if want, got := scan(tr, n, byte(c)), tr.child(n, byte(c)); got != want {
					require.Equal(t, want, got, "node %d byte %d", n, c)
				}
			}
		}
		assert.Greater(t, packed, 100)
	}
}
