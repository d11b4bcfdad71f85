package match

import "math/bits"

// strTable is a set of byte strings numbered in insertion order: the
// strings lie end to end in one byte arena, and an open-addressing table
// (linear probing, at most half full) maps them to their numbers. Each slot
// holds the number plus one in its low 32 bits and the upper half of the
// string's hash in its high 32 bits, so that a miss rarely touches the
// arena. A few large arrays instead of a Go map of strings: building one
// from a snapshot costs no allocation per string, and the garbage collector
// has nothing to trace in it. The hash is hashKey.
type strTable struct {
	arena []byte
	off   []uint32 // string i is arena[off[i]:off[i+1]]
	slots []uint64
	mask  uint64
}

func newStrTable(n, arenaBytes int) *strTable {
	t := &strTable{arena: make([]byte, 0, arenaBytes), off: make([]uint32, 1, n+1)}
	t.resize(n)
	return t
}

// resize makes room for n strings.
func (t *strTable) resize(n int) { t.rebuild(n, nil) }

// rebuild makes room for n strings and places those there are, passing
// their hashes to each when it is not nil.
//
// A large table is filled in the order of the strings' home slots rather
// than string by string: the slots are written front to back instead of at
// random, which saves most of the cache misses.
func (t *strTable) rebuild(n int, each func(h uint64)) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	t.slots = make([]uint64, size)
	t.mask = uint64(size - 1)
	cnt := t.len()
	const bucketBits = 12
	if size < 1<<(bucketBits+4) {
		for i := range cnt {
			h := t.hash(t.arena[t.off[i]:t.off[i+1]])
			t.place(h, i)
			if each != nil {
				each(h)
			}
		}
		return
	}
	hs := make([]uint64, cnt)
	for i := range hs {
		h := t.hash(t.arena[t.off[i]:t.off[i+1]])
		hs[i] = h
		if each != nil {
			each(h)
		}
	}
	// Counting sort by the top bits of the home slot.
	shift := uint(bits.Len64(t.mask)) - bucketBits
	var start [1<<bucketBits + 1]int32
	for _, h := range hs {
		start[(h&t.mask)>>shift+1]++
	}
	for b := 1; b < len(start); b++ {
		start[b] += start[b-1]
	}
	order := make([]int32, cnt)
	for i, h := range hs {
		b := (h & t.mask) >> shift
		order[start[b]] = int32(i)
		start[b]++
	}
	for _, i := range order {
		t.place(hs[i], int(i))
	}
}

func (t *strTable) len() int { return len(t.off) - 1 }

func (t *strTable) at(i int) []byte { return t.arena[t.off[i]:t.off[i+1]] }

func (t *strTable) hash(key []byte) uint64 { return hashKey(key) }

func (t *strTable) place(h uint64, i int) {
	for j := h & t.mask; ; j = (j + 1) & t.mask {
		if t.slots[j] == 0 {
			t.slots[j] = h&^0xffffffff | uint64(i+1)
			return
		}
	}
}

// find returns the number of key, whose hash is h, or -1.
func (t *strTable) find(key []byte, h uint64) int { return find(t, key, h) }

// find is strTable.find for string and byte slice keys.
func find[K string | []byte](t *strTable, key K, h uint64) int {
	tag := h &^ 0xffffffff
	for j := h & t.mask; ; j = (j + 1) & t.mask {
		s := t.slots[j]
		if s == 0 {
			return -1
		}
		if s&^0xffffffff == tag {
			i := int(uint32(s)) - 1
			if string(t.arena[t.off[i]:t.off[i+1]]) == string(key) {
				return i
			}
		}
	}
}

// add returns the number of key, whose hash is h, adding it when new.
func (t *strTable) add(key string, h uint64) (i int, added bool) {
	if i := find(t, key, h); i >= 0 {
		return i, false
	}
	i = t.len()
	t.arena = append(t.arena, key...)
	t.off = append(t.off, uint32(len(t.arena)))
	if 2*t.len() > len(t.slots) {
		t.resize(t.len())
	} else {
		t.place(h, i)
	}
	return i, true
}

