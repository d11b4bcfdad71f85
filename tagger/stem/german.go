package stem

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/snowballword"
)

// stackBytes is the longest input, in bytes, that is stemmed entirely in
// stack buffers. Decoding never yields more runes than the input has bytes
// (ß, two bytes, becomes the two runes "ss"; every other byte sequence
// becomes at most one rune), so a rune buffer of stackBytes always suffices.
// Longer inputs borrow buffers from a pool.
const stackBytes = 64

// maxPooledRunes caps the buffers kept in the pool, so that one huge input
// does not pin its memory for the rest of the process.
const maxPooledRunes = 4096

// Markers for a u or y between two vowels. The input is lowercased before
// these are set, so no uppercase letter can be confused with them.
const (
	markedU = 'U'
	markedY = 'Y'
)

// German returns the Snowball stem of one German word.
//
// The word is lowercased first (unicode.ToLower, rune by rune). Each byte
// that is not part of valid UTF-8 becomes U+FFFD, so the result is always
// valid UTF-8. Characters other than letters are kept (lowercased): "2024"
// stays "2024". When the stem is a prefix of the input, as it usually is
// for lowercase words, the result shares the input's memory and German does
// not allocate.
//
// German is safe for concurrent use and never panics.
func German(word string) string {
	if len(word) > stackBytes {
		return germanLong(word)
	}
	var runeBuf [stackBytes]rune
	rs := stemRunes(lowerString(runeBuf[:], word))
	var byteBuf [utf8.UTFMax * stackBytes]byte
	out := appendStem(byteBuf[:0], rs)
	if isPrefix(out, word) {
		// Usual for lowercase input: the stem is the word with its
		// suffix cut off, so no new string is needed.
		return word[:len(out)]
	}
	return string(out)
}

// AppendGerman appends the stem of word (see German) to dst and returns the
// extended slice. It does not allocate unless dst has to grow or word is
// longer than 64 bytes, which makes it the cheaper choice for stemming many
// tokens into a reused buffer.
//
// AppendGerman is safe for concurrent use as long as callers do not share
// dst.
func AppendGerman(dst, word []byte) []byte {
	if len(word) > stackBytes {
		buf := getBuffers(len(word))
		defer buf.release()
		return appendStem(dst, stemRunes(lowerBytes(buf.runes, word)))
	}
	var runeBuf [stackBytes]rune
	return appendStem(dst, stemRunes(lowerBytes(runeBuf[:], word)))
}

// buffers are the scratch space for words too long for the stack.
type buffers struct {
	runes []rune
	bytes []byte
}

var pool = sync.Pool{New: func() any { return new(buffers) }}

// getBuffers returns pooled buffers with room for the runes of a word of n
// bytes.
func getBuffers(n int) *buffers {
	b := pool.Get().(*buffers)
	if cap(b.runes) < n {
		b.runes = make([]rune, n)
	}
	b.runes = b.runes[:cap(b.runes)]
	return b
}

func (b *buffers) release() {
	if cap(b.runes) > maxPooledRunes || cap(b.bytes) > utf8.UTFMax*maxPooledRunes {
		return
	}
	pool.Put(b)
}

func germanLong(word string) string {
	buf := getBuffers(len(word))
	defer buf.release()
	buf.bytes = appendStem(buf.bytes[:0], stemRunes(lowerString(buf.runes, word)))
	if isPrefix(buf.bytes, word) {
		return word[:len(buf.bytes)]
	}
	return string(buf.bytes)
}

// isPrefix is strings.HasPrefix(s, string(b)) without copying b.
func isPrefix(b []byte, s string) bool {
	return len(b) <= len(s) && string(b) == s[:len(b)]
}

