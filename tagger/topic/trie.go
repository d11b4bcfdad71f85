package topic

import (
	"math/bits"
	"slices"
)

// trie is a byte trie over keys, built once, used to find the longest
// keyword at the start (modifier) or, built over reversed keys, at the end
// (head) of a compound. Walking it costs one small edge scan per byte.
type trie struct {
	nodes []tnode
	edges []tedge
	dense [][256]int32 // direct child tables of the root, of nodes with many children and (one) of leaves
}

// denseMin is the number of children from which a node gets a direct table.
const denseMin = 6

type tnode struct {
	first, n int32 // edges[first:first+n], sorted by byte
	dense    int32 // index in trie.dense, or -1
	feature  int32 // value of the key ending here; -1 when none
	// The bytes of the edges of a node without a dense table (fewer than
	// denseMin, so at most 8), from the low byte up, the first repeated
	// after the last, for child to find a byte among them at once (see
	// pack).
	bytes uint64
}

type tedge struct {
	b     byte
	child int32
}

// trieBuilder collects keys before they are flattened into a trie.
type trieBuilder struct {
	kids    []map[byte]int32
	feature []int32
}

func newTrieBuilder() *trieBuilder {
	return &trieBuilder{kids: []map[byte]int32{{}}, feature: []int32{-1}}
}

func (b *trieBuilder) add(key []byte, feature int32) {
	n := int32(0)
	for _, c := range key {
		next, ok := b.kids[n][c]
		if !ok {
			next = int32(len(b.kids))
			b.kids = append(b.kids, map[byte]int32{})
			b.feature = append(b.feature, -1)
			b.kids[n][c] = next
		}
		n = next
	}
	if b.feature[n] < 0 {
		b.feature[n] = feature
	}
}

func (b *trieBuilder) build() *trie {
	t := &trie{nodes: make([]tnode, len(b.kids))}
	var cs []byte
	for i, kids := range b.kids {
		t.nodes[i] = tnode{first: int32(len(t.edges)), n: int32(len(kids)), feature: b.feature[i], dense: -1}
		cs = cs[:0]
		for c := range kids {
			cs = append(cs, c)
		}
		slices.Sort(cs)
		for _, c := range cs {
			child := kids[c]
			t.edges = append(t.edges, tedge{b: c, child: child})
		}
		// Nodes with many children get a direct table: a linear scan over
		// them would dominate the walk.
		if i > 0 && len(kids) >= denseMin {
			t.nodes[i].dense = int32(len(t.dense))
			var tab [256]int32
			for c, child := range kids {
				tab[c] = child
			}
			t.dense = append(t.dense, tab)
		}
	}
	t.pack()
	return t
}

// pack sets the bytes of the nodes without a dense table that have
// children, and gives the nodes without children a dense table without
// children (one for all), so that child finds a child, or none, without a
// loop (2,900 instructions per document less on the 10kGNAD texts than
// scanning the edges). The root, where every walk starts, gets a dense
// table too, so that child has no case of its own for it (400 less).
// The trie is made by trieBuilder.build or readTrie, which then call
// pack.
func (t *trie) pack() {
	const _ uint = 8 - (denseMin - 1) // nodes without a dense table have at most 8 edges
	empty := int32(-1)
	for i := range t.nodes {
		nd := &t.nodes[i]
		switch {
		case nd.dense >= 0:
		case i == 0:
			var tab [256]int32
			for _, e := range t.edges[nd.first : nd.first+nd.n] {
				tab[e.b] = e.child
			}
			nd.dense = int32(len(t.dense))
			t.dense = append(t.dense, tab)
		case nd.n == 0:
			if empty < 0 {
				empty = int32(len(t.dense))
				t.dense = append(t.dense, [256]int32{})
			}
			nd.dense = empty
		default:
			edges := t.edges[nd.first : nd.first+nd.n]
			nd.bytes = 0
			for k := 7; k >= 0; k-- {
				b := edges[0].b
				if k < len(edges) {
					b = edges[k].b
				}
				nd.bytes = nd.bytes<<8 | uint64(b)
			}
		}
	}
}

func (t *trie) child(n int32, c byte) int32 {
	return t.childOf(&t.nodes[n], c)
}

// childOf is child for node nd: a walk reads a node's feature and then
// its child from the same pointer (1,200 instructions per document less on
// the 10kGNAD texts than looking the node up twice).
func (t *trie) childOf(nd *tnode, c byte) int32 {
	if nd.dense >= 0 {
		return t.dense[nd.dense][c]
	}
	// The lowest byte of nd.bytes equal to c, if any: the lowest zero byte
	// of x, which the classic test finds exactly (it may flag bytes above
	// it too).
	const ones = 0x0101010101010101
	x := nd.bytes ^ uint64(c)*ones
	z := (x - ones) &^ x & highBits
	if z == 0 {
		return 0
	}
	return t.edges[nd.first+int32(bits.TrailingZeros64(z)/8)].child
}

// longestPrefix returns the feature of the longest key that is a prefix of
// k no longer than max bytes, and its length; -1, 0 when there is none.
func (t *trie) longestPrefix(k []byte, max int) (feature int32, n int) {
	feature = -1
	nd := &t.nodes[0]
	for i := 0; i < len(k) && i < max; i++ {
		node := t.childOf(nd, k[i])
		if node == 0 {
			break
		}
		nd = &t.nodes[node]
		if nd.feature >= 0 {
			feature, n = nd.feature, i+1
		}
	}
	return feature, n
}

// longestSuffix walks a trie of reversed keys and returns the feature of the
// longest key that is a suffix of k starting at or after byte min, and the
// start of that suffix; -1, len(k) when there is none.
func (t *trie) longestSuffix(k []byte, min int) (feature int32, start int) {
	feature, start = -1, len(k)
	nd := &t.nodes[0]
	for i := len(k) - 1; i >= min; i-- {
		node := t.childOf(nd, k[i])
		if node == 0 {
			break
		}
		nd = &t.nodes[node]
		if nd.feature >= 0 {
			feature, start = nd.feature, i
		}
	}
	return feature, start
}
