package placegen

import (
	"bufio"
	"bytes"
	"os"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word lists used to find generated place names that are also ordinary
// words. Both come from Debian packages:
//
//	wngerman   /usr/share/dict/ngerman           German words, inflected forms included (GPL-2)
//	wamerican  /usr/share/dict/american-english  English words (SCOWL, permissive licence)
const (
	GermanWordsFile  = "/usr/share/dict/ngerman"
	EnglishWordsFile = "/usr/share/dict/american-english"
)

// Words holds the two word lists.
type Words struct {
	de    map[string]bool // every German entry, as written
	en    map[string]bool // lowercase English entries (common words)
	enCap map[string]bool // capitalized English entries: mostly names of people and places
	rev   []string        // capitalized German entries, lowercased and reversed, sorted
}

// ReadWords reads the German and English word lists.
func ReadWords(dePath, enPath string) (*Words, error) {
	w := &Words{de: map[string]bool{}, en: map[string]bool{}, enCap: map[string]bool{}}
	if err := readLines(dePath, func(l string) {
		w.de[l] = true
		if r, _ := utf8.DecodeRuneInString(l); unicode.IsUpper(r) {
			w.rev = append(w.rev, reverse(strings.ToLower(l)))
		}
	}); err != nil {
		return nil, err
	}
	sort.Strings(w.rev)
	if err := readLines(enPath, func(l string) {
		if strings.HasSuffix(l, "'s") {
			return
		}
		if r, _ := utf8.DecodeRuneInString(l); unicode.IsLower(r) {
			w.en[l] = true
		} else {
			w.enCap[l] = true
		}
	}); err != nil {
		return nil, err
	}
	return w, nil
}

func readLines(path string, f func(string)) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			f(l)
		}
	}
	return sc.Err()
}

// wordReason says why the one-word name is also an ordinary word, or ""
// when it is not: a lowercase German word (Siegen, Laken), a German common
// noun (a capitalized entry that also has noun forms: Hof → Hofe, Hofes;
// the list also holds proper names such as Paris, which have only a
// genitive -s or a demonym -er), or a lowercase English word (Reading).
func (w *Words) wordReason(name string) string {
	if w == nil || strings.ContainsAny(name, " -'.") {
		return ""
	}
	lc := strings.ToLower(name)
	if w.de[lc] {
		return "German word"
	}
	if w.de[name] {
		for _, suf := range []string{"e", "en", "n", "es"} {
			// An inflected form, not a noun of its own (Pavia → Pavian,
			// which has forms Paviane, Pavianen).
			if f := name + suf; w.de[f] && !w.de[f+"e"] && !w.de[f+"es"] && !w.de[f+"en"] {
				return "German noun"
			}
		}
		// The head of compounds (Fußboden, Datenbasis): a common noun.
		if n := w.compounds(lc); n >= 2 {
			return "German noun (compound head)"
		}
	}
	// A plural or inflected noun form whose base is a capitalized entry
	// with noun forms: Marken (Marke), Leiden (Leid).
	for _, suf := range []string{"n", "en", "e", "es", "s"} {
		if base, ok := strings.CutSuffix(name, suf); ok && len(base) >= 3 && w.de[base] && w.de[name] {
			for _, s2 := range []string{"e", "en", "n", "es"} {
				if base+s2 != name && w.de[base+s2] {
					return "German noun"
				}
			}
		}
	}
	if w.en[lc] {
		return "English word"
	}
	return ""
}

// compounds counts capitalized German entries made of a word of the list
// and lc (Fuß|boden, Daten|basis, Meeres|boden); an entry that merely ends
// in lc (Pfl|eger) does not count.
func (w *Words) compounds(lc string) int {
	r := reverse(lc)
	i := sort.SearchStrings(w.rev, r)
	n := 0
	for ; i < len(w.rev) && strings.HasPrefix(w.rev[i], r); i++ {
		if utf8.RuneCountInString(w.rev[i]) < utf8.RuneCountInString(r)+3 {
			continue
		}
		head := reverse(w.rev[i][len(r):]) // lowercase first part
		if w.isWordLower(head) {
			n++
		}
	}
	return n
}

// isWordLower reports whether a lowercase compound part is a word of the
// German list, as written or capitalized, also with a linking -s, -n, -en,
// -es or -e dropped (Meeres → Meer).
func (w *Words) isWordLower(p string) bool {
	try := func(x string) bool {
		if utf8.RuneCountInString(x) < 3 {
			return false
		}
		r, size := utf8.DecodeRuneInString(x)
		return w.de[x] || w.de[string(unicode.ToUpper(r))+x[size:]]
	}
	if try(p) {
		return true
	}
	for _, l := range []string{"s", "n", "en", "es", "e"} {
		if q, ok := strings.CutSuffix(p, l); ok && try(q) {
			return true
		}
	}
	return false
}

// personLike reports whether a one-word name is a capitalized entry of the
// English word list, which holds given names and surnames (Parker,
// Stanley) besides well-known places.
func (w *Words) personLike(name string) bool {
	return w != nil && w.enCap[name]
}

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}
