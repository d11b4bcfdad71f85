package lexicon_test

import (
	"bufio"
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/etikett-nlp/etikett/lexicon"
	"github.com/etikett-nlp/etikett/lexicon/internal/placegen"
)

// loadPlaces reads the places*.tsv files of this directory.
func loadPlaces(t *testing.T) *lexicon.Lexicon {
	t.Helper()
	lx := lexicon.New()
	if err := lx.AddFS(os.DirFS("."), "places*.tsv"); err != nil {
		t.Fatal(err)
	}
	if err := lx.Err(); err != nil {
		t.Fatalf("place files have problems:\n%v", err)
	}
	return lx
}

func TestPlacesParseAndSize(t *testing.T) {
	lx := loadPlaces(t)
	if n := len(lx.Entries); n < 6000 {
		t.Errorf("%d place entries, want at least 6000", n)
	}
	for _, e := range lx.Entries {
		if e.Type != lexicon.LOC {
			t.Errorf("%s:%d: %s has type %s, want LOC", e.File, e.Line, e.ID, e.Type)
		}
		if e.Kind == "" {
			t.Errorf("%s:%d: %s has no kind", e.File, e.Line, e.ID)
		}
	}
	for _, id := range []string{"russland", "nordkorea", "usa", "deutschland", "muenchen", "frankfurt-am-main",
		"pjoengjang", "kiew", "neu-delhi", "washington", "indopazifik", "essen", "wien", "zuerich"} {
		if _, ok := lx.Entry(id); !ok {
			t.Errorf("entry %q missing", id)
		}
	}
}

// fingerprints returns the "Source fingerprints" lines of a generated file.
func fingerprints(data []byte) []string {
	var out []string
	in := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "# Source fingerprints:"):
			in = true
		case in && strings.HasPrefix(l, "#   "):
			out = append(out, strings.TrimPrefix(l, "#   "))
		case in:
			return out
		}
	}
	return out
}

// TestPlacesGeneratedUpToDate regenerates places_generated.tsv in memory and
// fails when the committed file differs: run `go generate` in lexicon/.
func TestPlacesGeneratedUpToDate(t *testing.T) {
	src := placegen.DefaultSources()
	if m := src.Missing(); len(m) > 0 {
		t.Skipf("generator sources not installed (%s); %s", strings.Join(m, ", "), placegen.InstallHint)
	}
	committed, err := os.ReadFile(placegen.GeneratedFile)
	if err != nil {
		t.Fatal(err)
	}
	fp, err := src.Fingerprint()
	if err != nil {
		t.Fatal(err)
	}
	if old := fingerprints(committed); !slices.Equal(old, fp) {
		t.Skipf("installed source data differ from the data %s was made from (%v, now %v); run go generate in lexicon/ to update",
			placegen.GeneratedFile, old, fp)
	}
	fresh, _, err := placegen.Build(".", src)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fresh, committed) {
		a, b := strings.Split(string(committed), "\n"), strings.Split(string(fresh), "\n")
		for i := 0; i < len(a) || i < len(b); i++ {
			var x, y string
			if i < len(a) {
				x = a[i]
			}
			if i < len(b) {
				y = b[i]
			}
			if x != y {
				t.Fatalf("%s is stale (first difference at line %d:\n  committed: %q\n  generated: %q)\nrun go generate in lexicon/",
					placegen.GeneratedFile, i+1, x, y)
			}
		}
	}
}

// TestPlacesCountryCoverage checks that every ISO 3166-1 code has a country
// or territory entry, and lists CLDR names the entries lack.
func TestPlacesCountryCoverage(t *testing.T) {
	src := placegen.DefaultSources()
	if m := src.Missing(); len(m) > 0 {
		t.Skipf("generator sources not installed (%s); %s", strings.Join(m, ", "), placegen.InstallHint)
	}
	countries, err := placegen.ReadCountries(src)
	if err != nil {
		t.Fatal(err)
	}
	lx := loadPlaces(t)
	byCode := map[string][]*lexicon.Entry{}
	for _, e := range lx.Entries {
		if e.Country != "" && (e.Kind == "country" || e.Kind == "territory" || e.Kind == "continent") {
			byCode[e.Country] = append(byCode[e.Country], e)
		}
	}
	for _, c := range countries {
		es := byCode[c.Code]
		if len(es) == 0 {
			t.Errorf("ISO 3166-1 %s (%s): no country or territory entry", c.Code, c.CLDR)
			continue
		}
		if c.CLDR == "" {
			continue
		}
		found := false
		for _, e := range es {
			if slices.Contains(e.Names(), c.CLDR) {
				found = true
			}
		}
		if !found {
			t.Logf("%s: CLDR name %q is not a name of %s", c.Code, c.CLDR, es[0].ID)
		}
	}
}
