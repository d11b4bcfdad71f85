package placegen

import (
	"encoding/binary"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestChooseNames(t *testing.T) {
	for _, tc := range []struct {
		en, de, cc  string
		name, alias string
		ok          bool
	}{
		{"Munich", "München", "DE", "München", "Munich", true},
		{"Marl", "", "DE", "Marl", "", true},
		{"Butuan", "Butuan City", "PH", "Butuan", "", true},
		{"Davao City", "Davao", "PH", "Davao", "", true},
		{"Kyoto", "Kyōto", "JP", "Kyoto", "", true},
		{"Zayed City", "Madīnat Zāyid", "AE", "Zayed City", "", true},
		{"Nārāyanganj", "", "BD", "Narayanganj", "", true},
		{"Noril'sk", "", "RU", "Norilsk", "", true},
		{"Fukui-shi", "", "JP", "Fukui", "", true},
		{"Val-d'Or", "Val-d’Or", "CA", "Val-d'Or", "", true},
		{"Borough of Queens", "", "US", "", "", false},
	} {
		name, alias, ok := chooseNames(City{NameEN: tc.en, CountryCode: tc.cc}, tc.de)
		if name != tc.name || alias != tc.alias || ok != tc.ok {
			t.Errorf("chooseNames(%q, %q) = %q, %q, %v; want %q, %q, %v", tc.en, tc.de, name, alias, ok, tc.name, tc.alias, tc.ok)
		}
	}
}

// mo builds a little-endian .mo catalogue.
func mo(pairs [][2]string) []byte {
	n := len(pairs)
	const hdr = 28
	origAt, transAt := hdr, hdr+8*n
	strAt := transAt + 8*n
	b := make([]byte, strAt)
	le := binary.LittleEndian
	le.PutUint32(b[0:], 0x950412de)
	le.PutUint32(b[8:], uint32(n))
	le.PutUint32(b[12:], uint32(origAt))
	le.PutUint32(b[16:], uint32(transAt))
	for i, p := range pairs {
		for j, s := range p {
			at := origAt + 8*i
			if j == 1 {
				at = transAt + 8*i
			}
			le.PutUint32(b[at:], uint32(len(s)))
			le.PutUint32(b[at+4:], uint32(len(b)))
			b = append(append(b, s...), 0)
		}
	}
	return b
}

func TestParseMO(t *testing.T) {
	m, err := parseMO(mo([][2]string{{"", "Content-Type: text/plain"}, {"2950159", "Berlin"}, {"DE.02", "Bayern"}}))
	if err != nil {
		t.Fatal(err)
	}
	if len(m) != 2 || m["2950159"] != "Berlin" || m["DE.02"] != "Bayern" {
		t.Errorf("parseMO = %v", m)
	}
	if _, err := parseMO([]byte("not a catalogue at all, no")); err == nil {
		t.Error("parseMO accepted garbage")
	}
}

func TestDecodeCities(t *testing.T) {
	// One element of a(sssssssudd), serialized by hand.
	var tup []byte
	var ends []int
	for _, s := range []string{"1", "Berlin", "16", "Berlin", "DE", "Germany", "Europe/Berlin"} {
		tup = append(append(tup, s...), 0)
		ends = append(ends, len(tup))
	}
	for len(tup)%4 != 0 {
		tup = append(tup, 0)
	}
	tup = binary.LittleEndian.AppendUint32(tup, 3426354)
	for len(tup)%8 != 0 {
		tup = append(tup, 0)
	}
	tup = binary.LittleEndian.AppendUint64(tup, 0)
	tup = binary.LittleEndian.AppendUint64(tup, 0)
	for i := len(ends) - 1; i >= 0; i-- {
		tup = append(tup, byte(ends[i]))
	}
	arr := append(append([]byte{}, tup...), byte(len(tup)))
	cs, err := decodeCities(arr)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 || cs[0].NameEN != "Berlin" || cs[0].CountryCode != "DE" || cs[0].Population != 3426354 {
		t.Errorf("decodeCities = %+v", cs)
	}
}

func TestFoldForeign(t *testing.T) {
	for in, want := range map[string]string{
		"Ereğli":              "Eregli",
		"Tomaszów Mazowiecki": "Tomaszow Mazowiecki",
		"Montélimar":          "Montelimar",
		"Düzce":               "Düzce",
		"Şanlıurfa":           "Sanliurfa",
		"Kratié":              "Kratie",
		"München":             "München",
	} {
		if got := foldForeign(in); got != want {
			t.Errorf("foldForeign(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMacronName(t *testing.T) {
	if got := macronName(City{NameEN: "Kyoto", CountryCode: "JP"}, "Kyōto"); got != "Kyōto" {
		t.Errorf("macronName(Kyoto) = %q", got)
	}
	if got := macronName(City{NameEN: "Kyoto", CountryCode: "CN"}, "Kyōto"); got != "" {
		t.Errorf("macronName outside Japan = %q", got)
	}
}

func TestWordReason(t *testing.T) {
	w := &Words{
		de:    map[string]bool{"Boden": true, "Bodens": true, "Böden": true, "Fußboden": true, "Holzboden": true, "Fuß": true, "Holz": true, "Pfleger": true, "Feger": true, "Schornsteinfeger": true, "Schornstein": true, "Hof": true, "Hofe": true, "Hofes": true, "Paris": true, "Pariser": true, "essen": true, "Pavia": true, "Pavian": true, "Paviane": true},
		en:    map[string]bool{"reading": true},
		enCap: map[string]bool{"Parker": true},
	}
	for _, k := range []string{"Boden", "Bodens", "Böden", "Fußboden", "Holzboden", "Pfleger", "Feger", "Schornsteinfeger", "Hof", "Hofe", "Hofes", "Paris", "Pariser", "essen", "Pavia", "Pavian", "Paviane"} {
		if r, _ := utf8.DecodeRuneInString(k); unicode.IsUpper(r) {
			w.rev = append(w.rev, reverse(strings.ToLower(k)))
		}
	}
	sort.Strings(w.rev)
	for name, noun := range map[string]bool{
		"Boden":       true, // compound head: Fußboden, Holzboden
		"Hof":         true, // inflected forms Hofe, Hofes
		"Essen":       true, // lowercase word
		"Reading":     true,
		"Paris":       false, // a proper name: only Pariser
		"Pavia":       false, // Pavian is a noun of its own
		"Parker":      false,
		"Bad Homburg": false,
	} {
		if got := w.wordReason(name) != ""; got != noun {
			t.Errorf("wordReason(%q) = %q, want word: %v", name, w.wordReason(name), noun)
		}
	}
	if !w.personLike("Parker") || w.personLike("Paris") {
		t.Error("personLike")
	}
}
