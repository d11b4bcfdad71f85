package tagger

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/etikett-nlp/etikett/internal/token"
	"github.com/etikett-nlp/etikett/lexicon"
	"github.com/etikett-nlp/etikett/tagger/internal/match"
	"github.com/etikett-nlp/etikett/tagger/topic"
)

// scratch is the per-call working memory, reused through a sync.Pool so
// that tagging allocates for what it finds, not for every token.
type scratch struct {
	text     string
	toks     []token.Token
	keys     []byte    // all token keys, back to back
	keySpan  []keySpan // where token i's key lies in keys
	mtoks    []match.Tok
	hits     []match.Hit
	parts    []match.Tok
	partBuf  []byte
	partEnd  []int32 // hyphenated: where each part's key ends in the token's key
	ments    []mention
	pending  []mention // ambiguous names waiting for a second reading
	entries  []*lexicon.Entry
	facts    []entryFacts // Tagger.facts
	covered  []bool
	spans    []topic.Span // the words passed to the topic model
	cues     []topic.Cue
	info     []*match.Word  // what the gazetteer knows of each token
	bits     []uint32       // per token: its Word's Bits, and the classes of cache.go
	order    []mentionOrder // entitiesOf's mentions, sorted
	g        *match.Gazetteer
	drops    []dropRange   // token ranges whose earlier mentions a rule replaced
	alts     []alternative // names chosen by default among several entities
	evidence evidenceTable
	nouns    []int8 // per token: 0 not yet asked, 1 no noun, 2 a common noun
	wc       *wordCache
	mx       mentionIndex // the mentions starting at each token
	dropped  []bool       // live's marks, per mention
	cc       *compoundCache
	hc       *hyphenCache
	hkey     []byte // hyphenated: the token's text, as hc's key
	nc       *nounCache
	ec       *match.EdgeCache // the trie's edges, for Gazetteer.HitsCached
	caps     []int32          // the tokens for which isCapWord holds, in order
	marked   []int32          // the tokens in one of ruleTokens.collect's lists, in order
	work     []workTok        // the tokens where a name may begin or word has work, in order
	rt       ruleTokens       // the tokens the rules look at
}

// workTok is a token that the second loop of entities looks at.
type workTok struct {
	i    int32
	comp int32 // what scratch.compound answers, as compoundCode has it, when mayBeCompound; else 0
	name bool  // a name may begin at the token
	solo bool  // the token is a whole name by itself (see bSolo)
	word bool  // word has work at the token (wordWork)
}

// mention is an entity before it is turned into an Entity.
type mention struct {
	start, end int32 // token range [start, end)
	bstart     int32 // byte range; set for every mention
	bend       int32
	entry      int32 // -1 for rule mentions
	typ        string
	form       string
	rule       string
	name       string // canonical name for rule mentions
}

func (s *scratch) reset(text string) {
	s.text = text
	s.toks = token.Tokenize(text, s.toks[:0])
	s.keys = s.keys[:0]
	s.keySpan = s.keySpan[:0]
	s.mtoks = s.mtoks[:0]
	s.ments = s.ments[:0]
	s.drops = s.drops[:0]
	s.alts = s.alts[:0]
	s.evidence.reset()
	s.nouns = s.nouns[:0]
	s.pending = s.pending[:0]
	s.mx.reset(len(s.toks))
}

// keySpan is the range of a token's key in scratch.keys.
type keySpan struct{ start, end int32 }

func (s *scratch) key(i int) []byte {
	sp := s.keySpan[i]
	return s.keys[sp.start:sp.end]
}

// resize returns b with length n, reusing its array when it is large enough;
// the elements are not cleared.
func resize[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n, n+n/4)
	}
	return b[:n]
}

// cleared returns b with length n and every element zero, reusing its array
// when it is large enough.
func cleared[T any](b []T, n int) []T {
	b = resize(b, n)
	clear(b)
	return b
}

func (s *scratch) tokText(i int) string { return s.toks[i].Text(s.text) }

// noInfo is the tokInfo of tokens that are not looked up.
var noInfo tokInfo

// matchable reports whether a token may be (part of) a name.
func matchable(t token.Token) bool {
	switch t.Kind {
	case token.URL, token.Email, token.Handle, token.Hashtag:
		return false
	}
	return true
}

