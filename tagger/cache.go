package tagger

import (
	"encoding/binary"

	"github.com/etikett-nlp/etikett/internal/token"

	"github.com/etikett-nlp/etikett/tagger/internal/match"
)

// wordCache remembers what the gazetteer knows of recently seen token keys.
// News text repeats its words (der, die, Regierung, the names of the day),
// and the gazetteer's Bloom filter and key map are too large to stay in the
// CPU cache; a small two-way set-associative table answers most tokens from
// memory that does. It lives in the pooled scratch, so it is warm across
// texts, and it only caches a pure function of the key: results are the
// same with or without it.
type wordCache struct {
	sets [wcSize / 2][2]wcSlot // two-way set associative
	long tokInfo               // the answer for a key too long to cache
}

const (
	wcBits   = 13
	wcSize   = 1 << wcBits
	wcKeyMax = 23 // longer keys are not cached
)

// wcSlot is 64 bytes, one cache line. Besides the Word it holds what the
// tagger reads of it for every token, so that the Word itself (elsewhere in
// memory) is read only when a rule needs more.
type wcSlot struct {
	key wcKey // zero when empty
	tokInfo
}

// wcKey is a key of up to wcKeyMax bytes as little-endian words, padded
// with zeros, and its length + 1 in the last byte: comparing two keys is
// comparing three words. It is the key's match.KeyWords, which
// Gazetteer.WordWords takes.
type wcKey [3]uint64

// wcKeyOf returns the words of k (len(k) <= wcKeyMax).
func wcKeyOf(k []byte) (w wcKey) {
	w[2] = uint64(len(k)+1) << 56
	if cap(k) < len(k)+8 {
		// No room after the key to read whole words.
		for i, c := range k {
			w[i/8] |= uint64(c) << (8 * (i % 8))
		}
		return w
	}
	// Keys made by token.AppendKeyAt have room after them: read whole
	// words and drop what follows the key.
	for i := 0; i < len(k); i += 8 {
		x := binary.LittleEndian.Uint64(k[i : i+8])
		if rest := len(k) - i; rest < 8 {
			x &= token.LowBytes(rest)
		}
		w[i/8] |= x
	}
	return w
}

// set returns the set where a key of words w is cached: multiplicative
// hashing, whose top bits depend on every bit of the key (five instructions
// for a short key; the mixing of splitmix64 took 14 and cached no better).
// As a shift's result it is below wcSize/2 for the compiler too: indexing
// wordCache.sets with it takes no bounds check.
func (w *wcKey) set() uint {
	h := (w[0]^w[2])*0x9e3779b97f4a7c15 + w[1]*0xbf58476d1ce4e5b9
	return uint(h >> (64 - wcBits + 1))
}

// tokInfo is what the tagger keeps of a token's Word at once.
type tokInfo struct {
	bits  uint32 // Word.Bits, and the tagger's own classes below
	comp  int32  // 0, or scratch.compound's answer for the key (see compoundCode)
	w     *match.Word
	cands []match.Cand
}

// Word classes of the tagger's own, kept with the marked classes (see
// classes.go) in scratch.bits, so that asking them does not read the Word.
// The marked classes and any the gazetteer keeps itself must leave these
// bits free (TestClassBitsDisjoint).
const (
	bRole  uint32 = 1 << 21 // a role word (Gazetteer.RoleOf is not "")
	bDeriv uint32 = 1 << 22 // a derived word (Word.Deriv.How != 0)

	// Bits 23 to 25 hold Gazetteer.RootCases of the token's readings.
	bRootCasesShift = 23
	bRootCases      = 7 << bRootCasesShift

	// Bit 26 + tc is set where the token of case tc is a whole name by
	// itself (Gazetteer.OneTokenName); asked only when RootCases is not 0.
	bSoloShift = 26
	bSolo      = 7 << bSoloShift

	// Facts of the key alone that the entity loop tests at every
	// capitalized word for the rules' lists (see keyBits). The loop sets
	// them, with bKeyKnown, in the word cache's slot the first time it
	// meets the key capitalized, and then reads them with the bits
	// instead of testing the key's bytes. (Set by infoOf for every key,
	// they cost the misses of fresh text as much as they saved.) The high
	// bits, clear of the marked classes that iota adds from bit 0.
	bEndsS      uint32 = 1 << 29 // six bytes or more, ending in 's' (hasPersonCue)
	bEndStreet  uint32 = 1 << 20 // placeEnds has peStreet
	bEndToponym uint32 = 1 << 19 // placeEnds has peToponym
	bKeyPlace   uint32 = 1 << 18 // a landmark's ending, a direction's start, or "bad" (placeCandidate)
	bKeyKnown   uint32 = 1 << 17 // the bits above are set
	bKeyBits           = bEndsS | bEndStreet | bEndToponym | bKeyPlace | bKeyKnown
)

