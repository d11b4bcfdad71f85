package topic

import (
	"encoding/binary"
	"unsafe"
)

// partMemo remembers, for recently seen word parts, what scan found for
// them on their own: the keyword entry of their key and the features they
// hit (as a keyword or as a compound's head and modifier). News text
// repeats its words, and folding, stemming and looking a part up in the
// model's tables (too large to stay in the CPU cache) cost more than one
// probe of this small four-way set-associative table. It lives in the pooled
// scratch, so it stays warm across documents; it caches a pure function of
// the part's text and name flag, so results are the same with or without
// it.
type partMemo struct {
	sets [memoSets][memoWays]memoSlot
	// The text and name flag getSecond last missed, while nothing was put
	// since: get answers a text at the same address (the same bytes) at
	// once. A word that matchWords misses, or that matchSpans misses and
	// leaves to scan (not onePart's common word: 2024, say), is then asked
	// again, as its part, when scan collects it (2,500 instructions per
	// document less on the 10kGNAD texts, before matchSpans matched the
	// common words it misses itself). Scoring ends by clearing it (see
	// forget), so that the memo does not keep the text.
	miss     string
	missName bool
}

const (
	// 8192 slots, 512 KB as the tagger's word cache: with 4096, a news
	// vocabulary evicted enough words to cost 4% of scoring.
	memoBits = 13
	memoSize = 1 << memoBits
	memoSets = memoSize / memoWays
	// A set is picked by the top bits of a part's hash, where a
	// multiplicative hash (see shortHash) mixes all bits of its input;
	// the shift keeps indexing the sets free of bounds checks.
	memoSetShift = 32 - memoBits + 2 // memoBits - log2(memoWays) bits
	// Slots per set: two-way, the 13 benchmark articles had 10 parts per
	// document evicted by others of their set (7,000 instructions per
	// document, with those of the parts' slow way in scan); four-way
	// saves 3,200 of them (eight-way, 2,200; four-way with a hit swapped
	// to the front rather than one slot forward, about as much).
	memoWays = 4
	memoKey  = 29 // longer parts are not remembered
	memoHits = 3  // parts hitting more features are not remembered
)

// memoSlot is 64 bytes, one cache line.
type memoSlot struct {
	// The text; for a text of up to 8 bytes, its fingerprint, which
	// tells it from every other text of its length, in key[:8].
	key  [memoKey]byte
	n    uint8 // len(text) + 1; 0 when empty
	name bool
	nh   uint8
	e    int32
	f    [memoHits]int32
	w    [memoHits]float32
	phr  bool // phrases start with entry e
	// 1 when the text has a letter (see hasLetter): matchWords counts the
	// words with a letter from the slots it finds.
	letter uint8
}

// partHit is a feature a part hits on its own, and how much it counts.
type partHit struct {
	f int32
	w float32
}

// Hashing for the memos, eight bytes at a time: a part is hashed for every
// token, and FNV's multiply per byte was a noticeable share of scoring. The
// memos compare the whole key, so the hash only spreads keys over slots.
const (
	mulA = 0x9e3779b97f4a7c15
	mulB = 0xff51afd7ed558ccd
)

// le64 reads 8 bytes of s (len(s) >= 8) little-endian.
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// le32 reads 4 bytes of s (len(s) >= 4) little-endian.
func le32(s string) uint64 {
	_ = s[3]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}

// wordHash reads w eight bytes at a time for the hash of w for the part
// memo and, when w has up to 8 bytes, its fingerprint (which the memo
// compares instead of the bytes): the bytes of w, zero-padded, little
// endian, which with the length of w tell w from every other text (see
// shortHash).
func wordHash(w string) (hash uint32, fp uint64) {
	n := len(w)
	if n <= 8 {
		// All 8 bytes, or the first and last 4 (overlapping), or the
		// first, middle and last byte of a shorter w.
		switch {
		case n == 8:
			fp = le64(w)
		case n >= 4:
			fp = le32(w) | le32(w[n-4:])<<(8*(n-4))
		case n > 0:
			fp = uint64(w[0]) | uint64(w[n/2])<<(8*(n/2)) | uint64(w[n-1])<<(8*(n-1))
		}
		return shortHash(n, fp), fp
	}
	h := uint64(n) * mulA
	for i := 0; i < n-8; i += 8 {
		h = (h ^ le64(w[i:])) * mulB
		h ^= h >> 29
	}
	h ^= le64(w[n-8:]) // the last 8 bytes, overlapping the chunks before
	return uint32(h * mulB >> 32), fp
}

// shortHash is wordHash's hash of a text of n <= 8 bytes with fingerprint
// fp. Where the bytes after a word can be read, as in the text of
// ScoreSpans, the fingerprint is one load and a mask (see matchWords).
// It is one multiply, whose top bits (which pick the memo's set, see
// memoSetShift) depend on every bit of fp: as the memo compares whole
// keys, that spreads the words well enough (folding the product's halves
// with two more multiplies cost 650 instructions per document more).
func shortHash(n int, fp uint64) uint32 {
	return uint32((fp ^ uint64(n)) * mulA >> 32)
}

