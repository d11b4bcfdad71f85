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
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/etikett-nlp/etikett/tagger/topic"
)

func main() {
	base := flag.String("base", filepath.Join(repoRoot(), "lexicon", "topics.tsv"), `topic file to start from ("" for none)`)
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

// readCSV reads label;text records; a field may be quoted with ' (doubled
// inside). encoding/csv only knows ", which news texts use freely.
func readCSV(path string) ([]topic.LabeledDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	var docs []topic.LabeledDoc
	line := 1
	for {
		start := line
		rec, err := readRecord(r, &line)
		if err == io.EOF {
			return docs, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, start, err)
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) != 2 {
			return nil, fmt.Errorf("%s:%d: want label;text, have %d fields", path, start, len(rec))
		}
		docs = append(docs, topic.LabeledDoc{Label: rec[0], Text: rec[1]})
	}
}

func readRecord(r *bufio.Reader, line *int) ([]string, error) {
	var fields []string
	var b strings.Builder
	quoted, inQuote, any := false, false, false
	for {
		c, _, err := r.ReadRune()
		if err == io.EOF {
			if inQuote {
				return nil, fmt.Errorf("unterminated quote")
			}
			if !any {
				return nil, io.EOF
			}
			return append(fields, b.String()), nil
		}
		if err != nil {
			return nil, err
		}
		any = true
		switch {
		case inQuote && c == '\'':
			next, _, err := r.ReadRune()
			if err == nil && next == '\'' {
				b.WriteRune('\'')
				continue
			}
			if err == nil {
				r.UnreadRune()
			}
			inQuote = false
		case inQuote:
			if c == '\n' {
				*line++
			}
			b.WriteRune(c)
		case c == '\'' && b.Len() == 0 && !quoted:
			inQuote, quoted = true, true
		case c == ';' && len(fields) == 0:
			fields = append(fields, b.String())
			b.Reset()
			quoted = false
		case c == '\n':
			*line++
			return append(fields, b.String()), nil
		case c == '\r':
		default:
			b.WriteRune(c)
		}
	}
}

func repoRoot() string {
	dir, err := os.Getwd()
	if err != nil {
		return "."
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "train-topics:", err)
	os.Exit(1)
}