func (t *Tagger) entities(s *scratch) {
	g := t.g
	s.g = g
	s.entries = g.Entries
	s.facts = t.facts
	n := len(s.toks)
	s.info = resize(s.info, n)
	s.bits = resize(s.bits, n)
	s.mtoks = resize(s.mtoks, n)
	s.keySpan = resize(s.keySpan, n)
	if s.wc == nil {
		s.wc, s.cc, s.nc, s.ec = new(wordCache), newKeyCache[compoundAnswer](12), newKeyCache[bool](10), new(match.EdgeCache)
		s.hc = newKeyCache[hyphenAnswer](11)
	}
	s.caps, s.rt.cued, s.rt.placed = s.caps[:0], s.rt.cued[:0], s.rt.placed[:0]
	s.marked = s.marked[:0]
	s.work = s.work[:0]
	// Locals of the same length as toks, so that the loop indexes them
	// without bounds checks.
	toks, keys, text := s.toks, s.keys, s.text
	if cap(keys) < len(text)+16 {
		// Room for the keys of most texts, which are no longer than the
		// text; the fast paths below write eight bytes at a time.
		keys = slices.Grow(keys, len(text)+16)
	}
	info, bits, mtoks, spans := s.info[:len(toks)], s.bits[:len(toks)], s.mtoks[:len(toks)], s.keySpan[:len(toks)]
	wc := s.wc // a local for the inline hits below: 600 instructions per document
	for i := range toks {
		tok := &toks[i]
		ti := &noInfo
		start := len(keys)
		if matchable(*tok) {
			short := false
			if st, ln := int(tok.Start), int(tok.End-tok.Start); ln <= 8 && st+8 <= len(text) && cap(keys)-start >= 8 {
				// Most words: the key in a register, written at once,
				// and asked of the cache as it is.
				var w uint64
				if w, short = token.ShortKey(token.Load8(text, st), ln); short {
					// (Into the room after the key: one bounds check, not
					// two; 2,000 instructions per document.)
					binary.LittleEndian.PutUint64(keys[start:start+8], w)
					keys = keys[:start+ln]
					// wordCache.info, its hits inline. A hit in the second
					// slot stays there, not swapped into the first as fill
					// does: words that share a set come in turns (fill's call
					// and swap cost 2,800 instructions per document).
					kw := wcKey{w, 0, uint64(ln+1) << 56}
					if set := wc.set(&kw); set[0].key == kw {
						ti = &set[0].tokInfo
					} else if set[1].key == kw {
						ti = &set[1].tokInfo
					} else {
						ti = wc.fill(g, set, kw, keys[start:])
					}
				}
			}
			if !short {
				// Words of nine to 16 bytes, and shorter words with
				// umlauts, the same way, in a call.
				if st, ln := int(tok.Start), int(tok.End-tok.Start); ln <= 16 && st+16 <= len(text) && cap(keys)-start >= 16 {
					if ti, short = s.wc.key16(g, (*[16]byte)(keys[start:start+16]), text, st, ln); short {
						keys = keys[:start+ln]
					}
				}
			}
			if !short {
				keys = token.AppendKeyAt(keys, text, int(tok.Start), int(tok.End))
				ti = s.wc.info(g, keys[start:]) // s.key(i)
			}
		}
		spans[i] = keySpan{int32(start), int32(len(keys))}
		info[i] = ti.w
		bits[i] = ti.bits
		tc := match.TokCase(tok.Flags)
		mtoks[i] = match.Tok{Cands: ti.cands, Case: tc}
		// A token for the rules' lists (see ruleTokens.collect).
		if tok.Kind == token.Abbrev || tok.Flags&(token.AllCaps|token.Truncated) != 0 || ti.bits&ruleClasses != 0 {
			s.marked = append(s.marked, int32(i))
		}
		if capWord(tok) {
			// A capitalized word: listed in caps, and in the rules' lists
			// of words with a person cue (hasPersonCue) and of words where
			// a case of places may apply (placeCandidate), with the two
			// functions' tests written out here, where the token, its
			// bits and its key are at hand. A loop over caps in the rules
			// (ruleTokens.collect) had to load them all again, and kept
			// its values on the stack: 3,900 instructions per document
			// more (2,900 on the 10kGNAD texts). In a call per word, the
			// tests saved 600: the call cost this loop 3,800.
			//
			// The lists may hold a word more than the two functions pass,
			// never one less: the key is tested for "Bad", and its last
			// three to five bytes for landmarkEnding's suffixes (tal, see,
			// hütte, brunnen).
			s.caps = append(s.caps, int32(i))
			b := ti.bits
			if b&bKeyKnown == 0 {
				// The tests of the key (keyBits), once per key while it
				// stays in the word cache: 7,600 instructions per document
				// (1,100 on the 10kGNAD texts, whose words are fresher).
				// (bits[i] may lack them: no one reads them there.)
				b |= keyBits(keys[start:])
				ti.bits = b
			}
			hyphen := tok.Flags&token.Hyphen != 0
			var prev uint32
			if i > 0 {
				prev = bits[i-1]
			}
			paren, number := false, false
			if i+1 < len(toks) {
				next := toks[i+1]
				paren = next.End == next.Start+1 && text[next.Start] == '('
				number = next.Kind == token.Number
			}
			if b&(bFirstName|bSurname|bEndsS) != 0 || hyphen || prev&(bRole|bTitle|bSayVerb) != 0 || paren {
				s.rt.cued = append(s.rt.cued, int32(i))
			}
			if b&bEndStreet != 0 && !hyphen || b&bEndToponym != 0 && prev&bPlacePrep != 0 ||
				b&(bKeyPlace|bStreetWord) != 0 || number {
				s.rt.placed = append(s.rt.placed, int32(i))
			}
		}
		// A name may begin here only if a reading of the token begins one
		// in the token's case (lowercase der, die begin none).
		name := ti.bits&rootCaseMasks[tc&3] != 0
		if ww := wordWork(tok, ti.bits, len(keys)-start); name || ww {
			w := workTok{i: int32(i), name: name, solo: ti.bits&soloMasks[tc&3] != 0, word: ww}
			if mayBeCompound(tok, ti.bits, len(keys)-start) && ti != &noInfo {
				// Asked once per key while it stays in the word cache.
				if ti.comp == 0 {
					ti.comp = compoundCode(s.compound(keys[start:]))
				}
				if w.comp = ti.comp; w.comp < 0 && !name {
					// No closed compound, and no name may begin: nothing to
					// do, no place in the work list (2,500 instructions per
					// document).
					continue
				}
			}
			s.work = append(s.work, w)
		}
	}
	s.keys = keys
	next := 0 // the first token that no name has taken
	for _, w := range s.work {
		i := int(w.i)
		if i < next {
			continue
		}
		// names finds nothing at a token that is no name by itself and
		// whose next token has no readings (Deutschen, Vereinten without
		// Bank, Nationen), which is not asked: 3,700 instructions per
		// document.
		if w.name && (w.solo || i+1 < len(s.mtoks) && s.mtoks[i+1].Cands != nil) {
			if adv := t.names(s, i); adv > 0 {
				next = i + adv
				continue
			}
		}
		// A closed compound's answer -1 (no entry) leaves word nothing to
		// do: no call (2,600 instructions per document).
		if w.word && w.comp >= 0 {
			t.word(s, i, w.comp)
		}
	}
	t.resolvePending(s)
	t.resolveAlternatives(s)
	t.rules(s)
}

