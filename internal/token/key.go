package token

import (
	"unicode"
	"unicode/utf8"
)

// AppendKey appends the lookup key of s to dst: s lower-cased, with the
// typographic apostrophe ’ written as ' and soft hyphens dropped. Keys are
// what the gazetteer compares; offsets always refer to the original text.
func AppendKey(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
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

// Key returns the lookup key of s (see AppendKey).
func Key(s string) string { return string(AppendKey(nil, s)) }

// IsUpperStart reports whether s begins with an upper-case letter.
func IsUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
