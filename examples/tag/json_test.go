package main

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
	"unicode/utf8"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/etikett-nlp/etikett/internal/newstext"
	"github.com/etikett-nlp/etikett/internal/token"
	"github.com/etikett-nlp/etikett/tagger"
	"github.com/etikett-nlp/etikett/tagger/topic"
)

// marshalOrNot is what the CLI wrote before appendRecord: json.Marshal.
// For a brief encoder it is json.Marshal of the record's contract fields
// (briefOf).
func marshalOrNot(t *testing.T, rec *record, brief bool) (string, bool) {
	t.Helper()
	var b []byte
	var err error
	if brief {
		b, err = json.Marshal(briefOf(rec))
	} else {
		b, err = json.Marshal(rec)
	}
	return string(b), err == nil
}

// briefRecord is a record with the fields of the output contract alone,
// as -brief writes it.
type briefRecord struct {
	ID       json.RawMessage `json:"id"`
	Entities []briefEntity   `json:"entities"`
	Topics   []briefTopic    `json:"topics"`
	Error    string          `json:"error,omitempty"`
}

type briefEntity struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Form  string `json:"form"`
	ID    string `json:"id"`
	Name  string `json:"name"`
}

type briefTopic struct {
	ID    string  `json:"id"`
	Label string  `json:"label"`
	Score float64 `json:"score"`
}

// briefOf returns the contract fields of rec; nil lists stay nil.
func briefOf(rec *record) *briefRecord {
	br := &briefRecord{ID: rec.ID, Error: rec.Error}
	if rec.Entities != nil {
		br.Entities = []briefEntity{}
	}
	for _, e := range rec.Entities {
		br.Entities = append(br.Entities, briefEntity{e.Start, e.End, e.Text, e.Type, e.Form, e.ID, e.Name})
	}
	if rec.Topics != nil {
		br.Topics = []briefTopic{}
	}
	for _, tp := range rec.Topics {
		br.Topics = append(br.Topics, briefTopic{tp.ID, tp.Label, tp.Score})
	}
	return br
}

func TestAppendRecordAsMarshal(t *testing.T) {
	tricky := []string{"", "plain", `quote " and \ backslash`, "<b>&amp;</b>", "tab\there\nnew\rline\b\f",
		"\x00\x01\x1f\x7f", "Müller’s „Zitat“", "bad \xff\xfe utf-8 \xc3", "line\u2028para\u2029", "emoji 🇩🇪"}
	floats := []float64{0, 1, 0.5, 0.333, 1e-7, 1.5e-7, 1e-6, 123456789, 1e21, 1e22, -0.25, 1.0 / 3}
	var recs []record
	for i, s := range tricky {
		f := floats[i%len(floats)]
		recs = append(recs, record{
			ID:       quote(s),
			Entities: []tagger.Entity{{Start: i, End: i + 3, Text: s, Type: "PER", Form: "name", ID: s, Name: s, Kind: s, Country: s, Rule: "name", Source: s}},
			Topics: []tagger.Topic{{ID: "medtop:" + s, Label: s, Score: f,
				Evidence: []topic.Evidence{{Kind: "word", Term: s, Text: s, Count: i, Weight: floats[(i+3)%len(floats)]}}}},
		})
	}
	recs = append(recs,
		record{ID: quote("7")}, // nil slices: null
		record{ID: quote("8"), Entities: []tagger.Entity{}, Topics: []tagger.Topic{}, Error: "invalid UTF-8 at byte 3"},
		record{ID: quote("9"), Topics: []tagger.Topic{{ID: "x", Score: 0.5}}}, // nil evidence
		record{}, // no id
	)
	for _, f := range floats {
		recs = append(recs, record{ID: quote("f"), Topics: []tagger.Topic{{ID: "x", Score: f, Evidence: []topic.Evidence{{Weight: -f}}}}})
	}
	for _, brief := range []bool{false, true} {
		en := &encoder{brief: brief}
		for pass := range 2 { // the second from the encoder's fragments
			for _, rec := range recs {
				want, _ := marshalOrNot(t, &rec, brief)
				got, ok := en.appendRecord([]byte("prefix"), &rec)
				require.True(t, ok)
				assert.Equal(t, "prefix"+want, string(got), "pass %d, brief %v", pass, brief)
			}
		}
		for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
			for _, rec := range []record{
				{ID: quote("x"), Topics: []tagger.Topic{{ID: "x", Score: bad}}},
				{ID: quote("x"), Topics: []tagger.Topic{{ID: "x", Score: 0.5, Evidence: []topic.Evidence{{Weight: bad}}}}},
			} {
				// A brief record leaves out the evidence, whose weight
				// json.Marshal cannot write: it is written.
				want, marshals := marshalOrNot(t, &rec, brief)
				assert.Equal(t, brief && rec.Topics[0].Score == 0.5, marshals)
				got, ok := en.appendRecord([]byte("prefix"), &rec)
				require.Equal(t, marshals, ok)
				if !ok {
					want = "" // nothing appended
				}
				assert.Equal(t, "prefix"+want, string(got))
			}
		}
	}
}

