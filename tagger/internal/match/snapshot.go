package match

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/etikett-nlp/etikett/internal/snap"
	"github.com/etikett-nlp/etikett/lexicon"
)

// The binary form of a gazetteer (see AppendBinary) holds its entries and
// every table as flat lists, in four sections that Decode reads in
// parallel. The key table comes with the slot of each key (its hash,
// hashKey, is fixed), so Decode fills it without probing; the small tables
// and the trie's edge table are built again. Version the format of the
// enclosing snapshot when changing it.

// AppendBinary appends the binary form of g to b: the lexicon entries, the
// token keys with their readings, the trie and the compound tables. Decode
// restores it. The encoding is deterministic: the same lexicon always gives
// the same bytes.
func (g *Gazetteer) AppendBinary(b []byte) ([]byte, error) {
	w := &snap.Writer{Buf: b}
	z := sizes{entries: len(g.Entries), keys: g.keys.len(), slots: len(g.keys.slots),
		arena: len(g.keys.arena), nodes: int(g.nodes)}
	for _, e := range g.Entries {
		z.entryStrs += len(e.Aliases) + len(e.Adj) + len(e.Demonyms)
	}
	for i := range g.info {
		z.cands += len(g.info[i].Cands)
	}
	for _, v := range z.list() {
		w.Int(*v)
	}
	sec := &snap.Writer{}
	section := func() {
		w.String(string(sec.Buf))
		sec.Buf = sec.Buf[:0]
	}
	if err := appendEntries(sec, g.Entries); err != nil {
		return b, err
	}
	section()
	g.appendKeys(sec)
	section()
	g.appendTrie(sec)
	section()
	// Compound tables.
	order := appendTable(sec, g.prefixes)
	sec.Int(len(order))
	for _, i := range order {
		sec.Varint(int64(g.prefixOf[i]))
	}
	appendTable(sec, g.heads)
	appendTable(sec, g.nouns)
	section()
	return w.Buf, nil
}

// appendKeys writes the keys and their readings. The keys come in the
// order of their slots in the key table, with the gaps between the slots,
// so that loading places them at once (their hash, hashKey, is fixed).
func (g *Gazetteer) appendKeys(w *snap.Writer) {
	t := g.keys
	order := make([]int, 0, t.len())
	gaps := &snap.Writer{}
	prev := -1
	for j, s := range t.slots {
		if s != 0 {
			order = append(order, int(uint32(s))-1)
			gaps.Int(j - prev - 1)
			prev = j
		}
	}
	w.Int(len(t.slots))
	w.Int(len(order))
	for _, i := range order {
		w.Int(len(t.at(i)))
	}
	w.Int(len(t.arena))
	for _, i := range order {
		w.Buf = append(w.Buf, t.at(i)...)
	}
	w.String(string(gaps.Buf))
	total := 0
	for i := range g.info {
		total += len(g.info[i].Cands)
	}
	w.Int(total)
	// Per key a header, number of readings << 3 | has deriv << 2 | has
	// role << 1 | has bits, then what it announces.
	for _, i := range order {
		x := &g.info[i]
		h := uint64(len(x.Cands)) << 3
		if x.Deriv.How != 0 {
			h |= 4
		}
		if x.role != 0 {
			h |= 2
		}
		if x.Bits != 0 {
			h |= 1
		}
		w.Uvarint(h)
		for _, c := range x.Cands {
			w.Uvarint(uint64(c.Word)<<2 | uint64(c.How))
		}
		if x.Deriv.How != 0 {
			w.Uvarint(uint64(x.Deriv.Entry)<<2 | uint64(x.Deriv.How))
		}
		if x.role != 0 {
			w.Uvarint(uint64(x.role))
		}
		if x.Bits != 0 {
			w.Uvarint(uint64(x.Bits))
		}
	}
	w.Strings(g.roleNames)
}

