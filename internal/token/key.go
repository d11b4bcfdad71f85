package token

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// AppendKey appends the lookup key of s to dst: s lower-cased, with the
// typographic apostrophe ’ written as ' and soft hyphens dropped. Keys are
// what the gazetteer compares; offsets always refer to the original text.
func AppendKey(dst []byte, s string) []byte {
	// ASCII, byte for byte into room made at once, up to the first other
	// byte; the loop below takes the rest.
	n := len(dst)
	dst = slices.Grow(dst, len(s))[:n+len(s)]
	i := 0
	for ; i < len(s) && s[i] < utf8.RuneSelf; i++ {
		dst[n+i] = asciiToLower[s[i]]
	}
	dst = dst[:n+i]
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r {
		case '\u00ad':
			continue
		case '’':
			dst = append(dst, '\'')
			continue
		case utf8.RuneError:
			if size == 1 {
				dst = append(dst, "\uFFFD"...)
				continue
			}
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// asciiToLower maps each ASCII byte to its lower case.
var asciiToLower = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return
}()

// Key returns the lookup key of s (see AppendKey).
func Key(s string) string { return string(AppendKey(nil, s)) }

// IsUpperStart reports whether s begins with an upper-case letter.
func IsUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
