// Package match is the compiled gazetteer: a trie over sequences of token
// keys, built once from the lexicon and read concurrently by any number of
// taggers.
//
// A name's tokens are interned as word ids; the trie's edges are the pairs
// (node, word id, capital required) in one hash table, so memory and compile
// time grow linearly with the lexicon and lookups cost the same for ten or a
// million entries. Token keys live in one byte arena with an open-addressing
// table over it (see strTable), so that a compiled gazetteer is a few large
// arrays: cheap to build, cheap for the garbage collector, and quick to
// restore from a snapshot (see AppendBinary and Decode). Inflected forms are generated at compile time and point to
// the word id of their base form, with how they were derived: a genitive may
// only end a name (Putins, Nordkoreas, Scholz'), a declined adjective may only
// stand inside one (Deutschen Bank, Vereinten Nationen).
package match

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/etikett-nlp/etikett/internal/token"
	"github.com/etikett-nlp/etikett/lexicon"
	"github.com/etikett-nlp/etikett/tagger/stem"
)

// How a token's written form relates to the name's form.
type How uint8

// Ways a token matches a name token.
const (
	Exact    How = iota // as written in the lexicon (case aside)
	Genitive            // with -s, -es or an apostrophe; ends a name
	Declined            // an adjective with another ending; inside a name
)

var howNames = [...]string{"exact", "genitive", "declined"}

func (h How) String() string { return howNames[h] }

// Cand is one reading of a token key: the base word it stands for and how.
type Cand struct {
	Word uint32
	How  How
}

// DerivHow tells what kind of derived word a deriv key is.
type DerivHow uint8

// Kinds of derived words.
const (
	Adjective DerivHow = iota + 1 // russisch, russischen
	Demonym                       // Russe, Münchner, Münchnerin
)

// Deriv is a derived word's entry.
type Deriv struct {
	Entry int32
	How   DerivHow
}

// Gazetteer is the compiled, immutable lexicon. It is safe for concurrent use.
type Gazetteer struct {
	Entries []*lexicon.Entry

	keys      *strTable          // token keys, numbered
	info      []Word             // key number → what the lexicon knows of it
	words     uint32             // interned name words (Cand.Word)
	edges     edgeTable          // node, word, capital → child node
	term      []int32            // node → first entry ending there, -1 for none
	moreTerm  map[uint32][]int32 // node → all entries, where more than one ends there
	nodes     uint32
	maxLen    int
	prefixes  *strTable                  // names that may begin a closed compound
	prefixOf  []int32                    // their entries, by number in prefixes
	pre4      *[1 << pre4Bits]uint64     // hash of their first four bytes → bit set of their lengths in bytes (see prefixLens)
	short3    []uint64                   // bit set by pre3Index of the prefixes of three bytes; nil when there are none
	preEnds   *[preEndsBits / 64]uint64  // a Bloom filter of their first three and last two bytes with their length (see mayPrefix)
	heads     *strTable                  // stems of compound heads
	starts    []bool                     // word id → begins some name
	wordCase  []uint8                    // word id → the case requirements of its edges (see noteEdge)
	inner     []uint64                   // bit set of the nodes that have children
	hasMore   []uint64                   // bit set of the nodes in moreTerm
	roleNames []string                   // role categories, indexed by Word.role-1
	roleEnds  *[roleEndsBits / 64]uint64 // bit set by a hash of the last four bytes of the keys with a role (see MayEndRole)
	nouns     *strTable                  // stems of common nouns

	// bloom answers "certainly not a key" for most ordinary words with two
	// bit probes in a table that stays in the CPU cache, before the large
	// keys table is asked. It has a hash of its own (bloomHash), cheaper
	// than the keys table's, of the key's words (KeyWords).
	bloom *[bloomBits / 64]uint64 // an array: indexed by a hash's top bits, with no bounds check
}

const (
	bloomWordBits = 16                  // log2 of the number of words
	bloomBits     = 64 << bloomWordBits // 512 KiB
)

func (g *Gazetteer) initBloom() { g.bloom = new([bloomBits / 64]uint64) }

// KeyWords returns a key's first 23 bytes as three little-endian words,
// zero past the key, with uint8(len(key)+1) in the last byte of the third
// (a key of at most 23 bytes and its words determine each other): the
// form in which the tagger's word cache holds the keys it looks up (see
// WordWords), and which the Bloom filter hashes.
func KeyWords(key []byte) (kw [3]uint64) {
	n := len(key)
	if n <= 16 && cap(key) >= 16 {
		// Keys made by token.AppendKeyAt have room after them: two loads,
		// less what follows the key.
		b := key[:16]
		lo, hi := binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint64(b[8:])
		if n < 8 {
			lo &= 1<<(8*n) - 1
			hi = 0
		} else {
			hi &= 1<<(8*(n-8)) - 1 // 0 for n = 8; Go's shift by 64 gives 0 for n = 16
		}
		return [3]uint64{lo, hi, uint64(n+1) << 56}
	}
	if n > 16 && cap(key) >= 24 {
		// A longer key with room: three loads, where keyWords's loop took
		// 150 instructions a key (200 per document on the 10kGNAD texts,
		// mostly the endings that the tagger's roleEnding asks Role of).
		b := key[:24]
		w2 := binary.LittleEndian.Uint64(b[16:])
		if n < 23 {
			w2 &= 1<<(8*(n-16)) - 1
		} else {
			w2 &= 1<<56 - 1
		}
		return [3]uint64{binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint64(b[8:]), w2 | uint64(uint8(n+1))<<56}
	}
	return keyWords(key)
}

