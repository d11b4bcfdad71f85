package token

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// AppendKeyAt gives AppendKey's key of text[start:end], whatever comes
// before and after it in the text, and leaves eight bytes of room after it.
func TestAppendKeyAt(t *testing.T) {
	texts := []string{"", "Nato", "NATO-Gipfel in Brüssel", "ÄRGER über Müller", "Scholz’ Partei",
		"Bundes\u00adtag und BUNDESRAT", "a\xffb", "\xc3", "Ⱥbc İstanbul", "ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{ ,.",
		"straße", "x’Y\u00adZ", "Die Regierung in Berlin: Ein Land, zwei Systeme. Außenministerin Baerbock"}
	for _, text := range texts {
		for start := 0; start <= len(text); start++ {
			for end := start; end <= len(text); end++ {
				for _, prefix := range []string{"", "key:"} {
					want := AppendKey([]byte(prefix), text[start:end])
					got := AppendKeyAt([]byte(prefix), text, start, end)
					require.Equal(t, string(want), string(got), "AppendKeyAt(%q, %q, %d, %d)", prefix, text, start, end)
					require.GreaterOrEqual(t, cap(got)-len(got), 8)
				}
			}
		}
	}
}

func TestLower8(t *testing.T) {
	for c := range 0x80 {
		want := byte(c)
		if 'A' <= c && c <= 'Z' {
			want += 'a' - 'A'
		}
		w := lower8(uint64(c) * ones)
		for k := range 8 {
			require.Equal(t, want, byte(w>>(8*k)), "byte %#x at %d", c, k)
		}
	}
}

func FuzzAppendKeyAt(f *testing.F) {
	f.Add("NATO-Gipfel in Brüssel", 0, 4)
	f.Add("Scholz’ Partei", 3, 12)
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		if start < 0 || end < start || end > len(text) {
			return
		}
		want := AppendKey(nil, text[start:end])
		got := AppendKeyAt(nil, text, start, end)
		require.Equal(t, string(want), string(got))
	})
}
