// Command tag tags German news text with entities and topics and prints one
// JSON object per document (JSON Lines), as ../../shared/docs/output-contract.md
// describes.
//
//	go run ./examples/tag [flags] [FILE ...]
//
// With FILE arguments each file is one document (its id is the file name
// without directory and extension); without, standard input is one document
// (id "stdin"). With -jsonl the input is JSON Lines, one {"text": …, "id": …}
// object per line, and the output has exactly one line per input line, in
// order; a bad line yields a record with an "error" field, and the program
// exits with status 1 after the rest.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/etikett-nlp/etikett/tagger"
)

type record struct {
	ID       json.RawMessage `json:"id"`
	Entities []tagger.Entity `json:"entities"`
	Topics   []tagger.Topic  `json:"topics"`
	Error    string          `json:"error,omitempty"`
}

type job struct {
	n    int
	id   json.RawMessage
	text string
	err  error // input error: no tagging, an error record
	src  string
}

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("tag", flag.ContinueOnError)
	fs.SetOutput(stderr)
	jsonl := fs.Bool("jsonl", false, "input is JSON Lines: one {\"text\": …, \"id\": …} object per line")
	noDefault := fs.Bool("no-default-lexicon", false, "do not load the embedded default lexicon")
	noTopics := fs.Bool("no-topics", false, "do not tag topics")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "documents tagged in parallel")
	maxBytes := fs.Int("max-bytes", tagger.DefaultMaxBytes, "largest document accepted, in bytes")
	var lexFiles multiFlag
	fs.Var(&lexFiles, "lexicon", "extra lexicon file (repeatable)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: tag [flags] [FILE ...]\n\nTags German text; prints one JSON object per document.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *workers < 1 {
		fmt.Fprintf(stderr, "tag: -workers must be at least 1\n")
		return 2
	}
	var opts []tagger.Option
	if *noDefault {
		opts = append(opts, tagger.WithoutDefaultLexicon())
	}
	if *noTopics {
		opts = append(opts, tagger.WithoutTopics())
	}
	opts = append(opts, tagger.WithLexiconFiles(lexFiles...), tagger.WithMaxBytes(*maxBytes))
	tg, err := tagger.New(opts...)
	if err != nil {
		fmt.Fprintf(stderr, "tag: %v\n", err)
		return 2
	}

	jobs := make(chan job, 64)
	go func() {
		defer close(jobs)
		produce(fs.Args(), *jsonl, stdin, jobs)
	}()
	failed := process(tg, jobs, *workers, stdout, stderr)
	if failed {
		return 1
	}
	return 0
}

// produce reads the input documents and sends them as jobs, numbered in
// input order.
func produce(files []string, jsonl bool, stdin io.Reader, jobs chan<- job) {
	n := 0
	send := func(j job) {
		j.n = n
		n++
		jobs <- j
	}
	if !jsonl {
		if len(files) == 0 {
			data, err := io.ReadAll(stdin)
			send(job{id: quote("stdin"), text: string(data), err: err, src: "stdin"})
			return
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			base := filepath.Base(f)
			send(job{id: quote(strings.TrimSuffix(base, filepath.Ext(base))), text: string(data), err: err, src: f})
		}
		return
	}
	readLines := func(r io.Reader, src string) {
		br := bufio.NewReaderSize(r, 1<<16)
		line := 0
		for {
			b, err := br.ReadBytes('\n')
			if len(b) == 0 && err != nil {
				if err != io.EOF {
					send(job{id: quote(src), err: err, src: src})
				}
				return
			}
			line++
			send(parseLine(bytes.TrimRight(b, "\r\n"), line, src))
		}
	}
	if len(files) == 0 {
		readLines(stdin, "stdin")
		return
	}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			send(job{id: quote(f), err: err, src: f})
			continue
		}
		readLines(fh, f)
		fh.Close()
	}
}

// parseLine reads one JSON Lines input object.
func parseLine(b []byte, line int, src string) job {
	j := job{id: quote(strconv.Itoa(line)), src: fmt.Sprintf("%s:%d", src, line)}
	var in struct {
		Text *string         `json:"text"`
		ID   json.RawMessage `json:"id"`
	}
	if err := json.Unmarshal(b, &in); err != nil {
		j.err = fmt.Errorf("not a JSON object: %v", err)
		return j
	}
	if len(in.ID) > 0 && string(in.ID) != "null" {
		var s string
		if err := json.Unmarshal(in.ID, &s); err != nil {
			j.err = errors.New(`"id" must be a string`)
			return j
		}
		j.id = quote(s)
	}
	if in.Text == nil {
		j.err = errors.New(`missing "text"`)
		return j
	}
	j.text = *in.Text
	return j
}

func quote(s string) json.RawMessage {
	b, _ := json.Marshal(s)
	return b
}

// bufs holds the output buffers of records written, for reuse.
var bufs = sync.Pool{New: func() any { return new([]byte) }}

// process tags jobs on several goroutines and writes the records in input
// order. It reports whether any record is an error.
func process(tg *tagger.Tagger, jobs <-chan job, workers int, stdout, stderr io.Writer) bool {
	type done struct {
		n   int
		out []byte
		buf *[]byte // out's buffer, back to bufs once written
		err string
		src string
	}
	results := make(chan done, 64)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				rec := record{ID: j.id}
				err := j.err
				if err == nil {
					res, terr := tg.Tag(j.text)
					err = terr
					rec.Entities, rec.Topics = res.Entities, res.Topics
				}
				if err != nil {
					rec.Error = err.Error()
					rec.Entities, rec.Topics = []tagger.Entity{}, []tagger.Topic{}
				}
				buf := bufs.Get().(*[]byte)
				out, ok := appendRecord((*buf)[:0], &rec)
				var merr error
				if !ok {
					out, merr = json.Marshal(rec) // for its error
				}
				if merr != nil {
					out = []byte(fmt.Sprintf(`{"id":%s,"entities":[],"topics":[],"error":%q}`, j.id, merr.Error()))
				}
				results <- done{n: j.n, out: out, buf: buf, err: rec.Error, src: j.src}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()
	w := bufio.NewWriterSize(stdout, 1<<16)
	defer w.Flush()
	pending := map[int]done{}
	next := 0
	failed := false
	for d := range results {
		pending[d.n] = d
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if p.err != "" {
				failed = true
				fmt.Fprintf(stderr, "tag: %s: %s\n", p.src, p.err)
			}
			w.Write(p.out)
			w.WriteByte('\n')
			if cap(p.out) <= 1<<20 { // keep no huge buffers
				*p.buf = p.out[:0]
				bufs.Put(p.buf)
			}
		}
	}
	return failed
}
