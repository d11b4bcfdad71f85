package tagger_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/etikett-nlp/etikett/tagger"
)

func BenchmarkZZTag(b *testing.B) {
	files, _ := filepath.Glob("../testdata/articles/*.txt")
	files = append(files, "../testdata/nato-putin-nordkorea.txt")
	var docs []string
	n := 0
	for _, f := range files {
		d, _ := os.ReadFile(f)
		docs = append(docs, string(d))
		n += len(d)
	}
	tg, err := tagger.New(tagger.WithoutTopics(), tagger.WithoutDefaultLexicon(), tagger.WithLexiconFS(os.DirFS("/tmp/lexhead/lexicon")))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			tg.Tag(d)
		}
	}
}
