// Command evaluate-topics scores the topic tagger on news articles labelled
// with newspaper sections, in the format of 10kGNAD (label;text, quote
// character '), by mapping each article's top Media Topic to a section.
//
//	go run ./examples/evaluate-topics [-data FILE] [-topics FILE,...] [-errors N]
//
// The default data is ../shared/data/10kgnad/dev.csv relative to the
// repository root ($ETIKETT_SHARED replaces ../shared). 10kGNAD is licensed
// for non-commercial use: evaluate on it, never train on it.
//
// # Mapping Media Topics to the nine sections of DER STANDARD
//
// The top topic of an article (always a top-level topic: a subtopic never
// scores above its parent) and its best subtopic decide the section:
//
//	15 Sport                                   → Sport
//	04 Wirtschaft, 09 Arbeit                   → Wirtschaft
//	13 Wissenschaft/Technik: Web when subtopic Informatik (20000763)
//	   scores above every other subtopic (Technologie itself aside),
//	   else Wissenschaft
//	10 Freizeit: subtopic Spiel (20000540)     → Web, else Panorama
//	01 Kultur: subtopic Massenmedien (20000045) → Etat, else Kultur
//	11 Politik: when the subtopics Flüchtling (20000645) and Migration
//	   (20000634) together score at least refugeeShare of Politik
//	   → Panorama (the paper ran most refugee coverage under Panorama);
//	   otherwise Inland or International by places (below)
//	16 Konflikte                               → Inland or International by places
//	05 Erziehung: subtopic Hochschule (20000405) with at least half the
//	   score of Erziehung → Wissenschaft;
//	   otherwise Inland when the article is Austrian, else Panorama
//	02, 03, 06, 07, 08, 12, 14, 17             → Panorama
//
// Inland or International: with the full tagger, entities carry a country;
// the article is Austrian (Inland) when mentions of Austrian entities are at
// least as many as mentions of foreign ones. Sections are reported both
// separately and with Inland and International merged into "Politik".
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/etikett-nlp/etikett/internal/labeled"
	"github.com/etikett-nlp/etikett/internal/repo"
	"github.com/etikett-nlp/etikett/tagger"
	"github.com/etikett-nlp/etikett/tagger/topic"
)

var sections = []string{"Web", "Panorama", "International", "Wirtschaft", "Sport", "Inland", "Etat", "Kultur", "Wissenschaft"}

func main() {
	root := repo.Root()
	shared, _ := repo.Shared()
	data := flag.String("data", filepath.Join(shared, "data", "10kgnad", "dev.csv"), "labelled articles, label;text with ' quotes")
	topics := flag.String("topics", filepath.Join(root, "lexicon", "topics.tsv"), "comma-separated topic files, later ones override")
	nerr := flag.Int("errors", 0, "print this many misclassified articles")
	noTagger := flag.Bool("words", false, "words only: no entity cues, Inland/International by a few Austrian words")
	flag.Parse()

	model, err := loadModel(strings.Split(*topics, ","))
	if err != nil {
		fatal(err)
	}
	docs, err := readCSV(*data)
	if err != nil {
		fatal(err)
	}
	var tg *tagger.Tagger
	if !*noTagger {
		// The tagger as users call it: default lexicon, its topics scored
		// by Tag, with a low threshold so that the section mapping sees
		// the subtopics. Extra topic files override the default one.
		opts := []tagger.Option{tagger.WithTopicOptions(topic.Options{MinScore: 0.01, MaxTopics: 40})}
		for _, p := range strings.Split(*topics, ",") {
			if filepath.Clean(p) != filepath.Join(root, "lexicon", "topics.tsv") {
				opts = append(opts, tagger.WithLexiconFiles(p))
			}
		}
		if tg, err = tagger.New(opts...); err != nil {
			fatal(err)
		}
	}
	shown := 0
	gold, pred, err := evaluate(model, tg, docs, func(i int, d doc, sec string, ts []topic.Topic, at, foreign int) {
		if sec == d.label || shown >= *nerr {
			return
		}
		shown++
		fmt.Printf("--- #%d gold %s, predicted %s (AT %d, foreign %d)\n    %.160s\n", i+1, d.label, sec, at, foreign, d.text)
		for j, t := range ts {
			if j == 4 {
				break
			}
			fmt.Printf("    %s\n", t)
		}
	})
	if err != nil {
		fatal(err)
	}
	fmt.Printf("%d articles from %s\n\n", len(docs), *data)
	report("nine sections", sections, gold, pred)
	merge := func(s []string) []string {
		out := make([]string, len(s))
		for i, x := range s {
			out[i] = mergePolitics(x)
		}
		return out
	}
	merged := []string{"Web", "Panorama", "Politik", "Wirtschaft", "Sport", "Etat", "Kultur", "Wissenschaft"}
	report("Inland and International merged", merged, merge(gold), merge(pred))
}