// names tries the gazetteer at token i and records the longest acceptable
// name. It returns the number of tokens taken.
func (t *Tagger) names(s *scratch, i int) int {
	s.hits = t.g.HitsCached(s.mtoks[i:], s.hits[:0], s.ec)
	for _, h := range s.hits {
		if h.N == 1 && (t.afterFirstName(s, i, h) || t.beforeSurname(s, i, h)) {
			continue // Lars Müller, Paris Hilton: a person, not the company or city
		}
		e, how := t.choose(s, i, h)
		switch how {
		case chooseNo:
			continue
		case choosePending:
			s.pending = append(s.pending, mention{start: int32(i), end: int32(i + h.N), entry: e, form: FormName, rule: "discourse"})
			return 0
		}
		rule := "name"
		if h.Last == match.Genitive {
			rule = "genitive"
		}
		if how == chooseContext {
			rule = "context"
		}
		if how == chooseYes && len(h.Terms) > 1 {
			// Chosen by default among several entities: a later mention
			// may still decide (see resolveAlternatives).
			s.alts = append(s.alts, alternative{ment: len(s.ments), terms: h.Terms})
		}
		start := i
		if h.N > 1 && t.is(e, efPER) && s.toks[i].Kind == token.Word && s.role(i) != "" &&
			!strings.HasPrefix(t.g.Entries[e].Name, s.tokText(i)+" ") {
			start++ // Papst Franziskus, Kaiser Franz Joseph: the title is no part of the name
		}
		s.addName(int32(start), int32(i+h.N), e, rule)
		return h.N
	}
	return 0
}

type chooseHow int

const (
	chooseNo chooseHow = iota
	chooseYes
	chooseContext
	choosePending
)

