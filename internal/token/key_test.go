package token

import (
	"encoding/binary"
	"testing"
	"unicode"

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

// ShortKey gives AppendKey's key, padded with zeros to eight bytes, exactly
// for the short ASCII tokens.
func TestShortKey(t *testing.T) {
	texts := []string{"", "Nato", "NATO-Gipfel in Brüssel", "ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{ ,.", "a\xffb und Ärger"}
	for _, text := range texts {
		for start := 0; start <= len(text); start++ {
			for end := start; end <= len(text); end++ {
				if end-start > 8 || start+8 > len(text) {
					continue
				}
				w, ok := ShortKey(Load8(text, start), end-start)
				key := AppendKey(nil, text[start:end])
				ascii := true
				for _, c := range []byte(text[start:end]) {
					ascii = ascii && c < 0x80
				}
				require.Equal(t, ascii, ok, "ShortKey(%q, %d, %d)", text, start, end)
				if ok {
					var b [8]byte
					copy(b[:], key)
					require.Equal(t, b, [8]byte(binary.LittleEndian.AppendUint64(nil, w)), "ShortKey(%q, %d, %d)", text, start, end)
				}
			}
		}
	}
}

// The two-byte Latin-1 characters get the keys that decoding rune by rune
// gives, and the letters lower-case as unicode.ToLower has them.
func TestAppendKeyLatin1(t *testing.T) {
	for r := rune(0x80); r <= 0xFF; r++ {
		s := "X" + string(r) + "Y"
		require.Equal(t, string(appendKeyRef(nil, s)), string(AppendKey(nil, s)), "%U", r)
		if unicode.IsLetter(r) {
			require.Equal(t, "x"+string(unicode.ToLower(r))+"y", string(AppendKey(nil, s)), "%U", r)
		}
	}
	// A lead byte without its continuation byte is invalid UTF-8.
	require.Equal(t, string(appendKeyRef(nil, "\xc3A")), string(AppendKey(nil, "\xc3A")))
	require.Equal(t, string(appendKeyRef(nil, "a\xc3")), string(AppendKey(nil, "a\xc3")))
}

// The general punctuation (U+2000 to U+203F), which AppendKey copies
// without decoding, gets the keys that decoding rune by rune gives.
func TestAppendKeyPunctuation(t *testing.T) {
	for r := rune(0x1FF0); r <= 0x2050; r++ {
		s := "X" + string(r) + "Y"
		require.Equal(t, string(appendKeyRef(nil, s)), string(AppendKey(nil, s)), "%U", r)
	}
	for _, s := range []string{"\xe2\x80", "a\xe2\x80", "\xe2\x80A", "\xe2\x80\xc0", "\xe2\x80\x7f„", "„Bild“ – Scholz’"} {
		require.Equal(t, string(appendKeyRef(nil, s)), string(AppendKey(nil, s)), "%q", s)
	}
}

func TestLowBytes(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 100} {
		require.Equal(t, uint64(1)<<(8*n)-1, LowBytes(n), "LowBytes(%d)", n)
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

// latin1Token reports whether b is ASCII and two-byte Latin-1 letters
// (0xC3 and a byte from 0x80 to 0xBF) only: the tokens Latin1Key takes.
func latin1Token(b []byte) bool {
	for i := 0; i < len(b); i++ {
		switch {
		case b[i] < 0x80:
		case b[i] == 0xC3 && i+1 < len(b) && 0x80 <= b[i+1] && b[i+1] <= 0xBF:
			i++
		default:
			return false
		}
	}
	return true
}

// checkLatin1Key checks Latin1Key on text[start:start+ln]: AppendKey's key,
// padded with zeros to eight bytes, exactly for the tokens of latin1Token.
func checkLatin1Key(t *testing.T, text string, start, ln int) {
	w, ok := Latin1Key(Load8(text, start), ln)
	tok := text[start : start+ln]
	require.Equal(t, latin1Token([]byte(tok)), ok, "Latin1Key(%q)", tok)
	if ok {
		var b [8]byte
		copy(b[:], AppendKey(nil, tok))
		require.Equal(t, b, [8]byte(binary.LittleEndian.AppendUint64(nil, w)), "Latin1Key(%q)", tok)
	}
}

func TestLatin1Key(t *testing.T) {
	texts := []string{
		"", "Nato", "NATO-Gipfel in Brüssel", "ÄÖÜäöüßé×÷ÞþÀ", "Außenministerin Öl GRÜNEN",
		"a\xffb und Ärger", "x\xc3\xc3\x80y\xc3(z\xc3\xc0\xe2\x80\x9e„Bild“ – Scholz’ soft\u00adhyphen",
	}
	for r := rune(0x80); r <= 0x7FF; r++ {
		texts = append(texts, "aB"+string(r)+"Cd"+string(r)+"xYz")
	}
	for _, text := range texts {
		for start := 0; start+8 <= len(text); start++ {
			for ln := 0; ln <= 8; ln++ {
				checkLatin1Key(t, text, start, ln)
			}
		}
	}
}

func FuzzLatin1Key(f *testing.F) {
	f.Add("Außenmin", 8)
	f.Add("GRÜNEN s", 6)
	f.Fuzz(func(t *testing.T, text string, ln int) {
		if len(text) < 8 || ln < 0 || ln > 8 {
			return
		}
		checkLatin1Key(t, text, 0, ln)
	})
}

func FuzzAppendKey(f *testing.F) {
	f.Add("„Bild“ – Scholz’ Bundes\u00adtag")
	f.Add("a\xe2\x80\xc3\x80")
	f.Fuzz(func(t *testing.T, s string) {
		require.Equal(t, string(appendKeyRef(nil, s)), string(AppendKey(nil, s)))
	})
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
