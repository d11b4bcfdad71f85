package match

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestHashKey checks that the hash is the same for a string and its bytes,
// fixed (snapshots record where keys lie), and spreads keys that differ
// in one byte, at any length.
func TestHashKey(t *testing.T) {
	tests := []struct {
		key  string
		want uint64
	}{
		{"", 0xa5506ff52926ac13},
		{"putin", 0xf582000f32d5a168},
		{"nordatlantikpakt-organisation", 0x3436449be41893fd},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, hashKey(tt.key), "hashKey(%q) changed: run go generate ./tagger/internal/snapshot", tt.key)
		assert.Equal(t, tt.want, hashKey([]byte(tt.key)))
	}
	seen := map[uint64]string{}
	for n := range 40 {
		base := strings.Repeat("a", n)
		for i := range n {
			for _, c := range []byte("bz\xc3") {
				k := []byte(base)
				k[i] = c
				h := hashKey(k)
				assert.Equal(t, h, hashKey(string(k)))
				if prev, dup := seen[h]; dup {
					t.Errorf("%q and %q have the same hash", prev, k)
				}
				seen[h] = string(k)
			}
		}
		if prev, dup := seen[hashKey(base)]; dup && prev != base {
			t.Errorf("%q and %q have the same hash", prev, base)
		}
		seen[hashKey(base)] = base
	}
}
