package match

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

// KeyWords gives the key's bytes as words whether or not the key has room
// after it, as keyWords does for strings and byte slices, at every length.
func TestKeyWords(t *testing.T) {
	long := "abcdefghijklmnopqrstuvwxyzäöüß0123456789"
	for n := range len(long) + 1 {
		k := long[:n]
		want := [3]uint64{2: uint64(uint8(n+1)) << 56}
		for i := range min(n, 23) {
			want[i/8] |= uint64(k[i]) << (8 * (i % 8))
		}
		tight := []byte(k)[:n:n]
		roomy := append([]byte(k), "XXXXXXXXXXXXXXXXXXXXXXXX"...)[:n]
		assert.Equal(t, want, KeyWords(tight), "%q", k)
		assert.Equal(t, want, KeyWords(roomy), "%q, room after it", k)
		if n <= 16 {
			some := append([]byte(k), "XXXXXXXXXXXXXXXXX"...)[:n:16] // room to 16 bytes, not to 24
			assert.Equal(t, want, KeyWords(some), "%q, room to 16 bytes", k)
		}
		assert.Equal(t, want, keyWords(k), "%q, a string", k)
	}
}

// Word answers as a plain lookup in the keys table, Bloom filter aside,
// for every key of the gazetteer, compiled or decoded, and for others.
func TestWordBloom(t *testing.T) {
	want := Compile(defaultLexicon(t))
	data, err := want.AppendBinary(nil)
	require.NoError(t, err)
	got, err := Decode(string(data))
	require.NoError(t, err)
	got.Mark("neuwort", 1<<3)
	for _, g := range []*Gazetteer{want, got} {
		var keys [][]byte
		for i := range g.keys.len() {
			keys = append(keys, g.keys.at(i))
		}
		for _, k := range probes {
			keys = append(keys, []byte(k), []byte(k+"x"), []byte("x"+k))
		}
		found := 0
		for _, k := range keys {
			var plain *Word
			if i := g.keys.find(k, hashKey(k)); i >= 0 {
				plain = &g.info[i]
				found++
			}
			require.Same(t, plain, g.Word(k), "%q", k)
			kw := KeyWords(k)
			require.Same(t, plain, g.WordWords(k, &kw), "%q", k)
			if plain != nil {
				require.True(t, g.MayHaveWords(&kw), "%q", k)
			}
			if g.MayHaveWords(&kw) {
				require.Same(t, plain, g.FindWord(k), "%q", k)
			}
		}
		assert.Greater(t, found, g.keys.len()-1)
	}
	assert.NotNil(t, got.Word([]byte("neuwort")), "a key marked after decoding")
}
