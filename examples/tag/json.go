package main

import (
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/etikett-nlp/etikett/internal/token"

	"github.com/etikett-nlp/etikett/tagger"
)

// encoder writes records as JSON. It keeps the encoded constant parts of
// records, which recur from record to record: an entity's fields from
// "type" on, which come from one lexicon entry, form and rule, and an
// evidence item's kind and term, from the topic model. With appendInt and
// appendString that makes the encoding a seventh of json.Marshal's (145,000
// instructions per record of the articles without fragments, 75,000 now).
// One encoder serves one goroutine.
//
// (Keeping whole entities, with their text, saved another 8,000 on the
// articles, where the same names recur, but cost 12,000 more per record on
// the 10kGNAD articles, whose texts mostly miss.)
//
// A brief encoder (the CLI's -brief) writes the fields of the output
// contract alone: an entity's start, end, text, type, form, id and name, a
// topic's id, label and score. The rest, an entity's kind, country, rule and
// source and a topic's evidence, make up two thirds of a record's bytes and
// more than half of its encoding.
type encoder struct {
	tails fragments[tailKey]
	heads fragments[headKey]
	brief bool
}

// tailKey holds the strings of an entity's fields from "type" on.
type tailKey [8]string

// headKey holds an evidence item's kind and term.
type headKey [2]string

// fragments is a direct-mapped cache of encoded JSON fragments keyed by the
// strings they encode. Keys are compared by their strings' addresses and
// lengths: the strings of one lexicon entry or topic share their bytes from
// record to record, and equal addresses and lengths mean equal strings (the
// cache keeps them alive). Equal strings elsewhere only miss. With 4,096
// slots a tenth of the entities of the articles miss (a third with 1,024).
type fragments[K tailKey | headKey] struct {
	slots [4096]struct {
		key K
		enc []byte
	}
}

// get returns the fragment of key, encoding it with enc on a miss.
func (f *fragments[K]) get(key *K, enc func([]byte, *K) []byte) []byte {
	ks := keyStrings(key)
	h := uint64(0)
	for _, s := range ks {
		h = (h ^ uint64(uintptr(unsafe.Pointer(unsafe.StringData(s)))) ^ uint64(len(s))) * 0x9E3779B97F4A7C15
	}
	slot := &f.slots[h>>52]
	if slot.enc != nil && sameStrings(keyStrings(&slot.key), ks) {
		return slot.enc
	}
	slot.key = *key
	slot.enc = enc(slot.enc[:0], &slot.key)
	return slot.enc
}

// keyStrings returns the strings of a key as a slice.
func keyStrings[K tailKey | headKey](key *K) []string {
	return unsafe.Slice((*string)(unsafe.Pointer(key)), unsafe.Sizeof(*key)/unsafe.Sizeof(""))
}

// sameStrings reports whether a and b hold the same strings: the same
// bytes at the same addresses.
func sameStrings(a, b []string) bool {
	for i := range a {
		if len(a[i]) != len(b[i]) || unsafe.StringData(a[i]) != unsafe.StringData(b[i]) {
			return false
		}
	}
	return true
}

// appendRecord appends rec as JSON, byte for byte as json.Marshal(rec)
// writes it (TestAppendRecordAsMarshal), without reflection: encoding a
// record with its topics' evidence took about a sixth of the CLI's time.
// It reports false, having appended nothing, for a record json.Marshal
// cannot encode (a score that is not a number).
func (en *encoder) appendRecord(b []byte, rec *record) ([]byte, bool) {
	start := len(b)
	b = append(b, `{"id":`...)
	if len(rec.ID) == 0 {
		b = append(b, "null"...)
	} else {
		b = append(b, rec.ID...) // compact JSON made by quote
	}
	b = append(b, `,"entities":`...)
	b, _ = appendList(b, rec.Entities, en.appendEntity)
	b = append(b, `,"topics":`...)
	var ok bool
	if b, ok = appendList(b, rec.Topics, en.appendTopic); !ok {
		return b[:start], false
	}
	if rec.Error != "" {
		b = append(b, `,"error":`...)
		b = appendString(b, rec.Error)
	}
	return append(b, '}'), true
}

// appendList appends a JSON array of the elements of list (null for a nil
// list), each by f; it stops at the first f that fails.
func appendList[T any](b []byte, list []T, f func([]byte, *T) ([]byte, bool)) ([]byte, bool) {
	if list == nil {
		return append(b, "null"...), true
	}
	b = append(b, '[')
	for i := range list {
		if i > 0 {
			b = append(b, ',')
		}
		var ok bool
		if b, ok = f(b, &list[i]); !ok {
			return b, false
		}
	}
	return append(b, ']'), true
}

