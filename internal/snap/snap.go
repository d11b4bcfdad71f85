// Package snap writes and reads the compact binary encoding of etikett's
// precompiled snapshots: unsigned and signed varints, length-prefixed
// strings and lists. A Reader works on a string (the go:embed'ed snapshot),
// so the strings it returns are substrings of it and cost no allocation.
//
// A Reader never panics on bad input: the first problem (data too short, a
// varint that overflows, a length larger than the rest of the data) is
// remembered, every later read returns zero values, and Err reports it.
package snap

import (
	"errors"
	"fmt"
	"math"
)

// ErrCorrupt is wrapped by every error a Reader reports.
var ErrCorrupt = errors.New("snapshot corrupt")

// Writer appends values to Buf.
type Writer struct {
	Buf []byte
}

// Uvarint appends v as an unsigned varint.
func (w *Writer) Uvarint(v uint64) {
	for v >= 0x80 {
		w.Buf = append(w.Buf, byte(v)|0x80)
		v >>= 7
	}
	w.Buf = append(w.Buf, byte(v))
}

// Varint appends v zig-zag encoded.
func (w *Writer) Varint(v int64) { w.Uvarint(uint64(v<<1) ^ uint64(v>>63)) }

// Int appends a non-negative int (a count or an index).
func (w *Writer) Int(v int) {
	if v < 0 {
		panic(fmt.Sprintf("snap: Int(%d): negative", v))
	}
	w.Uvarint(uint64(v))
}

// Bool appends b as one byte.
func (w *Writer) Bool(b bool) {
	if b {
		w.Buf = append(w.Buf, 1)
	} else {
		w.Buf = append(w.Buf, 0)
	}
}

// Float64 appends the bits of f, as a varint.
func (w *Writer) Float64(f float64) { w.Uvarint(math.Float64bits(f)) }

// String appends s with its length.
func (w *Writer) String(s string) {
	w.Int(len(s))
	w.Buf = append(w.Buf, s...)
}

// Strings appends a list of strings.
func (w *Writer) Strings(list []string) {
	w.Int(len(list))
	for _, s := range list {
		w.String(s)
	}
}

// Int32s appends a list of int32, each zig-zag encoded.
func (w *Writer) Int32s(list []int32) {
	w.Int(len(list))
	for _, v := range list {
		w.Varint(int64(v))
	}
}

// Uint64s appends a list of uint64 as fixed 8-byte little-endian words.
func (w *Writer) Uint64s(list []uint64) {
	w.Int(len(list))
	for _, v := range list {
		w.Buf = append(w.Buf, byte(v), byte(v>>8), byte(v>>16), byte(v>>24), byte(v>>32), byte(v>>40), byte(v>>48), byte(v>>56))
	}
}

// Reader reads values from a string. See the package comment for its
// handling of bad input.
type Reader struct {
	data string
	off  int
	err  error
}

// NewReader returns a Reader over data.
func NewReader(data string) *Reader { return &Reader{data: data} }

// Err returns the first problem met, or nil.
func (r *Reader) Err() error { return r.err }

// Fail records a problem found by the caller (a value out of range); the
// first one wins. It returns the recorded error.
func (r *Reader) Fail(format string, args ...any) error {
	if r.err == nil {
		r.err = fmt.Errorf("%w: at byte %d: %s", ErrCorrupt, r.off, fmt.Sprintf(format, args...))
		r.off = len(r.data)
	}
	return r.err
}

// Remaining returns the number of bytes not read yet.
func (r *Reader) Remaining() int { return len(r.data) - r.off }

// Offset returns the number of bytes read.
func (r *Reader) Offset() int { return r.off }

// Uvarint reads an unsigned varint.
func (r *Reader) Uvarint() uint64 {
	// Values of up to three bytes, nearly all, without a loop.
	d, p := r.data, r.off
	if p+2 < len(d) {
		c := d[p]
		if c < 0x80 {
			r.off = p + 1
			return uint64(c)
		}
		c1 := d[p+1]
		if c1 < 0x80 {
			r.off = p + 2
			return uint64(c&0x7f) | uint64(c1)<<7
		}
		c2 := d[p+2]
		if c2 < 0x80 {
			r.off = p + 3
			return uint64(c&0x7f) | uint64(c1&0x7f)<<7 | uint64(c2)<<14
		}
	} else if p < len(d) && d[p] < 0x80 {
		r.off = p + 1
		return uint64(d[p])
	}
	return r.uvarint()
}

