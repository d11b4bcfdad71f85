package topic

import (
	"iter"
	"unicode"
	"unicode/utf8"
)

// splitWords yields the words of text: maximal runs of letters, digits,
// hyphens, apostrophes and dots between letters (a simple splitter for
// ScoreText and Train; the tagger passes its own tokens to Score).
func splitWords(text string) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := -1
		for i := 0; i < len(text); {
			r, size := rune(text[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
			in := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\u00ad'
			if !in && start >= 0 && (r == '-' || r == '\'' || r == '.' || r == '’') {
				// inside a word only when a letter or digit follows
				if i+size < len(text) {
					nr, _ := utf8.DecodeRuneInString(text[i+size:])
					in = unicode.IsLetter(nr) || unicode.IsDigit(nr)
				}
			}
			if in {
				if start < 0 {
					start = i
				}
			} else if start >= 0 {
				if !yield(text[start:i]) {
					return
				}
				start = -1
			}
			i += size
		}
		if start >= 0 {
			yield(text[start:])
		}
	}
}

// AppendWords appends the words of text to dst: runs of letters and digits,
// with inner hyphens, apostrophes and dots kept (Nato-Gipfel, z.B.). It is
// for callers without a tokenizer; the words are substrings of text.
func AppendWords(dst []Word, text string) []Word {
	for w := range splitWords(text) {
		dst = append(dst, Word{Text: w})
	}
	return dst
}
