package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/etikett-nlp/etikett/internal/newstext"
	"github.com/etikett-nlp/etikett/tagger"
	"github.com/etikett-nlp/etikett/tagger/topic"
)

// BenchmarkCLIFiles compares the CLI's pipeline (read each file, tag, encode
// JSON, write in input order; one worker) with its parts on the same 260
// documents: the library's Tag on the texts in memory, encoding the
// library's results as the CLI does, and reading the files alone. Each is
// reported in ms per 260 documents and as a share of the library's time;
// beyond is the CLI's time beyond the library, the encoding and the reading
// together, in the same share: the cost of the pipeline itself. "full"
// writes the CLI's default records, "brief" those of -brief, with the
// tagger -brief uses (topics without evidence).
// The tagger is built once: New's cost is measured in package tagger.
func BenchmarkCLIFiles(b *testing.B) {
	_, docs, err := newstext.Articles("../../testdata")
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	var files, texts []string
	var total int64
	for k := 0; k < 20; k++ { // 260 files, about 0.8 MB
		for i, d := range docs {
			f := filepath.Join(dir, fmt.Sprintf("doc%03d-%02d.txt", k, i))
			if err := os.WriteFile(f, []byte(d), 0o644); err != nil {
				b.Fatal(err)
			}
			files = append(files, f)
			texts = append(texts, string([]byte(d))) // each its own copy, as the files' texts
			total += int64(len(d))
		}
	}
	for _, c := range []struct {
		name  string
		brief bool
		opts  []tagger.Option
	}{
		{"full", false, nil},
		{"brief", true, []tagger.Option{tagger.WithTopicOptions(topic.Options{NoEvidence: true})}},
	} {
		b.Run(c.name, func(b *testing.B) {
			tg, err := tagger.New(c.opts...)
			if err != nil {
				b.Fatal(err)
			}
			results := make([]tagger.Result, len(texts))
			en := encoder{brief: c.brief}
			var out []byte
			// The four take turns in each iteration, so that all see the
			// same load on a shared machine.
			var lib, enc, cli, read time.Duration
			b.SetBytes(total)
			b.ReportAllocs()
			for b.Loop() {
				t0 := time.Now()
				for i, d := range texts {
					if results[i], err = tg.Tag(d); err != nil {
						b.Fatal(err)
					}
				}
				t1 := time.Now()
				for i := range results {
					rec := record{ID: quote(files[i]), Entities: results[i].Entities, Topics: results[i].Topics}
					out, _ = en.appendRecord(out[:0], &rec)
					out = append(out, '\n')
				}
				t2 := time.Now()
				if pipeline(tg, files, settings{workers: 1, brief: c.brief}, nil, io.Discard, io.Discard) {
					b.Fatal("a document failed")
				}
				t3 := time.Now()
				for _, f := range files {
					if _, err := os.ReadFile(f); err != nil {
						b.Fatal(err)
					}
				}
				t4 := time.Now()
				lib, enc, cli, read = lib+t1.Sub(t0), enc+t2.Sub(t1), cli+t3.Sub(t2), read+t4.Sub(t3)
			}
			per := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(b.N) }
			b.ReportMetric(per(lib), "library-ms/op")
			b.ReportMetric(per(cli), "cli-ms/op")
			b.ReportMetric(float64(cli)/float64(lib), "cli/library")
			b.ReportMetric(float64(enc)/float64(lib), "encode/library")
			b.ReportMetric(float64(read)/float64(lib), "read/library")
			b.ReportMetric(float64(cli-lib-enc-read)/float64(lib), "beyond/library")
		})
	}
}