// keyWords is KeyWords for any key, byte by byte past the whole words.
func keyWords[K string | []byte](key K) (kw [3]uint64) {
	n := len(key)
	m := min(n, 23)
	i := 0
	for ; i+8 <= m; i += 8 {
		kw[i/8] = le64(key, i)
	}
	for ; i < m; i++ {
		kw[i/8] |= uint64(key[i]) << (8 * (i % 8))
	}
	kw[2] |= uint64(uint8(n+1)) << 56
	return kw
}

// bloomHash hashes a key's words (KeyWords) for the Bloom filter: a
// multiply of each word and one of the mix, where hashKey, which the keys
// table uses, assembles its words from the bytes and multiplies 128-bit
// products. The bits of its upper half, which depend on every bit of the
// words, choose the filter's word (the top bloomWordBits) and the two bits
// in it.
func bloomHash(kw *[3]uint64) uint64 {
	h := (kw[0]^kw[2])*0x9e3779b97f4a7c15 + kw[1]*0xbf58476d1ce4e5b9
	h ^= h >> 32
	return h * 0x94d049bb133111eb
}

// The filter is blocked: both bits of a key lie in one 64-bit word, so a
// probe costs one memory access.
func bloomMask(h uint64) uint64 { return 1<<((h>>32)&63) | 1<<((h>>40)&63) }

func (g *Gazetteer) setBit(h uint64) {
	g.bloom[h>>(64-bloomWordBits)] |= bloomMask(h)
}

func (g *Gazetteer) mayHave(h uint64) bool {
	m := bloomMask(h)
	return g.bloom[h>>(64-bloomWordBits)]&m == m
}

// Word is everything the gazetteer knows of one token key, found with a
// single lookup per token.
type Word struct {
	Cands []Cand // readings as (part of) a name
	Deriv Deriv  // the derived word's entry, when Deriv.How != 0
	role  uint8  // index+1 of the role category in Gazetteer.roleNames
	Bits  uint32 // word classes: FirstName, Surname, and those of Mark's callers
}

// Word classes Compile marks from the lexicon itself. Callers of Mark use
// the other bits.
const (
	FirstName uint32 = 1 << 30 // a known first name (any case)
	Surname   uint32 = 1 << 31 // the last word of a person's name in the lexicon
)

// RoleOf returns the role category of a word, or "".
func (g *Gazetteer) RoleOf(w *Word) string {
	if w.role == 0 {
		return ""
	}
	return g.roleNames[w.role-1]
}

func (g *Gazetteer) roleIndex(cat string) uint8 {
	for i, c := range g.roleNames {
		if c == cat {
			return uint8(i + 1)
		}
	}
	g.roleNames = append(g.roleNames, cat)
	return uint8(len(g.roleNames))
}

// StartsName reports whether a token with these readings may begin a name.
func (g *Gazetteer) StartsName(cands []Cand) bool {
	for _, c := range cands {
		if g.starts[c.Word] {
			return true
		}
	}
	return false
}

// RootCases returns the case requirements (as bits 1<<anyCase, 1<<capFirst,
// 1<<allCaps) of the names that a token with these readings may begin: Hits
// finds a name at a token only when one of the bits up to its Tok.Case is
// set.
func (g *Gazetteer) RootCases(cands []Cand) uint8 {
	var m uint8
	for _, c := range cands {
		m |= g.wordCase[c.Word]
	}
	return m & (1<<innerCases - 1)
}

// OneTokenName reports whether a token with readings cands, of case tc
// (see TokCase), is a whole name by itself: whether Hits finds a name of one
// token at it. Hits finds longer names only where the next token has
// readings, so a caller that knows it has none may skip Hits when this is
// false.
func (g *Gazetteer) OneTokenName(cands []Cand, tc uint8) bool {
	upTo := CaseMask(tc)
	for _, c := range cands {
		if c.How == Declined {
			continue // inside a name only
		}
		for cases := g.wordCase[c.Word] & upTo; cases != 0; cases &= cases - 1 {
			cs := uint8(bits.TrailingZeros8(cases))
			if _, term, ok := g.edges.getTerm(edgeKey(0, c.Word, cs)); ok && term >= 0 {
				return true
			}
		}
	}
	return false
}

// OneTokenCases returns the cases tc (as the bits 1<<tc, tc from 0 to 2)
// for which OneTokenName(cands, tc) holds, with one lookup of an edge where
// asking the three cases took up to three each. A case tc allows the edges
// of the cases up to tc (CaseMask): OneTokenName holds from the lowest case
// of an edge from the root that ends a name on.
func (g *Gazetteer) OneTokenCases(cands []Cand) uint8 {
	low := 3 // the lowest such case found so far; 3 for none
	for _, c := range cands {
		if c.How == Declined {
			continue // inside a name only
		}
		for cases := g.wordCase[c.Word] & (1<<innerCases - 1); cases != 0; cases &= cases - 1 {
			cs := bits.TrailingZeros8(cases)
			if cs >= low {
				break // the cases come in increasing order
			}
			if _, term, ok := g.edges.getTerm(edgeKey(0, c.Word, uint8(cs))); ok && term >= 0 {
				low = cs
				break
			}
		}
	}
	return 7 << low & 7
}

