package topic

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/etikett-nlp/etikett/internal/token"
)

// The matching key of a word is deliberately coarse and cheap: lowercase,
// umlauts and accents folded (ä→a, ß→ss, é→e), then at most two inflectional
// endings stripped (Lehrerinnen → lehrer → lehr, Anschläge → anschlag,
// Regierungen → regierung). Keywords and document words go through the same
// function, so it only has to be consistent, not linguistically right. It
// allocates nothing when dst has room.

// minStem is the shortest key a suffix may be stripped down to.
const minStem = 3

// appendKey appends the key of w to dst.
func appendKey(dst []byte, w string) []byte {
	start := len(dst)
	dst = appendFold(dst, w)
	k := dst[start:]
	return dst[:start+stemLen(k)]
}

// appendFold appends w lowercased, with umlauts and common accents folded to
// ASCII and soft hyphens dropped.
//
// ASCII text, most of it, is folded eight bytes at a time (see lower8). A
// text of 8 bytes or more goes in chunks: of a chunk with a byte of a
// multi-byte character, the ASCII bytes before it are kept and foldRune
// folds the character, and the next chunk starts after it; the last chunk
// overlaps the one before when it is ASCII (its first bytes are folded
// already, to the same bytes, as ASCII folds byte by byte into one byte).
// A text of 4 to 7 ASCII bytes is one chunk of its first and last four
// bytes (written with 8 bytes, the ones past the text left beyond the
// result's length). The rest goes byte by byte (appendFoldBytes). (6,600
// instructions per document less on the 10kGNAD texts than byte by byte;
// 750 of them from folding the chunks around a multi-byte character rather
// than all bytes from it on byte by byte.)
func appendFold(dst []byte, w string) []byte {
	n := len(w)
	if n < 4 {
		return appendFoldBytes(dst, w)
	}
	if n < 8 {
		x := le32(w) | le32(w[n-4:])<<(8*(n-4))
		if x&highBits != 0 {
			return appendFoldBytes(dst, w)
		}
		start := len(dst)
		return binary.LittleEndian.AppendUint64(dst, token.Lower8(x))[:start+n]
	}
	i := 0
	for i+8 <= n {
		x := le64(w[i:])
		d := len(dst)
		// Bytes below a non-ASCII byte fold right: lower8's sums carry
		// only into the bytes above.
		dst = binary.LittleEndian.AppendUint64(dst, token.Lower8(x))
		if h := x & highBits; h != 0 {
			j := bits.TrailingZeros64(h) / 8
			dst, i = foldRune(dst[:d+j], w, i+j)
			continue
		}
		i += 8
	}
	if i < n {
		x := le64(w[n-8:])
		if x&highBits != 0 {
			return appendFoldBytes(dst, w[i:])
		}
		dst = binary.LittleEndian.AppendUint64(dst[:len(dst)-(i-(n-8))], token.Lower8(x))
	}
	return dst
}

// highBits has the high bit of each byte of a uint64: x&highBits is 0 when
// the 8 bytes of x are ASCII.
const highBits = 0x8080808080808080

// appendFoldBytes is appendFold byte by byte.
func appendFoldBytes(dst []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		dst, i = foldRune(dst, w, i)
	}
	return dst
}