// choose picks the entry a hit stands for. Names of two or more tokens are
// taken as they are; a one-token name that is also an ordinary German word
// (ambig=noun) needs context: a place after a preposition of place (in
// Essen), or an unambiguous mention of the same entity elsewhere in the
// text (Deutsche Bahn … die Bahn).
func (t *Tagger) choose(s *scratch, i int, h match.Hit) (int32, chooseHow) {
	if h.N == 1 && s.toks[i].Flags&token.Cap != 0 && s.has(i, bFunction) && s.clauseStart(i) {
		return 0, chooseNo // Man sei …, Seine Rede …: not the Isle of Man or the river
	}
	// Names of two or more words are unambiguous, unless the first is an
	// article: "Die Zeit" is also the time.
	words := h.N
	if words > 1 && s.has(i, bArticle) {
		words--
	}
	last := i + h.N - 1
	if len(h.Terms) > 1 && words == 1 {
		// Names of several entities: an entity the text has already named
		// wins (FC Bayern München … Bayern), else the context may say which
		// type.
		for _, e := range h.Terms {
			if !t.is(e, efAmbigNoun) && s.namedOtherwise(e, i) {
				return e, chooseContext
			}
		}
		if typ := s.contextType(i); typ != "" {
			for _, e := range h.Terms {
				if ent := t.g.Entries[e]; ent.Type == typ && ent.Ambig != "noun" {
					return e, chooseContext
				}
			}
		}
	}
	var fallback int32 = -1
	for _, e := range h.Terms {
		if !t.is(e, efAmbig) || words > 1 {
			return e, chooseYes
		}
		// Another reading of the same name: a place that is also a
		// person's name stays a place (Washington), but an organization
		// named after a person (Müller, Porsche) needs context.
		if !t.is(e, efAmbigNoun|efOrgNamedAfter) {
			if fallback < 0 {
				fallback = e
			}
		}
	}
	if fallback >= 0 {
		return fallback, chooseYes
	}
	if h.N == 1 && s.toks[i].Flags&token.AllCaps != 0 && len(s.key(i)) <= 5 {
		return h.Terms[0], chooseYes // an acronym (DB) is no common noun
	}
	for _, e := range h.Terms {
		ent := t.g.Entries[e]
		if ent.Ambig != "noun" {
			continue
		}
		switch {
		case ent.Type == lexicon.LOC && i > 0 && s.has(i-1, bPlacePrep|bPlaceNoun) && s.toks[i].Flags&token.SentStart == 0:
			return e, chooseContext // in Essen, nach Halle, die Stadt Halle
		case ent.Kind == "party" && (h.N > 1 || i > 0 && s.has(i-1, bArticle) && s.toks[i].Flags&token.SentStart == 0 && !s.beforeGenitive(last)):
			return e, chooseContext // die Grünen, der Linken, die Union
		case ent.Kind == "media" && s.reported(i, last):
			return e, chooseContext // „Bild“, die Zeit berichtete, laut Spiegel
		}
	}
	return h.Terms[0], choosePending
}

// beforeGenitive reports a genitive article after token k: "in der Mitte
// des Jahrhunderts" is no party.
func (s *scratch) beforeGenitive(k int) bool {
	if k+1 >= len(s.toks) {
		return false
	}
	switch s.tokText(k + 1) {
	case "des", "eines":
		return true
	}
	return false
}

var articles = map[string]bool{"die": true, "der": true, "den": true, "dem": true}

// reported reports whether token i is quoted („Bild“) or the source of a
// report (laut Spiegel, wie die Zeit berichtete, der Welt zufolge).
func (s *scratch) reported(i, last int) bool {
	if i > 0 && last+1 < len(s.toks) && s.toks[i-1].Flags&token.Quote != 0 && s.toks[last+1].Flags&token.Quote != 0 {
		return true
	}
	if i > 0 && string(s.key(i-1)) == "laut" {
		return true
	}
	for k := last + 1; k < len(s.toks) && k <= last+2; k++ {
		if s.toks[k].Flags&token.Quote != 0 {
			continue
		}
		switch string(s.key(k)) {
		case "berichtete", "berichtet", "schreibt", "schrieb", "meldete", "meldet", "zufolge", "titelte", "titelt", "enthüllte":
			return true
		}
		break
	}
	return false
}

var placePrepositions = map[string]bool{"in": true, "aus": true, "nach": true, "bei": true,
	"von": true, "nahe": true, "bis": true, "zwischen": true, "gen": true}

// rootCaseMasks holds, for each token case tc (match.TokCase), the bits of
// the root cases in scratch.bits that a token of case tc may use
// (match.CaseMask): a table, read without a bounds check as
// rootCaseMasks[tc&3], is cheaper than the variable shift.
var rootCaseMasks = func() (m [4]uint32) {
	for tc := range 3 {
		m[tc] = uint32(match.CaseMask(uint8(tc))) << bRootCasesShift
	}
	return m
}()

// wordWork reports whether word has work to do at a token with these bits
// and a key of keyLen bytes: a word that is derived, hyphenated, or
// capitalized and long enough for a closed compound, and not truncated.
func wordWork(tok *token.Token, bits uint32, keyLen int) bool {
	f := tok.Flags
	return tok.Kind == token.Word && f&token.Truncated == 0 &&
		(bits&bDeriv != 0 || f&token.Hyphen != 0 || f&token.Cap != 0 && keyLen >= 6)
}

// mayBeCompound reports whether word asks scratch.compound of a token with
// these bits and a key of keyLen bytes: a capitalized word, long enough,
// neither derived nor hyphenated nor truncated.
func mayBeCompound(tok *token.Token, bits uint32, keyLen int) bool {
	f := tok.Flags
	return tok.Kind == token.Word && f&(token.Truncated|token.Hyphen) == 0 && bits&bDeriv == 0 &&
		f&token.Cap != 0 && keyLen >= 6
}

// compoundCode packs what scratch.compound answers into an int32 that is
// not 0: 1 + the entry, or -1 for none.
func compoundCode(e int32, _ int, ok bool) int32 {
	if !ok {
		return -1
	}
	return e + 1
}