// CaseMask returns the bits of RootCases that a token of case tc (see
// TokCase) may use.
func CaseMask(tc uint8) uint8 { return caseMasks[tc&3] }

// caseMasks is CaseMask by tc (0 to 2): a table, cheaper in walk than the
// variable shift uint8(2)<<tc - 1, which costs a range check.
var caseMasks = [4]uint8{1, 3, 7, 15}

// Case requirements of a name token, part of an edge's key.
const (
	anyCase  = 0 // written in lower case in the lexicon: von, dpa
	capFirst = 1 // capitalized: Nato matches Nato and NATO, not nato
	allCaps  = 2 // a short acronym: UN matches UN only, not Un
)

func edgeKey(node, word uint32, cs uint8) uint64 {
	return uint64(node)<<34 | uint64(word)<<2 | uint64(cs)
}

// caseOf tells the case requirement of a name token.
func caseOf(text string, kind token.Kind, flags token.Flags) uint8 {
	switch {
	case kind == token.Punct || !token.IsUpperStart(text):
		return anyCase
	case flags&token.AllCaps != 0 && utf8.RuneCountInString(text) <= 4:
		return allCaps
	}
	return capFirst
}

// Compile builds the gazetteer. Entries keep their order: where two entries
// share a name, the earlier one comes first.
func Compile(lx *lexicon.Lexicon) *Gazetteer {
	g := newGazetteer(lx.Entries, len(lx.Entries)*5)
	g.edges = newEdgeTable(len(lx.Entries) * 2)
	g.term = []int32{-1}
	g.nodes = 1
	words := make(map[string]uint32, len(lx.Entries)*2)
	intern := func(key string) uint32 {
		if w, ok := words[key]; ok {
			return w
		}
		w := g.words
		g.words++
		words[key] = w
		g.starts = append(g.starts, false)
		g.wordCase = append(g.wordCase, 0)
		g.addCand(key, Cand{Word: w, How: Exact})
		return w
	}
	var toks []token.Token
	for k, e := range lx.Entries {
		for _, name := range e.Names() {
			toks = token.Tokenize(name, toks[:0])
			node := uint32(0)
			for ti, t := range toks {
				text := t.Text(name)
				key := token.Key(text)
				w := intern(key)
				cs := caseOf(text, t.Kind, t.Flags)
				capital := cs != anyCase
				ek := edgeKey(node, w, cs)
				if node == 0 {
					g.starts[w] = true
				}
				child, ok := g.edges.get(ek)
				if !ok {
					child = g.nodes
					g.nodes++
					g.edges.put(ek, child, int(g.nodes))
					g.term = append(g.term, -1)
					g.noteEdge(node, w, cs)
				}
				node = child
				if t.Kind != token.Word {
					continue
				}
				if ti == len(toks)-1 {
					for _, v := range genitives(key, e.Type) {
						g.addCand(v, Cand{Word: w, How: Genitive})
					}
				} else if capital {
					for _, v := range declensions(key) {
						g.addCand(v, Cand{Word: w, How: Declined})
					}
				}
			}
			if len(toks) > g.maxLen {
				g.maxLen = len(toks)
			}
			switch first := g.term[node]; {
			case first < 0:
				g.term[node] = int32(k)
			case first == int32(k):
			default:
				more := g.moreTerm[node]
				if more == nil {
					more = []int32{first}
				}
				if !containsInt(more, int32(k)) {
					g.moreTerm[node] = append(more, int32(k))
				}
			}
			if len(toks) == 1 && toks[0].Kind == token.Word && toks[0].Flags&token.Hyphen == 0 {
				g.addPrefix(token.Key(name), int32(k), e)
			}
		}
		for _, a := range e.Adj {
			base := token.Key(a)
			for _, end := range []string{"", "e", "en", "er", "es", "em"} {
				g.addDeriv(base+end, Deriv{Entry: int32(k), How: Adjective})
			}
		}
		for _, d := range e.Demonyms {
			for _, f := range demonymForms(token.Key(d)) {
				g.addDeriv(f, Deriv{Entry: int32(k), How: Demonym})
			}
		}
	}
	g.noteMore()
	g.edges.setTerms(g.term)
	g.markLexicon(lx)
	for _, n := range lx.Nouns {
		g.nouns.addString(stem.German(n.Word))
	}
	for _, h := range lx.Heads {
		g.heads.addString(stem.German(h.Word))
	}
	for _, r := range lx.Roles {
		for _, f := range r.Forms {
			g.heads.addString(stem.German(f))
			key := token.Key(f)
			// Inflected forms: Präsidenten, Bürgermeisters, Ministerinnen,
			// Vorsitzenden.
			for _, end := range []string{"", "s", "n", "en", "e", "es", "nen", "m"} {
				if w := g.word(key + end); w.role == 0 {
					w.role = g.roleIndex(r.Category)
				}
			}
		}
	}
	g.noteRoleEnds()
	return g
}