func (r *Reader) uvarint() uint64 {
	var v uint64
	for shift := uint(0); ; shift += 7 {
		if r.off >= len(r.data) {
			r.Fail("unexpected end of data")
			return 0
		}
		c := r.data[r.off]
		r.off++
		if shift == 63 && c > 1 {
			r.Fail("varint overflows 64 bits")
			return 0
		}
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
}

// Varint reads a zig-zag encoded signed varint.
func (r *Reader) Varint() int64 {
	u := r.Uvarint()
	return int64(u>>1) ^ -int64(u&1)
}

// Int reads a non-negative int no larger than max.
func (r *Reader) Int(max int) int {
	v := r.Uvarint()
	if v > uint64(max) {
		return r.outOfRange(v, max)
	}
	return int(v)
}

func (r *Reader) outOfRange(v uint64, max int) int {
	r.Fail("value %d out of range [0, %d]", v, max)
	return 0
}

// Int32 reads a signed value that fits in an int32.
func (r *Reader) Int32() int32 {
	v := r.Varint()
	if v < math.MinInt32 || v > math.MaxInt32 {
		r.Fail("value %d does not fit in 32 bits", v)
		return 0
	}
	return int32(v)
}

// Uint32 reads an unsigned value that fits in a uint32.
func (r *Reader) Uint32() uint32 {
	v := r.Uvarint()
	if v > math.MaxUint32 {
		r.Fail("value %d does not fit in 32 bits", v)
		return 0
	}
	return uint32(v)
}

// Len reads the length of a list whose elements take at least minBytes
// each, so that a corrupt length cannot make the caller allocate more than
// the data could hold.
func (r *Reader) Len(minBytes int) int {
	if minBytes < 1 {
		minBytes = 1
	}
	n := r.Uvarint()
	if n > uint64(r.Remaining()/minBytes) {
		r.Fail("%d elements of at least %d bytes, %d bytes left", n, minBytes, r.Remaining())
		return 0
	}
	return int(n)
}

// Bool reads a byte that must be 0 or 1.
func (r *Reader) Bool() bool {
	if r.off >= len(r.data) {
		r.Fail("unexpected end of data")
		return false
	}
	c := r.data[r.off]
	r.off++
	if c > 1 {
		r.Fail("bad boolean %d", c)
		return false
	}
	return c == 1
}

// Float64 reads a float64 written by Writer.Float64.
func (r *Reader) Float64() float64 { return math.Float64frombits(r.Uvarint()) }

// String reads a string; it is a substring of the Reader's data.
func (r *Reader) String() string {
	n := r.Uvarint()
	if n > uint64(r.Remaining()) {
		r.Fail("string of %d bytes, %d left", n, r.Remaining())
		return ""
	}
	s := r.data[r.off : r.off+int(n)]
	r.off += int(n)
	return s
}

// Raw reads the next n bytes as a substring.
func (r *Reader) Raw(n int) string {
	if n < 0 || n > r.Remaining() {
		r.Fail("want %d bytes, %d left", n, r.Remaining())
		return ""
	}
	s := r.data[r.off : r.off+n]
	r.off += n
	return s
}

// Strings reads a list of strings.
func (r *Reader) Strings() []string {
	n := r.Len(1)
	if n == 0 {
		return nil
	}
	list := make([]string, n)
	for i := range list {
		list[i] = r.String()
	}
	return list
}

// Int32s reads a list of int32.
func (r *Reader) Int32s() []int32 {
	n := r.Len(1)
	if n == 0 {
		return nil
	}
	list := make([]int32, n)
	for i := range list {
		list[i] = r.Int32()
	}
	return list
}

// Uint64s reads a list of fixed 8-byte words.
func (r *Reader) Uint64s() []uint64 {
	n := r.Len(8)
	if n == 0 {
		return nil
	}
	list := make([]uint64, n)
	d := r.Raw(8 * n)
	if r.err != nil {
		return nil
	}
	for i := range list {
		b := d[8*i : 8*i+8]
		list[i] = uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
	}
	return list
}

// Chunk hands out slices of chunks allocated a few thousand elements at a
// time, so that decoding many short lists costs few allocations. The
// slices have no spare capacity: appending to one copies it.
type Chunk[T any] struct {
	buf []T
}

// Take returns a slice of n elements (nil for none).
func (c *Chunk[T]) Take(n int) []T {
	if n == 0 {
		return nil
	}
	if n > len(c.buf) {
		c.buf = make([]T, max(n, 4096))
	}
	s := c.buf[:n:n]
	c.buf = c.buf[n:]
	return s
}

// Int32sIn reads a list of int32 into a slice from c.
func (r *Reader) Int32sIn(c *Chunk[int32]) []int32 {
	list := c.Take(r.Len(1))
	for i := range list {
		list[i] = r.Int32()
	}
	return list
}

// StringsIn reads a list of strings into a slice from c.
func (r *Reader) StringsIn(c *Chunk[string]) []string {
	list := c.Take(r.Len(1))
	for i := range list {
		list[i] = r.String()
	}
	return list
}

// Table numbers short strings that repeat (types, file names, genders), so
// that a snapshot writes each once: Index gives a string's number, in the
// order of first use, and List the strings to write before the numbers.
type Table struct {
	list  []string
	index map[string]int
}

// Index returns s's number, adding s when it is new.
func (t *Table) Index(s string) int {
	if i, ok := t.index[s]; ok {
		return i
	}
	if t.index == nil {
		t.index = map[string]int{}
	}
	t.index[s] = len(t.list)
	t.list = append(t.list, s)
	return len(t.list) - 1
}

// List returns the strings in number order.
func (t *Table) List() []string { return t.list }

// TableString reads a string's number and returns it from list (a Table's
// List read back with Strings); a number out of range fails the Reader.
func (r *Reader) TableString(list []string) string {
	i := r.Uvarint()
	if i >= uint64(len(list)) {
		r.Fail("string %d of %d", i, len(list))
		return ""
	}
	return list[i]
}
