package lexicon_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/etikett-nlp/etikett/internal/token"
	"github.com/etikett-nlp/etikett/lexicon"
)

func errorsOf(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var list lexicon.ErrorList
	require.True(t, errors.As(err, &list), "want an ErrorList, got %T", err)
	var out []string
	for _, e := range list {
		out = append(out, e.Error())
	}
	return out
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, file, data string
		want             []string
	}{
		{"good", "e.tsv", "nato\tORG\tNato\tNATO\tcompound=yes;kind=intl\n", nil},
		{"comments and blank lines", "e.tsv", "# x\n\n   \nnato\tORG\tNato\n", nil},
		{"crlf", "e.tsv", "nato\tORG\tNato\r\nun\tORG\tUN\r\n", nil},
		{"bom", "e.tsv", "\ufeffnato\tORG\tNato\n", nil},
		{"unknown type", "e.tsv", "x\tPERSON\tAnna\n", []string{`e.tsv:1: unknown type "PERSON": want PER, ORG, LOC or OTH`}},
		{"too few columns", "e.tsv", "x\tPER\n", []string{"e.tsv:1: want 3 to 5 tab-separated columns (id, type, name, aliases, attributes), got 2"}},
		{"too many columns", "e.tsv", "x\tPER\tA B\t\t\textra\n", []string{"e.tsv:1: want 3 to 5 tab-separated columns (id, type, name, aliases, attributes), got 6"}},
		{"empty name", "e.tsv", "x\tPER\t \n", []string{"e.tsv:1: name is empty"}},
		{"bad id", "e.tsv", "Jens Stoltenberg\tPER\tJens Stoltenberg\n", []string{`e.tsv:1: bad id "Jens Stoltenberg": use lowercase ASCII letters, digits, '-' and '.'`}},
		{"duplicate id", "e.tsv", "a\tPER\tAnna Eins\na\tPER\tAnna Zwei\n", []string{`e.tsv:2: duplicate id "a" (first at e.tsv:1)`}},
		{"invalid utf8", "e.tsv", "a\tPER\tAnn\xe4\n", []string{"e.tsv:1: invalid UTF-8"}},
		{"empty alias", "e.tsv", "a\tORG\tNato\tNATO||Xy\n", []string{"e.tsv:1: alias is empty"}},
		{"stopword alias", "e.tsv", "a\tORG\tDie Linke\tDie\n", []string{`e.tsv:1: alias "Die" has no word that could be matched (only punctuation or function words)`}},
		{"acronym like a stopword", "e.tsv", "mit\tORG\tMassachusetts Institute of Technology\tMIT\n", nil},
		{"capitalized particle is a name", "e.tsv", "van\tLOC\tVan\n", nil},
		{"bad attribute", "e.tsv", "a\tORG\tNato\t\tcompound\n", []string{`e.tsv:1: attribute "compound" is not key=value`}},
		{"unknown attribute", "e.tsv", "a\tORG\tNato\t\tcolour=blue\n", []string{`e.tsv:1: unknown attribute "colour" (want adj, demonym, compound, ambig, country, kind, wikidata, note)`}},
		{"bad country", "e.tsv", "a\tLOC\tRussland\t\tcountry=russia\n", []string{`e.tsv:1: country="russia": want an ISO 3166-1 alpha-2 code like DE`}},
		{"bad ambig", "e.tsv", "a\tLOC\tEssen\t\tambig=maybe\n", []string{`e.tsv:1: ambig="maybe": want noun, PER, ORG, LOC or OTH`}},
		{"bad adjective", "e.tsv", "a\tLOC\tRussland\t\tadj=Russisch\n", []string{`e.tsv:1: adj "Russisch": want a lowercase word`}},
		{"bad demonym", "e.tsv", "a\tLOC\tRussland\t\tdemonym=russe\n", []string{`e.tsv:1: demonym "russe": want a capitalized word`}},
		{"conflicting alias", "e.tsv", "a\tLOC\tGeorgien\tGeorgia\nb\tLOC\tGeorgia (USA)\tGeorgia\n", []string{`e.tsv:2: "Georgia" is also a name of "a" (e.tsv:1); mark one of them ambig= or remove it`}},
		{"ambiguous alias allowed", "e.tsv", "a\tLOC\tGeorgien\tGeorgia\nb\tLOC\tGeorgia (USA)\tGeorgia\tambig=LOC\n", nil},
		{"all problems at once", "e.tsv", "a\tXX\tAnna A\nb\tPER\nc\tPER\tC D\t\tkind=Big\n", []string{
			`e.tsv:1: unknown type "XX": want PER, ORG, LOC or OTH`,
			"e.tsv:2: want 3 to 5 tab-separated columns (id, type, name, aliases, attributes), got 2",
			`e.tsv:3: kind="Big": want a lowercase word`}},
		{"role ok", "roles.tsv", "Kanzler|Kanzlerin\tpolitics\n", nil},
		{"role bad category", "roles.tsv", "Kanzler\tboss\n", []string{`roles.tsv:1: unknown role category "boss"`}},
		{"role columns", "roles.tsv", "Kanzler\n", []string{"roles.tsv:1: want 2 tab-separated columns (forms, category), got 1"}},
		{"first name ok", "firstnames.tsv", "August\tm\tnoun\nAnna\tf\n", nil},
		{"first name gender", "firstnames.tsv", "Anna\tw\n", []string{`firstnames.tsv:1: gender "w": want m, f or u`}},
		{"first name lowercase", "firstnames.tsv", "anna\tf\n", []string{`firstnames.tsv:1: first name "anna": want one capitalized word`}},
		{"first name twice", "firstnames.tsv", "Anna\tf\nAnna\tf\n", []string{`firstnames.tsv:2: first name "Anna" listed twice (first at firstnames.tsv:1)`}},
		{"head ok", "heads.tsv", "Gipfel\n", nil},
		{"head two words", "heads.tsv", "Gipfel Treffen\n", []string{"heads.tsv:1: want one word per line"}},
		{"noun ok", "nouns.tsv", "Sommer\nStein\n", nil},
		{"noun with tab", "nouns.tsv", "Sommer\tx\n", []string{"nouns.tsv:1: want one word per line"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lx := lexicon.New()
			lx.AddFile(tt.file, []byte(tt.data))
			got := errorsOf(t, lx.Err())
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParsedEntry(t *testing.T) {
	lx := lexicon.New()
	lx.AddFile("p.tsv", []byte("russland\tLOC\tRussland\tRussische Föderation | RF\tadj=russisch;demonym=Russe|Russin;kind=country;country=RU;wikidata=Q159\n"))
	require.NoError(t, lx.Err())
	e, ok := lx.Entry("russland")
	require.True(t, ok)
	assert.Equal(t, &lexicon.Entry{ID: "russland", Type: "LOC", Name: "Russland", Aliases: []string{"Russische Föderation", "RF"},
		Adj: []string{"russisch"}, Demonyms: []string{"Russe", "Russin"}, Kind: "country", Country: "RU", Wikidata: "Q159",
		File: "p.tsv", Line: 1}, e)
}

func TestFileKind(t *testing.T) {
	for name, want := range map[string]string{
		"roles.tsv": lexicon.KindRoles, "firstnames_de.tsv": lexicon.KindFirstNames, "heads.tsv": lexicon.KindHeads,
		"topics.tsv": lexicon.KindTopics, "nouns.tsv": lexicon.KindNouns, "dir/places.tsv": lexicon.KindEntities, `c:\x\roles2.tsv`: lexicon.KindRoles,
	} {
		assert.Equal(t, want, lexicon.FileKind(name), name)
	}
}

func TestAddFS(t *testing.T) {
	fsys := fstest.MapFS{
		"a.tsv":          {Data: []byte("a\tPER\tAnna Eins\n")},
		"b.tsv":          {Data: []byte("b\tPER\tBerta Zwei\n")},
		"topics.tsv":     {Data: []byte("whatever\n")},
		"notes.txt":      {Data: []byte("not read")},
		"sub/c.tsv":      {Data: []byte("c\tPER\tCarla Drei\n")},
		"firstnames.tsv": {Data: []byte("Anna\tf\n")},
	}
	lx := lexicon.New()
	require.NoError(t, lx.AddFS(fsys))
	require.NoError(t, lx.Err())
	assert.Len(t, lx.Entries, 2)
	assert.Len(t, lx.Topics, 1)
	assert.Len(t, lx.FirstNames, 1)
	require.Error(t, lx.AddFS(fsys, "[")) // bad pattern
}

// TestDefaultLexicon checks every default file: no problem of any kind, and
// every name tokenizes to at least one token.
func TestDefaultLexicon(t *testing.T) {
	lx, err := lexicon.LoadDefault()
	require.NoError(t, err)
	require.NotEmpty(t, lx.Entries)
	for _, e := range lx.Entries {
		for _, n := range e.Names() {
			assert.NotEmpty(t, token.Tokenize(n, nil), "%s:%d: %q", e.File, e.Line, n)
		}
	}
	s := lx.Stats()
	t.Logf("default lexicon: %v", s)
}

// TestAmbiguousEntriesMarked: names that are also common German words must
// be marked, so the matcher asks for context.
func TestAmbiguousEntriesMarked(t *testing.T) {
	lx, err := lexicon.LoadDefault()
	require.NoError(t, err)
	words := map[string]bool{}
	for _, w := range strings.Fields("Essen Halle Bahn Union Grüne Grünen Linke Bild Zeit Welt") {
		words[w] = true
	}
	for _, e := range lx.Entries {
		for _, n := range e.Names() {
			if words[n] {
				assert.NotEmpty(t, e.Ambig, "%s:%d: %q (%s) is also a common word; mark it ambig=", e.File, e.Line, n, e.ID)
			}
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("entities.tsv", "nato\tORG\tNato\tNATO\tcompound=yes\n")
	f.Add("roles.tsv", "Kanzler|Kanzlerin\tpolitics\n")
	f.Add("firstnames.tsv", "Anna\tf\tnoun\n")
	f.Add("heads.tsv", "Gipfel\n")
	f.Add("x.tsv", "a\tXX\t\t|\t=;=\n\xff\n")
	f.Fuzz(func(t *testing.T, name, data string) {
		lx := lexicon.New()
		lx.AddFile(name, []byte(data))
		err := lx.Err()
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "lexicon: ") {
					t.Fatalf("message without prefix: %q", line)
				}
			}
		}
		for _, e := range lx.Entries {
			if e.ID == "" || e.Name == "" {
				t.Fatalf("accepted entry without id or name: %+v", e)
			}
		}
	})
}
