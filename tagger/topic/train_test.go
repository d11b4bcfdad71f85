package topic

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Small synthetic articles, written for this test.
var trainDocs = []LabeledDoc{
	{"Immobilien", "Die Mieten in Wien steigen weiter. Makler berichten von hoher Nachfrage nach Wohnungen."},
	{"Immobilien", "Ein Makler verkauft eine Eigentumswohnung im dritten Bezirk. Die Miete für Altbauwohnungen ist hoch."},
	{"Immobilien", "Der Wohnungsmarkt bleibt angespannt: Mieten und Kaufpreise für Wohnungen ziehen an, sagen Makler."},
	{"Immobilien", "Neue Wohnungen am Stadtrand: Die Miete ist günstiger, der Makler rechnet mit schneller Vermietung."},
	{"medtop:15000000", "Rapid gewinnt das Derby. Der Trainer lobt die Mannschaft nach dem Tor in der letzten Minute."},
	{"medtop:15000000", "Die Mannschaft verliert auswärts. Der Trainer kritisiert die Abwehr, der Stürmer vergibt ein Tor."},
	{"medtop:15000000", "Ein spätes Tor entscheidet das Spiel. Die Mannschaft feiert, der Trainer bleibt ruhig."},
	{"medtop:15000000", "Nach dem Derby: Trainer und Mannschaft analysieren das Spiel, zwei Tore fehlten zum Sieg."},
	{"Garten", "Im Frühling beginnt die Gartensaison. Tomaten und Kräuter brauchen Sonne und Gießwasser."},
	{"Garten", "Tomaten im Hochbeet: Der Gärtner empfiehlt Kompost und regelmäßiges Gießen der Kräuter."},
	{"Garten", "Kräuter auf dem Balkon: Basilikum und Tomaten gedeihen, wenn man sie täglich gießt."},
	{"Garten", "Der Kompost im Garten liefert Dünger für Tomaten, Kräuter und Beerensträucher."},
}

const trainBase = `topic	medtop:15000000	Sport
word	medtop:15000000	Tor	2	compound=mod
word	medtop:15000000	Schach	2
topic	medtop:11000000	Politik
word	medtop:11000000	Regierung	2
cue	medtop:15000000	kind=club	2
`

func TestTrain(t *testing.T) {
	base, err := Parse("base.tsv", strings.NewReader(trainBase))
	require.NoError(t, err)
	f, err := Train(trainDocs, TrainOptions{Base: base, MinDocs: 3})
	require.NoError(t, err)

	topics := map[string]string{}
	for _, tp := range f.Topics {
		topics[tp.ID] = tp.Label
	}
	assert.Equal(t, map[string]string{"medtop:15000000": "Sport", "medtop:11000000": "Politik", "immobilien": "Immobilien", "garten": "Garten"}, topics)
	assert.Len(t, f.Cues, 1, "cues of the base are kept")

	words := map[string]map[string]float64{}
	for _, kw := range f.Keywords {
		if words[kw.Topic] == nil {
			words[kw.Topic] = map[string]float64{}
		}
		words[kw.Topic][kw.Forms[0]] = kw.Weight
	}
	assert.Contains(t, words["immobilien"], "Makler")
	assert.Contains(t, words["immobilien"], "Miete")
	assert.Contains(t, words["garten"], "Tomaten")
	assert.Contains(t, words["medtop:15000000"], "Trainer")
	for topic, ws := range words {
		for _, fn := range []string{"der", "die", "Die", "und", "das"} {
			assert.NotContains(t, ws, fn, "function word in %s", topic)
		}
	}
	// Base keywords: Tor is refitted upwards (mean of 2 and the fit), Schach
	// has no data and keeps its weight, Politik was not trained.
	assert.Greater(t, words["medtop:15000000"]["Tor"], 2.0)
	assert.Equal(t, 2.0, words["medtop:15000000"]["Schach"])
	assert.Equal(t, 2.0, words["medtop:11000000"]["Regierung"])

	// The written file parses back and classifies unseen text.
	var buf bytes.Buffer
	_, err = f.WriteTo(&buf)
	require.NoError(t, err)
	assert.Contains(t, buf.String(), "note=in 4 of 4 Immobilien documents")
	g, err := Parse("trained.tsv", &buf)
	require.NoError(t, err, buf.String())
	m, err := Compile([]*File{g}, Options{})
	require.NoError(t, err)
	tests := []struct{ text, want string }{
		{"Der Makler zeigt die Wohnung, die Miete ist zu hoch.", "immobilien"},
		{"Tomaten und Kräuter aus dem eigenen Kompost.", "garten"},
		{"Der Trainer wechselt, die Mannschaft schießt ein Tor.", "medtop:15000000"},
	}
	for _, tt := range tests {
		got := m.ScoreText(tt.text)
		require.NotEmpty(t, got, tt.text)
		assert.Equal(t, tt.want, got[0].ID, tt.text)
	}
}

func TestTrainWithoutBase(t *testing.T) {
	f, err := Train(trainDocs, TrainOptions{MinDocs: 2, MaxWords: 3})
	require.NoError(t, err)
	n := map[string]int{}
	for _, kw := range f.Keywords {
		n[kw.Topic]++
		assert.Equal(t, "no", kw.Compound)
		assert.GreaterOrEqual(t, kw.Weight, 1.0)
		assert.LessOrEqual(t, kw.Weight, 5.0)
	}
	assert.Equal(t, map[string]int{"immobilien": 3, "garten": 3, "medtop:15000000": 3}, n)
	var labels []string
	for _, tp := range f.Topics {
		labels = append(labels, tp.ID+"="+tp.Label)
	}
	assert.ElementsMatch(t, []string{"immobilien=Immobilien", "garten=Garten", "medtop:15000000=medtop:15000000"}, labels)
}

func TestTrainErrors(t *testing.T) {
	_, err := Train(nil, TrainOptions{})
	assert.ErrorContains(t, err, "no documents")
	_, err = Train([]LabeledDoc{{Label: " ", Text: "x"}}, TrainOptions{})
	assert.ErrorContains(t, err, "empty label")
	_, err = Train([]LabeledDoc{{Label: "…", Text: "x"}}, TrainOptions{})
	assert.ErrorContains(t, err, "no letters")
}

func TestSlugAndForms(t *testing.T) {
	assert.Equal(t, "immobilien-wohnen", slug("Immobilien & Wohnen"))
	assert.Equal(t, "osterreich", slug("Österreich"))
	assert.Equal(t, []string{"Tor"}, surfaceForms(map[string]int{"Tor": 3, "Tore": 5, "Toren": 1}))
	assert.Equal(t, []string{"Museen", "Museum"}, surfaceForms(map[string]int{"Museum": 1, "Museen": 1}))
}