// keyBits returns bKeyKnown and the bits of bKeyBits that hold for key: the tests of the
// key that placeCandidate and hasPersonCue make, as the entity loop writes
// them out for capitalized words. The lists they fill may hold a word more
// than the two functions pass, never one less (see entities).
func keyBits(key []byte) uint32 {
	b := bKeyKnown
	if len(key) >= 6 && key[len(key)-1] == 's' {
		b |= bEndsS
	}
	var ends uint8
	if len(key) >= 2 {
		ends = placeEnds[suffixPair(key[len(key)-2], key[len(key)-1])]
	}
	if ends&peStreet != 0 {
		b |= bEndStreet
	}
	if ends&peToponym != 0 {
		b |= bEndToponym
	}
	landmark := ends&peLandmark != 0 && len(key) >= 7 &&
		(hasSuffix(key, "tal") || hasSuffix(key, "see") || hasSuffix(key, "ütte") || hasSuffix(key, "nnen"))
	if landmark || len(key) >= 6 && directionStarts.mayStart(key) || string(key) == "bad" {
		b |= bKeyPlace
	}
	return b
}

// soloMasks holds, for each token case tc, its bit of bSolo (read as
// soloMasks[tc&3], as rootCaseMasks is).
var soloMasks = [4]uint32{1 << bSoloShift, 2 << bSoloShift, 4 << bSoloShift, 0}

func infoOf(g *match.Gazetteer, w *match.Word) (ti tokInfo) {
	setInfo(g, &ti, w)
	return ti
}

// setInfo sets *ti to infoOf(g, w), in place: fill's slot built on the
// stack and copied, with infoOf's result copied into it, cost 3,400
// instructions per document more on the 10kGNAD texts (1,100 on the
// articles).
func setInfo(g *match.Gazetteer, ti *tokInfo, w *match.Word) {
	if w == nil {
		*ti = tokInfo{}
		return
	}
	bits := w.Bits
	if rc := g.RootCases(w.Cands); rc != 0 {
		// The three cases at once: 2,600 instructions per document
		// fewer than OneTokenName for each (10kGNAD).
		bits |= uint32(rc)<<bRootCasesShift | uint32(g.OneTokenCases(w.Cands))<<bSoloShift
	}
	if g.RoleOf(w) != "" {
		bits |= bRole
	}
	if w.Deriv.How != 0 {
		bits |= bDeriv
	}
	*ti = tokInfo{bits: bits, w: w, cands: w.Cands}
}

// wcHash hashes a key for the caches' set index, eight bytes at a time.
func wcHash(k []byte) uint32 {
	h := uint64(len(k)) * 0x9e3779b97f4a7c15
	for len(k) >= 8 {
		h = (h ^ binary.LittleEndian.Uint64(k)) * 0xbf58476d1ce4e5b9
		h ^= h >> 31
		k = k[8:]
	}
	var tail uint64
	if len(k) > 0 && cap(k) >= 8 {
		// Keys made by token.AppendKeyAt have room after them: read the
		// last bytes at once and drop what follows the key.
		tail = binary.LittleEndian.Uint64(k[:8]) & token.LowBytes(len(k))
	} else {
		for i, c := range k {
			tail |= uint64(c) << (8 * i)
		}
	}
	h = (h ^ tail) * 0x94d049bb133111eb
	return uint32(h ^ h>>32)
}

// word returns g.Word(key), from the cache when it can.
func (c *wordCache) word(g *match.Gazetteer, key []byte) *match.Word { return c.info(g, key).w }

// info returns what the tagger keeps of g.Word(key), from the cache when it
// can. The answer is valid until the next call.
func (c *wordCache) info(g *match.Gazetteer, key []byte) *tokInfo {
	var kw wcKey
	switch {
	case len(key) <= 8 && cap(key) >= 8:
		// The common case, inline: a short key with room after it.
		kw = wcKey{binary.LittleEndian.Uint64(key[:8]) & token.LowBytes(len(key)), 0, uint64(len(key)+1) << 56}
	case len(key) > 8 && len(key) <= 16 && cap(key) >= 16:
		// Longer words, most of them, also inline.
		kw = wcKey{binary.LittleEndian.Uint64(key[:8]), binary.LittleEndian.Uint64(key[8:16]) & token.LowBytes(len(key)-8), uint64(len(key)+1) << 56}
	case len(key) > wcKeyMax:
		c.long = infoOf(g, g.Word(key))
		return &c.long
	default:
		kw = wcKeyOf(key)
	}
	set := c.set(&kw)
	if set[0].key == kw {
		return &set[0].tokInfo
	}
	if set[1].key == kw {
		set[0], set[1] = set[1], set[0]
		return &set[0].tokInfo
	}
	return c.fill(g, set, kw, key)
}