// The records of real articles encode as json.Marshal encodes them.
func TestAppendRecordArticles(t *testing.T) {
	_, docs, err := newstext.Articles("../../testdata")
	require.NoError(t, err)
	tg, err := tagger.New()
	require.NoError(t, err)
	en, brief := new(encoder), &encoder{brief: true}
	for _, d := range append(docs, docs...) {
		res, err := tg.Tag(d)
		require.NoError(t, err)
		rec := record{ID: quote("a"), Entities: res.Entities, Topics: res.Topics}
		want, _ := marshalOrNot(t, &rec, false)
		full, ok := en.appendRecord(nil, &rec)
		require.True(t, ok)
		require.Equal(t, want, string(full))
		want, _ = marshalOrNot(t, &rec, true)
		got, ok := brief.appendRecord(nil, &rec)
		require.True(t, ok)
		require.Equal(t, want, string(got), "brief")
		require.Less(t, len(got), len(full))
	}
}

// Constant strings equal in content but not in address, and strings that
// share an address but not a length, are told apart; texts, pieces of the
// document, are written as they are now, also when the document's buffer
// is reused for the next one.
func TestFragmentsKeys(t *testing.T) {
	en := new(encoder)
	name := "Nato-Gipfel"
	copied := string([]byte(name))
	doc := []byte("Nato NATO Nato-Gipfel")
	for _, c := range []struct{ key, text string }{
		{name, "Nato"}, {name[:4], "Nato"}, {copied, "Nato"}, {name, "Nato"}, {"", ""}, {name[:4], "Nato"},
		{name, string(doc[0:4])}, {name, string(doc[5:9])}, {name, string(doc[10:21])}, {name, string(doc[0:4])},
	} {
		rec := record{ID: quote("x"),
			Entities: []tagger.Entity{{Text: c.text, Type: "ORG", Form: "name", ID: c.key, Name: c.key, Rule: "name"}},
			Topics:   []tagger.Topic{{ID: c.key, Label: c.key, Score: 1, Evidence: []topic.Evidence{{Kind: "word", Term: c.key, Text: c.text}}}}}
		want, _ := marshalOrNot(t, &rec, false)
		got, ok := en.appendRecord(nil, &rec)
		require.True(t, ok)
		assert.Equal(t, want, string(got), c)
	}
	// The texts of one document, in the buffer the next document is read into.
	buf := []byte("Putin traf Nato")
	for _, next := range []string{"Putin traf Nato", "Kreml traf NATO", "Putin traf Nato"} {
		copy(buf, next)
		text := unsafe.String(&buf[0], 5) // as the CLI's records hold the document's bytes
		rec := record{ID: quote("x"), Entities: []tagger.Entity{{Text: text, Type: "PER", Form: "name", ID: name, Name: name, Rule: "name"}}}
		want, _ := marshalOrNot(t, &rec, false)
		got, ok := en.appendRecord(nil, &rec)
		require.True(t, ok)
		assert.Equal(t, want, string(got), next)
	}
}

func FuzzAppendRecord(f *testing.F) {
	f.Add("Müller <&>", "\xff\u2028", 0.5, int64(3))
	f.Add("", "\x00\"\\", 1e-9, int64(-1))
	f.Fuzz(func(t *testing.T, s1, s2 string, x float64, n int64) {
		rec := record{ID: quote(s1),
			Entities: []tagger.Entity{{Start: int(n), Text: s1, Name: s2, Kind: s2, Rule: s1}},
			Topics:   []tagger.Topic{{ID: s2, Label: s1, Score: x, Evidence: []topic.Evidence{{Kind: s1, Term: s2, Count: int(n), Weight: x / 3}}}},
			Error:    s2}
		for _, en := range fuzzEncoders {
			want, marshals := marshalOrNot(t, &rec, en.brief)
			got, ok := en.appendRecord(nil, &rec)
			require.Equal(t, marshals, ok)
			if ok {
				require.Equal(t, want, string(got))
			}
		}
	})
}