// word looks inside a single token that is not a name: hyphenated compounds
// (Nato-Gipfel), derived words (russischen, Münchner) and closed compounds
// (Kremlchef). comp is what scratch.compound answers for the token's key
// (see compoundCode) when mayBeCompound holds.
func (t *Tagger) word(s *scratch, i int, comp int32) {
	tok := &s.toks[i]
	if tok.Flags&token.Truncated != 0 {
		return
	}
	if d, ok := s.deriv(i); ok {
		if tok.Flags&token.Cap != 0 && t.afterFirstNameWord(s, i) {
			return // Christiane Holländer, Stefan Schwabe: a surname
		}
		t.addDeriv(s, i, d)
		return
	}
	if tok.Flags&token.Hyphen != 0 {
		t.hyphenated(s, i)
		return
	}
	if comp > 0 { // a closed compound: Kremlchef
		e := comp - 1
		ent := t.g.Entries[e]
		s.add(mention{start: int32(i), end: int32(i + 1), entry: e, typ: ent.Type, form: FormPart, rule: "compound"})
	}
}

func (t *Tagger) addDeriv(s *scratch, i int, d match.Deriv) {
	rule := "adjective"
	if d.How == match.Demonym {
		rule = "demonym"
	}
	s.add(mention{start: int32(i), end: int32(i + 1), entry: d.Entry, form: FormDeriv, rule: rule})
}

// hyphenated handles a token like Nato-Generalsekretär, US-Außenminister or
// deutsch-russischen: the first name among its parts makes it a part (or a
// name when the name covers every part), else a derived part makes it a
// deriv.
//
// What it finds is a function of the token's text alone (hyphenAnswerOf),
// kept in scratch.hc: the same compounds come back in a text and from text
// to text, and finding it takes a lookup and a case per part, a walk of
// the trie from each part and, for a place's parts, placeDistrict's
// lookups and stemming: 1,570 instructions per token. The cache saves
// 4,600 instructions per document (2,700 on the 10kGNAD texts).
func (t *Tagger) hyphenated(s *scratch, i int) {
	s.hkey = append(s.hkey[:0], s.tokText(i)...)
	v, ok := s.hc.slot(s.hkey)
	var a hyphenAnswer
	if ok {
		a = *v
	} else {
		a = t.hyphenAnswerOf(s, i)
		if v != nil {
			*v = a
		}
	}
	switch a.how {
	case hyName:
		s.add(mention{start: int32(i), end: int32(i + 1), entry: a.entry, form: FormName, rule: "name"})
	case hyPart:
		s.add(mention{start: int32(i), end: int32(i + 1), entry: a.entry, form: FormPart, rule: "hyphen-part"})
	case hyDistrict:
		s.add(mention{start: int32(i), end: int32(i + 1), entry: -1, typ: lexicon.LOC, form: FormName, rule: "place-district"})
	case hyDeriv:
		t.addDeriv(s, i, match.Deriv{Entry: a.entry, How: a.deriv})
	}
}

// hyphenAnswer is what hyphenated finds in a token: how it tags it, with
// the entry and, for a deriv, the kind of derived word.
type hyphenAnswer struct {
	entry int32
	how   uint8 // hyNone, hyName, ...
	deriv match.DerivHow
}

// Ways hyphenated tags a token.
const (
	hyNone     uint8 = iota
	hyName           // a name over every part
	hyPart           // a name among the parts
	hyDistrict       // a part of a place (Berlin-Charlottenburg)
	hyDeriv          // a derived part
)

// hyphenCache remembers hyphenAnswerOf by the token's text.
type hyphenCache = keyCache[hyphenAnswer]

// hyphenAnswerOf finds what hyphenated tags token i as.
func (t *Tagger) hyphenAnswerOf(s *scratch, i int) hyphenAnswer {
	text, key := s.tokText(i), s.key(i)
	s.parts = s.parts[:0]
	s.partEnd = s.partEnd[:0]
	// The key of a part is the part of the token's key between the same
	// hyphens: AppendKey maps rune by rune and keeps '-', which no other
	// rune's bytes contain. The parts are those strings.SplitSeq(text, "-")
	// yields, cut without its iterator's calls (200 instructions per
	// document).
	kstart := 0
	for rest := text; ; {
		part, after, more := strings.Cut(rest, "-")
		if part == "" {
			return hyphenAnswer{}
		}
		kend := len(key)
		if j := bytes.IndexByte(key[kstart:], '-'); j >= 0 {
			kend = kstart + j
		}
		s.partEnd = append(s.partEnd, int32(kend))
		s.parts = append(s.parts, match.Tok{Cands: s.cands(key[kstart:kend]), Case: partCase(part)})
		kstart = kend + 1
		if !more {
			break
		}
		rest = after
	}
	for p := range s.parts {
		if s.parts[p].Cands == nil {
			continue
		}
		s.hits = t.g.HitsCached(s.parts[p:], s.hits[:0], s.ec)
		for _, h := range s.hits {
			e := t.choosePart(h)
			if e < 0 {
				continue
			}
			if p == 0 && h.N == len(s.parts) {
				return hyphenAnswer{entry: e, how: hyName}
			} else if p == 0 && t.isSettlement(e) && t.placeDistrict(text, h.N) {
				// Berlin-Charlottenburg, Moskau-Scheremetjewo: a part of the
				// place, named like a place
				return hyphenAnswer{entry: -1, how: hyDistrict}
			}
			return hyphenAnswer{entry: e, how: hyPart}
		}
	}
	for p := range s.parts {
		start := int32(0)
		if p > 0 {
			start = s.partEnd[p-1] + 1 // after the hyphen
		}
		if w := s.lookup(key[start:s.partEnd[p]]); w != nil && w.Deriv.How != 0 {
			return hyphenAnswer{entry: w.Deriv.Entry, how: hyDeriv, deriv: w.Deriv.How}
		}
	}
	return hyphenAnswer{}
}

