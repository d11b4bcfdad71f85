package match

import (
	"testing"

	"github.com/etikett-nlp/etikett/internal/newstext"
	"github.com/etikett-nlp/etikett/internal/token"
	"github.com/etikett-nlp/etikett/lexicon"
)

// benchText joins the seed article and the benchmark articles, repeated,
// into about 3 MB of news text.
func benchText(b *testing.B) string {
	b.Helper()
	_, docs, err := newstext.Articles("../../../testdata")
	if err != nil {
		b.Fatal(err)
	}
	return newstext.Corpus(docs, 3<<20)
}

func benchLexicon(b *testing.B) *lexicon.Lexicon {
	b.Helper()
	lx, err := lexicon.LoadDefault()
	if err != nil {
		b.Fatal(err)
	}
	return lx
}

// benchInput is the news text prepared as the tagger prepares it: tokens,
// their keys and their gazetteer readings.
type benchInput struct {
	text   string
	toks   []token.Token
	keys   []byte
	keyEnd []int32
	mtoks  []Tok
}

func (in *benchInput) key(i int) []byte {
	start := int32(0)
	if i > 0 {
		start = in.keyEnd[i-1]
	}
	return in.keys[start:in.keyEnd[i]]
}

// prepare does what the tagger does before matching: key every token and
// look its readings up.
func (in *benchInput) prepare(g *Gazetteer) {
	in.toks = token.Tokenize(in.text, in.toks[:0])
	in.keys, in.keyEnd, in.mtoks = in.keys[:0], in.keyEnd[:0], in.mtoks[:0]
	for i, t := range in.toks {
		in.keys = token.AppendKey(in.keys, t.Text(in.text))
		in.keyEnd = append(in.keyEnd, int32(len(in.keys)))
		in.mtoks = append(in.mtoks, Tok{Cands: g.Cands(in.key(i)), Case: TokCase(t.Flags)})
	}
}

// BenchmarkCompile compiles the default lexicon (already parsed).
func BenchmarkCompile(b *testing.B) {
	lx := benchLexicon(b)
	b.ReportAllocs()
	var g *Gazetteer
	for b.Loop() {
		g = Compile(lx)
	}
	b.ReportMetric(float64(len(g.Entries)), "entries")
	b.ReportMetric(float64(g.Nodes()), "nodes")
}

// BenchmarkPrepare tokenizes about 3 MB of news text, keys every token and
// looks up its readings: the tagger's work before matching.
func BenchmarkPrepare(b *testing.B) {
	g := Compile(benchLexicon(b))
	in := &benchInput{text: benchText(b)}
	in.prepare(g)
	b.SetBytes(int64(len(in.text)))
	b.ReportAllocs()
	for b.Loop() {
		in.prepare(g)
	}
}

// BenchmarkHits calls Hits at every token of about 3 MB of news text that
// has a reading, as the tagger does (without skipping past the names it
// takes, so a little more often).
func BenchmarkHits(b *testing.B) {
	g := Compile(benchLexicon(b))
	in := &benchInput{text: benchText(b)}
	in.prepare(g)
	var hits []Hit
	calls, found := 0, 0
	for i := range in.mtoks {
		if in.mtoks[i].Cands != nil {
			calls++
			found += len(g.Hits(in.mtoks[i:], nil))
		}
	}
	b.SetBytes(int64(len(in.text)))
	b.ReportAllocs()
	for b.Loop() {
		for i := range in.mtoks {
			if in.mtoks[i].Cands != nil {
				hits = g.Hits(in.mtoks[i:], hits[:0])
			}
		}
	}
	b.ReportMetric(float64(calls), "calls/op")
	b.ReportMetric(float64(found), "hits/op")
}

// BenchmarkCompound tries to split every capitalized word of six or more
// bytes of the news text, as the tagger does for words that are no name.
func BenchmarkCompound(b *testing.B) {
	g := Compile(benchLexicon(b))
	in := &benchInput{text: benchText(b)}
	in.prepare(g)
	var words [][]byte
	for i, t := range in.toks {
		if t.Kind == token.Word && t.Flags&token.Cap != 0 && t.Flags&token.Hyphen == 0 && len(in.key(i)) >= 6 && in.mtoks[i].Cands == nil {
			words = append(words, in.key(i))
		}
	}
	found := 0
	for _, w := range words {
		if _, _, ok := g.Compound(w); ok {
			found++
		}
	}
	b.SetBytes(int64(len(in.text)))
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			g.Compound(w)
		}
	}
	b.ReportMetric(float64(len(words)), "words/op")
	b.ReportMetric(float64(found), "compounds/op")
}

// BenchmarkRole looks up every capitalized word of the news text as a role
// word, as the person rules do.
func BenchmarkRole(b *testing.B) {
	g := Compile(benchLexicon(b))
	in := &benchInput{text: benchText(b)}
	in.prepare(g)
	var words [][]byte
	for i, t := range in.toks {
		if t.Kind == token.Word && t.Flags&token.Cap != 0 {
			words = append(words, in.key(i))
		}
	}
	b.SetBytes(int64(len(in.text)))
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			g.Role(w)
		}
	}
	b.ReportMetric(float64(len(words)), "words/op")
}

// BenchmarkDecode restores the compiled default lexicon from its binary
// form, as the tagger does from its snapshot.
func BenchmarkDecode(b *testing.B) {
	data, err := Compile(benchLexicon(b)).AppendBinary(nil)
	if err != nil {
		b.Fatal(err)
	}
	s := string(data)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(s); err != nil {
			b.Fatal(err)
		}
	}
}
