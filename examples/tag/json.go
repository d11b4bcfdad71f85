package main

import (
	"math"
	"strconv"
	"unicode/utf8"
	"unsafe"

	"github.com/etikett-nlp/etikett/internal/token"

	"github.com/etikett-nlp/etikett/tagger"
)

// encoder writes records as JSON. It keeps the encoded constant parts of
// records, which recur from record to record: an entity's fields from
// "type" on, which come from one lexicon entry, form and rule, and an
// evidence item's kind and term, from the topic model. That saves a third of
// the encoding (145,000 instructions per record of the articles before the
// fragments and appendInt, 100,000 after). One encoder serves one goroutine.
type encoder struct {
	tails fragments[tailKey]
	heads fragments[headKey]
}

// tailKey holds the strings of an entity's fields from "type" on.
type tailKey [8]string

// headKey holds an evidence item's kind and term.
type headKey [2]string

// fragments is a direct-mapped cache of encoded JSON fragments keyed by the
// strings they encode. Keys are compared by their strings' addresses and
// lengths: the strings of one lexicon entry or topic share their bytes from
// record to record, and equal addresses and lengths mean equal strings (the
// cache keeps them alive). Equal strings elsewhere only miss.
type fragments[K tailKey | headKey] struct {
	slots [1024]struct {
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
	slot := &f.slots[h>>54]
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
	key := tailKey{e.Type, e.Form, e.ID, e.Name, e.Kind, e.Country, e.Rule, e.Source}
	return append(b, en.tails.get(&key, appendEntityTail)...), true
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

// appendInt writes n in decimal as strconv.AppendInt does, a digit at a
// time for the offsets and counts of records (below 10⁹): strconv's general
// path took ~170 instructions per number, a sixth of the encoding.
func appendInt(b []byte, n int64) []byte {
	if n < 0 || n >= 1e9 {
		return strconv.AppendInt(b, n, 10)
	}
	var buf [9]byte
	i := len(buf) - 1
	for n >= 10 {
		buf[i] = byte('0' + n%10)
		n /= 10
		i--
	}
	buf[i] = byte('0' + n)
	return append(b, buf[i:]...)
}

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
// digits is k/1000 without its trailing zeros.
func thousandths(f float64) (int64, bool) {
	if f == 0 || f >= 1e6 || f <= -1e6 {
		return 0, false
	}
	k := int64(math.Round(f * 1000))
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
	frac := k % 1000
	if frac == 0 {
		return b
	}
	digits := [3]byte{byte('0' + frac/100), byte('0' + frac/10%10), byte('0' + frac%10)}
	n := 3
	for digits[n-1] == '0' {
		n--
	}
	return append(append(b, '.'), digits[:n]...)
}

// appendString writes s as a JSON string as encoding/json does, escaping
// for HTML (<, >, & as \u003c …), invalid UTF-8 as \ufffd, and U+2028 and
// U+2029. Strings that need nothing of it are found eight bytes at a time.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	if plainString(s) { // most strings
		b = append(b, s...)
		return append(b, '"')
	}
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
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

// plainString reports whether s needs no escaping in a JSON string, eight
// bytes at a time.
func plainString(s string) bool {
	switch {
	case len(s) >= 8:
		for i := 0; i+8 <= len(s); i += 8 {
			if !plain8(token.Load8(s, i)) {
				return false
			}
		}
		return plain8(token.Load8(s, len(s)-8)) // the last bytes, overlapping
	case len(s) >= 4: // two overlapping halves
		return plain8(uint64(load4(s, 0)) | uint64(load4(s, len(s)-4))<<32)
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || !jsonSafe[c] {
			return false
		}
	}
	return true
}

// load4 returns the four bytes of s from i as a little-endian word.
func load4(s string, i int) uint32 {
	s = s[i : i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// jsonSafe marks the ASCII bytes written into a JSON string as they are:
// printable, but the quote, the backslash and <, >, &.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = true
	}
	for _, c := range `"\<>&` {
		t[c] = false
	}
	return t
}()
