package token_test

import (
	"testing"

	"github.com/etikett-nlp/etikett/internal/newstext"
	"github.com/etikett-nlp/etikett/internal/token"
)

// newsDocs returns the seed article and the benchmark articles, by name.
func newsDocs(b *testing.B) (names, docs []string) {
	b.Helper()
	names, docs, err := newstext.Articles("../../testdata")
	if err != nil {
		b.Fatal(err)
	}
	return names, docs
}

// newsText joins the articles, repeated, into about 3 MB of text.
func newsText(b *testing.B) string {
	_, docs := newsDocs(b)
	return newstext.Corpus(docs, 3<<20)
}

// BenchmarkTokenizeNews tokenizes about 3 MB of news text in one call with
// a reused token buffer, as the tagger does.
func BenchmarkTokenizeNews(b *testing.B) {
	text := newsText(b)
	buf := token.Tokenize(text, nil)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		buf = token.Tokenize(text, buf[:0])
	}
	b.ReportMetric(float64(len(buf))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTokenizeArticle tokenizes each article on its own with a fresh
// buffer: the allocations of a caller that keeps none.
func BenchmarkTokenizeArticle(b *testing.B) {
	names, docs := newsDocs(b)
	for i, doc := range docs {
		b.Run(names[i], func(b *testing.B) {
			b.SetBytes(int64(len(doc)))
			b.ReportAllocs()
			for b.Loop() {
				token.Tokenize(doc, nil)
			}
		})
	}
}

// BenchmarkAppendKeyNews builds the lookup key of every token of the news
// text into one reused buffer.
func BenchmarkAppendKeyNews(b *testing.B) {
	text := newsText(b)
	toks := token.Tokenize(text, nil)
	var keys []byte
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		keys = keys[:0]
		for _, t := range toks {
			keys = token.AppendKey(keys, t.Text(text))
		}
	}
}