// evaluate predicts the section of every document; with a tagger, entity
// cues and their countries are used. report is called for each document.
func evaluate(model *topic.Model, tg *tagger.Tagger, docs []doc, report func(i int, d doc, sec string, ts []topic.Topic, at, foreign int)) (gold, pred []string, err error) {
	var words []topic.Word
	for i, d := range docs {
		at, foreign := 0, 0
		var ts []topic.Topic
		if tg != nil {
			res, err := tg.Tag(d.text)
			if err != nil {
				return nil, nil, fmt.Errorf("article %d: %w", i+1, err)
			}
			for _, e := range res.Entities {
				switch {
				case e.Country == "AT":
					at++
				case e.Country != "":
					foreign++
				}
			}
			ts = res.Topics
		} else {
			words = topic.AppendWords(words[:0], d.text)
			at, foreign = austrianWords(words)
			ts = model.Score(words, nil)
		}
		sec := section(ts, at >= foreign && at > 0)
		gold, pred = append(gold, d.label), append(pred, sec)
		if report != nil {
			report(i, d, sec, ts, at, foreign)
		}
	}
	return gold, pred, nil
}

// accuracy returns the share of equal labels, with Inland and
// International merged when merge is set.
func accuracy(gold, pred []string, merge bool) float64 {
	ok := 0
	for i := range gold {
		g, p := gold[i], pred[i]
		if merge {
			g, p = mergePolitics(g), mergePolitics(p)
		}
		if g == p {
			ok++
		}
	}
	return float64(ok) / float64(len(gold))
}

func mergePolitics(s string) string {
	if s == "Inland" || s == "International" {
		return "Politik"
	}
	return s
}

// section maps the topics of an article to a section of DER STANDARD (see
// the package documentation); "" when there is no topic.
func section(ts []topic.Topic, austrian bool) string {
	if len(ts) == 0 {
		return "Panorama"
	}
	top := ts[0].ID
	// The subtopics of top (any depth) with their scores, and the best
	// direct subtopic.
	sub := map[string]float64{}
	best := ""
	for _, t := range ts[1:] {
		if parentOf[t.ID] == top || parentOf[parentOf[t.ID]] == top {
			sub[t.ID] = t.Score
			if best == "" && parentOf[t.ID] == top {
				best = t.ID
			}
		}
	}
	has := func(id string) bool { return sub[id] > 0 }
	politics := func() string {
		if austrian {
			return "Inland"
		}
		return "International"
	}
	switch top {
	case "medtop:15000000":
		return "Sport"
	case "medtop:04000000", "medtop:09000000":
		return "Wirtschaft"
	case "medtop:13000000":
		// Web when information technology outweighs every science subtopic.
		science := 0.0
		for id, s := range sub {
			if parentOf[id] == top && id != "medtop:20000756" {
				science = max(science, s)
			}
		}
		if sub["medtop:20000763"] > science {
			return "Web"
		}
		return "Wissenschaft"
	case "medtop:10000000":
		if has("medtop:20000540") {
			return "Web"
		}
		return "Panorama"
	case "medtop:01000000":
		if best == "medtop:20000045" {
			return "Etat"
		}
		return "Kultur"
	case "medtop:11000000":
		if (sub["medtop:20000645"]+sub["medtop:20000634"])/ts[0].Score >= refugeeShare {
			return "Panorama"
		}
		return politics()
	case "medtop:16000000":
		return politics()
	case "medtop:05000000":
		if sub["medtop:20000405"] >= ts[0].Score/2 {
			return "Wissenschaft"
		}
		if austrian {
			return "Inland"
		}
		return "Panorama"
	}
	return "Panorama"
}