// choosePart picks the entry for a name inside a compound; words that are
// also ordinary nouns (Bahn, Union) are not taken there.
func (t *Tagger) choosePart(h match.Hit) int32 {
	for _, e := range h.Terms {
		if !t.is(e, efAmbigNoun) {
			return e
		}
	}
	return -1
}

// resolvePending accepts ambiguous names whose entity the text also names
// unambiguously ("one sense per discourse").
func (t *Tagger) resolvePending(s *scratch) {
	for _, p := range s.pending {
		// add notes evidence of every mention of an entry: the entity is
		// named when the table has it. (A pending name it adds makes only
		// later pending names of the same entity known, which they are
		// already.)
		if _, ok := s.evidence.get(p.entry); ok {
			s.add(p)
		}
	}
}

func (s *scratch) add(m mention) {
	if m.entry >= 0 && m.typ == "" {
		m.typ = s.typeOf(m.entry)
	}
	if m.bend == 0 {
		m.bstart = s.toks[m.start].Start
		m.bend = s.toks[m.end-1].End
	}
	s.mx.added(len(s.ments), m.start, m.end)
	s.ments = append(s.ments, m)
	if m.entry >= 0 {
		s.noteEvidence(m.entry, m.start, m.end)
	}
}

// addName is add(mention{start: start, end: end, entry: e, form: FormName,
// rule: rule}), the mention of a gazetteer name, written in place into
// s.ments: add's argument (88 bytes) is built on the stack and copied again
// into the slice (850 instructions per document, 900 on the 10kGNAD texts).
func (s *scratch) addName(start, end, e int32, rule string) {
	if len(s.ments) == cap(s.ments) {
		s.ments = slices.Grow(s.ments, 1)
	}
	s.mx.added(len(s.ments), start, end)
	s.ments = s.ments[:len(s.ments)+1]
	m := &s.ments[len(s.ments)-1]
	m.start, m.end, m.entry = start, end, e
	m.bstart, m.bend = s.toks[start].Start, s.toks[end-1].End
	m.typ, m.form, m.rule, m.name = "", FormName, rule, ""
	if e >= 0 {
		m.typ = s.typeOf(e)
		s.noteEvidence(e, start, end)
	}
}

// evidence records how a text has named an entity, so that ambiguous names
// can ask in constant time whether the text names it otherwise.
type evidence struct {
	multi bool  // by a name of two or more tokens
	tok   int32 // the first one-token mention, -1 when none
	mixed bool  // one-token mentions with different words
}

// noteEvidence records a mention of entry over the tokens [start, end).
func (s *scratch) noteEvidence(entry, start, end int32) {
	ev, ok := s.evidence.slot(entry)
	if !ok {
		ev.tok = -1
	}
	switch {
	case end-start > 1:
		ev.multi = true
	case ev.tok < 0:
		ev.tok = start
	case string(s.key(int(ev.tok))) != string(s.key(int(start))):
		ev.mixed = true
	}
}

// namedOtherwise reports whether the text names entity e other than by the
// word at token i.
func (s *scratch) namedOtherwise(e int32, i int) bool {
	ev, ok := s.evidence.get(e)
	if !ok {
		return false
	}
	return ev.multi || ev.mixed || ev.tok >= 0 && string(s.key(int(ev.tok))) != string(s.key(i))
}