// addString is add for a key without a known hash.
func (t *strTable) addString(key string) (int, bool) { return t.add(key, hashKey(key)) }

// edgeTable maps the trie's edge keys (see edgeKey) to child nodes: open
// addressing with linear probing over inline key/child pairs, at most half
// full. A child is never the root, so child 0 marks an empty slot.
type edgeTable struct {
	slots []edgeSlot
	shift uint8
}

type edgeSlot struct {
	key   uint64
	child uint32
	term  int32 // Gazetteer.term[child], so that walk reads one cache line (see setTerms)
}

func newEdgeTable(n int) edgeTable {
	var t edgeTable
	t.resize(n)
	return t
}

func (t *edgeTable) resize(n int) {
	old := t.slots
	bits := uint8(4)
	for 1<<bits < 2*n {
		bits++
	}
	t.slots = make([]edgeSlot, 1<<bits)
	t.shift = 64 - bits
	for _, s := range old {
		if s.child != 0 {
			t.place(s.key, s.child, s.term)
		}
	}
}

func (t *edgeTable) slot(key uint64) uint64 { return (key * 0x9e3779b97f4a7c15) >> t.shift }

func (t *edgeTable) place(key uint64, child uint32, term int32) {
	mask := uint64(len(t.slots) - 1)
	for j := t.slot(key); ; j = (j + 1) & mask {
		if t.slots[j].child == 0 {
			t.slots[j] = edgeSlot{key, child, term}
			return
		}
	}
}

// placeAll places the edges keys[i] → children[i] of a new table, in
// the order of their home slots (see strTable.rebuild), with the terms
// term[children[i]].
func (t *edgeTable) placeAll(keys []uint64, children []uint32, term []int32) {
	const bucketBits = 10
	bits := 64 - uint(t.shift)
	if bits <= bucketBits+4 {
		for i, k := range keys {
			t.place(k, children[i], term[children[i]])
		}
		return
	}
	var start [1<<bucketBits + 1]int32
	for _, k := range keys {
		start[t.slot(k)>>(bits-bucketBits)+1]++
	}
	for b := 1; b < len(start); b++ {
		start[b] += start[b-1]
	}
	order := make([]int32, len(keys))
	for i, k := range keys {
		b := t.slot(k) >> (bits - bucketBits)
		order[start[b]] = int32(i)
		start[b]++
	}
	for _, i := range order {
		t.place(keys[i], children[i], term[children[i]])
	}
}

// get returns the child at the end of edge key, or 0, false.
func (t *edgeTable) get(key uint64) (uint32, bool) {
	mask := uint64(len(t.slots) - 1)
	for j := t.slot(key); ; j = (j + 1) & mask {
		s := &t.slots[j]
		if s.child == 0 {
			return 0, false
		}
		if s.key == key {
			return s.child, true
		}
	}
}

// getTerm is get that also returns the first entry ending at the child
// (Gazetteer.term), once setTerms has been called.
func (t *edgeTable) getTerm(key uint64) (uint32, int32, bool) {
	mask := uint64(len(t.slots) - 1)
	for j := t.slot(key); ; j = (j + 1) & mask {
		s := &t.slots[j]
		if s.child == 0 {
			return 0, -1, false
		}
		if s.key == key {
			return s.child, s.term, true
		}
	}
}

// setTerms copies term[child] into each edge's slot.
func (t *edgeTable) setTerms(term []int32) {
	for j := range t.slots {
		if s := &t.slots[j]; s.child != 0 {
			s.term = term[s.child]
		}
	}
}

// put adds an edge; n is the number of edges after it, for growing.
func (t *edgeTable) put(key uint64, child uint32, n int) {
	if 2*n > len(t.slots) {
		t.resize(n)
	}
	t.place(key, child, -1)
}