// refugeeShare: see the package documentation.
const refugeeShare = 0.25

// parentOf is filled from the model: topic id → parent id.
var parentOf = map[string]string{}

func loadModel(paths []string) (*topic.Model, error) {
	var files []*topic.File
	var errs []error
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		file, err := topic.Parse(filepath.Base(p), f)
		f.Close()
		if err != nil {
			errs = append(errs, err)
		}
		files = append(files, file)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	m, err := topic.Compile(files, topic.Options{MinScore: 0.01, MaxTopics: 40})
	if err != nil {
		return nil, err
	}
	for _, id := range m.Topics() {
		_, parent, _ := m.Label(id)
		parentOf[id] = parent
	}
	return m, nil
}

// austrianWords counts a few unambiguous Austrian and foreign markers, for
// a run without the tagger.
func austrianWords(ws []topic.Word) (at, foreign int) {
	for _, w := range ws {
		switch w.Text {
		case "Österreich", "Österreichs", "Wien", "Wiener", "ÖVP", "SPÖ", "FPÖ", "Neos", "Nationalrat", "Landeshauptmann",
			"Graz", "Linz", "Salzburg", "Innsbruck", "Klagenfurt", "Niederösterreich", "Oberösterreich", "Steiermark", "Kärnten",
			"Tirol", "Vorarlberg", "Burgenland", "Faymann", "Mitterlehner", "Strache", "Kern", "Mikl-Leitner", "Kurz":
			at++
		case "USA", "Deutschland", "Russland", "Frankreich", "Türkei", "Syrien", "China", "Griechenland", "Ukraine", "Italien",
			"Ungarn", "Polen", "Großbritannien", "Berlin", "Moskau", "Washington", "Paris", "London", "Brüssel", "Iran", "Israel":
			foreign++
		}
	}
	return at, foreign
}

// report prints accuracy, per-class and macro F1, and the confusion matrix.
func report(title string, classes, gold, pred []string) {
	idx := map[string]int{}
	for i, c := range classes {
		idx[c] = i
	}
	n := len(classes)
	conf := make([][]int, n)
	for i := range conf {
		conf[i] = make([]int, n)
	}
	correct := 0
	for i := range gold {
		g, ok1 := idx[gold[i]]
		p, ok2 := idx[pred[i]]
		if !ok1 || !ok2 {
			continue
		}
		conf[g][p]++
		if g == p {
			correct++
		}
	}
	fmt.Printf("== %s\naccuracy %.3f (%d/%d)\n", title, float64(correct)/float64(len(gold)), correct, len(gold))
	macro := 0.0
	fmt.Printf("%-14s %6s %6s %6s %5s\n", "section", "P", "R", "F1", "n")
	for i, c := range classes {
		tp, fp, fn := conf[i][i], 0, 0
		for j := 0; j < n; j++ {
			if j != i {
				fp += conf[j][i]
				fn += conf[i][j]
			}
		}
		p, r, f := prf(tp, fp, fn)
		macro += f
		fmt.Printf("%-14s %6.3f %6.3f %6.3f %5d\n", c, p, r, f, tp+fn)
	}
	fmt.Printf("macro-F1 %.3f\n\nconfusion (rows gold, columns predicted)\n%-14s", macro/float64(n), "")
	for _, c := range classes {
		fmt.Printf(" %5.5s", c)
	}
	fmt.Println()
	for i, c := range classes {
		fmt.Printf("%-14s", c)
		for j := range classes {
			fmt.Printf(" %5d", conf[i][j])
		}
		fmt.Println()
	}
	fmt.Println()
}

func prf(tp, fp, fn int) (p, r, f float64) {
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

type doc struct{ label, text string }

// readCSV reads label;text records (see package labeled).
func readCSV(path string) ([]doc, error) {
	recs, err := labeled.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w (set -data or ETIKETT_SHARED)", err)
	}
	docs := make([]doc, len(recs))
	for i, r := range recs {
		docs[i] = doc{label: r.Label, text: r.Text}
	}
	return docs, nil
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "evaluate-topics:", err)
	os.Exit(1)
}
