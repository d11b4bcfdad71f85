package tagger

import (
	"strings"

	"github.com/etikett-nlp/etikett/lexicon"
)

// Per-text indexes and prefilters that spare the rules linear scans of the
// mentions and hash lookups for most tokens.

// mentionIndex finds the mentions that start at a token without scanning
// them all: at[i] is 1 + the index in scratch.ments of the first mention
// added that starts at token i (0: none), next[k] 1 + the index of the next
// one after mention k. Mentions keep their index and start until
// scratch.live compacts them, after the rules.
// span is the largest number of tokens a mention has covered, so that the
// mentions ending at a token are found among those starting at most span
// tokens before it.
type mentionIndex struct {
	at   []int32
	next []int32
	span int32
}

func (x *mentionIndex) reset(ntoks int) {
	if cap(x.at) < ntoks {
		x.at = make([]int32, ntoks)
	}
	x.at = x.at[:ntoks]
	clear(x.at)
	x.next = x.next[:0]
	x.span = 0
}

// added records mention k, which covers tokens [start, end).
func (x *mentionIndex) added(k int, start, end int32) {
	x.grown(start, end)
	x.next = append(x.next, 0)
	p := &x.at[start]
	for *p != 0 {
		p = &x.next[*p-1]
	}
	*p = int32(k + 1)
}

// grown records that a mention now covers tokens [start, end).
func (x *mentionIndex) grown(start, end int32) { x.span = max(x.span, end-start) }

// first returns the index of the first mention starting at token i, or -1.
func (x *mentionIndex) first(i int) int { return int(x.at[i]) - 1 }

// following returns the index of the next mention starting where mention k
// does, or -1.
func (x *mentionIndex) following(k int) int { return int(x.next[k]) - 1 }

// wordFilter answers "certainly not in the set" for most words with one
// bit probe, before a map of words is asked. A word's bit is chosen by its
// length and its first and last bytes.
type wordFilter struct{ bits [64]uint64 }

func wfHash[S string | []byte](w S) uint32 {
	if len(w) == 0 {
		return 0
	}
	return (uint32(w[0])*31+uint32(w[len(w)-1]))*31 + uint32(len(w))
}

func (f *wordFilter) add(w []byte) {
	h := wfHash(w) & 4095
	f.bits[h/64] |= 1 << (h % 64)
}

func (f *wordFilter) mayBytes(w []byte) bool {
	h := wfHash(w) & 4095
	return f.bits[h/64]&(1<<(h%64)) != 0
}

// mayBeFirstName reports whether token i may be a key of Tagger.firstNames:
// New marks the key of every first name in the gazetteer (bFirstName), so a
// word token without the mark is none.
func (s *scratch) mayBeFirstName(i int) bool {
	return s.has(i, bFirstName) || !matchable(s.toks[i])
}

func (t *Tagger) hasFirstName(w string) bool {
	_, ok := t.firstNames[w]
	return ok
}

// firstNameAt is t.firstName(s.tokText(i)), asking the map only for tokens
// that may be first names or are hyphenated (Hans-Peter).
func (t *Tagger) firstNameAt(s *scratch, i int) (lexicon.FirstName, bool) {
	w := s.tokText(i)
	if !s.mayBeFirstName(i) && strings.IndexByte(w, '-') <= 0 {
		return lexicon.FirstName{}, false
	}
	return t.firstName(w)
}

// suffixList is a filter of a list of word endings by their last two
// bytes (six bits of each), so that most keys skip the list.
type suffixList struct{ pairs [64]uint64 }

func suffixesOf(list []string) *suffixList {
	l := new(suffixList)
	for _, suf := range list {
		if len(suf) < 2 {
			for k := range l.pairs {
				l.pairs[k] = ^uint64(0)
			}
			return l
		}
		p := suffixPair(suf[len(suf)-2], suf[len(suf)-1])
		l.pairs[p/64] |= 1 << (p % 64)
	}
	return l
}