// key16 writes the key of text[st:st+ln] into dst, padded with zeros, and
// returns what info returns for it, when the token is ASCII and two-byte
// Latin-1 letters (see token.Latin1Key), or one rune of general
// punctuation (punctKey), and no letter is cut between its eighth and
// ninth byte: ln <= 16 and the text holds 16 bytes from st. ok is false,
// and dst left as it was, for other tokens. The caller's keys take the key
// as dst[:ln].
//
// It takes the ASCII words of nine to 16 bytes and the shorter words with
// umlauts, which the tagger's loop does not take inline; the words with
// umlauts (one in eight) took token.AppendKeyAt's loop and info's call
// (1,200 instructions more per document). (It took and returned the
// caller's keys, a slice, as append does: 2,000 instructions more per
// document on the 10kGNAD texts, 2,400 on the articles, in the call and
// its results.)
func (c *wordCache) key16(g *match.Gazetteer, dst *[16]byte, text string, st, ln int) (ti *tokInfo, ok bool) {
	// token.ShortKey, inlined, for ASCII; token.Latin1Key, a call, for the
	// others.
	x0, ln0 := token.Load8(text, st), min(ln, 8)
	w0, ok := token.ShortKey(x0, ln0)
	if !ok {
		w0, ok = token.Latin1Key(x0, ln0)
	}
	if !ok && ln == 3 {
		w0, ok = punctKey(x0) // „ “ –
	}
	var w1 uint64
	if ok && ln > 8 {
		x1 := token.Load8(text, st+8)
		if w1, ok = token.ShortKey(x1, ln-8); !ok {
			w1, ok = token.Latin1Key(x1, ln-8)
		}
	}
	if !ok {
		return nil, false
	}
	binary.LittleEndian.PutUint64(dst[:8], w0)
	binary.LittleEndian.PutUint64(dst[8:], w1)
	kw := wcKey{w0, w1, uint64(ln+1) << 56}
	set := c.set(&kw)
	if set[0].key == kw {
		return &set[0].tokInfo, true
	}
	if set[1].key == kw {
		return &set[1].tokInfo, true
	}
	return c.fill(g, set, kw, dst[:ln]), true
}

// punctKey returns the key of a token of three bytes that is one rune of
// general punctuation (U+2000 to U+203F: „ “ – …) but ’, as a little-endian
// word padded with zeros, as token.ShortKey does for ASCII; w holds the
// eight bytes of text from the token's start. Such a rune has no case:
// its key is its bytes (see token.AppendKey). ok is false for other
// tokens. The quotes and dashes of news text took token.AppendKeyAt's
// loop and info's call after key16: 1,300 instructions per document
// (500 on the 10kGNAD texts).
func punctKey(w uint64) (key uint64, ok bool) {
	if w&0xC0FFFF != 0x8080E2 || w>>16&0xFF == 0x99 {
		return 0, false
	}
	return w & 0xFFFFFF, true
}

// set returns the two slots where a key of words kw is cached: two-way set
// associative. fill brings a new key into the first slot, the first slot's
// key into the second and the second's out; info moves a key it finds in
// the second slot to the first, and the hits that callers find inline stay
// where they are.
func (c *wordCache) set(kw *wcKey) *[2]wcSlot { return &c.sets[kw.set()] }

// fill is info after a miss in both slots of the key's set, which its
// callers ask inline: it asks the gazetteer. (Asking the second slot again
// here cost 400 instructions per document on the 10kGNAD texts, and the
// call of setInfo for a key the gazetteer lacks, most keys here, 700.)
func (c *wordCache) fill(g *match.Gazetteer, set *[2]wcSlot, kw wcKey, key []byte) *tokInfo {
	set[1] = set[0]
	sl := &set[0]
	sl.key = kw
	// g.WordWords, its filter inline. (A wcKey is the key's
	// match.KeyWords: TestWcKeyWords.)
	if g.MayHaveWords((*[3]uint64)(&kw)) {
		if w := g.FindWord(key); w != nil {
			setInfo(g, &sl.tokInfo, w)
			return &sl.tokInfo
		}
	}
	sl.tokInfo = tokInfo{}
	return &sl.tokInfo
}

