package topic

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestKeyConflatesInflections(t *testing.T) {
	groups := [][]string{
		{"Lehrer", "Lehrers", "Lehrern", "Lehrerin", "Lehrerinnen"},
		{"Regierung", "Regierungen"},
		{"Anschlag", "Anschläge", "Anschlägen", "Anschlags"},
		{"Waffe", "Waffen"},
		{"Krieg", "Krieges", "Kriegs", "Kriege", "Kriegen"},
		{"Tor", "Tore", "Toren", "Tores"},
		{"Partei", "Parteien"},
		{"Ergebnis", "Ergebnisse", "Ergebnissen"},
		{"Ministerium", "Ministerien"},
		{"Fußball", "FUSSBALL", "Fussball"},
		{"Auto", "Autos"},
		{"Haus", "Hauses"},
		{"Kurs", "Kurse", "Kursen"},
		{"Ärztin", "Arzt", "Ärzte", "Ärztinnen"},
		{"militärisch", "militärische", "militärischen", "militärischer"},
		{"Ehe", "Ehen"},
		{"Polizist", "Polizisten", "Polizistin"},
	}
	for _, g := range groups {
		want := keyOf(g[0])
		for _, w := range g[1:] {
			assert.Equal(t, want, keyOf(w), "%s vs %s", g[0], w)
		}
	}
}

func TestKeyKeepsWordsApart(t *testing.T) {
	pairs := [][2]string{
		{"Lieferung", "Lieferant"},
		{"Haus", "Hau"},
		{"Tier", "Tiere"}, // both "tier": listed to document that they are equal
	}
	assert.NotEqual(t, keyOf(pairs[0][0]), keyOf(pairs[0][1]))
	assert.NotEqual(t, keyOf(pairs[1][0]), keyOf(pairs[1][1]))
	assert.Equal(t, keyOf(pairs[2][0]), keyOf(pairs[2][1]))
}

func TestKeyTable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Waffenlieferungen", "waffenlieferung"},
		{"Angriffskrieg", "angriffskrieg"},
		{"", ""},
		{"a", "a"},
		{"Öl", "ol"},
		{"Straße", "strass"},
		{"Café", "caf"},
		{"verhaftete", "verhaftet"},
		{"Tier", "tier"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, keyOf(tt.in), tt.in)
	}
}

func TestVerbForms(t *testing.T) {
	tests := []struct {
		inf  string
		want []string // a subset that must be there
		none bool
	}{
		{inf: "verhaften", want: []string{"verhaftet", "verhaftete"}},
		{inf: "wählen", want: []string{"wählt", "gewählt", "wählte"}},
		{inf: "trainieren", want: []string{"trainiert"}},
		{inf: "scheitern", want: []string{"scheitert", "gescheitert"}},
		{inf: "abstimmen", want: []string{"abgestimmt"}},
		{inf: "Tor", none: true},
	}
	for _, tt := range tests {
		got := verbForms(tt.inf)
		if tt.none {
			assert.Empty(t, got, tt.inf)
			continue
		}
		for _, w := range tt.want {
			assert.Contains(t, got, w, tt.inf)
		}
	}
}

func TestAppendKeyNoAlloc(t *testing.T) {
	buf := make([]byte, 0, 64)
	allocs := testing.AllocsPerRun(100, func() {
		buf = appendKey(buf[:0], "Waffenlieferungen")
	})
	assert.Zero(t, allocs)
}

// TestAppendFoldChunks checks appendFold's eight bytes at a time against
// appendFoldBytes, byte by byte, on texts of every length up to 40 bytes
// of ASCII letters (around the bounds of 'A'..'Z'), digits, punctuation,
// umlauts, ß, accents and soft hyphens, appended to a buffer with bytes
// in it and one without room.
func TestAppendFoldChunks(t *testing.T) {
	alphabet := []string{"a", "z", "A", "Z", "@", "[", "`", "{", "0", "9", "-", ".", "\x7f", "ä", "Ö", "ß", "ẞ", "é", "\u00ad", "Ⱥ", "\xff"}
	state := uint32(7)
	for n := range 20000 {
		var b strings.Builder
		state = state*1664525 + 1013904223
		ascii := state&3 != 0 // mostly ASCII, as news text
		for k := range int(state>>26) % 41 {
			state = state*1664525 + 1013904223
			c := alphabet[int(state>>24+uint32(k))%len(alphabet)]
			if ascii && len(c) > 1 && state&0xf0 != 0 {
				c = string(rune('A' + state>>8%58))
			}
			b.WriteString(c)
		}
		w := b.String()
		prefix := []byte("Vor")
		if n%2 == 0 {
			prefix = prefix[:3:3] // no room
		}
		want := appendFoldBytes(slices.Clone(prefix), w)
		require.Equal(t, string(want), string(appendFold(slices.Clone(prefix), w)), "%q", w)
		require.Equal(t, string(want[3:]), string(appendFold(nil, w)), "%q", w)
	}
}

