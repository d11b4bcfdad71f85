package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/etikett-nlp/etikett/internal/repo"
	"github.com/etikett-nlp/etikett/tagger"
	"github.com/etikett-nlp/etikett/tagger/topic"
)

func TestSection(t *testing.T) {
	model, err := loadModel([]string{filepath.Join("..", "..", "lexicon", "topics.tsv")})
	require.NoError(t, err)
	tests := []struct {
		text     string
		austrian bool
		want     string
	}{
		{"Der Trainer lobt die Mannschaft nach dem 2:0-Sieg, zwei Tore in der Bundesliga.", false, "Sport"},
		{"Das neue Smartphone bekommt ein Update: Die App und der Browser laufen schneller, Nutzer freuen sich.", false, "Web"},
		{"Forscher haben in einer Studie im Fachjournal Nature eine neue Galaxie und ein Schwarzes Loch beschrieben.", false, "Wissenschaft"},
		{"Der ORF-Generaldirektor plant eine neue Sendung im Hauptabendprogramm, die Quote der Serie sinkt.", true, "Etat"},
		{"Die Koalition streitet im Nationalrat, der Kanzler und die Partei wollen eine Wahlrechtsreform.", true, "Inland"},
		{"Die Koalition streitet im Parlament, der Premierminister und die Partei wollen Neuwahlen.", false, "International"},
		{"Die Polizei nahm den mutmaßlichen Täter nach dem Einbruch fest, er wurde verhaftet.", true, "Panorama"},
		{"Die Inflation steigt, die Notenbank erhöht den Leitzins, Anleger verkaufen Aktien an der Börse.", false, "Wirtschaft"},
		{"Die Premiere im Burgtheater: Regisseur und Ensemble ernten Applaus für die Inszenierung.", true, "Kultur"},
	}
	for _, tt := range tests {
		got := section(model.ScoreText(tt.text), tt.austrian)
		assert.Equal(t, tt.want, got, tt.text)
	}
}

// TestDev10kGNAD checks the acceptance target on the shared 10kGNAD dev
// set: top topic mapped to a section, accuracy ≥ 0.70 with Inland and
// International merged, without training on 10kGNAD.
func TestDev10kGNAD(t *testing.T) {
	shared, _ := repo.Shared()
	path := filepath.Join(shared, "data", "10kgnad", "dev.csv")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("10kGNAD dev set not found at %s (set ETIKETT_SHARED): %v", path, err)
	}
	if testing.Short() {
		t.Skip("evaluation skipped in -short mode")
	}
	docs, err := readCSV(path)
	require.NoError(t, err)
	require.Len(t, docs, 507)
	model, err := loadModel([]string{filepath.Join("..", "..", "lexicon", "topics.tsv")})
	require.NoError(t, err)
	tg, err := tagger.New(tagger.WithTopicOptions(topic.Options{MinScore: 0.01, MaxTopics: 40}))
	require.NoError(t, err)
	for _, tc := range []struct {
		name string
		tg   *tagger.Tagger
	}{{"words", nil}, {"tagger", tg}} {
		gold, pred, err := evaluate(model, tc.tg, docs, func(i int, d doc, sec string, ts []topic.Topic, at, foreign int) {
			for _, tp := range ts {
				if len(tp.Evidence) == 0 {
					t.Errorf("article %d: topic %s without evidence", i+1, tp.ID)
				}
			}
		})
		require.NoError(t, err)
		merged, separate := accuracy(gold, pred, true), accuracy(gold, pred, false)
		t.Logf("%s: accuracy %.3f merged, %.3f separate", tc.name, merged, separate)
		assert.GreaterOrEqual(t, merged, 0.70, tc.name)
	}
}
