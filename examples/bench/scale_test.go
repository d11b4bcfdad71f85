package main

import (
	"os"
	"runtime"
	"strconv"
	"testing"
	"testing/fstest"

	"github.com/etikett-nlp/etikett/lexicon"
	"github.com/etikett-nlp/etikett/tagger"
)

// BenchmarkScale compiles the default lexicon plus a synthetic one of
// 1,000,000 entries (ETIKETT_SCALE_ENTRIES to change it), and tags the news
// articles with it and with the default lexicon alone. It takes a while and
// much memory, so it runs only with ETIKETT_SCALE_BENCH=1:
//
//	ETIKETT_SCALE_BENCH=1 go test ./examples/bench -run '^$' -bench Scale -benchtime 1x
func BenchmarkScale(b *testing.B) {
	if os.Getenv("ETIKETT_SCALE_BENCH") != "1" {
		b.Skip("set ETIKETT_SCALE_BENCH=1 to run the lexicon-scale benchmark")
	}
	n := 1000000
	if s := os.Getenv("ETIKETT_SCALE_ENTRIES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 1 {
			b.Fatalf("ETIKETT_SCALE_ENTRIES=%q: want a positive number", s)
		}
	}
	avoid, err := defaultNameKeys()
	if err != nil {
		b.Fatal(err)
	}
	files, err := synthLexicon(n, avoid)
	if err != nil {
		b.Fatal(err)
	}
	fsys, err := withDefault(files)
	if err != nil {
		b.Fatal(err)
	}
	opts := []tagger.Option{tagger.WithoutDefaultLexicon(), tagger.WithLexiconFS(fsys)}

	b.Run("parse", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			parseLexicon(b, fsys)
		}
	})
	var big *tagger.Tagger
	b.Run("compile", func(b *testing.B) {
		b.ReportAllocs()
		big = nil
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		for b.Loop() {
			if big, err = tagger.New(opts...); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/1e6, "heapMB")
		b.ReportMetric(float64(big.Stats().Entries), "entries")
	})
	if big == nil {
		if big, err = tagger.New(opts...); err != nil {
			b.Fatal(err)
		}
	}
	def, err := tagger.New()
	if err != nil {
		b.Fatal(err)
	}
	articles, err := loadDocs("../../testdata")
	if err != nil {
		b.Fatal(err)
	}
	// About 2 MB per op, so that -benchtime 1x (for the compile) still
	// times the tagging well.
	docs := repeatDocs(articles, 2e6)
	for _, c := range []struct {
		name string
		tg   *tagger.Tagger
	}{{"tag/default", def}, {"tag/synthetic", big}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(total(docs)))
			b.ReportAllocs()
			for b.Loop() {
				for _, d := range docs {
					if _, err := c.tg.Tag(d); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

func parseLexicon(b *testing.B, fsys fstest.MapFS) *lexicon.Lexicon {
	lx := lexicon.New()
	if err := lx.AddFS(fsys); err != nil {
		b.Fatal(err)
	}
	if err := lx.Err(); err != nil {
		b.Fatalf("%.500v", err)
	}
	return lx
}