// roleEndsBits is the size of Gazetteer.roleEnds in bits (1 KiB).
const roleEndsBits = 1 << 13

// roleEndsIndex hashes the last four bytes of a key of four bytes or more
// for roleEnds.
func roleEndsIndex(key []byte) uint64 {
	return uint64(binary.LittleEndian.Uint32(key[len(key)-4:])) * 0x9e3779b97f4a7c15 >> (64 - 13)
}

// noteRoleEnds fills roleEnds from the keys that have a role, once they
// all have theirs (Compile, Decode).
func (g *Gazetteer) noteRoleEnds() {
	g.roleEnds = new([roleEndsBits / 64]uint64)
	for i := range g.info {
		if g.info[i].role == 0 {
			continue
		}
		if key := g.keys.at(i); len(key) >= 4 {
			h := roleEndsIndex(key)
			g.roleEnds[h/64] |= 1 << (h % 64)
		}
	}
}

// MayEndRole reports whether the key of a role word (see Role) of four
// bytes or more may end as key, of four bytes or more, does: false for
// most keys, never for a key whose last four bytes end a role word's key.
// A caller that asks Role of the endings of a word (Polizeisprecher:
// sprecher) asks this once instead.
func (g *Gazetteer) MayEndRole(key []byte) bool {
	h := roleEndsIndex(key)
	return g.roleEnds[h/64]&(1<<(h%64)) != 0
}

// markLexicon marks the first names and the surnames of the lexicon's
// people: a known surname alone is a person (but which one, the text must
// say).
func (g *Gazetteer) markLexicon(lx *lexicon.Lexicon) {
	var key []byte
	for _, n := range lx.FirstNames {
		key = token.AppendKey(key[:0], n.Name)
		g.MarkKey(key, FirstName)
	}
	for _, e := range lx.Entries {
		if e.Type != lexicon.PER {
			continue
		}
		last, ok := lastWord(e.Name)
		if ok && utf8.RuneCountInString(last) >= 5 && token.IsUpperStart(last) && !strings.HasSuffix(last, ".") {
			key = token.AppendKey(key[:0], last)
			g.MarkKey(key, Surname)
		}
	}
}

// lastWord returns the last of the white-space separated words of s, if s
// has two or more (as strings.Fields would, without allocating).
func lastWord(s string) (string, bool) {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return "", false
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	if strings.TrimFunc(s[:i], unicode.IsSpace) == "" {
		return "", false
	}
	return s[i+size:], true
}

// newGazetteer returns an empty gazetteer over entries, with room for
// about nkeys token keys.
func newGazetteer(entries []*lexicon.Entry, nkeys int) *Gazetteer {
	g := &Gazetteer{
		Entries:  entries,
		keys:     newStrTable(nkeys, nkeys*10),
		info:     make([]Word, 0, nkeys),
		moreTerm: map[uint32][]int32{},
		prefixes: newStrTable(0, 0),
		heads:    newStrTable(0, 0),
		nouns:    newStrTable(0, 0),
	}
	g.initBloom()
	g.initPrefixFilters()
	return g
}

func containsInt(s []int32, v int32) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// word returns the Word of key, creating it (and setting its bits in the
// Bloom filter).
func (g *Gazetteer) word(key string) *Word {
	i, added := g.keys.add(key, hashKey(key))
	if added {
		g.info = append(g.info, Word{})
		kw := keyWords(key)
		g.setBit(bloomHash(&kw))
	}
	return &g.info[i]
}

func (g *Gazetteer) addCand(key string, c Cand) {
	w := g.word(key)
	for _, x := range w.Cands {
		if x == c {
			return
		}
	}
	// Exact readings first, so the common case stops early.
	w.Cands = append(w.Cands, c)
	if c.How == Exact {
		copy(w.Cands[1:], w.Cands)
		w.Cands[0] = c
	}
}

func (g *Gazetteer) addDeriv(key string, d Deriv) {
	if w := g.word(key); w.Deriv.How == 0 {
		w.Deriv = d
	}
}

// Mark adds word-class bits to a key (function words, first names, …), so
// that a tagger learns everything about a token with one lookup. Call it
// before the gazetteer is used.
func (g *Gazetteer) Mark(key string, bits uint32) { g.word(key).Bits |= bits }

// MarkKey is Mark for a key in a byte slice; it allocates only for a key
// the gazetteer does not know yet.
func (g *Gazetteer) MarkKey(key []byte, bits uint32) {
	if i := g.keys.find(key, g.keys.hash(key)); i >= 0 {
		g.info[i].Bits |= bits
		return
	}
	g.word(string(key)).Bits |= bits
}

// Word returns what the gazetteer knows of a token key, or nil.
func (g *Gazetteer) Word(key []byte) *Word {
	kw := KeyWords(key)
	return g.WordWords(key, &kw)
}

// WordWords is Word for a key whose words (KeyWords) the caller has at
// hand: most keys the Bloom filter turns away are not hashed at all
// (1,200 instructions per document on the 10kGNAD texts, whose fresh words
// the tagger's word cache lacks). kw must be KeyWords(key).
func (g *Gazetteer) WordWords(key []byte, kw *[3]uint64) *Word {
	if !g.MayHaveWords(kw) {
		return nil
	}
	return g.FindWord(key)
}

