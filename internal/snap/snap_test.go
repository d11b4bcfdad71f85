package snap

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRoundTrip(t *testing.T) {
	tests := []struct {
		name  string
		write func(w *Writer)
		read  func(r *Reader) any
		want  any
	}{
		{"uvarint 0", func(w *Writer) { w.Uvarint(0) }, func(r *Reader) any { return r.Uvarint() }, uint64(0)},
		{"uvarint 127", func(w *Writer) { w.Uvarint(127) }, func(r *Reader) any { return r.Uvarint() }, uint64(127)},
		{"uvarint 128", func(w *Writer) { w.Uvarint(128) }, func(r *Reader) any { return r.Uvarint() }, uint64(128)},
		{"uvarint max", func(w *Writer) { w.Uvarint(math.MaxUint64) }, func(r *Reader) any { return r.Uvarint() }, uint64(math.MaxUint64)},
		{"varint -1", func(w *Writer) { w.Varint(-1) }, func(r *Reader) any { return r.Varint() }, int64(-1)},
		{"varint min", func(w *Writer) { w.Varint(math.MinInt64) }, func(r *Reader) any { return r.Varint() }, int64(math.MinInt64)},
		{"int32 -7", func(w *Writer) { w.Varint(-7) }, func(r *Reader) any { return r.Int32() }, int32(-7)},
		{"uint32", func(w *Writer) { w.Uvarint(math.MaxUint32) }, func(r *Reader) any { return r.Uint32() }, uint32(math.MaxUint32)},
		{"int", func(w *Writer) { w.Int(300) }, func(r *Reader) any { return r.Int(300) }, 300},
		{"bool", func(w *Writer) { w.Bool(true) }, func(r *Reader) any { return r.Bool() }, true},
		{"float", func(w *Writer) { w.Float64(-2.5) }, func(r *Reader) any { return r.Float64() }, -2.5},
		{"string", func(w *Writer) { w.String("Köln") }, func(r *Reader) any { return r.String() }, "Köln"},
		{"empty string", func(w *Writer) { w.String("") }, func(r *Reader) any { return r.String() }, ""},
		{"strings", func(w *Writer) { w.Strings([]string{"a", "", "bc"}) }, func(r *Reader) any { return r.Strings() }, []string{"a", "", "bc"}},
		{"no strings", func(w *Writer) { w.Strings(nil) }, func(r *Reader) any { return r.Strings() }, []string(nil)},
		{"int32s", func(w *Writer) { w.Int32s([]int32{-1, 0, math.MaxInt32}) }, func(r *Reader) any { return r.Int32s() }, []int32{-1, 0, math.MaxInt32}},
		{"uint64s", func(w *Writer) { w.Uint64s([]uint64{1, math.MaxUint64}) }, func(r *Reader) any { return r.Uint64s() }, []uint64{1, math.MaxUint64}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := &Writer{}
			tt.write(w)
			r := NewReader(string(w.Buf))
			got := tt.read(r)
			require.NoError(t, r.Err())
			assert.Equal(t, tt.want, got)
			assert.Zero(t, r.Remaining())
		})
	}
}

func TestCorrupt(t *testing.T) {
	tests := []struct {
		name string
		data string
		read func(r *Reader) any
		want any // the zero value a failed read returns
	}{
		{"empty uvarint", "", func(r *Reader) any { return r.Uvarint() }, uint64(0)},
		{"unterminated", "\x80\x80", func(r *Reader) any { return r.Uvarint() }, uint64(0)},
		{"overflow", "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x02", func(r *Reader) any { return r.Uvarint() }, uint64(0)},
		{"int out of range", "\x05", func(r *Reader) any { return r.Int(4) }, 0},
		{"int32 out of range", "\xff\xff\xff\xff\x1f", func(r *Reader) any { return r.Int32() }, int32(0)},
		{"uint32 out of range", "\xff\xff\xff\xff\x1f", func(r *Reader) any { return r.Uint32() }, uint32(0)},
		{"bad bool", "\x02", func(r *Reader) any { return r.Bool() }, false},
		{"string too long", "\x05abc", func(r *Reader) any { return r.String() }, ""},
		{"huge string", "\xff\xff\xff\xff\xff\xff\xff\xff\x7f", func(r *Reader) any { return r.String() }, ""},
		{"list too long", "\x05ab", func(r *Reader) any { return r.Strings() }, []string(nil)},
		{"uint64s too long", "\x02\x00\x00\x00\x00\x00\x00\x00\x00", func(r *Reader) any { return r.Uint64s() }, []uint64(nil)},
		{"raw too long", "ab", func(r *Reader) any { return r.Raw(3) }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(tt.data)
			got := tt.read(r)
			require.Error(t, r.Err())
			assert.ErrorIs(t, r.Err(), ErrCorrupt)
			assert.Equal(t, tt.want, got)
			// Later reads fail quietly; the first error stays.
			first := r.Err()
			assert.Equal(t, "", r.String())
			assert.Equal(t, first, r.Err())
		})
	}
}

func TestTable(t *testing.T) {
	var tab Table
	for _, s := range []string{"PER", "ORG", "PER", "x.tsv", "ORG"} {
		tab.Index(s)
	}
	require.Equal(t, []string{"PER", "ORG", "x.tsv"}, tab.List())
	w := &Writer{}
	w.Strings(tab.List())
	for _, s := range []string{"x.tsv", "PER"} {
		w.Uvarint(uint64(tab.Index(s)))
	}
	w.Uvarint(7) // out of range
	r := NewReader(string(w.Buf))
	list := r.Strings()
	tests := []struct{ want string }{{"x.tsv"}, {"PER"}, {""}}
	for _, tt := range tests {
		assert.Equal(t, tt.want, r.TableString(list))
	}
	assert.ErrorIs(t, r.Err(), ErrCorrupt)
}