// appendTrie writes the name words (which begin a name), and the trie: the
// edge into each node but the root, and what ends there.
func (g *Gazetteer) appendTrie(w *snap.Writer) {
	w.Uvarint(uint64(g.words))
	bits := make([]byte, (g.words+7)/8)
	for i, s := range g.starts {
		if s {
			bits[i/8] |= 1 << (i % 8)
		}
	}
	w.Buf = append(w.Buf, bits...)
	w.Uvarint(uint64(g.nodes))
	into := make([]uint64, g.nodes)
	for _, s := range g.edges.slots {
		if s.child != 0 {
			into[s.child] = s.key
		}
	}
	for node := uint32(1); node < g.nodes; node++ {
		k := into[node]
		w.Uvarint(k >> 34)                  // parent
		w.Uvarint(k & (1<<34 - 1))          // word, case
		w.Uvarint(uint64(g.term[node] + 1)) // first entry + 1
	}
	more := make([]uint32, 0, len(g.moreTerm))
	for node := range g.moreTerm {
		more = append(more, node)
	}
	slices.Sort(more)
	w.Int(len(more))
	for _, node := range more {
		w.Uvarint(uint64(node))
		w.Int32s(g.moreTerm[node])
	}
	w.Int(g.maxLen)
}

// appendTable writes the strings of t sorted, each as the length of the
// prefix it shares with the one before and the rest, and returns their
// numbers in that order.
func appendTable(w *snap.Writer, t *strTable) []int {
	order := make([]int, t.len())
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return bytes.Compare(t.at(a), t.at(b)) })
	w.Int(len(order))
	w.Int(len(t.arena))
	var prev []byte
	for _, i := range order {
		s := t.at(i)
		n := 0
		for n < len(s) && n < len(prev) && s[n] == prev[n] {
			n++
		}
		w.Int(n)
		w.Int(len(s) - n)
		w.Buf = append(w.Buf, s[n:]...)
		prev = s
	}
	return order
}

// readTable reads a table written by appendTable and builds its slots,
// passing the hash of each string to each (when not nil); extra is the
// number of strings it should have room for without growing.
func readTable(r *snap.Reader, extra int, each func(h uint64)) *strTable {
	t := readStrings(r, extra)
	if r.Err() == nil {
		t.rebuild(t.len()+extra, each)
	}
	return t
}

// readStrings reads the strings of a table written by appendTable, leaving
// its slots to be built.
func readStrings(r *snap.Reader, extra int) *strTable {
	n := r.Len(2)
	size := r.Int(math.MaxInt32)
	if r.Err() != nil {
		return newStrTable(0, 0)
	}
	t := &strTable{off: make([]uint32, 1, n+1+extra)}
	t.arena = make([]byte, 0, min(size, 64*r.Remaining())+8*extra)
	prev := 0
	for range n {
		shared := r.Uvarint()
		rest := r.String()
		start := len(t.arena)
		if shared > uint64(start-prev) {
			r.Fail("shared prefix of %d bytes, the string before has %d", shared, start-prev)
		}
		if r.Err() != nil {
			return newStrTable(0, 0)
		}
		t.arena = append(t.arena, t.arena[prev:prev+int(shared)]...)
		t.arena = append(t.arena, rest...)
		t.off = append(t.off, uint32(len(t.arena)))
		prev = start
	}
	return t
}

// Entity types, for their one-byte codes.
var types = []string{lexicon.PER, lexicon.ORG, lexicon.LOC, lexicon.OTH}

