package topic

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The seed article (testdata of the repository) is about Nato, Putin's visit
// to North Korea and the war against Ukraine: conflict and politics must lead,
// in either order, with words alone and with the entity cues the tagger finds.
func TestSeedArticle(t *testing.T) {
	text, err := os.ReadFile("../../testdata/nato-putin-nordkorea.txt")
	require.NoError(t, err)
	m := loadDefault(t, Options{})
	cues := []Cue{
		{Text: "Nato", ID: "nato", Type: "ORG", Form: "name", Kind: "military"},
		{Text: "Stoltenberg", ID: "jens-stoltenberg", Type: "PER", Form: "name", Kind: "politician", Country: "NO"},
		{Text: "Putin", ID: "wladimir-putin", Type: "PER", Form: "name", Kind: "politician", Country: "RU"},
		{Text: "Kremlchef", ID: "kreml", Type: "ORG", Form: "part", Kind: "government", Country: "RU"},
		{Text: "Nato-Gipfel", ID: "nato", Type: "ORG", Form: "part", Kind: "military"},
	}
	for _, tt := range []struct {
		name string
		cues []Cue
	}{{"words", nil}, {"words and cues", cues}} {
		t.Run(tt.name, func(t *testing.T) {
			got := m.Score(AppendWords(nil, string(text)), tt.cues)
			require.GreaterOrEqual(t, len(got), 2, "%v", got)
			top2 := []string{got[0].ID, got[1].ID}
			assert.ElementsMatch(t, []string{"medtop:16000000", "medtop:11000000"}, top2, "%v", got)
			for _, tp := range got {
				assert.NotEmpty(t, tp.Evidence, tp.ID)
			}
			conflict, _ := find(got, "medtop:16000000")
			var terms []string
			for _, e := range conflict.Evidence {
				terms = append(terms, e.Term)
			}
			// Krieg from Angriffskriegs and Kriegsaggression, Waffe from
			// Waffenlieferungen: compounds count.
			assert.Subset(t, terms, []string{"Krieg", "Waffe", "Rakete", "Militärbündnis"})
			for _, tp := range got {
				for _, e := range tp.Evidence {
					if e.Kind == "word" {
						assert.NotEqual(t, "Stoltenberg", e.Text, "a name is no compound")
					}
				}
			}
			for _, tp := range got {
				t.Logf("%s", tp)
			}
		})
	}
}

func TestDefaultCompounds(t *testing.T) {
	m := loadDefault(t, Options{MinScore: 0.001, MaxTopics: 50})
	tests := []struct {
		word  string
		want  []string // topic:term that must be evidence
		never []string // terms that must not be
	}{
		{"Waffenlieferungen", []string{"medtop:16000000:Waffe", "medtop:04000000:Lieferung"}, nil},
		{"Angriffskrieg", []string{"medtop:20000056:Krieg"}, nil},
		{"Kriegsverbrechen", []string{"medtop:20000056:Kriegsverbrechen"}, nil},
		{"Fußballtrainer", []string{"medtop:20001065:Fußball", "medtop:15000000:Trainer"}, nil},
		{"Bundestagswahl", []string{"medtop:20000574:Bundestagswahl"}, nil},
		{"Landtagswahlkampf", []string{"medtop:20000574:Wahlkampf"}, nil},
		{"Terroranschläge", []string{"medtop:20000053:Terroranschlag"}, nil},
		{"Schulgebäude", []string{"medtop:20000400:Schule"}, nil},
		{"Verbindung", nil, []string{"Dünger"}},
		{"Stoltenberg", nil, []string{"Berg"}},
		{"Beispiel", nil, []string{"Spiel"}},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			got := m.Score([]Word{{Text: tt.word}}, nil)
			var have []string
			for _, tp := range got {
				for _, e := range tp.Evidence {
					have = append(have, tp.ID+":"+e.Term)
				}
			}
			assert.Subset(t, have, tt.want)
			for _, n := range tt.never {
				for _, h := range have {
					assert.NotContains(t, h, ":"+n)
				}
			}
		})
	}
}
