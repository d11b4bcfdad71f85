// Command train-topics fits topic keywords from your own labelled articles
// and writes an editable topic file.
//
//	go run ./examples/train-topics [flags] articles.csv > my-topics.tsv
//
// The input has one article per record, label;text, where a field may be
// quoted with ' (a quote inside doubled) — the format of 10kGNAD. A label is
// a Media Topic code (medtop:15000000) or any label of your own (Immobilien).
// By default the project's lexicon/topics.tsv is the base: its keywords for
// the labels you train are refitted and new ones are added. Load the result
// after the default file (later files override earlier ones), or use it
// alone with -base "".
//
// Do not train on data whose licence forbids it (10kGNAD is non-commercial).
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/etikett-nlp/etikett/internal/labeled"
	"github.com/etikett-nlp/etikett/internal/repo"
	"github.com/etikett-nlp/etikett/tagger/topic"
)

func main() {
	base := flag.String("base", filepath.Join(repo.Root(), "lexicon", "topics.tsv"), `topic file to start from ("" for none)`)
	out := flag.String("o", "", "output file (default standard output)")
	minDocs := flag.Int("min-docs", 3, "documents of a label a word must occur in")
	maxWords := flag.Int("max-words", 100, "new keywords per label at most")
	minWeight := flag.Float64("min-weight", 1, "smallest weight of a new keyword")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: train-topics [flags] FILE.csv\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	opts := topic.TrainOptions{MinDocs: *minDocs, MaxWords: *maxWords, MinWeight: *minWeight}
	if *base != "" {
		f, err := os.Open(*base)
		if err != nil {
			fatal(err)
		}
		opts.Base, err = topic.Parse(filepath.Base(*base), f)
		f.Close()
		if err != nil {
			fatal(err)
		}
	}
	docs, err := readCSV(flag.Arg(0))
	if err != nil {
		fatal(err)
	}
	file, err := topic.Train(docs, opts)
	if err != nil {
		fatal(err)
	}
	var w io.Writer = os.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fatal(err)
		}
		defer f.Close()
		w = f
	}
	if _, err := file.WriteTo(w); err != nil {
		fatal(err)
	}
	fmt.Fprintf(os.Stderr, "train-topics: %d documents, %d topics, %d keyword lines\n", len(docs), len(file.Topics), len(file.Keywords))
}

// readCSV reads label;text records (see package labeled).
func readCSV(path string) ([]topic.LabeledDoc, error) {
	recs, err := labeled.ReadFile(path)
	if err != nil {
		return nil, err
	}
	docs := make([]topic.LabeledDoc, len(recs))
	for i, r := range recs {
		docs[i] = topic.LabeledDoc{Label: r.Label, Text: r.Text}
	}
	return docs, nil
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "train-topics:", err)
	os.Exit(1)
}
