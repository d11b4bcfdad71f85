package tagger_test

import (
	"runtime"
	"testing"

	"github.com/etikett-nlp/etikett/internal/newstext"
	"github.com/etikett-nlp/etikett/tagger"
	"github.com/etikett-nlp/etikett/tagger/topic"
)

// benchArticles returns the seed article and the benchmark articles, by name.
func benchArticles(b *testing.B) (names, docs []string) {
	b.Helper()
	names, docs, err := newstext.Articles("../testdata")
	if err != nil {
		b.Fatal(err)
	}
	return names, docs
}

// benchCorpus joins the articles, repeated, into about 3 MB of text.
func benchCorpus(b *testing.B) string {
	_, docs := benchArticles(b)
	return newstext.Corpus(docs, 3<<20)
}

func benchTagger(b *testing.B, opts ...tagger.Option) *tagger.Tagger {
	b.Helper()
	tg, err := tagger.New(opts...)
	if err != nil {
		b.Fatal(err)
	}
	return tg
}

func totalBytes(docs []string) int64 {
	var n int64
	for _, d := range docs {
		n += int64(len(d))
	}
	return n
}

var benchConfigs = []struct {
	name string
	opts []tagger.Option
}{
	{"topics", nil},
	{"no-evidence", []tagger.Option{tagger.WithTopicOptions(topic.Options{NoEvidence: true})}},
	{"no-topics", []tagger.Option{tagger.WithoutTopics()}},
}

// BenchmarkTag tags about 3 MB of news text in one call: throughput.
func BenchmarkTag(b *testing.B) {
	text := benchCorpus(b)
	for _, c := range benchConfigs {
		b.Run(c.name, func(b *testing.B) {
			tg := benchTagger(b, c.opts...)
			if _, err := tg.Tag(text); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := tg.Tag(text); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkTagDocuments tags one article per call, as a newsroom does:
// each sub-benchmark's allocs/op are the allocations per document. "all"
// tags the thirteen articles in turn.
func BenchmarkTagDocuments(b *testing.B) {
	names, docs := benchArticles(b)
	for _, c := range benchConfigs {
		b.Run(c.name, func(b *testing.B) {
			tg := benchTagger(b, c.opts...)
			b.Run("all", func(b *testing.B) {
				b.SetBytes(totalBytes(docs))
				b.ReportAllocs()
				ents := 0
				for b.Loop() {
					ents = 0
					for _, d := range docs {
						res, err := tg.Tag(d)
						if err != nil {
							b.Fatal(err)
						}
						ents += len(res.Entities)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(docs)), "ns/doc")
				b.ReportMetric(float64(ents)/float64(len(docs)), "entities/doc")
			})
			for i, d := range docs {
				b.Run(names[i], func(b *testing.B) {
					b.SetBytes(int64(len(d)))
					b.ReportAllocs()
					for b.Loop() {
						if _, err := tg.Tag(d); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}

// BenchmarkTagParallel tags the articles from GOMAXPROCS goroutines (set
// it with -cpu 1,2); one op is one pass over all articles.
func BenchmarkTagParallel(b *testing.B) {
	_, docs := benchArticles(b)
	tg := benchTagger(b)
	b.SetBytes(totalBytes(docs))
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			for _, d := range docs {
				if _, err := tg.Tag(d); err != nil {
					b.Error(err)
					return
				}
			}
		}
	})
}

// BenchmarkNew compiles the default lexicon. B/op is what New allocates;
// heapMB is the heap the tagger keeps.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		benchTagger(b)
	}
	b.StopTimer()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	tg := benchTagger(b)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(tg)
	live := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	b.ReportMetric(float64(live)/1e6, "heapMB")
	b.ReportMetric(float64(tg.Stats().Entries), "entries")
}
