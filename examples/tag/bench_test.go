package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/etikett-nlp/etikett/internal/newstext"
	"github.com/etikett-nlp/etikett/tagger"
)

// BenchmarkCLIFiles compares the CLI's pipeline (read each file, tag, encode
// JSON, write in input order) with the library's Tag on the same documents,
// one worker each, so that the difference is the CLI's I/O and encoding.
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
	b.Run("library", func(b *testing.B) {
		b.SetBytes(total)
		b.ReportAllocs()
		for b.Loop() {
			for k := range 20 {
				_ = k
				for _, d := range docs {
					if _, err := tg.Tag(d); err != nil {
						b.Fatal(err)
					}
				}
			}
		}
	})
	b.Run("cli-files", func(b *testing.B) {
		b.SetBytes(total)
		b.ReportAllocs()
		for b.Loop() {
			jobs := make(chan job, 64)
			go func() {
				defer close(jobs)
				produce(files, false, nil, jobs)
			}()
			if process(tg, jobs, 1, io.Discard, io.Discard) {
				b.Fatal("a document failed")
			}
		}
	})
}