// onePart reports whether w, whose wordHash fingerprint is fp, is the
// common word, one part with a letter: a word that starts with a letter,
// ends with a letter or digit (nothing to trim) and has no hyphen or slash
// (where words are split into parts).
func onePart(w string, fp uint64) bool {
	n := len(w)
	if n == 0 || byteClass[w[0]]&classLetter == 0 || byteClass[w[n-1]]&(classLetter|classDigit) == 0 {
		return false
	}
	if n <= 8 {
		return splitBytes(fp) == 0
	}
	// Eight bytes at a time, the last 8 overlapping the chunks before
	// (two strings.IndexByte cost 2,100 instructions per document more on
	// the 10kGNAD texts).
	for i := 0; i < n-8; i += 8 {
		if splitBytes(le64(w[i:])) != 0 {
			return false
		}
	}
	return splitBytes(le64(w[n-8:])) == 0
}

// hasLetter reports whether text has a letter (or a byte of a multi-byte
// character, as in addParts).
func hasLetter(text string) bool {
	for i := 0; i < len(text); i++ {
		if byteClass[text[i]]&classLetter != 0 {
			return true
		}
	}
	return false
}

// splitBytes returns a nonzero value when one of the 8 bytes of c is '-'
// (0x2d) or '/' (0x2f), the two bytes that differ only in bit 1: setting
// that bit and xoring with '/' zeroes exactly those bytes, and the classic
// test for a zero byte, (v − 0x01…01) &^ v & 0x80…80, is nonzero exactly
// when v has one.
func splitBytes(c uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	v := (c | 0x02*ones) ^ '/'*ones
	return (v - ones) &^ v & highs
}

// is reports whether sl remembers text and name; fp is the fingerprint of
// text when it has up to 8 bytes.
func (sl *memoSlot) is(text string, name bool, fp uint64) bool {
	if int(sl.n) != len(text)+1 || sl.name != name {
		return false
	}
	if len(text) <= 8 {
		return binary.LittleEndian.Uint64(sl.key[:8]) == fp
	}
	return string(sl.key[:len(text)]) == text
}

// get returns the slot remembering text, or nil. The table is four-way set
// associative: a hit in a slot of a set other than the first swaps it with
// the slot before (so that frequent words move to the front, and a rare
// one does not move a frequent one back more than a slot), and put inserts
// at the front, moving the others back and evicting the last. hash and fp are wordHash's of text.
// The first slot of the set is asked inline, the others in getSecond.
func (c *partMemo) get(text string, name bool, hash uint32, fp uint64) *memoSlot {
	if sl := &c.sets[hash>>memoSetShift][0]; sl.is(text, name, fp) {
		return sl
	}
	if unsafe.StringData(text) == unsafe.StringData(c.miss) && len(text) == len(c.miss) && name == c.missName {
		return nil // missed since the last put
	}
	return c.getSecond(text, name, hash, fp)
}

// forget clears the note of the last miss.
func (c *partMemo) forget() {
	c.miss = ""
}

// getSecond is get for the slots of a set after the first.
func (c *partMemo) getSecond(text string, name bool, hash uint32, fp uint64) *memoSlot {
	set := &c.sets[hash>>memoSetShift]
	if set[1].is(text, name, fp) {
		set[0], set[1] = set[1], set[0]
		return &set[0]
	}
	sl := c.getThird(text, name, hash, fp)
	if sl == nil {
		c.noteMiss(text, name)
	}
	return sl
}

// noteMiss notes the miss of text and name (see partMemo.miss), when the
// memo could hold the text. getThird leaves it to its callers: matchSpans
// notes only the misses it leaves to scan (see missWord), and spares the
// note, and its clearing in put, for the others (710 instructions per
// document less on the 10kGNAD texts).
func (c *partMemo) noteMiss(text string, name bool) {
	if len(text) <= memoKey {
		c.miss, c.missName = text, name
	}
}

// getThird is get for the slots of a set after the second, for getSecond
// and for matchSpans, which asks the first two inline (1,300 instructions
// per document less than asking getSecond).
func (c *partMemo) getThird(text string, name bool, hash uint32, fp uint64) *memoSlot {
	if len(text) > memoKey {
		return nil
	}
	set := &c.sets[hash>>memoSetShift]
	// Slot by slot, for four ways (see put), a hit swapped with the slot
	// before: a loop over them cost 1,500 instructions per document more
	// on the 10kGNAD texts, 600 on the benchmark's articles.
	switch {
	case set[2].is(text, name, fp):
		set[1], set[2] = set[2], set[1]
		return &set[1]
	case set[3].is(text, name, fp):
		set[2], set[3] = set[3], set[2]
		return &set[2]
	}
	return nil
}

