package placegen

import "strings"

// fold maps letters with diacritics to ASCII for ids. German umlauts and ß
// follow German convention (ä → ae, ß → ss); other accents are dropped.
var fold = func() map[rune]string {
	m := map[rune]string{'ä': "ae", 'ö': "oe", 'ü': "ue", 'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'å': "a",
		'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i", 'ħ': "h"}
	groups := map[string]string{
		"a": "àáâãāăąǎạảấầẩẫậắằẳẵặ",
		"c": "çćĉċč",
		"d": "ďḍ",
		"e": "èéêëēĕėęěẹẻẽếềểễệə",
		"g": "ĝğġģǧ",
		"h": "ĥḥ",
		"i": "ìíîïĩīĭįǐịỉ",
		"j": "ĵ",
		"k": "ķ",
		"l": "ĺļľŀ",
		"n": "ñńņňṇ",
		"o": "òóôõōŏőǒọỏốồổỗộớờởỡợơ",
		"r": "ŕŗř",
		"s": "śŝşšșṣ",
		"t": "ţťțṭ",
		"u": "ùúûũūŭůűųǔụủứừửữựư",
		"w": "ŵ",
		"y": "ýÿŷỳỹ",
		"z": "źżžẓ",
	}
	for ascii, letters := range groups {
		for _, r := range letters {
			m[r] = ascii
		}
	}
	return m
}()

// Slug turns a German name into a lexicon id: lowercase ASCII letters and
// digits, words joined by "-" (Frankfurt am Main → frankfurt-am-main,
// Halle (Saale) → halle-saale, St. Gallen → st-gallen).
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case fold[r] != "":
			b.WriteString(fold[r])
			dash = false
		case r == '\'' || r == '’' || r == 'ʻ' || r == '`' || r == '´':
			// apostrophes vanish: N’Djamena → ndjamena
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	return strings.TrimRight(b.String(), "-")
}