// appendEntries writes the entries; short strings that repeat (type, file,
// ambig, country, kind) go through a table of their own.
func appendEntries(w *snap.Writer, entries []*lexicon.Entry) error {
	var common snap.Table
	idx := common.Index
	for _, t := range types {
		idx(t)
	}
	body := &snap.Writer{}
	strs := 0
	prevFile, prevLine := "", 0
	for _, e := range entries {
		typ := slices.Index(types, e.Type)
		if typ < 0 || e.Line < 0 {
			return fmt.Errorf("match: entry %s: type %q, line %d", e.ID, e.Type, e.Line)
		}
		// The flags say which fields follow; most entries need one byte.
		flags := uint64(typ)
		set := func(bit int, on bool) {
			if on {
				flags |= 1 << bit
			}
		}
		sameFile := e.File == prevFile && e.Line >= prevLine
		set(fKind, e.Kind != "")
		set(fCountry, e.Country != "")
		set(fWikidata, e.Wikidata != "")
		set(fAliases, len(e.Aliases) > 0)
		set(fSameFile, sameFile)
		set(fAdj, len(e.Adj) > 0)
		set(fDemonyms, len(e.Demonyms) > 0)
		set(fNote, e.Note != "")
		set(fAmbig, e.Ambig != "")
		set(fCompound, e.Compound)
		body.Uvarint(flags)
		body.String(e.ID)
		body.String(e.Name)
		for _, l := range [][]string{e.Aliases, e.Adj, e.Demonyms} {
			if len(l) > 0 {
				body.Strings(l)
			}
		}
		for _, s := range []string{e.Ambig, e.Country, e.Kind} {
			if s != "" {
				body.Int(idx(s))
			}
		}
		for _, s := range []string{e.Wikidata, e.Note} {
			if s != "" {
				body.String(s)
			}
		}
		if sameFile {
			body.Int(e.Line - prevLine)
		} else {
			body.Int(idx(e.File))
			body.Int(e.Line)
		}
		prevFile, prevLine = e.File, e.Line
		strs += len(e.Aliases) + len(e.Adj) + len(e.Demonyms)
	}
	w.Strings(common.List())
	w.Int(len(entries))
	w.Int(strs)
	w.Buf = append(w.Buf, body.Buf...)
	return nil
}

// Flags of an entry's encoding; bits 0 and 1 are its type.
const (
	fKind = iota + 2
	fCountry
	fWikidata
	fAliases
	fSameFile // same file as the entry before, line as a difference
	fAdj
	fDemonyms
	fNote
	fAmbig
	fCompound
	fEnd
)

func readEntries(r *snap.Reader, pre *prealloc) []*lexicon.Entry {
	common := r.Strings()
	n := r.Len(4)
	strs := r.Len(1)
	if r.Err() == nil && (n != len(pre.entries) || strs != len(pre.strs)) {
		r.Fail("%d entries and %d strings, the header says %d and %d", n, strs, len(pre.entries), len(pre.strs))
	}
	if r.Err() != nil {
		return nil
	}
	entries, ptrs, arena := pre.entries, pre.ptrs, pre.strs
	list := func() []string {
		k := r.Int(len(arena))
		l := arena[:k:k]
		arena = arena[k:]
		for i := range l {
			l[i] = r.String()
		}
		return l
	}
	str := func() string { return r.TableString(common) }
	file, line := "", 0
	for i := range entries {
		e := &entries[i]
		flags := r.Uvarint()
		if flags >= 1<<fEnd {
			r.Fail("entry flags %#x", flags)
			return nil
		}
		has := func(bit int) bool { return flags&(1<<bit) != 0 }
		e.Type = types[flags&3]
		e.ID = r.String()
		e.Name = r.String()
		if has(fAliases) {
			e.Aliases = list()
		}
		if has(fAdj) {
			e.Adj = list()
		}
		if has(fDemonyms) {
			e.Demonyms = list()
		}
		e.Compound = has(fCompound)
		if has(fAmbig) {
			e.Ambig = str()
		}
		if has(fCountry) {
			e.Country = str()
		}
		if has(fKind) {
			e.Kind = str()
		}
		if has(fWikidata) {
			e.Wikidata = r.String()
		}
		if has(fNote) {
			e.Note = r.String()
		}
		if has(fSameFile) {
			line += r.Int(math.MaxInt32 - line)
		} else {
			file = str()
			line = r.Int(math.MaxInt32)
		}
		e.File, e.Line = file, line
		ptrs[i] = e
		if r.Err() != nil {
			return nil
		}
	}
	return ptrs
}

// Decode restores a gazetteer written by AppendBinary. Its strings are
// substrings of data. Corrupt data gives an error wrapping snap.ErrCorrupt,
// never a panic.
func Decode(data string) (*Gazetteer, error) { return DecodeWith(data, Hooks{}) }

// Hooks let a caller of DecodeWith work with parts of a gazetteer while the
// other parts are decoded. Each is called at most once, on a goroutine of
// its own, and not at all when the data are corrupt (but one may be called
// before the corruption is found).
type Hooks struct {
	// Entries is called with the entries as soon as they are read.
	Entries func([]*lexicon.Entry)
	// Keys is called as soon as the entries, the keys and their readings
	// are read: it may read the entries, look words up and Mark them, but
	// not use the trie or the compound tables.
	Keys func(*Gazetteer)
}