// put remembers what a part hits, when it fits.
func (c *partMemo) put(text string, name bool, hash uint32, fp uint64, e int32, phr bool, hits []partHit) {
	if c.miss != "" { // mostly not, as matchSpans notes few misses
		c.miss = "" // the text may be there now
	}
	if len(text) > memoKey || len(hits) > memoHits {
		return
	}
	set := &c.sets[hash>>memoSetShift]
	// Slot by slot, from the back, for four ways (the constants below
	// do not compile with other memoWays), rather than by copy's memmove
	// or a loop (which the compiler does not unroll): with the key
	// written eight bytes at a time below, rather than by copy, 4,300
	// instructions per document less on the 10kGNAD texts.
	const _, _ uint = memoWays - 4, 4 - memoWays
	set[3] = set[2]
	set[2] = set[1]
	set[1] = set[0]
	sl := &set[0]
	sl.n, sl.name, sl.nh, sl.e, sl.phr = uint8(len(text)+1), name, uint8(len(hits)), e, phr
	sl.letter = 0
	if hasLetter(text) {
		sl.letter = 1
	}
	if n := len(text); n <= 8 {
		binary.LittleEndian.PutUint64(sl.key[:8], fp)
	} else {
		// Eight bytes at a time, the last 8 overlapping the ones before.
		for i := 0; i < n-8; i += 8 {
			binary.LittleEndian.PutUint64(sl.key[i:], le64(text[i:]))
		}
		binary.LittleEndian.PutUint64(sl.key[n-8:], le64(text[n-8:]))
	}
	for i, h := range hits {
		sl.f[i], sl.w[i] = h.f, h.w
	}
}

// cueMemo remembers which cue rules the fields of an entity satisfy: a
// text names the same entities again and again, and each cue asks up to six
// maps. Like partMemo, it caches a pure function of the fields.
type cueMemo struct {
	slots [cueSize]cueSlot
}

const (
	// 4096 slots of 128 bytes, 512 KB as the part memo: with 1024,
	// cues of one text and of the texts before evicted each other often
	// enough that the misses' map lookups cost 1,800 instructions per
	// document more (2,300 on the 10kGNAD texts, whose two passes find
	// more of the first pass's cues; 2048 slots saved 1,500 and 300).
	cueBits  = 12
	cueSize  = 1 << cueBits
	cueShift = 32 - cueBits // a slot is picked by the top bits of cueHash
	cueHits  = 6            // cues satisfying more rules are not remembered
)

type cueSlot struct {
	sel Selector // the cue's fields; Text plays no part
	set bool
	nf  uint8
	f   [cueHits]int32
}

// cueHash spreads cues over the cue memo's slots (by its top bits, see
// cueShift), from the addresses of the bytes of the fields that tell the
// cues of a text apart: the id, the role and the form. A text's cues take
// their fields from the lexicon's and the tagger's strings (see is), so
// the addresses name the values as well as the bytes do, at the cost of a
// few instructions rather than of reading the bytes (the first, middle and
// last bytes of id and role, and both ends of type and form, cost 2,000
// instructions per document more). Equal fields at other addresses only
// land in another slot: the memo compares the whole fields, so results
// are the same whatever the hash.
func cueHash(c *Cue) uint32 {
	h := addr(c.ID) ^ addr(c.Role)<<1 ^ addr(c.Form)<<17
	return uint32(h * mulA >> 32)
}

// addr returns the address of the bytes of v, as a number (0 for an
// empty v from a literal or the zero value).
func addr(v string) uint64 {
	return uint64(uintptr(unsafe.Pointer(unsafe.StringData(v))))
}

// is reports whether the slot holds the fields of c. It compares the
// lengths, then the addresses of the bytes, and only when some address
// differs the texts: a text's cues take their fields from the lexicon's
// and the tagger's strings, which the slot keeps too, so equal fields are
// mostly the same bytes, and the runtime's comparisons are spared (3,300
// instructions per document less, 1,100 on the 10kGNAD texts).
func (sl *cueSlot) is(c *Cue) bool {
	a := &sl.sel
	if !sl.set || len(a.ID) != len(c.ID) || len(a.Type) != len(c.Type) || len(a.Form) != len(c.Form) ||
		len(a.Kind) != len(c.Kind) || len(a.Country) != len(c.Country) || len(a.Role) != len(c.Role) {
		return false
	}
	if unsafe.StringData(a.ID) == unsafe.StringData(c.ID) && unsafe.StringData(a.Type) == unsafe.StringData(c.Type) &&
		unsafe.StringData(a.Form) == unsafe.StringData(c.Form) && unsafe.StringData(a.Kind) == unsafe.StringData(c.Kind) &&
		unsafe.StringData(a.Country) == unsafe.StringData(c.Country) && unsafe.StringData(a.Role) == unsafe.StringData(c.Role) {
		return true
	}
	return a.ID == c.ID && a.Type == c.Type && a.Form == c.Form && a.Kind == c.Kind && a.Country == c.Country && a.Role == c.Role
}
