package topic

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/etikett-nlp/etikett/internal/repo"
)

// sharedDir is the shared data folder (repo.Shared).
func sharedDir() string {
	d, _ := repo.Shared()
	return d
}

// newsText returns German news text for benchmarks: the 10kGNAD dev
// articles when the shared data is there (read only, never committed),
// else the seed article repeated.
func newsText(b *testing.B) string {
	if data, err := os.ReadFile(filepath.Join(sharedDir(), "data", "10kgnad", "dev.csv")); err == nil {
		return string(data)
	}
	seed, err := os.ReadFile("../../testdata/nato-putin-nordkorea.txt")
	if err != nil {
		b.Skip("no benchmark text: neither shared 10kGNAD data nor testdata/ found")
	}
	return strings.Repeat(string(seed)+"\n", 500)
}

// articles splits the text into chunks of about 2.5 kB, the size of a news
// article, at spaces.
func articles(text string) [][]Word {
	var out [][]Word
	for len(text) > 0 {
		n := min(len(text), 2500)
		if i := strings.IndexByte(text[n:], ' '); i >= 0 {
			n += i
		} else {
			n = len(text)
		}
		out = append(out, AppendWords(nil, text[:n]))
		text = text[n:]
	}
	return out
}

// BenchmarkScore measures topic scoring alone, on words a tokenizer has
// already found, one article at a time.
func BenchmarkScore(b *testing.B) {
	m := loadDefault(b, Options{})
	text := newsText(b)
	docs := articles(text)
	tokens := 0
	for _, d := range docs {
		tokens += len(d)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			m.Score(d, nil)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(tokens), "ns/token")
}

// BenchmarkScoreText includes splitting the text into words.
func BenchmarkScoreText(b *testing.B) {
	m := loadDefault(b, Options{})
	seed, err := os.ReadFile("../../testdata/nato-putin-nordkorea.txt")
	if err != nil {
		b.Skip("testdata/ not found")
	}
	text := string(seed)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		m.ScoreText(text)
	}
}

func BenchmarkCompile(b *testing.B) {
	data, err := os.ReadFile(defaultFile)
	if err != nil {
		b.Skip("lexicon/topics.tsv not found")
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		f, err := Parse("topics.tsv", bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Compile([]*File{f}, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeModel restores the compiled default topic model from its
// binary form, as the tagger does from its snapshot.
func BenchmarkDecodeModel(b *testing.B) {
	data, err := loadDefault(b, Options{}).AppendBinary(nil)
	if err != nil {
		b.Fatal(err)
	}
	s := string(data)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeModel(s, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
