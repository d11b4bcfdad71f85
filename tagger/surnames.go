package tagger

import "bytes"

// surnameTable maps the keys of the surnames of people named in full in one
// text to the people, for corefSurnames: open addressing with linear
// probing over keys that stay in the text's scratch.keys, so that adding a
// surname copies no string (a Go map of strings did, for each surname).
// It also keeps a wordFilter of the keys and their genitives (Scholz →
// scholzs, scholz'), which rejects most words, genitive or not, with one
// bit probe.
type surnameTable struct {
	slots  []int32 // 1 + the index in names; 0 marks an empty slot. A power of two long.
	names  []surnameEntry
	filter wordFilter
	gen    []byte // add's stand-in for a genitive (see add)
}

type surnameEntry struct {
	key []byte
	p   person
}

// reset empties the table for at most n surnames.
func (t *surnameTable) reset(n int) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	t.slots = resize(t.slots, size)
	clear(t.slots)
	clear(t.names) // drop the last text's keys and names
	t.names = t.names[:0]
	t.filter = wordFilter{}
}

// slot returns the index in slots of key, or of the empty slot where it
// would go.
func (t *surnameTable) slot(key []byte) int {
	mask := len(t.slots) - 1
	for j := int(wcHash(key)) & mask; ; j = (j + 1) & mask {
		if k := t.slots[j]; k == 0 || bytes.Equal(t.names[k-1].key, key) {
			return j
		}
	}
}

// add records p under key unless the key has a person already (the first
// person named keeps the surname). The key must stay unchanged while the
// table is used; reset's n must allow for the surname.
func (t *surnameTable) add(key []byte, p person) {
	j := t.slot(key)
	if t.slots[j] != 0 {
		return
	}
	t.names = append(t.names, surnameEntry{key, p})
	t.slots[j] = int32(len(t.names))
	t.filter.add(key)
	// The genitives, so that corefSurnames probes the filter once per
	// word (saving 1,700 instructions per document): a text names a few
	// people, and has a hundred capitalized words. The filter reads a
	// word's length and its first and last bytes only, so gen stands for
	// the genitive with those alone set (copying the key cost 150
	// instructions a surname).
	if len(key) == 0 {
		return
	}
	n := len(key) + 1
	t.gen = resize(t.gen, n)
	t.gen[0] = key[0]
	for _, end := range []byte{'s', '\''} {
		t.gen[n-1] = end
		t.filter.add(t.gen)
	}
}

// get returns the person whose surname is key.
func (t *surnameTable) get(key []byte) (person, bool) {
	if len(t.names) == 0 || !t.filter.mayBytes(key) {
		return person{}, false
	}
	if k := t.slots[t.slot(key)]; k != 0 {
		return t.names[k-1].p, true
	}
	return person{}, false
}

// mayEnds is mayBytes for a non-empty word given by its first and last
// bytes and its length, the parts of it the filter reads, so that a caller
// need not make the word's slice to ask.
func (f *wordFilter) mayEnds(first, last byte, n int) bool {
	h := ((uint32(first)*31+uint32(last))*31 + uint32(n)) & 4095
	return f.bits[h/64]&(1<<(h%64)) != 0
}
