package lexicon_test

import (
	"io/fs"
	"testing"

	"github.com/etikett-nlp/etikett/lexicon"
)

// BenchmarkLoadDefault parses and checks the embedded default lexicon: the
// part of tagger.New before the gazetteer is compiled.
func BenchmarkLoadDefault(b *testing.B) {
	var size int64
	names, err := fs.Glob(lexicon.Default(), "*.tsv")
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range names {
		data, err := fs.ReadFile(lexicon.Default(), n)
		if err != nil {
			b.Fatal(err)
		}
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	var lx *lexicon.Lexicon
	for b.Loop() {
		if lx, err = lexicon.LoadDefault(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(lx.Entries)), "entries")
}
