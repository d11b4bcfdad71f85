package topic

import (
	"errors"
	"fmt"
	"slices"

	"github.com/etikett-nlp/etikett/internal/snap"
)

// modelMagic begins the binary form of a model; bump its version when the
// layout changes.
const modelMagic = "etikett topic model v1\n"

// AppendBinary appends the binary form of the compiled model to b (it
// implements encoding.BinaryAppender). The options are not part of it:
// DecodeModel takes them. The encoding is deterministic.
func (m *Model) AppendBinary(b []byte) ([]byte, error) {
	w := &snap.Writer{Buf: append(b, modelMagic...)}
	w.Int(len(m.topics))
	for _, t := range m.topics {
		w.String(t.id)
		w.String(t.label)
		w.Varint(int64(t.parent))
		w.Varint(int64(t.root))
		w.Int(t.depth)
	}
	w.Int32s(m.order)
	// Keys in entry order (the key table is rebuilt from them).
	w.Int(len(m.entries))
	for e := range m.entries {
		w.String(string(m.keys.arena[m.keys.off[e]:m.keys.off[e+1]]))
	}
	for _, en := range m.entries {
		w.Int32s(en.low)
		w.Int32s(en.cap)
		w.Int32s(en.phrases)
	}
	w.Int(len(m.phrases))
	for _, p := range m.phrases {
		w.Strings(p.rest)
		w.Varint(int64(p.feature))
		w.Bool(p.cap)
	}
	w.Int(len(m.features))
	for _, f := range m.features {
		w.Bool(f.cue)
		w.String(f.term)
		for _, s := range f.sel.fields() {
			w.String(*s)
		}
		w.Strings(f.stems)
		w.Int(len(f.post))
		for _, p := range f.post {
			w.Varint(int64(p.topic))
			w.Float64(p.weight)
		}
		w.Bool(f.head)
		w.Bool(f.mod)
		w.Bool(f.modAlone)
		w.Varint(int64(f.rank))
	}
	appendTrie(w, m.heads)
	appendTrie(w, m.mods)
	w.Uint64s(m.headEnds.bits[:])
	w.Uint64s(m.modStarts.bits[:])
	for _, c := range m.cues {
		keys := make([]string, 0, len(c))
		for k := range c {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		w.Strings(keys)
		for _, k := range keys {
			w.Int32s(c[k])
		}
	}
	return w.Buf, nil
}

// fields returns the selector's fields in a fixed order, for encoding.
func (s *Selector) fields() [6]*string {
	return [6]*string{&s.ID, &s.Type, &s.Form, &s.Kind, &s.Country, &s.Role}
}

// appendTrie writes the number of children and the feature of each node,
// then the edges. Where each node's edges begin and the dense tables are
// made again from them (see trieBuilder.build and pack).
func appendTrie(w *snap.Writer, t *trie) {
	w.Int(len(t.nodes))
	for _, n := range t.nodes {
		w.Int(int(n.n))
		w.Varint(int64(n.feature))
	}
	for _, e := range t.edges {
		w.Buf = append(w.Buf, e.b)
		w.Int(int(e.child))
	}
}

// ErrBadModel is wrapped by the errors of DecodeModel.
var ErrBadModel = errors.New("topic: bad model data")

// DecodeModel restores a model written by AppendBinary, with the given
// options. The model's strings are substrings of data. Data that is not a
// model's binary form gives an error wrapping ErrBadModel, never a panic.
func DecodeModel(data string, opts Options) (*Model, error) {
	if len(data) < len(modelMagic) || data[:len(modelMagic)] != modelMagic {
		return nil, fmt.Errorf("%w: not a model of this version", ErrBadModel)
	}
	r := snap.NewReader(data[len(modelMagic):])
	m := decodeModel(r)
	if err := r.Err(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	if r.Remaining() != 0 {
		return nil, fmt.Errorf("%w: %d bytes after the model", ErrBadModel, r.Remaining())
	}
	if opts.MinScore <= 0 {
		opts.MinScore = DefaultMinScore
	}
	if opts.MaxTopics <= 0 {
		opts.MaxTopics = DefaultMaxTopics
	}
	m.opts = opts
	nf, nt := len(m.features), len(m.topics)
	m.pool.New = func() any { return newScratch(nf, nt) }
	return m, nil
}

func decodeModel(r *snap.Reader) *Model {
	m := &Model{}
	// Short lists come out of a few large chunks.
	var ints snap.Chunk[int32]
	var strs snap.Chunk[string]
	var posts snap.Chunk[posting]
	nt := r.Len(5)
	m.topics = make([]topicInfo, nt)
	for i := range m.topics {
		t := &m.topics[i]
		t.id = r.String()
		t.label = r.String()
		t.parent = r.Int32()
		t.root = r.Int32()
		t.depth = r.Int(nt)
		if t.parent < -1 || t.parent >= int32(nt) || t.root < 0 || t.root >= int32(nt) {
			r.Fail("bad topic %d", i)
		}
	}
	m.order = r.Int32s()
	if len(m.order) != nt {
		r.Fail("topic order of %d, want %d", len(m.order), nt)
	}
	for _, t := range m.order {
		if t < 0 || t >= int32(nt) {
			r.Fail("topic %d out of range", t)
		}
	}
	// Depth bounds the walk up to the root; a cycle in corrupt data would
	// loop forever.
	for i := range m.topics {
		t, steps := int32(i), 0
		for ; r.Err() == nil && t >= 0; t = m.topics[t].parent {
			if steps++; steps > nt {
				r.Fail("topic %d is its own ancestor", i)
			}
		}
	}
	ne := r.Len(1)
	if r.Err() != nil {
		return nil
	}
	keys := make([]string, ne)
	for i := range keys {
		keys[i] = r.String()
	}
	m.entries = make([]entry, ne)
	for i := range m.entries {
		en := &m.entries[i]
		en.low = r.Int32sIn(&ints)
		en.cap = r.Int32sIn(&ints)
		en.phrases = r.Int32sIn(&ints)
	}
	np := r.Len(3)
	if r.Err() != nil {
		return nil
	}
	m.phrases = make([]phrase, np)
	for i := range m.phrases {
		p := &m.phrases[i]
		p.rest = r.StringsIn(&strs)
		p.feature = r.Int32()
		p.cap = r.Bool()
		if len(p.rest) == 0 || len(p.rest) >= maxPhrase {
			r.Fail("phrase %d has %d more words", i, len(p.rest))
		}
	}
	nf := r.Len(13)
	if r.Err() != nil {
		return nil
	}
	m.features = make([]feature, nf)
	for i := range m.features {
		f := &m.features[i]
		f.cue = r.Bool()
		f.term = r.String()
		for _, s := range f.sel.fields() {
			*s = r.String()
		}
		f.stems = r.StringsIn(&strs)
		for _, st := range f.stems {
			if st == "" {
				r.Fail("empty stem")
			}
		}
		np := r.Len(2)
		if r.Err() != nil {
			return nil
		}
		f.post = posts.Take(np)
		for j := range f.post {
			f.post[j].topic = r.Int32()
			f.post[j].weight = r.Float64()
			if f.post[j].topic < 0 || f.post[j].topic >= int32(nt) {
				r.Fail("posting to topic %d out of range", f.post[j].topic)
			}
		}
		f.head = r.Bool()
		f.mod = r.Bool()
		f.modAlone = r.Bool()
		f.rank = r.Int32()
		if f.rank < 0 || f.rank >= int32(nf) {
			r.Fail("rank %d out of range", f.rank)
		}
	}
	if r.Err() != nil {
		return nil
	}
	for i := range m.entries {
		en := &m.entries[i]
		for _, list := range [][]int32{en.low, en.cap} {
			for _, f := range list {
				if f < 0 || f >= int32(nf) {
					r.Fail("feature %d out of range", f)
				}
			}
		}
		for _, p := range en.phrases {
			if p < 0 || p >= int32(np) {
				r.Fail("phrase %d out of range", p)
			}
		}
	}
	for _, p := range m.phrases {
		if p.feature < 0 || p.feature >= int32(nf) {
			r.Fail("feature %d out of range", p.feature)
		}
	}
	m.heads = readTrie(r, int32(ne))
	m.mods = readTrie(r, int32(ne))
	copy(m.headEnds.bits[:], r.Uint64s())
	copy(m.modStarts.bits[:], r.Uint64s())
	for i := range m.cues {
		keys := r.Strings()
		m.cues[i] = make(map[string][]int32, len(keys))
		for _, k := range keys {
			list := r.Int32sIn(&ints)
			for _, f := range list {
				if f < 0 || f >= int32(nf) {
					r.Fail("cue feature %d out of range", f)
				}
			}
			m.cues[i][k] = list
		}
	}
	if r.Err() != nil {
		return nil
	}
	m.keys = newKeyTable(keys)
	return m
}

func readTrie(r *snap.Reader, features int32) *trie {
	t := &trie{}
	nn := r.Len(2)
	if r.Err() != nil || nn == 0 {
		r.Fail("trie without a root")
		return t
	}
	t.nodes = make([]tnode, nn)
	ne, dense := 0, 0
	for i := range t.nodes {
		n := &t.nodes[i]
		k := r.Int(256)
		n.first, n.n, n.dense = int32(ne), int32(k), -1
		ne += k
		n.feature = r.Int32()
		if n.feature < -1 || n.feature >= features {
			r.Fail("trie feature %d out of range", n.feature)
			return t
		}
		if i > 0 && k >= denseMin {
			n.dense = int32(dense)
			dense++
		}
	}
	if ne > r.Remaining()/2 {
		r.Fail("%d trie edges, %d bytes left", ne, r.Remaining())
		return t
	}
	t.edges = make([]tedge, ne)
	for i := range t.edges {
		raw := r.Raw(1)
		if r.Err() != nil {
			return t
		}
		t.edges[i] = tedge{b: raw[0], child: int32(r.Int(nn - 1))}
		if t.edges[i].child == 0 {
			r.Fail("trie edge to the root")
			return t
		}
	}
	if dense > 0 {
		t.dense = make([][256]int32, dense)
	}
	for i := range t.nodes {
		if n := &t.nodes[i]; n.dense >= 0 {
			for _, e := range t.edges[n.first : n.first+n.n] {
				t.dense[n.dense][e.b] = e.child
			}
		}
	}
	t.pack()
	return t
}