// MayHaveWords reports whether the gazetteer may know the key whose words
// are kw (KeyWords): false for most keys it does not know, never for one it
// knows. It is small enough to be inlined: a caller that asks it, and
// FindWord only when it holds, asks the Bloom filter without a call
// (4,400 instructions per document on the 10kGNAD texts, where the filter
// turns most words that the tagger's word cache lacks away).
func (g *Gazetteer) MayHaveWords(kw *[3]uint64) bool { return g.mayHave(bloomHash(kw)) }

// FindWord is Word without the Bloom filter, for a key that passes
// MayHaveWords.
func (g *Gazetteer) FindWord(key []byte) *Word {
	if i := g.keys.find(key, hashKey(key)); i >= 0 {
		return &g.info[i]
	}
	return nil
}

// addPrefix registers a one-word name that may begin a closed compound:
// entries marked compound=yes, and organizations and places whose name is
// long enough not to begin ordinary words by accident.
func (g *Gazetteer) addPrefix(key string, k int32, e *lexicon.Entry) {
	n := utf8.RuneCountInString(key)
	switch {
	case e.Compound && n >= 3:
	case (e.Type == lexicon.ORG || e.Type == lexicon.LOC) && e.Ambig != "noun" && n >= 4:
	default:
		return
	}
	if _, added := g.prefixes.addString(key); !added {
		return
	}
	g.prefixOf = append(g.prefixOf, k)
	notePrefix(g, key)
}

// The filters of the prefixes' lengths, which prefixLens reads: filled from
// the prefixes (by Compile or Decode), not stored in a snapshot.
//
// pre4 holds, for a hash of the first four bytes, the lengths of the
// prefixes of four bytes or more that begin with them; those of three
// bytes, rare (the default lexicon has none), are in short3, by their
// three bytes. preEnds is a Bloom filter of the prefixes' first three and
// last two bytes with their length.
const (
	pre4Bits        = 15                    // 32,768 words (256 KiB)
	preEndsWordBits = 12                    // 4,096 words (32 KiB)
	preEndsBits     = 64 << preEndsWordBits // the 23,000 prefixes of the default lexicon set 16 % of its bits
)

// initPrefixFilters makes room in the filters of prefixLens.
func (g *Gazetteer) initPrefixFilters() {
	// Arrays, indexed by the top bits of a hash: no bounds check.
	g.pre4 = new([1 << pre4Bits]uint64)
	g.preEnds = new([preEndsBits / 64]uint64)
}

// notePrefix records a prefix in the filters of prefixLens.
func notePrefix[K string | []byte](g *Gazetteer, key K) {
	n := len(key)
	switch {
	case n < 3:
		return // no prefix is so short (addPrefix), and Compound tries none
	case n == 3:
		if g.short3 == nil {
			g.short3 = make([]uint64, 1<<16/64)
		}
		i := pre3Index(key)
		g.short3[i/64] |= 1 << (i % 64)
	case n < 64: // Compound tries no longer prefix
		g.pre4[pre4Index(uint32(le32(key, 0)))] |= 1 << n
	}
	w, m := preEndsAt(preEndsHash(first3(key), key[n-2], key[n-1], n))
	g.preEnds[w] |= m
}

// pre3Index hashes the first three bytes of a key (at least three long).
func pre3Index[K string | []byte](key K) int {
	return (int(key[0])*961 + int(key[1])*31 + int(key[2])) & 0xffff
}

// pre4Index hashes the first four bytes of a key, as a little-endian word,
// for pre4.
func pre4Index(b4 uint32) uint64 {
	return (uint64(b4) * 0x9e3779b97f4a7c15) >> (64 - pre4Bits)
}

// preEndsHash hashes the first three bytes (f3, see first3), the last two
// and the length of a prefix of n >= 3 bytes for preEnds. These are the
// bytes in which the false candidates of pre4, words that begin as a
// prefix of that length does, mostly differ from it: Bernhard is no
// Bern|hard, for no prefix of four bytes ends in "rn" but Bern; Berlin at
// six bytes ends in "in", not "ha". The caller passes f3, which is the
// same for every length it asks, and the two bytes.
func preEndsHash(f3 uint64, e0, e1 byte, n int) uint64 {
	return (f3 | uint64(e0)<<24 | uint64(e1)<<32 | uint64(n&63)<<40) * 0x9e3779b97f4a7c15
}

// first3 returns the first three bytes of key (at least three long) for
// preEndsHash.
func first3[K string | []byte](key K) uint64 {
	return uint64(key[0]) | uint64(key[1])<<8 | uint64(key[2])<<16
}

// preEndsAt returns the word of preEnds that hash h selects, and the mask
// of its two bits there (a blocked Bloom filter, as the keys' is: one
// memory access a probe). Bit k of a product depends on the bits 0 to k
// of its factors alone: the high bits, which depend on every byte hashed,
// choose the word and the bits (n, below 64, is in the bits 40 to 45).
func preEndsAt(h uint64) (word uint64, mask uint64) {
	return h >> (64 - preEndsWordBits), 1<<(h>>40&63) | 1<<(h>>46&63)
}