func (en *encoder) appendEntity(b []byte, e *tagger.Entity) ([]byte, bool) {
	b = append(b, `{"start":`...)
	b = appendInt(b, int64(e.Start))
	b = append(b, `,"end":`...)
	b = appendInt(b, int64(e.End))
	b = appendField(b, `,"text":`, e.Text)
	if en.brief {
		// The tails of one encoder are all brief or all not: their keys
		// need not tell them apart.
		key := tailKey{e.Type, e.Form, e.ID, e.Name}
		return append(b, en.tails.get(&key, appendBriefTail)...), true
	}
	key := tailKey{e.Type, e.Form, e.ID, e.Name, e.Kind, e.Country, e.Rule, e.Source}
	return append(b, en.tails.get(&key, appendEntityTail)...), true
}

// appendBriefTail writes an entity's contract fields from "type" on, as
// keyed in appendEntity, and the closing brace.
func appendBriefTail(b []byte, k *tailKey) []byte {
	b = appendField(b, `,"type":`, k[0])
	b = appendField(b, `,"form":`, k[1])
	b = appendField(b, `,"id":`, k[2])
	b = appendField(b, `,"name":`, k[3])
	return append(b, '}')
}

// appendEntityTail writes an entity's fields from "type" on, as keyed in
// appendEntity, and the closing brace.
func appendEntityTail(b []byte, k *tailKey) []byte {
	typ, form, id, name, kind, country, rule, source := k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7]
	b = appendField(b, `,"type":`, typ)
	b = appendField(b, `,"form":`, form)
	b = appendField(b, `,"id":`, id)
	b = appendField(b, `,"name":`, name)
	if kind != "" {
		b = appendField(b, `,"kind":`, kind)
	}
	if country != "" {
		b = appendField(b, `,"country":`, country)
	}
	b = appendField(b, `,"rule":`, rule)
	if source != "" {
		b = appendField(b, `,"source":`, source)
	}
	return append(b, '}')
}

func (en *encoder) appendTopic(b []byte, t *tagger.Topic) ([]byte, bool) {
	b = appendField(b, `{"id":`, t.ID)
	b = appendField(b, `,"label":`, t.Label)
	b = append(b, `,"score":`...)
	var ok bool
	if b, ok = appendFloat(b, t.Score); !ok {
		return b, false
	}
	if en.brief {
		return append(b, '}'), true
	}
	b = append(b, `,"evidence":`...)
	if t.Evidence == nil {
		return append(b, "null}"...), true
	}
	b = append(b, '[')
	for i := range t.Evidence {
		ev := &t.Evidence[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, en.heads.get(&headKey{ev.Kind, ev.Term}, appendEvidenceHead)...)
		b = appendString(b, ev.Text)
		b = append(b, `,"count":`...)
		b = appendInt(b, int64(ev.Count))
		b = append(b, `,"weight":`...)
		if b, ok = appendFloat(b, ev.Weight); !ok {
			return b, false
		}
		b = append(b, '}')
	}
	return append(b, "]}"...), true
}

// appendInt writes n in decimal as strconv.AppendInt does. The offsets and
// counts of records (below 10⁹) are written two digits at a time straight
// into b's spare capacity: strconv's general path took ~170 instructions per
// number, a sixth of the encoding, a digit-at-a-time loop ~65.
func appendInt(b []byte, n int64) []byte {
	if uint64(n) < 10 { // most counts and integer parts: inlined
		return append(b, byte('0'+n))
	}
	return appendDigits(b, n)
}

// appendDigits writes n as appendInt does.
func appendDigits(b []byte, n int64) []byte {
	if uint64(n) >= 1e9 { // also the negative
		return strconv.AppendInt(b, n, 10)
	}
	u := uint32(n)
	nd := decimalDigits(u)
	if cap(b)-len(b) < nd {
		b = slices.Grow(b, nd)
	}
	b = b[:len(b)+nd]
	d := b[len(b)-nd:]
	i := nd
	for u >= 100 {
		q := u / 100
		r := (u - q*100) * 2
		i -= 2
		d[i], d[i+1] = digitPairs[r], digitPairs[r+1]
		u = q
	}
	if u >= 10 {
		d[0], d[1] = digitPairs[2*u], digitPairs[2*u+1]
	} else {
		d[0] = byte('0' + u)
	}
	return b
}

// decimalDigits returns the number of decimal digits of u < 10⁹.
func decimalDigits(u uint32) int {
	v := u | 1                      // as many digits; 0 has one
	t := bits.Len32(v) * 1233 >> 12 // ⌊log₁₀ v⌋ or one above it
	if v < pow10[t] {
		return t
	}
	return t + 1
}

var pow10 = [...]uint32{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9}

