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
// exits with status 1 after the rest. With -brief the records hold the
// contract's fields alone, without the entities' kind, country, rule and
// source and the topics' evidence.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"unsafe"

	"github.com/etikett-nlp/etikett/internal/cmdline"
	"github.com/etikett-nlp/etikett/tagger"
	"github.com/etikett-nlp/etikett/tagger/topic"
)

type record struct {
	ID       json.RawMessage `json:"id"`
	Entities []tagger.Entity `json:"entities"`
	Topics   []tagger.Topic  `json:"topics"`
	Error    string          `json:"error,omitempty"`
}

type job struct {
	id   json.RawMessage
	text string
	err  error // input error: no tagging, an error record
	src  string
	line int    // of a JSON Lines input, from 1; 0 for a whole file
	raw  []byte // the JSON Lines input line, which the worker decodes
}

// where names the job's input in messages: the file, and the line.
func (j *job) where() string {
	if j.line == 0 {
		return j.src
	}
	return fmt.Sprintf("%s:%d", j.src, j.line)
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
	brief := fs.Bool("brief", false, "write only the output contract's fields: no entity kind, country, rule or source, no topic evidence")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "documents tagged in parallel")
	maxBytes := fs.Int("max-bytes", tagger.DefaultMaxBytes, "largest document accepted, in bytes")
	var lexFiles multiFlag
	fs.Var(&lexFiles, "lexicon", "extra lexicon file (repeatable)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: tag [flags] [FILE ...]\n\nTags German text; prints one JSON object per document.\n\n")
		fs.PrintDefaults()
	}
	if status, ok := cmdline.Parse(fs, args); !ok {
		return status
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
	if *brief {
		// Records without evidence: the tagger need not gather it.
		opts = append(opts, tagger.WithTopicOptions(topic.Options{NoEvidence: true}))
	}
	opts = append(opts, tagger.WithLexiconFiles(lexFiles...), tagger.WithMaxBytes(*maxBytes))
	tg, err := tagger.New(opts...)
	if err != nil {
		fmt.Fprintf(stderr, "tag: %v\n", err)
		return 2
	}

	failed := pipeline(tg, fs.Args(), settings{jsonl: *jsonl, workers: *workers, brief: *brief}, stdin, stdout, stderr)
	if failed {
		return 1
	}
	return 0
}

// Documents travel through the pipeline in batches, so that the reader, the
// workers and the writer wake each other once per batch, not once per
// document: on a 2-vCPU machine the wake-ups of one goroutine per document
// cost the CLI as much as a third of its tagging time. A batch closes at
// batchDocs documents or batchBytes of text, at the end of the input, and
// whenever reading on would wait for more input (a JSON Lines stream typed or
// piped line by line gets its records at once).
const (
	batchDocs  = 32
	batchBytes = 1 << 20
)

// batch is a run of consecutive input documents, numbered in input order.
type batch struct {
	n    int
	jobs []job
}

// settings are the pipeline's flags.
type settings struct {
	jsonl   bool // the input is JSON Lines
	workers int  // documents tagged in parallel
	brief   bool // records with the output contract's fields alone (see encoder)
}

// pipeline reads the documents (files, JSON Lines or standard input), tags
// them on set.workers goroutines and writes one record per document to
// stdout, in input order. It reports whether any record is an error.
func pipeline(tg *tagger.Tagger, files []string, set settings, stdin io.Reader, stdout, stderr io.Writer) bool {
	batches := make(chan batch, 2*set.workers)
	go func() {
		defer close(batches)
		produce(files, set.jsonl, stdin, batches)
	}()
	return process(tg, batches, set, stdout, stderr)
}

