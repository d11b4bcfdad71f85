package stem_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/etikett-nlp/etikett/internal/token"
	"github.com/etikett-nlp/etikett/tagger/stem"
)

// newsWords returns the words of the seed article and the benchmark
// articles in text order, as written (capitalized nouns and names
// included), and their total size in bytes.
func newsWords(b *testing.B) ([]string, int64) {
	b.Helper()
	paths, err := filepath.Glob("../../testdata/articles/*.txt")
	if err != nil || len(paths) == 0 {
		b.Fatalf("no benchmark articles: %v", err)
	}
	paths = append(paths, "../../testdata/nato-putin-nordkorea.txt")
	var words []string
	var n int64
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		text := string(data)
		for _, t := range token.Tokenize(text, nil) {
			if t.Kind == token.Word {
				words = append(words, t.Text(text))
				n += int64(t.End - t.Start)
			}
		}
	}
	return words, n
}

// BenchmarkGermanNews stems every word of the news articles once per op:
// the mix the tagger meets (names, capitalized nouns, hyphenated
// compounds), unlike the vocabulary's lower-case dictionary words.
func BenchmarkGermanNews(b *testing.B) {
	words, n := newsWords(b)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			sink = stem.German(w)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(words)), "ns/word")
}