// entitiesOf turns the mentions into Entities, sorted by start, without
// overlaps (an earlier or longer mention wins).
func (t *Tagger) entitiesOf(s *scratch) []Entity {
	ms := s.live()
	// Sort indexes with their keys, not the mentions (88 bytes each);
	// stable, as the mentions' order breaks ties.
	s.order = s.order[:0]
	for k := range ms {
		s.order = append(s.order, mentionOrder{orderKey(&ms[k]), int32(k)})
	}
	if len(s.order) <= 256 {
		// The mentions come in a few runs sorted already (the names, then
		// each rule's): an insertion sort, stable too, does little work.
		o := s.order
		for k := 1; k < len(o); k++ {
			for j := k; j > 0 && o[j-1].key > o[j].key; j-- {
				o[j-1], o[j] = o[j], o[j-1]
			}
		}
	} else {
		slices.SortStableFunc(s.order, func(a, b mentionOrder) int { return cmp.Compare(a.key, b.key) })
	}
	out := make([]Entity, 0, len(ms))
	last := int32(-1)
	for _, o := range s.order {
		m := &ms[o.k]
		if m.bstart < last {
			continue
		}
		last = m.bend
		// Filled in place: out has room for every mention.
		out = out[:len(out)+1]
		e := &out[len(out)-1]
		e.Start, e.End, e.Text = int(m.bstart), int(m.bend), s.text[m.bstart:m.bend]
		e.Form, e.Rule = m.form, m.rule
		if m.entry >= 0 {
			ent := t.g.Entries[m.entry]
			e.ID, e.Name, e.Kind, e.Country = ent.ID, ent.Name, ent.Kind, ent.Country
			e.Type = ent.Type
			e.Source = t.sources[m.entry]
		} else {
			e.Type, e.Name = m.typ, m.name
		}
	}
	return out
}

// mentionOrder is a mention's place in the order of entitiesOf.
type mentionOrder struct {
	key uint64 // orderKey
	k   int32  // the mention's index
}

// orderKey returns a key that orders mentions by their start, the longer
// first where two start together.
func orderKey(m *mention) uint64 {
	return uint64(m.bstart)<<32 | uint64(math.MaxInt32-m.bend)
}

// partCase tells the case of one part of a hyphenated word.
func partCase(part string) uint8 {
	var f token.Flags
	if token.IsUpperStart(part) {
		f = token.Cap
		upper := 0
		for _, r := range part {
			if unicode.IsUpper(r) {
				upper++
			} else if unicode.IsLetter(r) {
				upper = -1
				break
			}
		}
		if upper >= 2 {
			f |= token.AllCaps
		}
	}
	return match.TokCase(f)
}

// afterFirstName reports whether a one-token organization or place name
// follows a known first name (that is not also a common word), which makes
// it a surname.
func (t *Tagger) afterFirstName(s *scratch, i int, h match.Hit) bool {
	if i == 0 || !s.isCapWord(i-1) || !s.isCapWord(i) {
		return false
	}
	// A person's bare surname after another first name is another person
	// (Melania Trump, Wilhelm Epstein): the rules tag the full name.
	fn, ok := t.firstNameAt(s, i-1)
	if !ok || fn.Noun {
		return false
	}
	// the first name must not itself end a name just matched
	if n := len(s.ments); n > 0 && s.ments[n-1].end == int32(i) {
		return false
	}
	return true
}

// beforeSurname reports whether a one-token organization or place name is a
// first name followed by a surname: Paris Hilton.
func (t *Tagger) beforeSurname(s *scratch, i int, h match.Hit) bool {
	if !s.mayBeFirstName(i) {
		return false // asked first: it reads no entry
	}
	for _, e := range h.Terms {
		if t.is(e, efPER) {
			return false
		}
	}
	fn, ok := t.firstNames[s.tokText(i)]
	if !ok || fn.Noun || i+1 >= len(s.toks) || s.mtoks[i+1].Cands != nil {
		return false
	}
	return t.surnameLike(s, i+1, nil) && s.toks[i+1].Start == s.toks[i].End+1
}

// clauseStart reports whether token i begins a sentence or follows an
// opening quote, a colon or a dash, where any word is capitalized.
func (s *scratch) clauseStart(i int) bool {
	if s.toks[i].Flags&token.SentStart != 0 || i == 0 {
		return true
	}
	p := s.toks[i-1]
	if p.Kind != token.Punct {
		return false
	}
	switch s.tokText(i - 1) {
	case ":", "–", "—", "-", "(":
		return true
	}
	return p.Flags&token.Quote != 0
}

// functionWords are German words that are capitalized only at the start of
// a sentence and also spell names (Man, Seine, Sein, Ihr).
var functionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`man seine seinen seinem seiner seines sein ihr ihre ihren ihrem ihrer
		mein meine dein deine unser unsere euer eure kein keine wer was wo wie wann warum so da dort
		hier nun dann doch noch nur auch aber oder und denn weil wenn als ob dass bis seit nach vor
		mit ohne gegen um durch für über unter an auf aus bei zu von im am beim vom zum zur ins alle
		alles viele manche jeder jede jedes dies diese dieser dieses jene jener es er sie wir ihm ihn
		ja nein nicht mehr weniger sehr schon bald immer nie oft mal dabei damit dafür darum deshalb
		trotzdem jedoch zudem außerdem ebenfalls ebenso genau gerade gar sogar etwa rund laut zwar
		welche welcher welches wem wen wessen darauf daran darin davon dazu hin her heute morgen gestern`) {
		m[w] = true
	}
	return m
}()