// foldRune appends the folding of the character at w[i], a byte of a
// multi-byte character, and returns the index after it.
func foldRune(dst []byte, w string, i int) ([]byte, int) {
	r, size := utf8.DecodeRuneInString(w[i:])
	switch r {
	case 'ä', 'Ä', 'á', 'à', 'â', 'Á', 'À', 'Â':
		dst = append(dst, 'a')
	case 'ö', 'Ö', 'ó', 'ò', 'ô', 'Ó', 'Ò', 'Ô':
		dst = append(dst, 'o')
	case 'ü', 'Ü', 'ú', 'ù', 'û', 'Ú', 'Ù', 'Û':
		dst = append(dst, 'u')
	case 'é', 'è', 'ê', 'ë', 'É', 'È', 'Ê', 'Ë':
		dst = append(dst, 'e')
	case 'í', 'ì', 'î', 'ï', 'Í', 'Ì', 'Î':
		dst = append(dst, 'i')
	case 'ç', 'Ç':
		dst = append(dst, 'c')
	case 'ß', 'ẞ':
		dst = append(dst, 's', 's')
	case '\u00ad', '\u200b': // soft hyphen, zero-width space
	default:
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst, i + size
}

// stemLen returns the length of k once its endings are stripped.
func stemLen(k []byte) int {
	n := len(k)
	for pass := 0; pass < 2; pass++ {
		m, final := stripOnce(k[:n])
		if m == n {
			break
		}
		n = m
		if final {
			break
		}
	}
	return n
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// sEnding reports whether a final s after c is an inflection (Snowball's
// valid s-ending, plus p for Apps, Tipps and vowels of foreign plurals: Autos,
// Kameras, Handys).
func sEnding(c byte) bool {
	switch c {
	case 'b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 't', 'a', 'o', 'y':
		return true
	}
	return false
}

func hasSuffix(k []byte, s string) bool {
	return len(k) >= len(s) && string(k[len(k)-len(s):]) == s
}

// stripOnce strips one ending. The rules are tried longest first; a rule
// that would leave fewer than minStem bytes is skipped. final reports that
// no second pass should follow (-ungen → -ung).
//
// The rules are picked by the last byte, which each rule's ending fixes,
// in their order among those of that byte (a rule of another last byte
// never applies): a word ends in a byte without rules, or tries the few
// of its byte (2,600 instructions per document less on the 10kGNAD texts
// than trying the rules in one list; TestStripOnce checks the two agree).
func stripOnce(k []byte) (n int, final bool) {
	n = len(k)
	if n <= minStem {
		return n, true
	}
	switch k[n-1] {
	case 'n':
		switch {
		case hasSuffix(k, "ungen") && n-2 >= minStem+3:
			return n - 2, true
		case hasSuffix(k, "innen") && n-5 >= minStem+1 && !isVowel(k[n-6]):
			return n - 5, false
		case hasSuffix(k, "ern") && n-3 >= minStem:
			return n - 3, false
		case n-2 >= minStem && k[n-2] == 'e':
			return nissLen(k[:n-2]), false
		case n-2 >= minStem+1 && k[n-2] == 'i' && !isVowel(k[n-3]):
			return n - 2, false // Ärztin, Polizistin, Ministerin
		case k[n-2] == 'e': // "-en" was too short to strip: Ehen → ehe
			return n - 1, true
		}
	case 'm':
		switch {
		case n-2 >= minStem+1 && k[n-2] == 'u' && (k[n-3] == 'i' || k[n-3] == 'e'):
			return n - 2, true // Ministerium/Ministerien, Museum/Museen
		case n-2 >= minStem && k[n-2] == 'e':
			return n - 2, false
		}
	case 's':
		switch {
		case n-2 >= minStem && k[n-2] == 'e':
			return nissLen(k[:n-2]), false
		case sEnding(k[n-2]):
			return n - 1, false
		}
	case 'r':
		if n-2 >= minStem && k[n-2] == 'e' {
			return n - 2, false
		}
	case 'e':
		return nissLen(k[:n-1]), false
	}
	return n, true
}

// nissLen drops the s of -niss that remains when -nisse(n) loses its ending.
func nissLen(k []byte) int {
	if hasSuffix(k, "niss") {
		return len(k) - 1
	}
	return len(k)
}

// keyOf returns the key of w as a string (used when compiling, not scoring).
func keyOf(w string) string {
	return string(appendKey(nil, w))
}

// isCapitalized reports whether w starts with an upper-case letter. It
// is inlined (its cost is 79, the budget 80), and asks upperRune only for
// a non-ASCII first byte (1,650 instructions per document less on the
// 10kGNAD texts than a call that decoded every first byte).
func isCapitalized(w string) bool {
	return w != "" && (w[0]-'A' < 26 || w[0] >= utf8.RuneSelf && upperRune(w))
}

// upperRune reports whether the non-empty w starts with an upper-case
// letter, for isCapitalized.
func upperRune(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// inseparable verb prefixes take no ge- in the participle.
var inseparable = []string{"be", "emp", "ent", "er", "ge", "miss", "ver", "zer"}

// separable verb prefixes put ge- after themselves (abschieben → abgeschoben).
var separable = []string{"ab", "an", "auf", "aus", "bei", "ein", "fest", "los", "mit", "nach", "vor", "weg", "zu", "zurück", "zusammen"}

// verbForms returns the finite and participle forms of a weak verb given as
// infinitive (lowercase, ending in -en, -ern or -eln): verhaften → verhaftet,
// verhaftete, verhafteten. Strong verbs' forms must be listed in the file
// (festnehmen|festgenommen); the extra forms generated for them never occur.
func verbForms(inf string) []string {
	var stem string
	switch {
	case strings.HasSuffix(inf, "ern") || strings.HasSuffix(inf, "eln"):
		stem = inf[:len(inf)-1]
	case strings.HasSuffix(inf, "en"):
		stem = inf[:len(inf)-2]
	default:
		return nil
	}
	if utf8.RuneCountInString(stem) < 3 {
		return nil
	}
	forms := []string{stem + "t", stem + "et", stem + "te", stem + "ete", stem + "st"}
	if strings.HasSuffix(stem, "ier") {
		return forms
	}
	for _, p := range inseparable {
		if strings.HasPrefix(stem, p) && len(stem) > len(p)+2 {
			return forms
		}
	}
	forms = append(forms, "ge"+stem+"t", "ge"+stem+"et")
	for _, p := range separable {
		if strings.HasPrefix(stem, p) && len(stem) > len(p)+2 {
			rest := stem[len(p):]
			forms = append(forms, p+"ge"+rest+"t", p+"ge"+rest+"et")
		}
	}
	return forms
}