// mayPrefix reports whether the bytes f3 (first3), e0, e1 may be the first
// three and last two of a prefix of n bytes: false for most that are not,
// never for one that is.
func (g *Gazetteer) mayPrefix(f3 uint64, e0, e1 byte, n int) bool {
	w, m := preEndsAt(preEndsHash(f3, e0, e1, n))
	return g.preEnds[w]&m == m
}

// genitives returns the genitive forms of a name's last word: Putin → Putins,
// Scholz → Scholz', Bundestag → Bundestages.
func genitives(key, typ string) []string {
	last, _ := utf8.DecodeLastRuneInString(key)
	var out []string
	if typ == lexicon.LOC && strings.HasSuffix(key, "nde") {
		out = append(out, key+"n") // den Niederlanden
	}
	switch last {
	case 's', 'ß', 'x', 'z':
		out = append(out, key+"'")
		if typ != lexicon.PER && utf8.RuneCountInString(key) > 3 {
			out = append(out, key+"es") // des Rhein-Sieg-Kreises
		}
	default:
		out = append(out, key+"s", key+"'s")
		if typ != lexicon.PER && !isVowel(last) && utf8.RuneCountInString(key) > 3 {
			out = append(out, key+"es")
		}
	}
	return out
}

func isVowel(r rune) bool { return strings.ContainsRune("aeiouyäöü", r) }

// declensions returns the other endings of a capitalized adjective inside a
// name: Deutsche → Deutschen, Deutscher, Deutsches, Deutschem.
func declensions(key string) []string {
	var base string
	for _, end := range []string{"en", "er", "es", "em", "e"} {
		if strings.HasSuffix(key, end) {
			base = key[:len(key)-len(end)]
			break
		}
	}
	if utf8.RuneCountInString(base) < 3 {
		return nil
	}
	var out []string
	for _, end := range []string{"e", "en", "er", "es", "em"} {
		if base+end != key {
			out = append(out, base+end)
		}
	}
	return out
}

// demonymForms returns the inflected forms of an inhabitant noun: Russe →
// Russen, Russin, Russinnen; Münchner → Münchnern, Münchnerin, Münchnerinnen.
func demonymForms(key string) []string {
	out := []string{key}
	switch {
	case strings.HasSuffix(key, "e"):
		stem := key[:len(key)-1]
		out = append(out, key+"n", stem+"in", stem+"innen")
	case strings.HasSuffix(key, "er"), strings.HasSuffix(key, "el"):
		out = append(out, key+"n", key+"s", key+"in", key+"innen")
	case strings.HasSuffix(key, "in"):
		out = append(out, key+"nen")
	default:
		out = append(out, key+"en", key+"in", key+"innen")
	}
	return out
}

// Tok is what the matcher needs to know of a text token.
type Tok struct {
	Cands []Cand // readings of the token's key (nil when unknown)
	Case  uint8  // 0 lower case, 1 capitalized, 2 all capitals
}

// TokCase tells a text token's case for Tok.Case. It reads a table, which
// the tagger's loop over every token finds cheaper than two branches.
func TokCase(flags token.Flags) uint8 {
	return tokCases[flags&(token.Cap|token.AllCaps)&3]
}

// tokCases is TokCase by the flags Cap and AllCaps (bits 0 and 1).
var tokCases = func() (t [4]uint8) {
	for f := range token.Flags(4) {
		t[f] = tokCaseOf(f)
	}
	return t
}()

// tokCaseOf is TokCase, the way it reads.
func tokCaseOf(flags token.Flags) uint8 {
	switch {
	case flags&token.AllCaps != 0:
		return allCaps
	case flags&token.Cap != 0:
		return capFirst
	}
	return anyCase
}

// Cands returns the readings of a token key.
func (g *Gazetteer) Cands(key []byte) []Cand {
	if w := g.Word(key); w != nil {
		return w.Cands
	}
	return nil
}

// Hit is a name that starts at a token: it covers N tokens and names the
// entries Terms (lexicon order).
type Hit struct {
	N     int
	Terms []int32
	Last  How // how the last token matched (Genitive for Putins)
}

// Hits appends to dst every name that starts at toks[0], longest first.
func (g *Gazetteer) Hits(toks []Tok, dst []Hit) []Hit { return g.HitsCached(toks, dst, nil) }

