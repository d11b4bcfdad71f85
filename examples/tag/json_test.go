package main

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/etikett-nlp/etikett/internal/newstext"
	"github.com/etikett-nlp/etikett/tagger"
	"github.com/etikett-nlp/etikett/tagger/topic"
)

// marshalOrNot is what the CLI wrote before appendRecord: json.Marshal.
func marshalOrNot(t *testing.T, rec *record) (string, bool) {
	t.Helper()
	b, err := json.Marshal(rec)
	return string(b), err == nil
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
	for _, rec := range recs {
		want, _ := marshalOrNot(t, &rec)
		got, ok := appendRecord([]byte("prefix"), &rec)
		require.True(t, ok)
		assert.Equal(t, "prefix"+want, string(got))
	}
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		rec := record{ID: quote("x"), Topics: []tagger.Topic{{ID: "x", Score: 0.5, Evidence: []topic.Evidence{{Weight: bad}}}}}
		_, marshals := marshalOrNot(t, &rec)
		got, ok := appendRecord([]byte("prefix"), &rec)
		assert.False(t, marshals)
		assert.False(t, ok)
		assert.Equal(t, "prefix", string(got), "nothing appended")
	}
}

// The records of real articles encode as json.Marshal encodes them.
func TestAppendRecordArticles(t *testing.T) {
	_, docs, err := newstext.Articles("../../testdata")
	require.NoError(t, err)
	tg, err := tagger.New()
	require.NoError(t, err)
	for _, d := range docs {
		res, err := tg.Tag(d)
		require.NoError(t, err)
		rec := record{ID: quote("a"), Entities: res.Entities, Topics: res.Topics}
		want, _ := marshalOrNot(t, &rec)
		got, ok := appendRecord(nil, &rec)
		require.True(t, ok)
		require.Equal(t, want, string(got))
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
		want, marshals := marshalOrNot(t, &rec)
		got, ok := appendRecord(nil, &rec)
		require.Equal(t, marshals, ok)
		if ok {
			require.Equal(t, want, string(got))
		}
	})
}

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
		for b.Loop() {
			for i := range recs {
				buf, _ = appendRecord(buf[:0], &recs[i])
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
