package tagger

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestValidUTF8(t *testing.T) {
	long := strings.Repeat("Grüße aus München ", 5)
	for _, s := range []string{
		"", "a", "abcdefg", "abcdefgh", "abcdefghi",
		"Müller", "Straße in Köln, „Bild“ – so.", long,
		"abcdefg\xc3", "abcdefgh\xc3", "abcdefgh\xc3\x28xxxxxxxx", "abcdefgh\xc3\xa4",
		"abcdefg\xc3\xa4", "abc\xff defghijk", long + "\xff" + long,
		"xxxxxxxx\xed\xa0\x80xxxxxxxx",  // a surrogate
		"xxxxxxxx\xc0\xafxxxxxxxx",      // overlong
		"xxxxxxxx\xf4\x90\x80\x80xxxxx", // above U+10FFFF
		"xxxxxxxx\xef\xbf\xbdxxxxxxxx",  // U+FFFD itself
		"xxxxxxxx\xf0\x9f\x98\x80xxxxx", // an emoji
		"xxxxxxx\xe2\x80", long + "\xe2\x80\x9e",
	} {
		assert.Equal(t, utf8.ValidString(s), validUTF8(s), "%q", s)
	}
}

func FuzzValidUTF8(f *testing.F) {
	for _, s := range []string{"Grüße aus München, „Bild“", "abcdefgh\xc3\x28xxxxxxxx", "xxxxxxxx\xed\xa0\x80xx"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if validUTF8(s) != utf8.ValidString(s) {
			t.Fatalf("validUTF8(%q) = %v", s, !utf8.ValidString(s))
		}
	})
}