// HitsCached is Hits that looks up the trie's edges through c, a cache of
// one goroutine's recent lookups in this gazetteer (nil for none).
func (g *Gazetteer) HitsCached(toks []Tok, dst []Hit, c *EdgeCache) []Hit {
	start := len(dst)
	// The root's level of walk, written out here: one call less per token
	// asked, and walk, called only below the root, has a constant shift
	// (2,700 to 3,400 instructions per document; 1,200 on the 10kGNAD
	// texts).
	if len(toks) > 0 && g.maxLen > 0 {
		t := &toks[0]
		upTo := CaseMask(t.Case)
		for _, cd := range t.Cands {
			for cases := g.wordCase[cd.Word] & upTo; cases != 0; cases &= cases - 1 {
				key := edgeKey(0, cd.Word, uint8(bits.TrailingZeros8(cases)))
				var child uint32
				var term int32
				var ok bool
				if sl := c.hit(key); sl != nil {
					child, term, ok = sl.child, sl.term, sl.child != edgeAbsent
				} else {
					child, term, ok = g.edgeMiss(c, key)
				}
				if !ok {
					continue
				}
				if cd.How != Declined && term >= 0 {
					dst = append(dst, Hit{N: 1, Terms: g.terms(child), Last: cd.How})
				}
				if cd.How != Genitive && g.inner[child/64]&(1<<(child%64)) != 0 && 1 < len(toks) && toks[1].Cands != nil {
					dst = g.walk(toks, 1, child, dst, c)
				}
			}
		}
	}
	// Longest first (insertion sort: there are few).
	h := dst[start:]
	for i := 1; i < len(h); i++ {
		for j := i; j > 0 && h[j].N > h[j-1].N; j-- {
			h[j], h[j-1] = h[j-1], h[j]
		}
	}
	return dst
}

// walk appends the names that continue at toks[k] from node, which is not
// the root (HitsCached does the root's level), in depth-first order.
func (g *Gazetteer) walk(toks []Tok, k int, node uint32, dst []Hit, ec *EdgeCache) []Hit {
	if k >= len(toks) || k >= g.maxLen {
		return dst
	}
	t := &toks[k]
	// Only the case requirements that edges of the word have, at the root
	// or below it, are asked of the edge table.
	upTo := CaseMask(t.Case)
	for _, c := range t.Cands {
		for cases := g.wordCase[c.Word] >> innerCases & upTo; cases != 0; cases &= cases - 1 {
			key := edgeKey(node, c.Word, uint8(bits.TrailingZeros8(cases)))
			var child uint32
			var term int32
			var ok bool
			if sl := ec.hit(key); sl != nil { // as in HitsCached: a call here cost 1,400
				child, term, ok = sl.child, sl.term, sl.child != edgeAbsent
			} else {
				child, term, ok = g.edgeMiss(ec, key)
			}
			if !ok {
				continue
			}
			if c.How != Declined && term >= 0 {
				dst = append(dst, Hit{N: k + 1, Terms: g.terms(child), Last: c.How})
			}
			// Deeper only where the next token has readings: most have none.
			if c.How != Genitive && g.inner[child/64]&(1<<(child%64)) != 0 && k+1 < len(toks) && toks[k+1].Cands != nil {
				dst = g.walk(toks, k+1, child, dst, ec)
			}
		}
	}
	return dst
}

// terms returns the entries that a name ending at node child names.
func (g *Gazetteer) terms(child uint32) []int32 {
	if g.hasMore[child/64]&(1<<(child%64)) != 0 {
		return g.moreTerm[child]
	}
	return g.term[child : child+1]
}

// EdgeCache remembers a goroutine's recent edge lookups in one gazetteer
// (see HitsCached): names and the words that begin them come back in every
// text, and the edge table is too large to stay in the CPU cache. It is
// direct-mapped; a slot holds an edge key with its child and first entry,
// or edgeAbsent as the child of a key that is no edge. The zero value is
// empty; it must not be shared between goroutines or gazetteers.
type EdgeCache struct {
	slots [1 << edgeCacheBits]edgeSlot
}

const (
	edgeCacheBits = 12
	edgeAbsent    = ^uint32(0) // child of a cached miss; a slot with child 0 is empty
)

// hit returns c's slot of key when it holds key (an edge or a cached miss),
// else nil; nil for a nil c. It is small enough to be inlined into walk,
// which then keeps its registers across a hit.
func (c *EdgeCache) hit(key uint64) *edgeSlot {
	if c == nil {
		return nil
	}
	if sl := &c.slots[(key*0x9e3779b97f4a7c15)>>(64-edgeCacheBits)]; sl.key == key && sl.child != 0 {
		return sl
	}
	return nil
}

// edgeMiss looks up edge key, which c does not hold (see hit), in the edge
// table, and keeps the answer in c when c is not nil.
func (g *Gazetteer) edgeMiss(c *EdgeCache, key uint64) (child uint32, term int32, ok bool) {
	if c == nil {
		return g.edges.getTerm(key)
	}
	sl := &c.slots[(key*0x9e3779b97f4a7c15)>>(64-edgeCacheBits)]
	child, term, ok = g.edges.getTerm(key)
	sl.key, sl.child, sl.term = key, child, term
	if !ok {
		sl.child = edgeAbsent
	}
	return child, term, ok
}

// innerCases is the shift of the case requirements of a word's edges below
// the root in Gazetteer.wordCase; those from the root are in the low bits.
const innerCases = 3

// noteEdge records the edge (node, word, cs) in the indexes that let walk
// skip most lookups that would fail: the case requirements of the word's
// edges (from the root and below it, see innerCases), and that node has
// children. wordCase must have room for word, inner for node (see
// sizeTrieIndex, or Compile, which grows them).
func (g *Gazetteer) noteEdge(node, word uint32, cs uint8) {
	if node == 0 {
		g.wordCase[word] |= 1 << cs
	} else {
		g.wordCase[word] |= 1 << (innerCases + cs)
	}
	for int(node/64) >= len(g.inner) {
		g.inner = append(g.inner, 0)
	}
	g.inner[node/64] |= 1 << (node % 64)
}