func suffixPair(a, b byte) uint { return uint(a&63)<<6 | uint(b&63) }

// mayEnd reports whether key may end with one of the suffixes.
func (l *suffixList) mayEnd(key []byte) bool {
	if len(key) < 2 {
		return l.pairs[0] == ^uint64(0) // only a list with a suffix this short
	}
	p := suffixPair(key[len(key)-2], key[len(key)-1])
	return l.pairs[p/64]&(1<<(p%64)) != 0
}

var (
	streetEnds  = suffixesOf(streetSuffixes)
	toponymEnds = suffixesOf(toponymSuffixes)
	nounEnds    = suffixesOf(nounSuffixes)
)

// evidenceTable maps entries to their evidence in one text: open
// addressing with linear probing, at most half full, cleared per text. A
// text names a few dozen entities, and a Go map cost more per mention.
type evidenceTable struct {
	slots []evidenceSlot // a power of two long; entry 0 marks an empty slot
	n     int
}

type evidenceSlot struct {
	entry int32 // the entry + 1
	ev    evidence
}

const evidenceMin = 64

// evidenceMax is the largest table reset keeps (64 KiB): a longer text's
// table is dropped rather than cleared for every text after it.
const evidenceMax = 1 << 12

// reset empties the table.
func (t *evidenceTable) reset() {
	if len(t.slots) > evidenceMax {
		t.slots = nil
	}
	clear(t.slots)
	t.n = 0
}

func (t *evidenceTable) home(e int32) int {
	return int(uint32(e)*0x9e3779b1>>16) & (len(t.slots) - 1)
}

// get returns the evidence of entry e, if there is some.
func (t *evidenceTable) get(e int32) (evidence, bool) {
	if len(t.slots) == 0 {
		return evidence{}, false
	}
	mask := len(t.slots) - 1
	for j := t.home(e); ; j = (j + 1) & mask {
		switch t.slots[j].entry {
		case 0:
			return evidence{}, false
		case e + 1:
			return t.slots[j].ev, true
		}
	}
}

// slot returns the evidence of entry e to update, adding an empty one
// (ok false) when there is none.
func (t *evidenceTable) slot(e int32) (ev *evidence, ok bool) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	mask := len(t.slots) - 1
	for j := t.home(e); ; j = (j + 1) & mask {
		sl := &t.slots[j]
		switch sl.entry {
		case 0:
			sl.entry = e + 1
			t.n++
			return &sl.ev, false
		case e + 1:
			return &sl.ev, true
		}
	}
}

func (t *evidenceTable) grow() {
	old := t.slots
	t.slots = make([]evidenceSlot, max(evidenceMin, 2*len(old)))
	mask := len(t.slots) - 1
	for _, sl := range old {
		if sl.entry == 0 {
			continue
		}
		j := t.home(sl.entry - 1)
		for t.slots[j].entry != 0 {
			j = (j + 1) & mask
		}
		t.slots[j] = sl
	}
}

// orgEndingAt returns the index of the first mention added, of an
// organization (a name when names is set), that ends at token end; -1 when
// there is none.
func (s *scratch) orgEndingAt(end int, names bool) int {
	best := -1
	for j := max(0, end-int(s.mx.span)); j < end; j++ {
		for k := s.mx.first(j); k >= 0; k = s.mx.following(k) {
			m := &s.ments[k]
			if int(m.end) == end && m.typ == lexicon.ORG && (!names || m.form == FormName) && (best < 0 || k < best) {
				best = k
			}
		}
	}
	return best
}

// endsMentionAt reports a mention that covers token k and reaches past it
// to end at least.
func (s *scratch) endsMentionAt(k, end int) bool {
	for j := max(0, end-int(s.mx.span)); j <= k; j++ {
		for i := s.mx.first(j); i >= 0; i = s.mx.following(i) {
			if int(s.ments[i].end) >= end {
				return true
			}
		}
	}
	return false
}