// lowerString decodes s into rs, lowercased, and returns the runes
// written; rs must have room for len(s) runes.
//
// ß is written as "ss" here already: the prelude would do the same, and
// neither ß nor s is a vowel, so doing it before the u/y marking changes
// nothing. This way the prelude only ever shrinks the word, in place. It
// also keeps the rune count within the byte count: ß has two bytes.
func lowerString(rs []rune, s string) []rune {
	rs = rs[:len(s)]
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			rs[n] = rune(c)
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:]) // RuneError, 1 for a bad byte
		i += size
		if r = unicode.ToLower(r); r == 'ß' { // ToLower also maps ẞ (U+1E9E)
			rs[n] = 's'
			n++
			r = 's'
		}
		rs[n] = r
		n++
	}
	return rs[:n]
}

// lowerBytes is lowerString for a byte slice.
func lowerBytes(rs []rune, s []byte) []rune {
	rs = rs[:len(s)]
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			rs[n] = rune(c)
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRune(s[i:])
		i += size
		if r = unicode.ToLower(r); r == 'ß' {
			rs[n] = 's'
			n++
			r = 's'
		}
		rs[n] = r
		n++
	}
	return rs[:n]
}

// appendStem appends the UTF-8 encoding of rs to dst, doing the postlude
// on the way: U and Y are unmarked, and the umlauts lose their dots.
func appendStem(dst []byte, rs []rune) []byte {
	for _, r := range rs {
		if r < utf8.RuneSelf {
			if r < 'a' { // the markers are the only uppercase letters
				switch r {
				case markedU:
					r = 'u'
				case markedY:
					r = 'y'
				}
			}
			dst = append(dst, byte(r))
			continue
		}
		switch r {
		case 'ä':
			dst = append(dst, 'a')
		case 'ö':
			dst = append(dst, 'o')
		case 'ü':
			dst = append(dst, 'u')
		default:
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}

// stemRunes stems a lowercased word in place (ß already expanded) and
// returns it, shortened. The postlude is left to appendStem.
func stemRunes(rs []rune) []rune {
	w := snowballword.SnowballWord{RS: prelude(rs)}
	markRegions(&w)
	step1(&w)
	step2(&w)
	step3(&w)
	return w.RS
}

// prelude marks u and y between vowels as consonants, then folds ae, oe
// and ue into ä, ö and ü, left to right, keeping "qu" as a unit.
func prelude(rs []rune) []rune {
	fold := false
	prev := rune(0) // the rune before rs[i-1]
	for i := 1; i < len(rs); i++ {
		// rs[i-1] is final here: it was marked (or not) in the previous
		// round, looking at the unmarked rs[i]. So in "auyu" only the first
		// u is marked, as a marked U is no vowel.
		if g := grouping(rs[i]); g&(uOrY|isE) != 0 {
			if g&isE != 0 {
				fold = fold || foldsWithE(prev, rs[i-1])
			} else if i+1 < len(rs) && isVowel(rs[i-1]) && isVowel(rs[i+1]) {
				rs[i] = mark(rs[i])
			}
		}
		prev = rs[i-1]
	}
	if !fold {
		return rs
	}
	j := 0
	prev = 0
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		if i+1 < len(rs) && rs[i+1] == 'e' && foldsWithE(prev, c) {
			prev, c = 'e', umlaut(c)
			i++
		} else {
			prev = c
		}
		rs[j] = c
		j++
	}
	return rs[:j]
}

func mark(uy rune) rune {
	if uy == 'u' {
		return markedU
	}
	return markedY
}

// foldsWithE reports whether c, coming after prev, and an e after it
// become one umlaut. The Snowball prelude scans left to right and skips
// "qu" as a unit; a q can never be the second letter of a unit, so the
// only u that is not folded with its e is the one right after a q:
// "quelle" keeps its ue. A marked U is not a u: "treue" stays "treUe".
func foldsWithE(prev, c rune) bool {
	switch c {
	case 'a', 'o':
		return true
	case 'u':
		return prev != 'q'
	}
	return false
}

func umlaut(r rune) rune {
	switch r {
	case 'a':
		return 'ä'
	case 'o':
		return 'ö'
	}
	return 'ü'
}

// markRegions sets R1 and R2. R1 starts after the first non-vowel that
// follows a vowel, but not before the fourth character; R2 repeats the
// search from the unadjusted R1 start. Words of fewer than three
// characters have empty regions.
func markRegions(w *snowballword.SnowballWord) {
	n := len(w.RS)
	w.R1start, w.R2start = n, n
	if n < 3 {
		return
	}
	p1 := regionStart(w.RS, 0)
	w.R2start = regionStart(w.RS, p1)
	w.R1start = max(p1, 3)
}

// regionStart returns the index after the first non-vowel that follows a
// vowel at or after from, or len(rs) if there is none.
func regionStart(rs []rune, from int) int {
	i := from
	for i < len(rs) && !isVowel(rs[i]) {
		i++
	}
	for i < len(rs) && isVowel(rs[i]) {
		i++
	}
	if i < len(rs) {
		return i + 1
	}
	return len(rs)
}

// The suffixes of each step, grouped by their last letter and ordered
// longest first, so the first match is the longest one. The algorithm acts
// on the longest suffix only: if that one is outside its region or fails
// its condition, the step does nothing.
var (
	step1N = []string{"erinnen", "erin", "ern", "ln", "en"}
	step1S = []string{"lns", "es", "s"}
	step1M = []string{"em"}
	step1R = []string{"er"}
	step1E = []string{"e"}

	step2T = []string{"est", "et", "st"}
	step2N = []string{"en"}
	step2R = []string{"er"}

	step3T = []string{"heit", "keit"}
	step3H = []string{"isch", "lich"}
	step3D = []string{"end"}
	step3G = []string{"ung", "ig"}
	step3K = []string{"ik"}

	etExceptions = []string{"geordn", "intern", "plan", "tick", "tr"}
)

func step1Suffix(rs []rune) string {
	switch last(rs) {
	case 'n':
		return longestSuffix(rs, step1N)
	case 's':
		return longestSuffix(rs, step1S)
	case 'm':
		return longestSuffix(rs, step1M)
	case 'r':
		return longestSuffix(rs, step1R)
	case 'e':
		return longestSuffix(rs, step1E)
	}
	return ""
}

func step2Suffix(rs []rune) string {
	switch last(rs) {
	case 't':
		return longestSuffix(rs, step2T)
	case 'n':
		return longestSuffix(rs, step2N)
	case 'r':
		return longestSuffix(rs, step2R)
	}
	return ""
}

func step3Suffix(rs []rune) string {
	switch last(rs) {
	case 't':
		return longestSuffix(rs, step3T)
	case 'h':
		return longestSuffix(rs, step3H)
	case 'd':
		return longestSuffix(rs, step3D)
	case 'g':
		return longestSuffix(rs, step3G)
	case 'k':
		return longestSuffix(rs, step3K)
	}
	return ""
}

func last(rs []rune) rune {
	if len(rs) == 0 {
		return 0
	}
	return rs[len(rs)-1]
}

func step1(w *snowballword.SnowballWord) {
	suffix := step1Suffix(w.RS)
	if suffix == "" || !w.FitsInR1(len(suffix)) {
		return
	}
	before := w.RS[:len(w.RS)-len(suffix)]
	switch suffix {
	case "em":
		if !hasSuffix(before, "syst") { // system, systems
			w.RemoveLastNRunes(2)
		}
	case "ern", "er", "erin", "erinnen":
		w.RemoveLastNRunes(len(suffix))
	case "e", "en", "es":
		w.RemoveLastNRunes(len(suffix))
		if hasSuffix(w.RS, "niss") { // kenntnisse → kenntnis
			w.RemoveLastNRunes(1)
		}
	case "s":
		if endsIn(before, isSEnding) {
			w.RemoveLastNRunes(1)
		}
	case "ln", "lns":
		w.RemoveLastNRunes(len(suffix) - 1) // → l
	}
}

func step2(w *snowballword.SnowballWord) {
	suffix := step2Suffix(w.RS)
	if suffix == "" || !w.FitsInR1(len(suffix)) {
		return
	}
	before := w.RS[:len(w.RS)-len(suffix)]
	switch suffix {
	case "en", "er", "est":
		w.RemoveLastNRunes(len(suffix))
	case "st":
		if len(before) > 3 && endsIn(before, isStEnding) {
			w.RemoveLastNRunes(2)
		}
	case "et":
		if endsIn(before, isEtEnding) && !hasAnySuffix(before, etExceptions) {
			w.RemoveLastNRunes(2)
		}
	}
}

func step3(w *snowballword.SnowballWord) {
	suffix := step3Suffix(w.RS)
	if suffix == "" || !w.FitsInR2(len(suffix)) {
		return
	}
	before := w.RS[:len(w.RS)-len(suffix)]
	switch suffix {
	case "end", "ung":
		w.RemoveLastNRunes(3)
		if hasSuffix(w.RS, "ig") && w.FitsInR2(2) && !hasSuffix(w.RS[:len(w.RS)-2], "e") {
			w.RemoveLastNRunes(2)
		}
	case "ig", "ik", "isch":
		if !hasSuffix(before, "e") {
			w.RemoveLastNRunes(len(suffix))
		}
	case "lich", "heit":
		w.RemoveLastNRunes(4)
		if (hasSuffix(w.RS, "er") || hasSuffix(w.RS, "en")) && w.FitsInR1(2) {
			w.RemoveLastNRunes(2)
		}
	case "keit":
		w.RemoveLastNRunes(4)
		switch {
		case hasSuffix(w.RS, "lich"):
			if w.FitsInR2(4) {
				w.RemoveLastNRunes(4)
			}
		case hasSuffix(w.RS, "ig"):
			if w.FitsInR2(2) {
				w.RemoveLastNRunes(2)
			}
		}
	}
}

// The letter groupings of the algorithm, as bits in a table of the runes
// below U+0100, which covers the ASCII letters, ä, ö, ü and the markers U
// and Y. Runes outside the table belong to no grouping.
const (
	vowel    uint8 = 1 << iota // a e i o u y ä ö ü
	sEnding                    // may precede a removed -s
	stEnding                   // may precede a removed -st
	etEnding                   // may precede a removed -et
	uOrY                       // marked as a consonant between vowels
	isE                        // folds with a preceding a, o or u
)

var groupings = func() (t [256]uint8) {
	for _, g := range []struct {
		letters string
		bit     uint8
	}{
		{"aeiouyäöü", vowel},
		{"bdfghklmnrt", sEnding},
		{"bdfghklmnt", stEnding},
		{"dfgklmnrstUzä", etEnding},
		{"uy", uOrY},
		{"e", isE},
	} {
		for _, r := range g.letters {
			t[r] |= g.bit
		}
	}
	return t
}()

func grouping(r rune) uint8 {
	if uint32(r) < uint32(len(groupings)) {
		return groupings[r]
	}
	return 0
}

func isVowel(r rune) bool    { return grouping(r)&vowel != 0 }
func isSEnding(r rune) bool  { return grouping(r)&sEnding != 0 }
func isStEnding(r rune) bool { return grouping(r)&stEnding != 0 }
func isEtEnding(r rune) bool { return grouping(r)&etEnding != 0 }

// endsIn reports whether rs is non-empty and its last rune is in the set.
func endsIn(rs []rune, in func(rune) bool) bool {
	return len(rs) > 0 && in(rs[len(rs)-1])
}

// hasSuffix reports whether rs ends with the ASCII string suffix.
func hasSuffix(rs []rune, suffix string) bool {
	if len(suffix) > len(rs) {
		return false
	}
	tail := rs[len(rs)-len(suffix):]
	for i := len(suffix) - 1; i >= 0; i-- {
		if tail[i] != rune(suffix[i]) {
			return false
		}
	}
	return true
}

func hasAnySuffix(rs []rune, suffixes []string) bool {
	for _, s := range suffixes {
		if hasSuffix(rs, s) {
			return true
		}
	}
	return false
}

// longestSuffix returns the first of suffixes (ordered longest first) that
// rs ends with, or "".
func longestSuffix(rs []rune, suffixes []string) string {
	for _, s := range suffixes {
		if hasSuffix(rs, s) {
			return s
		}
	}
	return ""
}
