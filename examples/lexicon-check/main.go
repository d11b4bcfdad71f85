// Command lexicon-check validates lexicon files: it reports every problem as
// "file:line: message" and exits with status 1 when there is any.
//
//	go run ./examples/lexicon-check [-stats] [-with-default] [FILE ...]
//
// Without FILE arguments it checks the embedded default lexicon. With files,
// it checks them on their own, or together with the default lexicon when
// -with-default is given (to find ids and names that clash with it). -stats
// prints one JSON object with entry counts by type and list.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/etikett-nlp/etikett/internal/cmdline"
	"github.com/etikett-nlp/etikett/lexicon"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lexicon-check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	stats := fs.Bool("stats", false, "print entry counts as one JSON object")
	withDefault := fs.Bool("with-default", false, "check the files together with the default lexicon")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: lexicon-check [-stats] [-with-default] [FILE ...]\n")
		fs.PrintDefaults()
	}
	if status, ok := cmdline.Parse(fs, args); !ok {
		return status
	}
	lx := lexicon.New()
	if fs.NArg() == 0 || *withDefault {
		if err := lx.AddFS(lexicon.Default(), "*.tsv"); err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
	}
	for _, p := range fs.Args() {
		data, err := os.ReadFile(p)
		if err != nil {
			fmt.Fprintf(stderr, "lexicon-check: %v\n", err)
			return 2
		}
		lx.AddFile(filepath.ToSlash(p), data)
	}
	status := 0
	if err := lx.Err(); err != nil {
		var list lexicon.ErrorList
		if errors.As(err, &list) {
			for _, e := range list {
				fmt.Fprintln(stderr, e.Error())
			}
			fmt.Fprintf(stderr, "lexicon-check: %d problems\n", len(list))
		} else {
			fmt.Fprintln(stderr, err)
		}
		status = 1
	}
	if *stats {
		b, _ := json.Marshal(lx.Stats())
		fmt.Fprintln(stdout, string(b))
	} else if status == 0 {
		s := lx.Stats()
		fmt.Fprintf(stdout, "ok: %d PER, %d ORG, %d LOC, %d OTH, %d roles, %d first names\n",
			s[lexicon.PER], s[lexicon.ORG], s[lexicon.LOC], s[lexicon.OTH], s["roles"], s["firstnames"])
	}
	return status
}