// produce reads the input documents and sends them in batches, numbered in
// input order.
func produce(files []string, jsonl bool, stdin io.Reader, batches chan<- batch) {
	var cur batch
	size := 0
	flush := func() {
		if len(cur.jobs) > 0 {
			batches <- cur
			cur = batch{n: cur.n + 1, jobs: make([]job, 0, batchDocs)}
			size = 0
		}
	}
	defer flush()
	send := func(j job) {
		cur.jobs = append(cur.jobs, j)
		size += len(j.text) + len(j.raw)
		if len(cur.jobs) >= batchDocs || size >= batchBytes {
			flush()
		}
	}
	if !jsonl {
		if len(files) == 0 {
			data, err := io.ReadAll(stdin)
			send(job{id: quote("stdin"), text: asString(data), err: err, src: "stdin"})
			return
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			base := filepath.Base(f)
			send(job{id: quote(strings.TrimSuffix(base, filepath.Ext(base))), text: asString(data), err: err, src: f})
		}
		return
	}
	readLines := func(r io.Reader, src string) {
		br := bufio.NewReaderSize(r, 1<<16)
		line := 0
		for {
			if br.Buffered() == 0 {
				flush() // the next read may wait
			}
			b, err := br.ReadBytes('\n')
			if len(b) == 0 && err != nil {
				if err != io.EOF {
					send(job{id: quote(src), err: err, src: src})
				}
				return
			}
			line++
			send(job{raw: bytes.TrimRight(b, "\r\n"), line: line, src: src})
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

// asString returns the bytes of data, which no one writes again, as a
// string without copying them: a document read is its text.
func asString(data []byte) string {
	return unsafe.String(unsafe.SliceData(data), len(data))
}

// quote returns s as a JSON string, as json.Marshal writes it.
func quote(s string) json.RawMessage {
	return appendString(nil, s)
}

// bufs holds the output buffers of batches written, for reuse.
var bufs = sync.Pool{New: func() any { return new([]byte) }}

// process tags the batches on several goroutines and writes their records
// in input order. It reports whether any record is an error.
func process(tg *tagger.Tagger, batches <-chan batch, set settings, stdout, stderr io.Writer) bool {
	type failure struct{ src, err string }
	type done struct {
		n     int
		out   *[]byte // the batch's records, one line each; back to bufs once written
		fails []failure
	}
	results := make(chan done, 2*set.workers)
	var wg sync.WaitGroup
	for w := 0; w < set.workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			en := encoder{brief: set.brief}
			for bt := range batches {
				d := done{n: bt.n, out: bufs.Get().(*[]byte)}
				out := (*d.out)[:0]
				for i := range bt.jobs {
					j := &bt.jobs[i]
					if j.line > 0 && j.err == nil { // decoded here, in parallel
						*j = parseLine(j.raw, j.line, j.src)
					}
					var msg string
					out, msg = tagRecord(tg, &en, j, out)
					if msg != "" {
						d.fails = append(d.fails, failure{j.where(), msg})
					}
					bt.jobs[i] = job{} // the text can go
				}
				*d.out = out
				results <- d
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
			for _, f := range p.fails {
				failed = true
				fmt.Fprintf(stderr, "tag: %s: %s\n", f.src, f.err)
			}
			w.Write(*p.out)
			if cap(*p.out) <= 4<<20 { // keep no huge buffers
				bufs.Put(p.out)
			}
		}
		if len(results) == 0 {
			w.Flush() // nothing more at hand: a reader of a stream gets what is done
		}
	}
	return failed
}

// tagRecord tags one document and appends its record and a newline to out;
// it returns the record's error message, "" when there is none.
func tagRecord(tg *tagger.Tagger, en *encoder, j *job, out []byte) ([]byte, string) {
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
	out, ok := en.appendRecord(out, &rec)
	if !ok {
		if b, merr := json.Marshal(rec); merr == nil { // appendRecord fails only where Marshal does
			out = append(out, b...)
		} else { // a score that is not a number
			out = fmt.Appendf(out, `{"id":%s,"entities":[],"topics":[],"error":%q}`, j.id, merr.Error())
		}
	}
	return append(out, '\n'), rec.Error
}
