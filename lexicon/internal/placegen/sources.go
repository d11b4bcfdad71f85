package placegen

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"sort"
)

// Sources names the machine-readable inputs of the generator. Every one of
// them comes from a Debian package:
//
//	CLDR         unicode-cldr-core   /usr/share/unicode/cldr/common/main/de.xml  (Unicode licence)
//	ISO 3166-1   iso-codes           /usr/share/iso-codes/json/iso_3166-1.json   (LGPL-2.1)
//	             iso-codes           /usr/share/locale/de/LC_MESSAGES/iso_3166-1.mo
//	GeoNames     libgeonames0        /usr/lib/<arch>/libgeonames.so.0            (data CC BY 4.0)
//	             libgeonames-common  /usr/share/locale/de/LC_MESSAGES/geonames.mo
//	word lists   wngerman            /usr/share/dict/ngerman                     (GPL-2; only consulted)
//	             wamerican           /usr/share/dict/american-english            (SCOWL; only consulted)
//
// The word lists only decide which generated names are marked ambig=noun;
// no word of them is copied into the lexicon.
type Sources struct {
	CLDRGerman   string
	ISO3166JSON  string
	ISO3166MO    string
	GeonamesLib  string
	GeonamesMO   string
	GermanWords  string
	EnglishWords string
}

// DefaultSources returns the Debian locations of the sources. The GeoNames
// library path is found by glob; it is empty when the library is missing.
func DefaultSources() Sources {
	lib, _ := FindGeonamesLib()
	return Sources{
		CLDRGerman:   "/usr/share/unicode/cldr/common/main/de.xml",
		ISO3166JSON:  "/usr/share/iso-codes/json/iso_3166-1.json",
		ISO3166MO:    "/usr/share/locale/de/LC_MESSAGES/iso_3166-1.mo",
		GeonamesLib:  lib,
		GeonamesMO:   GeonamesMO,
		GermanWords:  GermanWordsFile,
		EnglishWords: EnglishWordsFile,
	}
}

// Packages to install when a source is missing.
const InstallHint = "apt-get install unicode-cldr-core iso-codes libgeonames0 libgeonames-common wngerman wamerican"

// Missing lists the sources that are not readable files.
func (s Sources) Missing() []string {
	var out []string
	for _, p := range s.list() {
		if p[1] == "" {
			out = append(out, p[0])
			continue
		}
		if fi, err := os.Stat(p[1]); err != nil || !fi.Mode().IsRegular() {
			out = append(out, p[1])
		}
	}
	return out
}

func (s Sources) list() [][2]string {
	return [][2]string{
		{"CLDR de.xml", s.CLDRGerman},
		{"iso_3166-1.json", s.ISO3166JSON},
		{"iso_3166-1.mo (de)", s.ISO3166MO},
		{"libgeonames.so", s.GeonamesLib},
		{"geonames.mo (de)", s.GeonamesMO},
		{"ngerman", s.GermanWords},
		{"american-english", s.EnglishWords},
	}
}

// Fingerprint returns "name sha256-prefix" lines for the source files, so
// the generated file records exactly which data it was made from.
func (s Sources) Fingerprint() ([]string, error) {
	var out []string
	for _, p := range s.list() {
		b, err := os.ReadFile(p[1])
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(b)
		out = append(out, fmt.Sprintf("%s sha256:%s", p[0], hex.EncodeToString(sum[:8])))
	}
	return out, nil
}

// Country is one ISO 3166-1 code with its German names.
type Country struct {
	Code     string   // alpha-2
	CLDR     string   // CLDR German name
	CLDRAlt  []string // CLDR short and variant names
	ISO      string   // iso-codes German name
	Official string   // iso-codes German official name
}

// ReadCountries merges iso-codes ISO 3166-1 (with German translations) and
// CLDR's German territory names. Kosovo (XK, a user-assigned code CLDR
// names) is added to the ISO list.
func ReadCountries(s Sources) ([]Country, error) {
	var iso struct {
		List []struct {
			Alpha2   string `json:"alpha_2"`
			Name     string `json:"name"`
			Official string `json:"official_name"`
		} `json:"3166-1"`
	}
	b, err := os.ReadFile(s.ISO3166JSON)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, &iso); err != nil {
		return nil, fmt.Errorf("%s: %w", s.ISO3166JSON, err)
	}
	tr, err := ReadMO(s.ISO3166MO)
	if err != nil {
		return nil, err
	}
	cldr, err := readCLDRTerritories(s.CLDRGerman)
	if err != nil {
		return nil, err
	}
	de := func(en string) string {
		if v, ok := tr[en]; ok && v != "" {
			return v
		}
		return en
	}
	var out []Country
	seen := map[string]bool{}
	for _, e := range iso.List {
		c := Country{Code: e.Alpha2, ISO: de(e.Name)}
		if e.Official != "" {
			c.Official = de(e.Official)
		}
		c.CLDR, c.CLDRAlt = cldr[e.Alpha2].name, cldr[e.Alpha2].alt
		out = append(out, c)
		seen[e.Alpha2] = true
	}
	if t, ok := cldr["XK"]; ok && !seen["XK"] {
		out = append(out, Country{Code: "XK", CLDR: t.name, CLDRAlt: t.alt})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out, nil
}

type cldrName struct {
	name string
	alt  []string
}

func readCLDRTerritories(path string) (map[string]cldrName, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var doc struct {
		Territories []struct {
			Type string `xml:"type,attr"`
			Alt  string `xml:"alt,attr"`
			Name string `xml:",chardata"`
		} `xml:"localeDisplayNames>territories>territory"`
	}
	if err := xml.NewDecoder(f).Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := map[string]cldrName{}
	for _, t := range doc.Territories {
		n := out[t.Type]
		if t.Alt == "" {
			n.name = t.Name
		} else {
			n.alt = append(n.alt, t.Name)
		}
		out[t.Type] = n
	}
	return out, nil
}
