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
)

// BenchmarkCLIFiles compares the CLI's pipeline (read each file, tag, encode
// JSON, write in input order) with the library's Tag on the same documents,
// one worker each, and with reading the files alone. overhead/read is the
// CLI's time beyond the library's in units of reading the files: at most 1
// means the CLI costs no more than the library and its input.
// The tagger is built once: New's cost is measured in package tagger.
func BenchmarkCLIFiles(b *testing.B) {
	_, docs, err := newstext.Articles("../../testdata")
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	var files []string
	var total int64
	for k := 0; k < 20; k++ { // 260 files, about 0.8 MB
		for i, d := range docs {
			f := filepath.Join(dir, fmt.Sprintf("doc%03d-%02d.txt", k, i))
			if err := os.WriteFile(f, []byte(d), 0o644); err != nil {
				b.Fatal(err)
			}
			files = append(files, f)
			total += int64(len(d))
		}
	}
	tg, err := tagger.New()
	if err != nil {
		b.Fatal(err)
	}
	// The three take turns in each iteration, so that all see the same load
	// on a shared machine; each is reported in ms per 260 files.
	var lib, cli, read time.Duration
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		t0 := time.Now()
		for range 20 {
			for _, d := range docs {
				if _, err := tg.Tag(d); err != nil {
					b.Fatal(err)
				}
			}
		}
		t1 := time.Now()
		if pipeline(tg, files, false, nil, 1, io.Discard, io.Discard) {
			b.Fatal("a document failed")
		}
		t2 := time.Now()
		for _, f := range files {
			if _, err := os.ReadFile(f); err != nil {
				b.Fatal(err)
			}
		}
		t3 := time.Now()
		lib, cli, read = lib+t1.Sub(t0), cli+t2.Sub(t1), read+t3.Sub(t2)
	}
	per := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(b.N) }
	b.ReportMetric(per(lib), "library-ms/op")
	b.ReportMetric(per(cli), "cli-ms/op")
	b.ReportMetric(per(read), "read-ms/op")
	b.ReportMetric(float64(cli)/float64(lib), "cli/library")
	b.ReportMetric(float64(cli-lib)/float64(read), "overhead/read")
}