// placeDistrict reports whether the parts after the first n of a hyphenated
// word are names (capitalized, not compound heads, role words or nouns by
// their ending), so that the word names a district or a part of a place.
func (t *Tagger) placeDistrict(text string, n int) bool {
	parts := strings.Split(text, "-")[n:]
	if len(parts) == 0 {
		return false
	}
	var buf [64]byte
	for _, p := range parts {
		if !token.IsUpperStart(p) || utf8.RuneCountInString(p) < 3 {
			return false
		}
		key := token.AppendKey(buf[:0], p)
		if t.g.Role(key) != "" || t.g.IsHead(key) {
			return false
		}
		if _, ok := t.g.Deriv(key); ok {
			return false
		}
		if !districtLike(key) && (t.g.IsNoun(key) || hasNounSuffix(key)) {
			return false
		}
	}
	return true
}

// isSettlement reports a city or town entry.
func (t *Tagger) isSettlement(e int32) bool {
	ent := t.g.Entries[e]
	return ent.Type == lexicon.LOC && (ent.Kind == "city" || ent.Kind == "town")
}

// districtLike reports a word that names a district: Mitte, Nord, or a word
// with the ending of a German place name (Charlottenburg, Gerresheim).
func districtLike(key []byte) bool {
	switch string(key) {
	case "mitte", "nord", "süd", "ost", "west", "zentrum", "altstadt", "neustadt":
		return true
	}
	for _, suf := range toponymSuffixes {
		if len(key) > len(suf)+2 && hasSuffix(key, suf) {
			return true
		}
	}
	return false
}

// afterFirstNameWord reports whether token i follows a known first name that
// is not also a common word.
func (t *Tagger) afterFirstNameWord(s *scratch, i int) bool {
	if i == 0 || !s.isCapWord(i-1) {
		return false
	}
	fn, ok := t.firstNameAt(s, i-1)
	return ok && !fn.Noun
}

// has reports whether token i is in one of the word classes of bits.
func (s *scratch) has(i int, bits uint32) bool {
	return s.bits[i]&bits != 0
}

// role returns the role category of token i, or "".
func (s *scratch) role(i int) string {
	if s.bits[i]&bRole == 0 {
		return ""
	}
	return s.g.RoleOf(s.info[i])
}

// deriv returns the derived-word reading of token i.
func (s *scratch) deriv(i int) (match.Deriv, bool) {
	if s.bits[i]&bDeriv == 0 {
		return match.Deriv{}, false
	}
	return s.info[i].Deriv, true
}

// contextType tells the type the words before token i expect: a place after
// "in", "nach" or "die Stadt", a person after a role word or title.
func (s *scratch) contextType(i int) string {
	if i == 0 || s.toks[i].Flags&token.SentStart != 0 {
		return ""
	}
	switch {
	case s.has(i-1, bPlaceNoun):
		return lexicon.LOC
	case s.has(i-1, bPlacePrep):
		switch string(s.key(i - 1)) {
		case "in", "nach", "aus", "nahe":
			return lexicon.LOC
		}
	case s.role(i-1) != "" && s.isCapWord(i-1), s.isTitle(i - 1):
		return lexicon.PER
	}
	return ""
}

// hasNounSuffix reports a word with an ending typical of German common
// nouns (Zahlung, Freiheit, Gesellschaft): one of nounSuffixes, after at
// least three more bytes. After a filter of the last two bytes it tries only
// the suffixes with the key's last byte, and compares one only when its
// last two bytes agree too. A key that passes the filter ends mostly in
// -en, -er or -t, where trying all 37 suffixes cost 240 instructions a word
// (700 per document in the rules, 900 on the 10kGNAD texts).
func hasNounSuffix(key []byte) bool {
	n := len(key)
	if n < 5 || !nounEnds.mayEnd(key) { // the shortest suffixes have two bytes
		return false
	}
	for _, suf := range nounSuffixesByLast[key[n-1]] {
		if m := len(suf); n > m+2 && key[n-2] == suf[m-2] && hasSuffix(key, suf) {
			return true
		}
	}
	return false
}

// alternative is a mention whose entity was chosen by default among terms.
type alternative struct {
	ment  int
	terms []int32
}

// resolveAlternatives switches a name chosen by default to another of its
// entities when the text names that one elsewhere: the headline's "Bayern"
// is the club when the article goes on with "FC Bayern München".
func (t *Tagger) resolveAlternatives(s *scratch) {
	for _, a := range s.alts {
		m := &s.ments[a.ment]
		for _, e := range a.terms {
			if e != m.entry && !t.is(e, efAmbigNoun) && s.namedOtherwise(e, int(m.start)) {
				m.entry, m.typ, m.rule = e, s.typeOf(e), "discourse"
				break
			}
		}
	}
}