// digitPairs holds "00" to "99".
const digitPairs = "00010203040506070809" +
	"10111213141516171819" +
	"20212223242526272829" +
	"30313233343536373839" +
	"40414243444546474849" +
	"50515253545556575859" +
	"60616263646566676869" +
	"70717273747576777879" +
	"80818283848586878889" +
	"90919293949596979899"

// appendEvidenceHead writes an evidence item's kind and term, up to its
// text.
func appendEvidenceHead(b []byte, k *headKey) []byte {
	b = appendField(b, `{"kind":`, k[0])
	b = appendField(b, `,"term":`, k[1])
	return append(b, `,"text":`...)
}

func appendField(b []byte, name, s string) []byte {
	return appendString(append(b, name...), s)
}

// appendFloat writes f as encoding/json does: like ES6, 'f' format but for
// very small or large magnitudes, with exponents not padded (e-7, not e-07).
func appendFloat(b []byte, f float64) ([]byte, bool) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return b, false
	}
	if k, ok := thousandths(f); ok {
		return appendThousandths(b, k), true
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if n := len(b); format == 'e' && n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
		b[n-2] = b[n-1]
		b = b[:n-1]
	}
	return b, true
}

// thousandths returns k when f is the float64 nearest to k/1000, as the
// scores and weights (rounded to three decimals) are, for 0 < |f| < 10⁶.
// The shortest decimal that reads back as such an f is k/1000 itself:
// another with at most three decimals lies 0.001 away, and one with fewer
// digits is k/1000 without its trailing zeros. (How f·1000 is rounded to k
// does not matter: an f that passes lies within a few ulps of k/1000.)
func thousandths(f float64) (int64, bool) {
	if f == 0 || f >= 1e6 || f <= -1e6 {
		return 0, false
	}
	x := f * 1000
	var k int64
	if x > 0 {
		k = int64(x + 0.5)
	} else {
		k = int64(x - 0.5)
	}
	return k, float64(k)/1000 == f
}

// appendThousandths writes k/1000 in decimal without trailing zeros: 0.25,
// 1, -0.005.
func appendThousandths(b []byte, k int64) []byte {
	if k < 0 {
		b = append(b, '-')
		k = -k
	}
	b = appendInt(b, k/1000)
	frac := &fracDigits[k%1000]
	if cap(b)-len(b) < len(frac.digits) {
		b = slices.Grow(b, len(frac.digits))
	}
	n := len(b)
	*(*[4]byte)(b[n : n+4]) = frac.digits // one store; the length cuts it
	return b[:n+int(frac.len)]
}

// fracDigits holds the decimal fractions 0 to 0.999 as written after the
// integer part, without trailing zeros: "", ".001", ".25", ".5".
var fracDigits = func() (t [1000]struct {
	digits [4]byte
	len    uint8
}) {
	for i := 1; i < 1000; i++ {
		s := strings.TrimRight(fmt.Sprintf(".%03d", i), "0")
		copy(t[i].digits[:], s)
		t[i].len = uint8(len(s))
	}
	return t
}()

// appendString writes s as a JSON string as encoding/json does, escaping
// for HTML (<, >, & as \u003c …), invalid UTF-8 as \ufffd, and U+2028 and
// U+2029. It passes over runs of bytes that need nothing eight at a time
// while they are printable ASCII, then a byte at a time, in one pass.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start, i := 0, 0
	for {
		for i+8 <= len(s) && plain8(token.Load8(s, i)) {
			i += 8
		}
		for i < len(s) && jsonSafe[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		if 0xC2 <= c && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			i += 2 // a valid two-byte character (ä, ß, é): none is escaped
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// plain8 reports whether eight bytes are all printable ASCII that a JSON
// string takes as they are (see jsonSafe): none below 0x20 or from 0x80 on,
// and none of " & (0x22, 0x26: equal but for bit 0x04), < > (0x3c, 0x3e:
// but for bit 0x02) or \. A byte b is zero where (b-1)&^b has its high bit.
func plain8(x uint64) bool {
	const ones, hi = 0x0101010101010101, 0x8080808080808080
	qa := (x ^ 0x22*ones) &^ (0x04 * ones)
	lg := (x ^ 0x3c*ones) &^ (0x02 * ones)
	bs := x ^ 0x5c*ones
	return (x|(x-0x20*ones)&^x|(qa-ones)&^qa|(lg-ones)&^lg|(bs-ones)&^bs)&hi == 0
}

// jsonSafe marks the bytes written into a JSON string as they are, whatever
// follows: printable ASCII, but the quote, the backslash and <, >, &.
var jsonSafe = func() (t [256]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = true
	}
	for _, c := range `"\<>&` {
		t[c] = false
	}
	return t
}()