// fuzzEncoders keep their fragments from input to input, as the CLI's do.
var fuzzEncoders = []*encoder{{}, {brief: true}}

// BenchmarkRecordJSON encodes the records of the articles with appendRecord
// and, for comparison, json.Marshal; MB/s are of the JSON written.
func BenchmarkRecordJSON(b *testing.B) {
	_, docs, err := newstext.Articles("../../testdata")
	require.NoError(b, err)
	tg, err := tagger.New()
	require.NoError(b, err)
	var recs []record
	size := 0
	for _, d := range docs {
		res, err := tg.Tag(d)
		require.NoError(b, err)
		recs = append(recs, record{ID: quote("a"), Entities: res.Entities, Topics: res.Topics})
		out, _ := json.Marshal(recs[len(recs)-1])
		size += len(out)
	}
	b.Run("appendRecord", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		var buf []byte
		en := new(encoder)
		for b.Loop() {
			for i := range recs {
				buf, _ = en.appendRecord(buf[:0], &recs[i])
			}
		}
	})
	b.Run("json.Marshal", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for b.Loop() {
			for i := range recs {
				if _, err := json.Marshal(&recs[i]); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// appendThousandths writes what strconv writes (shortest, 'f') for the
// floats nearest to k/1000, as scores and weights are.
func TestThousandths(t *testing.T) {
	check := func(k int64) {
		f := float64(k) / 1000
		got, ok := thousandths(f)
		require.True(t, ok, "%d", k)
		require.Equal(t, k, got)
		want := strconv.AppendFloat(nil, f, 'f', -1, 64)
		require.Equal(t, string(want), string(appendThousandths(nil, k)), "%d", k)
	}
	for k := int64(-20000); k <= 20000; k++ {
		if k != 0 {
			check(k)
		}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 200000 {
		if k := rng.Int64N(2e9) - 1e9 + 1; k != 0 && k > -1e9 && k < 1e9 {
			check(k)
		}
	}
	for _, f := range []float64{0, math.Copysign(0, -1), 1.0 / 3, 0.0005, 1e-7, 1e6, 123456.7891, math.Nextafter(0.25, 1)} {
		_, ok := thousandths(f)
		assert.False(t, ok, "thousandths(%v) takes a float that is no thousandth (or zero)", f)
	}
}

// plain8 says a run of eight bytes needs no escaping exactly when each of
// its bytes is safe.
func TestPlain8(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	pick := []byte("aZ09 ~\x7f\x1f\x00\"\\<>&\x80\xc3\xff!")
	for range 100000 {
		var s [8]byte
		want := true
		for k := range s {
			s[k] = pick[rng.IntN(len(pick))]
			want = want && s[k] < utf8.RuneSelf && jsonSafe[s[k]]
		}
		require.Equal(t, want, plain8(token.Load8(string(s[:]), 0)), "%q", s)
	}
}

func TestAppendInt(t *testing.T) {
	ns := []int64{0, 1, 9, 10, 99, 100, 12345, 999_999_999, 1e9, 1e18, -1, -10, math.MaxInt64, math.MinInt64}
	for p := int64(1); p <= 1e18; p *= 10 { // each number of digits, at both ends
		ns = append(ns, p-1, p, p+1, 2*p-1, 5*p+7)
	}
	for _, n := range ns {
		assert.Equal(t, strconv.FormatInt(n, 10), string(appendInt(nil, n)), "%d", n)
		assert.Equal(t, "x"+strconv.FormatInt(n, 10), string(appendInt([]byte("x"), n)), "%d", n)
	}
}

// appendString writes what json.Marshal writes for every length of string
// (the short ones, the overlapping last word of long ones), with bytes that
// need escaping anywhere, into buffers with and without room to spare.
func TestAppendStringLengths(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	pick := []byte("aZ09 ~\x7f\x1f\"\\<>&\xc3\xa4")
	for n := range 40 {
		for k := range 2000 {
			s := make([]byte, n)
			for i := range s {
				s[i] = 'a'
				if rng.IntN(n+1) == 0 {
					s[i] = pick[rng.IntN(len(pick))]
				}
			}
			want, err := json.Marshal(string(s))
			require.NoError(t, err)
			buf := make([]byte, 3, 3+k%(n+4))
			copy(buf, "pre")
			require.Equal(t, "pre"+string(want), string(appendString(buf, string(s))), "%q", s)
		}
	}
}