// lookup returns what the gazetteer knows of a key (g.Word), through the
// cache.
func (s *scratch) lookup(key []byte) *match.Word { return s.wc.word(s.g, key) }

// cands returns the readings of a key (g.Cands), through the cache.
func (s *scratch) cands(key []byte) []match.Cand {
	if w := s.lookup(key); w != nil {
		return w.Cands
	}
	return nil
}

// keyCache remembers a pure function of keys for recent keys, in a
// two-way set-associative table like wordCache's. compoundCache and
// nounCache are two.
type keyCache[V any] struct {
	slots []kcSlot[V]
}

const kcKeyMax = 54 // longer keys are not cached

// kcSlot is 64 bytes, one cache line, for values of up to 9 bytes.
type kcSlot[V any] struct {
	v   V
	n   uint8 // key length + 1; 0 when empty
	key [kcKeyMax]byte
}

func newKeyCache[V any](bits int) *keyCache[V] {
	return &keyCache[V]{slots: make([]kcSlot[V], 1<<bits)}
}

func (sl *kcSlot[V]) is(key []byte) bool {
	return int(sl.n) == len(key)+1 && string(sl.key[:len(key)]) == string(key)
}

// get returns f(g, key), from the cache when it can.
func (c *keyCache[V]) get(g *match.Gazetteer, key []byte, f func(*match.Gazetteer, []byte) V) V {
	if len(key) > kcKeyMax {
		return f(g, key)
	}
	set := c.slots[wcHash(key)&uint32(len(c.slots)-2):][:2]
	if set[0].is(key) {
		return set[0].v
	}
	if set[1].is(key) {
		set[0], set[1] = set[1], set[0]
		return set[0].v
	}
	v := f(g, key)
	set[1] = set[0]
	sl := &set[0]
	sl.v, sl.n = v, uint8(len(key)+1)
	copy(sl.key[:], key)
	return v
}

// slot returns where c keeps the value of key, and whether it holds it
// there: for get's callers whose function is no func(g, key). When it does
// not, the slot is made key's, and the caller stores the value in it before
// it asks c again. It returns nil for a key too long to cache.
func (c *keyCache[V]) slot(key []byte) (*V, bool) {
	if len(key) > kcKeyMax {
		return nil, false
	}
	set := c.slots[wcHash(key)&uint32(len(c.slots)-2):][:2]
	if set[0].is(key) {
		return &set[0].v, true
	}
	if set[1].is(key) {
		set[0], set[1] = set[1], set[0]
		return &set[0].v, true
	}
	set[1] = set[0]
	sl := &set[0]
	sl.n = uint8(len(key) + 1)
	copy(sl.key[:], key)
	return &sl.v, false
}

// compoundCache remembers Gazetteer.Compound: a capitalized long word is
// tried against every prefix length the prefix table allows, one map probe
// each, and the same words come back in every text.
type compoundCache = keyCache[compoundAnswer]

// compoundAnswer is what Gazetteer.Compound returns.
type compoundAnswer struct {
	entry int32
	len   uint8 // at most kcKeyMax
	ok    bool
}

func compoundOf(g *match.Gazetteer, key []byte) compoundAnswer {
	e, n, ok := g.Compound(key)
	return compoundAnswer{e, uint8(n), ok}
}

// compound returns g.Compound(key), from the cache when it can. Most keys
// fail Gazetteer.MayCompound, which is cheaper than the cache's hash and
// probe: only the others are cached (on the 10kGNAD texts, where a key
// missing in the word cache mostly misses here too, 23,500 -> 6,400
// instructions per document).
func (s *scratch) compound(key []byte) (int32, int, bool) {
	if !s.g.MayCompound(key) {
		return 0, 0, false
	}
	if len(key) > kcKeyMax {
		return s.g.Compound(key)
	}
	a := s.cc.get(s.g, key, compoundOf)
	return a.entry, int(a.len), a.ok
}

// nounCache remembers Gazetteer.IsNoun, which stems its key.
type nounCache = keyCache[bool]

// isNounKey returns g.IsNoun(key), from the cache when it can.
func (s *scratch) isNounKey(key []byte) bool { return s.nc.get(s.g, key, (*match.Gazetteer).IsNoun) }