// DecodeWith is Decode with hooks.
func DecodeWith(data string, hooks Hooks) (*Gazetteer, error) {
	r := snap.NewReader(data)
	var z sizes
	for _, v := range z.list() {
		*v = r.Int(len(data))
	}
	if err := r.Err(); err != nil {
		return nil, fmt.Errorf("match: %w", err)
	}
	if err := z.check(len(data)); err != nil {
		return nil, fmt.Errorf("match: %w: %v", snap.ErrCorrupt, err)
	}
	// The large arrays first, all at once.
	pre := &prealloc{}
	z.allocKeys(pre)
	z.allocEntries(pre)
	z.allocTrie(pre)
	var secs [4]string
	for i := range secs {
		secs[i] = r.String()
	}
	if err := r.Err(); err != nil {
		return nil, fmt.Errorf("match: %w", err)
	}
	if r.Remaining() != 0 {
		return nil, fmt.Errorf("match: %w: %d bytes after the gazetteer", snap.ErrCorrupt, r.Remaining())
	}
	g := &Gazetteer{moreTerm: map[uint32][]int32{}}
	g.initBloom()
	g.initPrefixFilters()
	// The sections are independent; what one says of another (word ids,
	// entry numbers) is checked once all are read.
	var lim [4]limits
	var errs [4]error
	var wg sync.WaitGroup
	entries := make(chan []*lexicon.Entry, 1)
	for i, f := range []func(*snap.Reader) limits{
		func(r *snap.Reader) limits {
			e := readEntries(r, pre)
			entries <- e
			if e != nil && r.Err() == nil && hooks.Entries != nil {
				hooks.Entries(e)
			}
			return limits{}
		},
		func(r *snap.Reader) limits {
			lim := g.readKeys(r, pre)
			g.Entries = <-entries
			if r.Err() == nil && g.Entries != nil && hooks.Keys != nil {
				hooks.Keys(g)
			}
			return lim
		},
		func(r *snap.Reader) limits { return g.readTrie(r, pre) },
		func(r *snap.Reader) limits { return g.readCompound(r) },
	} {
		wg.Go(func() {
			r := snap.NewReader(secs[i])
			lim[i] = f(r)
			if r.Err() == nil && r.Remaining() != 0 {
				r.Fail("%d bytes after section %d", r.Remaining(), i)
			}
			errs[i] = r.Err()
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("match: %w", err)
		}
	}
	for _, l := range lim {
		if l.entry > len(g.Entries) || l.word > uint64(g.words) {
			return nil, fmt.Errorf("match: %w: entry %d or word %d out of range", snap.ErrCorrupt, l.entry-1, l.word-1)
		}
	}
	g.noteRoleEnds()
	return g, nil
}

// sizes are the lengths of a gazetteer's large arrays. They come before
// its sections, so that Decode allocates the arrays at once, before filling
// them: the garbage collector sees the heap grow in one step, and collects
// once or twice while a snapshot loads rather than two or three times.
type sizes struct {
	entries, entryStrs, keys, slots, arena, cands, nodes int
}

func (z *sizes) list() []*int {
	return []*int{&z.entries, &z.entryStrs, &z.keys, &z.slots, &z.arena, &z.cands, &z.nodes}
}

// check rejects sizes that data of n bytes cannot hold.
func (z *sizes) check(n int) error {
	switch {
	case z.entries > n/4 || z.entryStrs > n || z.keys > n/2 || z.arena > n || z.cands > n || z.nodes > n/3+1:
		return fmt.Errorf("sizes %+v larger than the data", *z)
	case z.nodes == 0:
		return fmt.Errorf("a trie without a root")
	case z.slots < 16 || z.slots&(z.slots-1) != 0 || z.slots <= z.keys || z.slots > 16+20*z.entries+4*z.keys:
		return fmt.Errorf("%d keys in %d slots", z.keys, z.slots)
	}
	return nil
}

// prealloc holds a gazetteer's large arrays, allocated before decoding.
type prealloc struct {
	entries []lexicon.Entry
	ptrs    []*lexicon.Entry
	strs    []string
	info    []Word
	cands   []Cand
	off     []uint32
	arena   []byte
	slots   []uint64
	edges   edgeTable
	term    []int32
}

// markRoom is how many keys a tagger may add (see Mark) without the key
// arrays growing.
const markRoom = 1 << 14

func (z *sizes) allocEntries(p *prealloc) {
	p.entries = make([]lexicon.Entry, z.entries)
	p.ptrs = make([]*lexicon.Entry, z.entries)
	p.strs = make([]string, z.entryStrs)
}

func (z *sizes) allocKeys(p *prealloc) {
	p.info = make([]Word, z.keys, z.keys+markRoom)
	p.cands = make([]Cand, z.cands)
	p.off = make([]uint32, z.keys+1, z.keys+1+markRoom)
	p.arena = make([]byte, z.arena, z.arena+8*markRoom)
	p.slots = make([]uint64, z.slots)
}

func (z *sizes) allocTrie(p *prealloc) {
	p.edges = newEdgeTable(z.nodes)
	p.term = make([]int32, z.nodes)
}

// limits are the largest entry number and word id (plus one) a section
// refers to.
type limits struct {
	entry int
	word  uint64
}

// readKeys fills the key table, the readings and the Bloom filter.
func (g *Gazetteer) readKeys(r *snap.Reader, pre *prealloc) (lim limits) {
	size := r.Int(1 << 30)
	n := r.Len(1)
	if r.Err() == nil && (size != len(pre.slots) || n != len(pre.info)) {
		r.Fail("%d keys in %d slots, the header says %d in %d", n, size, len(pre.info), len(pre.slots))
	}
	if r.Err() != nil {
		return
	}
	t := &strTable{off: pre.off, slots: pre.slots, mask: uint64(size - 1)}
	for i := range n {
		l := r.Uvarint()
		if l > uint64(r.Remaining()) || uint64(t.off[i])+l > uint64(r.Remaining()) {
			r.Fail("key table longer than the data")
			return
		}
		t.off[i+1] = t.off[i] + uint32(l)
	}
	if r.Int(r.Remaining()) != int(t.off[n]) || int(t.off[n]) != len(pre.arena) {
		r.Fail("key bytes do not add up")
	}
	raw := r.Raw(int(t.off[n]))
	gaps := r.String()
	total := r.Len(1)
	if r.Err() != nil {
		return
	}
	t.arena = pre.arena
	copy(t.arena, raw)
	g.keys = t
	// The slots and the Bloom filter are filled on another core while the
	// readings are read.
	built := make(chan error, 1)
	go func() { built <- g.placeKeys(gaps, size) }()
	defer func() {
		if err := <-built; err != nil {
			r.Fail("%v", err)
		}
	}()
	if total != len(pre.cands) {
		r.Fail("%d readings, the header says %d", total, len(pre.cands))
		return
	}
	cands := pre.cands
	g.info = pre.info
	for i := range n {
		x := &g.info[i]
		h := r.Uvarint()
		if k := h >> 3; k > 0 {
			if k > uint64(len(cands)) {
				r.Fail("%d readings, %d left", k, len(cands))
				return
			}
			x.Cands = cands[:k:k]
			cands = cands[k:]
			for j := range x.Cands {
				v := r.Uvarint()
				if v&3 > uint64(Declined) || v>>2 > 1<<32-1 {
					r.Fail("bad reading %d", v)
					return
				}
				x.Cands[j] = Cand{Word: uint32(v >> 2), How: How(v & 3)}
				lim.word = max(lim.word, v>>2+1)
			}
		}
		if h&4 != 0 {
			v := r.Uvarint()
			if v>>2 >= 1<<31 || v&3 == 0 || v&3 > uint64(Demonym) {
				r.Fail("bad derived word %d", v)
				return
			}
			x.Deriv = Deriv{Entry: int32(v >> 2), How: DerivHow(v & 3)}
			lim.entry = max(lim.entry, int(v>>2)+1)
		}
		if h&2 != 0 {
			x.role = uint8(r.Int(255))
		}
		if h&1 != 0 {
			x.Bits = r.Uint32()
		}
		if r.Err() != nil {
			return
		}
	}
	g.roleNames = r.Strings()
	for i := range n {
		if int(g.info[i].role) > len(g.roleNames) {
			r.Fail("role %d out of range", g.info[i].role)
			return
		}
	}
	return lim
}

// readTrie reads the name words and the trie.
func (g *Gazetteer) readTrie(r *snap.Reader, pre *prealloc) (lim limits) {
	nw := r.Uint32()
	bits := r.Raw(int((uint64(nw) + 7) / 8))
	if r.Err() != nil {
		return
	}
	g.words = nw
	g.starts = make([]bool, nw)
	for i := range g.starts {
		g.starts[i] = bits[i/8]&(1<<(i%8)) != 0
	}
	nodes := int(r.Uint32())
	if nodes == 0 || (nodes-1)*3 > r.Remaining() || nodes != len(pre.term) {
		r.Fail("a trie of %d nodes", nodes)
		return
	}
	g.nodes = uint32(nodes)
	g.edges = pre.edges
	g.term = pre.term
	g.term[0] = -1
	g.sizeTrieIndex(int(nw), nodes)
	keys := make([]uint64, nodes-1)
	children := make([]uint32, nodes-1)
	for node := 1; node < nodes; node++ {
		parent := r.Uvarint()
		wc := r.Uvarint()
		term := r.Uvarint()
		if parent >= uint64(node) || wc>>2 >= uint64(nw) || wc&3 > allCaps || term > 1<<31 {
			r.Fail("bad trie node %d", node)
			return
		}
		keys[node-1], children[node-1] = parent<<34|wc, uint32(node)
		g.noteEdge(uint32(parent), uint32(wc>>2), uint8(wc&3))
		g.term[node] = int32(term) - 1
		lim.entry = max(lim.entry, int(term))
	}
	g.edges.placeAll(keys, children, g.term)
	nm := r.Len(2)
	for range nm {
		node := r.Uvarint()
		list := r.Int32s()
		if node >= uint64(nodes) || len(list) == 0 {
			r.Fail("bad entry list of node %d", node)
			return
		}
		for _, e := range list {
			if e < 0 {
				r.Fail("entry %d out of range", e)
				return
			}
			lim.entry = max(lim.entry, int(e)+1)
		}
		g.moreTerm[uint32(node)] = list
	}
	g.noteMore()
	g.maxLen = r.Int(1 << 20)
	return lim
}

// placeKeys fills the key table's slots, each key at the slot the gaps
// say, and the Bloom filter.
func (g *Gazetteer) placeKeys(gaps string, size int) error {
	t := g.keys
	r := snap.NewReader(gaps)
	pos := -1
	for i := range t.len() {
		pos += 1 + r.Int(size)
		if pos >= size || t.slots[pos] != 0 {
			return fmt.Errorf("key %d: bad slot %d", i, pos)
		}
		key := t.arena[t.off[i]:t.off[i+1]]
		h := hashKey(key)
		t.slots[pos] = h&^0xffffffff | uint64(i+1)
		kw := KeyWords(key)
		g.setBit(bloomHash(&kw))
	}
	if err := r.Err(); err != nil {
		return err
	}
	if r.Remaining() != 0 {
		return fmt.Errorf("%d bytes after the key slots", r.Remaining())
	}
	return nil
}

// readCompound reads the compound tables.
func (g *Gazetteer) readCompound(r *snap.Reader) (lim limits) {
	g.prefixes = readTable(r, 0, nil)
	g.prefixOf = r.Int32s()
	if r.Err() != nil {
		return
	}
	if len(g.prefixOf) != g.prefixes.len() {
		r.Fail("%d prefixes, %d entries", g.prefixes.len(), len(g.prefixOf))
		return
	}
	for i, e := range g.prefixOf {
		if e < 0 {
			r.Fail("prefix entry %d out of range", e)
			return
		}
		lim.entry = max(lim.entry, int(e)+1)
		notePrefix(g, g.prefixes.at(i))
	}
	g.heads = readTable(r, 0, nil)
	g.nouns = readTable(r, 0, nil)
	return lim
}