func TestCueSlotIs(t *testing.T) {
	c := Cue{Text: "NATO", ID: "nato", Type: "ORG", Form: "name", Kind: "alliance"}
	var sl cueSlot
	sl.sel = Selector{ID: c.ID, Type: c.Type, Form: c.Form, Kind: c.Kind, Country: c.Country, Role: c.Role}
	sl.set = true
	copied := c
	copied.ID = string([]byte("nato")) // other bytes, equal text
	tests := []struct {
		name string
		cue  Cue
		want bool
	}{
		{"same bytes", c, true},
		{"equal text", copied, true},
		{"other text", Cue{ID: "nata", Type: "ORG", Form: "name", Kind: "alliance"}, false},
		{"other length", Cue{ID: "nat", Type: "ORG", Form: "name", Kind: "alliance"}, false},
		{"shared bytes, other length", Cue{ID: c.ID[:3], Type: c.Type, Form: c.Form, Kind: c.Kind}, false},
		{"extra field", Cue{ID: c.ID, Type: c.Type, Form: c.Form, Kind: c.Kind, Role: "sport"}, false},
		{"text plays no part", Cue{Text: "Nato", ID: c.ID, Type: c.Type, Form: c.Form, Kind: c.Kind}, true},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, sl.is(&tt.cue), tt.name)
	}
	sl.set = false
	assert.False(t, sl.is(&c), "empty slot")
}

// TestKeyTableFind checks the key table of the default model against a
// map: every key finds its entry, and keys with a byte changed, dropped
// or added, prefixes and the empty key find what the map finds.
func TestKeyTableFind(t *testing.T) {
	m := loadDefault(t, Options{})
	kt := m.keys
	byKey := map[string]int32{}
	for e := range len(kt.off) - 1 {
		byKey[string(kt.arena[kt.off[e]:kt.off[e+1]])] = int32(e)
	}
	require.Greater(t, len(byKey), 1000)
	want := func(k string) int32 {
		if e, ok := byKey[k]; ok {
			return e
		}
		return -1
	}
	found := 0
	for k, e := range byKey {
		require.Equal(t, e, kt.find([]byte(k)), "%q", k)
		for _, other := range []string{k[:len(k)/2], k + "s", k[1:], "x" + k, k[:len(k)-1] + "q", ""} {
			if kt.find([]byte(other)) >= 0 {
				found++
			}
			require.Equal(t, want(other), kt.find([]byte(other)), "%q", other)
		}
	}
	assert.Greater(t, found, 100) // some of them are keys too
}

// TestIsCapitalized checks isCapitalized, ASCII inline and the rest in
// upperRune, against unicode.IsUpper of the first rune, for every rune up
// to U+2FFF and every byte, followed by more text or not.
func TestIsCapitalized(t *testing.T) {
	check := func(w string) {
		r, _ := utf8.DecodeRuneInString(w)
		require.Equal(t, w != "" && unicode.IsUpper(r), isCapitalized(w), "%q", w)
	}
	check("")
	for r := rune(0); r < 0x3000; r++ {
		check(string(r))
		check(string(r) + "x")
	}
	for b := range 256 {
		check(string([]byte{byte(b)}))
		check(string([]byte{byte(b), 'A'}))
	}
	check("Ärzte")
	check("ẞ")
}

// stripOnceRules is stripOnce as the rules read, tried in one list, for
// TestStripOnce.
func stripOnceRules(k []byte) (n int, final bool) {
	n = len(k)
	if n <= minStem {
		return n, true
	}
	switch {
	case hasSuffix(k, "ungen") && n-2 >= minStem+3:
		return n - 2, true
	case hasSuffix(k, "innen") && n-5 >= minStem+1 && !isVowel(k[n-6]):
		return n - 5, false
	case hasSuffix(k, "ern") && n-3 >= minStem:
		return n - 3, false
	case hasSuffix(k, "um") && n-2 >= minStem+1 && (k[n-3] == 'i' || k[n-3] == 'e'):
		return n - 2, true
	}
	if n-2 >= minStem && k[n-2] == 'e' {
		switch k[n-1] {
		case 'n', 's':
			return nissLen(k[:n-2]), false
		case 'r', 'm':
			return n - 2, false
		}
	}
	if hasSuffix(k, "in") && n-2 >= minStem+1 && !isVowel(k[n-3]) {
		return n - 2, false
	}
	switch k[n-1] {
	case 'e':
		return nissLen(k[:n-1]), false
	case 's':
		if sEnding(k[n-2]) {
			return n - 1, false
		}
	case 'n':
		if k[n-2] == 'e' {
			return n - 1, true
		}
	}
	return n, true
}

// TestStripOnce checks stripOnce, its rules picked by the last byte,
// against stripOnceRules on every text of up to 6 bytes over the letters
// of the endings, and on random longer ones.
func TestStripOnce(t *testing.T) {
	const letters = "eimnrsug" // vowels and consonants, in sEnding and not
	check := func(k []byte) {
		n, final := stripOnce(k)
		wn, wfinal := stripOnceRules(k)
		require.Equal(t, wn, n, "%q", k)
		require.Equal(t, wfinal, final, "%q", k)
	}
	var gen func(k []byte)
	gen = func(k []byte) {
		check(k)
		if len(k) == 6 {
			return
		}
		for i := range len(letters) {
			gen(append(k, letters[i]))
		}
	}
	gen(nil)
	state := uint32(5)
	for range 100000 {
		state = state*1664525 + 1013904223
		k := []byte("abcdefgh")[:state>>29]
		for range 2 + int(state>>8)%8 {
			state = state*1664525 + 1013904223
			k = append(k, "eimnrsugaiunsesnisnn"[state>>27%20])
		}
		check(k)
	}
	for _, w := range []string{"Lehrerinnen", "Regierungen", "Ergebnissen", "Ministerium", "Museum", "Ehen", "Autos", "Kurses"} {
		check(appendFold(nil, w))
	}
}