// sizeTrieIndex makes room in the indexes of noteEdge for a trie of nodes
// nodes over words words, and hasMore.
func (g *Gazetteer) sizeTrieIndex(words, nodes int) {
	g.wordCase = make([]uint8, words)
	g.inner = make([]uint64, (nodes+63)/64)
	g.hasMore = make([]uint64, (nodes+63)/64)
}

// noteMore fills hasMore from moreTerm, so that walk asks the map only for
// the nodes in it.
func (g *Gazetteer) noteMore() {
	n := (int(g.nodes) + 63) / 64
	if len(g.inner) < n {
		g.inner = append(g.inner, make([]uint64, n-len(g.inner))...)
	}
	g.hasMore = make([]uint64, n)
	for node := range g.moreTerm {
		g.hasMore[node/64] |= 1 << (node % 64)
	}
}

// Deriv looks up a derived word (adjective or inhabitant noun) by key.
func (g *Gazetteer) Deriv(key []byte) (Deriv, bool) {
	if w := g.Word(key); w != nil && w.Deriv.How != 0 {
		return w.Deriv, true
	}
	return Deriv{}, false
}

// Compound splits a closed compound key (kremlchef) into a name that may
// begin compounds and a head noun or role word. It returns the entry and the
// byte length of the name part.
func (g *Gazetteer) Compound(key []byte) (entry int32, n int, ok bool) {
	for lens := g.prefixLens(key); lens != 0; lens &= lens - 1 {
		n = bits.TrailingZeros64(lens)
		p := g.prefixes.find(key[:n], g.prefixes.hash(key[:n]))
		if p < 0 {
			continue
		}
		e := g.prefixOf[p]
		rest := key[n:]
		if g.isHead(rest) {
			return e, n, true
		}
		// linking -s- (Bundesliga|s|pitze is rare for names; Russland|s)
		if len(rest) > 4 && rest[0] == 's' && g.isHead(rest[1:]) {
			return e, n, true
		}
	}
	return 0, 0, false
}

// MayCompound reports whether Compound may split key: false for most keys
// that it does not split, never for one that it does. It takes a few
// instructions where Compound hashes and looks up each length the prefixes'
// first three bytes allow.
func (g *Gazetteer) MayCompound(key []byte) bool { return g.prefixLens(key) != 0 }

// prefixLens returns the lengths n (as the bits 1<<n) at which Compound
// tries key[:n] as a prefix, in increasing order: those that pre4 and
// short3 have for key's first bytes and that leave three bytes or more
// after them, that cut key between two runes, and that pass mayPrefix.
// On the 10kGNAD texts' capitalized words the first step leaves 1.0
// lengths of the 2.6 that a table by the first three bytes did, and the
// last most of those, each a hash and a probe of the prefix table spared.
func (g *Gazetteer) prefixLens(key []byte) uint64 {
	if len(g.prefixOf) == 0 || len(key) < 6 {
		return 0
	}
	b4 := binary.LittleEndian.Uint32(key)
	lens := g.pre4[pre4Index(b4)]
	if g.short3 != nil {
		if i := pre3Index(key); g.short3[i/64]&(1<<(i%64)) != 0 {
			lens |= 1 << 3
		}
	}
	// n <= len(key)-3; the filters hold lengths below 64 alone.
	if last := len(key) - 3; last < 63 {
		lens &= 2<<last - 1
	}
	f3 := uint64(b4 & 0xffffff)
	for l := lens; l != 0; l &= l - 1 {
		if n := bits.TrailingZeros64(l); !utf8.RuneStart(key[n]) || !g.mayPrefix(f3, key[n-2], key[n-1], n) {
			lens &^= 1 << n
		}
	}
	return lens
}

// IsNoun reports whether a key is a common noun (nouns*.tsv, compound
// heads or role words) in any inflection.
func (g *Gazetteer) IsNoun(key []byte) bool {
	if g.nouns.len() == 0 && g.heads.len() == 0 {
		return false
	}
	var buf [64]byte
	st := stem.AppendGerman(buf[:0], key)
	h := hashKey(st)
	return g.nouns.find(st, h) >= 0 || g.heads.find(st, h) >= 0
}

// IsHead reports whether a key is a compound head or role word in any
// inflection (gipfel, chefs, präsidentin).
func (g *Gazetteer) IsHead(key []byte) bool { return g.isHead(key) }

func (g *Gazetteer) isHead(rest []byte) bool {
	if utf8.RuneCount(rest) < 3 {
		return false
	}
	var buf [64]byte
	st := stem.AppendGerman(buf[:0], rest)
	return g.heads.find(st, g.heads.hash(st)) >= 0
}

// Role returns the category of a role word given by its key
// (polizeisprecherin → police), or "" when the word is none.
func (g *Gazetteer) Role(key []byte) string {
	if w := g.Word(key); w != nil {
		return g.RoleOf(w)
	}
	return ""
}

// Nodes reports the trie's size, for statistics.
func (g *Gazetteer) Nodes() int { return int(g.nodes) }
