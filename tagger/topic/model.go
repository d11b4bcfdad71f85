package topic

import (
	"cmp"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/etikett-nlp/etikett/internal/token"
	"github.com/etikett-nlp/etikett/lexicon"
)

// Defaults of Options.
const (
	DefaultMinScore  = 0.25
	DefaultMaxTopics = 8
)

// Options tune which topics Score returns.
type Options struct {
	// MinScore drops topics scoring below it; 0 means DefaultMinScore.
	MinScore float64
	// MaxTopics caps the number of topics; 0 means DefaultMaxTopics.
	MaxTopics int
	// NoEvidence leaves Topic.Evidence nil: the topics and their scores
	// are the same, and scoring does less work (7 % of the instructions of
	// tagging a news article) and one allocation less.
	NoEvidence bool
}

// Scoring constants. A topic's raw evidence is the sum over its keywords and
// cues of weight × (1 + ln count), so repeating one word has diminishing
// returns. A top-level topic's score is 1 − exp(−raw / (normScale ×
// √max(words, normMinWords))): evidence is measured against the square root
// of the document length, so a headline needs less of it than a long report,
// and one stray keyword in a long article stays below the threshold.
const (
	normScale    = 0.75
	normMinWords = 25
	// A compound part counts a little less than a keyword standing alone.
	headFactor float32 = 0.8
	modFactor  float32 = 0.6
	// A cue from an adjective or demonym (russisch, Österreicher) counts half.
	derivFactor float32 = 0.5
	// Compound analysis: only capitalized words with keys this long, parts
	// leaving at least minPrefix bytes before a head and minRest after a
	// modifier.
	minCompound = 7
	minPrefix   = 3
	minRest     = 4
)

// Model is a compiled set of topic files. It is immutable and safe for
// concurrent use.
type Model struct {
	opts     Options
	topics   []topicInfo
	order    []int32          // topic indexes, deepest first, for the roll-up
	byKey    map[string]int32 // while compiling
	keys     *keyTable        // for scoring: key → entry
	entries  []entry
	phrases  []phrase
	features []feature
	heads    *trie // reversed keys
	mods     *trie
	// Prefilters: the last 3 bytes of every head, the first 3 of every
	// modifier.
	headEnds, modStarts gram3
	cues                [6]map[string][]int32 // by selector field: id, role, kind, type, country, form
	pool                sync.Pool
	stemsOnce           sync.Once   // builds stems and posts (see scoring)
	stems               []featStem  // per feature
	posts               []featPost  // per feature
	orderPos            []int32     // per topic: its position in order
	nextBytes           [][2]uint64 // per entry: the ASCII bytes c|0x20 its phrases' second keys start with (see scoring)
	noBuckets           bool        // result asks every posting for every output (for tests)
}

type topicInfo struct {
	id, label string
	parent    int32 // -1 for a top-level topic
	root      int32
	depth     int
}

// entry is what a single-word key stands for. A keyword written with a
// capital letter (a noun: Glaube, Handel) matches only capitalized tokens; one
// written in lowercase (glauben, handeln, militärisch) matches any token.
type entry struct {
	low, cap []int32 // features; none: a stop word, or only the start of phrases
	phrases  []int32 // phrases starting with this key, longest first
}

type phrase struct {
	rest    []string // keys of the words after the first
	feature int32
	cap     bool // the first word is capitalized
}

type feature struct {
	cue  bool
	term string // the form as written in the file, or the cue selector
	sel  Selector
	// stems of the single-word forms, folded: a word or compound part
	// matches only if it starts with one of them (see stemOK), so that the
	// coarse key does not confuse Bau with Bauer or Treffen with Treffer.
	stems []string
	post  []posting
	// compound use of a single-word keyword; a modifier counts without a
	// known head only when modAlone is set (a long key, or compound=yes/mod).
	head, mod, modAlone bool
	rank                int32 // position in the order by kind and term, for merging evidence
}

type posting struct {
	topic  int32
	weight float64
}

// Compile builds a model from topic files. Later files override earlier
// ones: a topic line replaces the label and parent of a topic defined
// before, a word or cue line replaces the weight of the same form or
// selector for the same topic (weight 0 removes it). Problems are reported
// together, as a lexicon.ErrorList.
func Compile(files []*File, opts Options) (*Model, error) {
	if opts.MinScore <= 0 {
		opts.MinScore = DefaultMinScore
	}
	if opts.MaxTopics <= 0 {
		opts.MaxTopics = DefaultMaxTopics
	}
	var errs lexicon.ErrorList
	m := &Model{opts: opts, byKey: map[string]int32{}}

	// Topics.
	type tdef struct {
		TopicDef
		file string
	}
	defs := map[string]tdef{}
	var ids []string
	for _, f := range files {
		for _, t := range f.Topics {
			if _, ok := defs[t.ID]; !ok {
				ids = append(ids, t.ID)
			}
			defs[t.ID] = tdef{t, f.Name}
		}
	}
	slices.Sort(ids)
	index := map[string]int32{}
	for i, id := range ids {
		index[id] = int32(i)
		m.topics = append(m.topics, topicInfo{id: id, label: defs[id].Label, parent: -1})
	}
	for i, id := range ids {
		d := defs[id]
		if d.Parent == "" {
			continue
		}
		p, ok := index[d.Parent]
		if !ok {
			errs.Add(d.file, d.Line, "parent %s of %s is not defined", d.Parent, id)
			continue
		}
		m.topics[i].parent = p
	}
	for i := range m.topics {
		t := int32(i)
		depth := 0
		for m.topics[t].parent >= 0 {
			t = m.topics[t].parent
			depth++
			if depth > len(m.topics) {
				d := defs[m.topics[i].id]
				errs.Add(d.file, d.Line, "topic %s is its own ancestor", m.topics[i].id)
				m.topics[i].parent = -1
				t, depth = int32(i), 0
				break
			}
		}
		m.topics[i].root, m.topics[i].depth = t, depth
	}
	for i := range m.topics {
		m.order = append(m.order, int32(i))
	}
	slices.SortStableFunc(m.order, func(a, b int32) int { return m.topics[b].depth - m.topics[a].depth })

	// Keywords: the last line for a (topic, form) wins.
	type kwVal struct {
		form     string
		weight   float64
		compound string
		file     string
		line     int
	}
	type kwKey struct {
		topic int32
		key   string
	}
	kws := map[kwKey]kwVal{}
	var kwOrder []kwKey
	stemForms := map[string][]string{} // feature key → all single-word forms
	for _, f := range files {
		for _, k := range f.Keywords {
			t, ok := index[k.Topic]
			if !ok {
				errs.Add(f.Name, k.Line, "topic %s is not defined", k.Topic)
				continue
			}
			for _, form := range k.Forms {
				kk := kwKey{t, phraseKey(form)}
				if kk.key == "" {
					errs.Add(f.Name, k.Line, "%q has no letters or digits", form)
					continue
				}
				prev, ok := kws[kk]
				if !ok {
					kwOrder = append(kwOrder, kk)
				} else if prev.file == f.Name && prev.line == k.Line {
					continue // Künstler|Künstlerin: the first form names the keyword
				}
				kws[kk] = kwVal{form, k.Weight, k.Compound, f.Name, k.Line}
				if !strings.Contains(kk.key, " ") {
					sk := caseKey(form, kk.key) + "\x00" + k.Topic
					stemForms[sk] = append(stemForms[sk], form)
				}
			}
		}
	}
	featByKey := map[string]int32{}
	var verbs []int32 // features whose form is a verb infinitive
	var verbForm []string
	for _, kk := range kwOrder {
		v := kws[kk]
		if v.weight == 0 {
			continue
		}
		fk := caseKey(v.form, kk.key) + "\x00" + m.topics[kk.topic].id
		f, ok := featByKey[fk]
		if !ok {
			f = int32(len(m.features))
			featByKey[fk] = f
			m.features = append(m.features, feature{term: v.form})
			if !strings.Contains(kk.key, " ") && !isCapitalized(v.form) && len(verbForms(v.form)) > 0 {
				verbs = append(verbs, f)
				verbForm = append(verbForm, v.form)
			}
		}
		ft := &m.features[f]
		ft.post = append(ft.post, posting{kk.topic, v.weight})
		if !strings.Contains(kk.key, " ") {
			ft.head, ft.mod = compoundUse(v.form, kk.key, v.compound)
			ft.modAlone = ft.mod && (len(kk.key) >= 6 || v.compound == "yes" || v.compound == "mod")
		}
	}

	for fk, f := range featByKey {
		for _, form := range stemForms[fk] {
			m.features[f].addStem(form)
		}
	}
	for i, f := range verbs {
		for _, form := range verbForms(verbForm[i]) {
			m.features[f].addStem(form)
		}
	}

	// Lookup structures.
	hb, mb := newTrieBuilder(), newTrieBuilder()
	keys := make([]string, 0, len(featByKey))
	for k := range featByKey {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, fk := range keys {
		f := featByKey[fk]
		capital, k := fk[0] == 'C', fk[1:strings.IndexByte(fk, 0)]
		words := strings.Split(k, " ")
		e := m.entryFor(words[0])
		if len(words) == 1 {
			if capital {
				m.entries[e].cap = append(m.entries[e].cap, f)
			} else {
				m.entries[e].low = append(m.entries[e].low, f)
			}
			ft := &m.features[f]
			if ft.head {
				hb.add(reversed(k), e)
				m.headEnds.add([]byte(k[len(k)-3:]))
			}
			if ft.mod {
				mb.add([]byte(k), e)
				m.modStarts.add([]byte(k[:3]))
			}
			continue
		}
		m.entries[e].phrases = append(m.entries[e].phrases, int32(len(m.phrases)))
		m.phrases = append(m.phrases, phrase{rest: words[1:], feature: f, cap: capital})
	}
	for i := range m.entries {
		slices.SortStableFunc(m.entries[i].phrases, func(a, b int32) int {
			return len(m.phrases[b].rest) - len(m.phrases[a].rest)
		})
	}
	// Generated verb forms, where no keyword has the same key.
	for i, f := range verbs {
		for _, form := range verbForms(verbForm[i]) {
			e := m.entryFor(keyOf(form))
			if !slices.Contains(m.entries[e].low, f) {
				m.entries[e].low = append(m.entries[e].low, f)
			}
		}
	}
	// Stops: known words that are no evidence and never split.
	for _, f := range files {
		for _, s := range f.Stops {
			for _, form := range s.Forms {
				k := phraseKey(form)
				if strings.Contains(k, " ") {
					errs.Add(f.Name, s.Line, "stop %q: a stop is a single word", form)
					continue
				}
				m.entryFor(k)
			}
		}
	}
	m.heads, m.mods = hb.build(), mb.build()
	keyList := make([]string, len(m.entries))
	for k, e := range m.byKey {
		keyList[e] = k
	}
	m.keys = newKeyTable(keyList)

	// Cues.
	for i := range m.cues {
		m.cues[i] = map[string][]int32{}
	}
	cueFeat := map[string]int32{}
	type cueKey struct {
		topic int32
		sel   string
	}
	cueW := map[cueKey]float64{}
	var cueOrder []cueKey
	sels := map[string]Selector{}
	for _, f := range files {
		for _, c := range f.Cues {
			t, ok := index[c.Topic]
			if !ok {
				errs.Add(f.Name, c.Line, "topic %s is not defined", c.Topic)
				continue
			}
			ck := cueKey{t, c.Selector.String()}
			if _, ok := cueW[ck]; !ok {
				cueOrder = append(cueOrder, ck)
			}
			cueW[ck] = c.Weight
			sels[ck.sel] = c.Selector
		}
	}
	for _, ck := range cueOrder {
		w := cueW[ck]
		if w == 0 {
			continue
		}
		f, ok := cueFeat[ck.sel]
		if !ok {
			f = int32(len(m.features))
			cueFeat[ck.sel] = f
			sel := sels[ck.sel]
			m.features = append(m.features, feature{cue: true, term: ck.sel, sel: sel})
			field, val := sel.primary()
			m.cues[field][val] = append(m.cues[field][val], f)
		}
		m.features[f].post = append(m.features[f].post, posting{ck.topic, w})
	}
	if len(m.topics) == 0 {
		errs.Add("topics", 0, "no topics defined")
	}
	byTerm := make([]int32, len(m.features))
	for i := range byTerm {
		byTerm[i] = int32(i)
	}
	slices.SortFunc(byTerm, func(a, b int32) int { return m.evCompare(a, b) })
	rank := int32(0)
	for i, f := range byTerm {
		if i > 0 && m.evCompare(byTerm[i-1], f) != 0 {
			rank++
		}
		m.features[f].rank = rank
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	m.byKey = nil // only for compiling; the key table answers from now on
	nf, nt := len(m.features), len(m.topics)
	m.pool.New = func() any { return newScratch(nf, nt) }
	return m, nil
}

func (m *Model) entryFor(key string) int32 {
	if e, ok := m.byKey[key]; ok {
		return e
	}
	e := int32(len(m.entries))
	m.entries = append(m.entries, entry{})
	m.byKey[key] = e
	return e
}

// compoundUse tells whether a single-word form may be a compound's head or
// modifier.
func compoundUse(form, key, mode string) (head, mod bool) {
	switch mode {
	case "no":
		return false, false
	case "head":
		return len(key) >= minPrefix, false
	case "mod":
		return false, len(key) >= minPrefix
	case "yes":
		return len(key) >= minPrefix, len(key) >= minPrefix
	}
	ok := isCapitalized(form) && len(key) >= 4
	return ok, ok
}

// addStem records the folded stem of a single-word form: the form without a
// final e (Waffe → waff), or the whole form.
func (f *feature) addStem(form string) {
	st := string(appendFold(nil, form))
	if len(st) > minStem && st[len(st)-1] == 'e' {
		st = st[:len(st)-1] + "\x00" // marks "stem of an e-lemma"
	}
	if !slices.Contains(f.stems, st) {
		f.stems = append(f.stems, st)
	}
}

// stemOK reports whether the folded word w (or compound part) starts with
// one of f's stems. After the stem of an e-lemma only nothing, e… or in…
// may follow (Waffe: Waffen, Kollege: Kollegin, but not Linke: Links),
// unless w is a compound that f begins (Schul|gebäude).
// Phrases and features without stems always pass.
func (f *feature) stemOK(w []byte) bool { return f.stemMatch(w, false) }

func (f *feature) stemMatch(w []byte, modifier bool) bool {
	if len(f.stems) == 0 {
		return true
	}
	if st := f.stems[0]; len(f.stems) == 1 && st[len(st)-1] != 0 {
		return len(w) >= len(st) && string(w[:len(st)]) == st
	}
	for _, st := range f.stems {
		if n := len(st); n > 0 && st[n-1] == 0 {
			st = st[:n-1]
			if len(w) < len(st) || string(w[:len(st)]) != st {
				continue
			}
			rest := w[len(st):]
			if modifier || len(rest) == 0 || rest[0] == 'e' || len(rest) >= 2 && rest[0] == 'i' && rest[1] == 'n' {
				return true
			}
			continue
		}
		if len(w) >= len(st) && string(w[:len(st)]) == st {
			return true
		}
	}
	return false
}

// caseKey is the identity of a keyword feature: its key, and whether it is
// written capitalized.
func caseKey(form, key string) string {
	if isCapitalized(form) {
		return "C" + key
	}
	return "l" + key
}

func reversed(s string) []byte {
	b := []byte(s)
	slices.Reverse(b)
	return b
}

// primary returns the selector field a cue rule is indexed by.
func (s Selector) primary() (int, string) {
	switch {
	case s.ID != "":
		return 0, s.ID
	case s.Role != "":
		return 1, s.Role
	case s.Kind != "":
		return 2, s.Kind
	case s.Type != "":
		return 3, s.Type
	case s.Country != "":
		return 4, s.Country
	}
	return 5, s.Form
}

// Topics returns the ids of all topics the model knows, sorted.
func (m *Model) Topics() []string {
	ids := make([]string, len(m.topics))
	for i, t := range m.topics {
		ids[i] = t.id
	}
	return ids
}

// Label returns the label of a topic, and its parent's id ("" for a
// top-level topic); ok is false for an unknown id.
func (m *Model) Label(id string) (label, parent string, ok bool) {
	i, found := slices.BinarySearchFunc(m.topics, id, func(t topicInfo, id string) int { return strings.Compare(t.id, id) })
	if !found {
		return "", "", false
	}
	t := m.topics[i]
	if t.parent >= 0 {
		parent = m.topics[t.parent].id
	}
	return t.label, parent, true
}

// Stats describes the size of a model.
type Stats struct {
	Topics, Keywords, Phrases, Cues, Keys int
}

// Stats returns the size of the model.
func (m *Model) Stats() Stats {
	s := Stats{Topics: len(m.topics), Phrases: len(m.phrases), Keys: len(m.entries)}
	for _, f := range m.features {
		if f.cue {
			s.Cues++
		} else {
			s.Keywords++
		}
	}
	s.Keywords -= s.Phrases
	return s
}

// scratch is the per-call state of Score, pooled so that scoring does not
// allocate per token.
type scratch struct {
	feat     []fstate // per feature
	touched  []int32
	raw      []float64 // per topic
	score    []float64
	base     []float64 // per top-level topic: its score before rounding, while result runs
	order    []int32   // topics of the output
	tops     []int32   // topics with evidence, and their ancestors (see addTop)
	topMark  []bool    // per topic: in tops
	topBits  []uint64  // bit set of the positions in Model.order of tops
	rankSlot []int32   // per feature rank: index in ev while merging, or -1
	parts    []part    // collected, not yet matched from pi on (see scan)
	pi       int
	badSpan  int32    // 1 + the index of the first span outside the text (see ScoreSpans); 0 when none
	nextWord int32    // the next word to collect
	letters  int      // words collected with a letter
	words    []Word   // ScoreText's words
	doc      document // while a call runs
	key      []byte
	next     [maxPhrase - 1][]byte
	ev       []evRef
	evEnd    []int32  // per output: the end of its evidence in ev
	sortBuf  []uint64 // sortEvidence's numbers
	post     []postRef
	masks    []uint64  // per post: the outputs it counts for (see result)
	byOut    []int32   // indexes in post, bucketed by output (see result)
	outBit   []uint64  // per topic: the bit of its output, while result runs
	hbuf     []partHit // hits of the current part
	memo     *partMemo
	cueMemo  *cueMemo
	fs       []featStem // Model.scoring's, set once per call
	fp       []featPost
	nb       [][2]uint64 // Model.nextBytes, set once per call
	model    *Model      // the model scoring, set once per call
	matched  memoSlot    // a slot without hits for a word with a letter (see missWord)
	// The word matchSpans stopped at, as 1 + its index (0 when none), with
	// its wordHash: collectWord takes the hash from here rather than
	// computing it again.
	stopWord int32
	stopHash uint32
	stopFP   uint64
}

// part is a hyphen- or slash-separated part of word w. Its text is
// base[start:end] (see partText), where base is the word's text (Score) or
// the whole text the spans index (ScoreSpans).
// fstate is the per-document state of a feature, in one struct so that a
// hit touches one cache line.
type fstate struct {
	mass  float32 // occurrences, compound parts counting less; the gain after scoring
	count int32
	first int32 // word index of the first match (-1 - cue index for cues)
}

type part struct {
	w          int32
	start, end int32
	hash       uint32 // wordHash's hash and fingerprint of the part's text, for the memo
	fp         uint64
	name       bool // the token is a name: never a compound
}

// evRef is a piece of evidence of an output topic while result runs.
type evRef struct {
	feature, rank int32
	weight        float64
}

// postRef is a posting of a matched feature, with its gain applied.
type postRef struct {
	feature, topic, rank int32
	weight               float64
}

func newScratch(nf, nt int) *scratch {
	s := &scratch{rankSlot: make([]int32, nf),
		feat: make([]fstate, nf),
		raw:  make([]float64, nt), score: make([]float64, nt), base: make([]float64, nt), outBit: make([]uint64, nt), topMark: make([]bool, nt), topBits: make([]uint64, (nt+63)/64),
		key:  make([]byte, 0, 64),
		memo: new(partMemo), cueMemo: new(cueMemo),
		matched: memoSlot{letter: 1},
	}
	for i := range s.rankSlot {
		s.rankSlot[i] = -1
	}
	for i := range s.next {
		s.next[i] = make([]byte, 0, 64)
	}
	return s
}

func (s *scratch) hit(f int32, first int32, w float32) {
	st := &s.feat[f]
	if st.count == 0 {
		s.touched = append(s.touched, f)
		st.first = first
	}
	st.count++
	st.mass += w
}

// addTop adds topic t and its ancestors to s.tops, when not there yet (an
// ancestor of a topic in tops is in tops), and marks their positions in
// m.order in s.topBits.
func (s *scratch) addTop(m *Model, t int32) {
	for ; t >= 0 && !s.topMark[t]; t = m.topics[t].parent {
		s.topMark[t] = true
		s.tops = append(s.tops, t)
		p := m.orderPos[t]
		s.topBits[p/64] |= 1 << (p % 64)
	}
}

// sortTops sorts s.tops by their positions in m.order, reading the
// positions off s.topBits in ascending order (and clearing them).
func (s *scratch) sortTops(m *Model) {
	tops := s.tops[:0]
	for w, b := range s.topBits {
		for b != 0 {
			p := w*64 + bits.TrailingZeros64(b)
			b &= b - 1
			tops = append(tops, m.order[p])
		}
		s.topBits[w] = 0
	}
	s.tops = tops
}

func (s *scratch) reset() {
	for _, f := range s.touched {
		s.feat[f] = fstate{}
	}
	s.touched = s.touched[:0]
	for _, t := range s.tops {
		s.raw[t], s.score[t], s.topMark[t] = 0, 0, false
	}
	s.tops = s.tops[:0]
	s.parts, s.pi, s.nextWord, s.letters, s.badSpan, s.stopWord = s.parts[:0], 0, 0, 0, 0, 0
	s.words = s.words[:0]
	s.ev = s.ev[:0]
	s.doc = document{}
	s.memo.forget()
}

// document is the words of a document: Score's words, or ScoreSpans' text
// and spans (spans != nil). It is small, to be copied into a local
// variable where a loop reads it.
type document struct {
	words []Word
	text  string
	spans []Span
}

// nwords returns the number of words of the document.
func (d *document) nwords() int {
	if d.spans != nil {
		return len(d.spans)
	}
	return len(d.words)
}

// word returns word i of the document, the offset of its text in its
// parts' base string (see part) and its name flag.
func (d *document) word(i int32) (text string, off int32, name bool) {
	if d.spans != nil {
		sp := d.spans[i]
		return d.text[sp.Start:sp.End], sp.Start, sp.Name
	}
	return d.words[i].Text, 0, d.words[i].Name
}

// partText returns the text of part p.
func (d *document) partText(p part) string {
	if d.spans != nil {
		return d.text[p.start:p.end]
	}
	return d.words[p.w].Text[p.start:p.end]
}

// Score returns the topics of a document given its words and the entities
// found in it, best first (score descending, then id). A top-level topic's
// score grows with its evidence relative to the square root of the number
// of words; a subtopic's score is its parent's score times the subtopic's
// share of the parent's evidence, so it never ranks above its parent. Topics
// below Options.MinScore are dropped. Each topic carries its evidence; a
// parent's includes its subtopics'.
//
// Score allocates only for the result: two slices, whatever the length of
// the document.
func (m *Model) Score(words []Word, cues []Cue) []Topic {
	s := m.pool.Get().(*scratch)
	defer func() {
		s.reset()
		m.pool.Put(s)
	}()
	s.doc.words = words
	return m.score(s, cues)
}

// ScoreSpans is Score for words given as byte ranges of one text, as a
// tokenizer finds them: it spares the caller a string per word. The result
// is that of Score with the words text[Start:End]. A span that does not lie
// in the text is an error. (The spans are checked as the words are read,
// by matchSpans and collectWord, not in a pass of their own: 3,200
// instructions per document less.)
func (m *Model) ScoreSpans(text string, spans []Span, cues []Cue) ([]Topic, error) {
	if spans == nil {
		spans = []Span{} // non-nil: spans tells the two kinds of document apart
	}
	s := m.pool.Get().(*scratch)
	defer func() {
		s.reset()
		m.pool.Put(s)
	}()
	s.doc = document{text: text, spans: spans}
	topics := m.score(s, cues)
	if s.badSpan > 0 {
		i := s.badSpan - 1
		sp := spans[i]
		return nil, fmt.Errorf("topic: span %d is [%d, %d), outside the text of %d bytes", i, sp.Start, sp.End, len(text))
	}
	return topics, nil
}

// in reports whether sp lies in text.
func (sp *Span) in(text string) bool {
	return sp.Start >= 0 && sp.Start <= sp.End && int(sp.End) <= len(text)
}

// score scores the document set in s.
func (m *Model) score(s *scratch, cues []Cue) []Topic {
	s.fs, s.fp = m.scoring()
	s.nb = m.nextBytes
	s.model = m
	n := m.scan(s)
	for i := range cues {
		m.cue(s, &cues[i], int32(i))
	}
	if len(s.touched) == 0 {
		return nil
	}
	return m.result(s, n, cues)
}

// ScoreText is Score for a plain text, split into words at spaces and
// punctuation, without entity cues.
func (m *Model) ScoreText(text string) []Topic {
	s := m.pool.Get().(*scratch)
	defer func() {
		s.reset()
		m.pool.Put(s)
	}()
	s.words = AppendWords(s.words[:0], text)
	s.doc.words = s.words
	return m.score(s, nil)
}

// collectWord appends the parts of word wi to s.parts and returns 1 when
// the word has a letter.
func (s *scratch) collectWord(wi int32) int {
	if s.doc.spans != nil && !s.doc.spans[wi].in(s.doc.text) {
		// Words are collected in their order, each once: this is the
		// first span outside the text. It has no parts.
		if s.badSpan == 0 {
			s.badSpan = wi + 1
		}
		return 0
	}
	w, off, name := s.doc.word(wi)
	var h uint32
	var fp uint64
	if wi+1 == s.stopWord {
		// The word matchSpans stopped at: it computed the hash.
		h, fp = s.stopHash, s.stopFP
	} else {
		h, fp = wordHash(w)
	}
	if onePart(w, fp) {
		s.parts = append(s.parts, part{w: wi, start: off, end: off + int32(len(w)), hash: h, fp: fp, name: name})
		return 1
	}
	return s.addParts(w, wi, name, off)
}

// byteClass classifies bytes for onePart: a letter (or a byte of a
// multi-byte character, as in addParts), or a digit.
var byteClass = func() (c [256]uint8) {
	for b := range 256 {
		switch {
		case b >= utf8.RuneSelf || 'A' <= b && b <= 'Z' || 'a' <= b && b <= 'z':
			c[b] = classLetter
		case '0' <= b && b <= '9':
			c[b] = classDigit
		}
	}
	return c
}()

// Classes of byteClass.
const (
	classLetter uint8 = 1 << iota
	classDigit
)

// addParts appends the hyphen- and slash-separated parts of w, word wi
// at offset off of its parts' base string, and returns 1 when w has a
// letter.
func (s *scratch) addParts(w string, wi int32, name bool, off int32) int {
	if strings.IndexByte(w, '-') < 0 && strings.IndexByte(w, '/') < 0 {
		// The common case: one part.
		letter := 0
		for i := 0; i < len(w); i++ {
			if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' {
				letter = 1
				break
			}
		}
		if a, b := trimPunct(w, 0, len(w)); a < b {
			s.addPart(w[a:b], wi, off+int32(a), name)
		}
		return letter
	}
	letter := 0
	start := 0
	for i := 0; i <= len(w); i++ {
		if i < len(w) {
			c := w[i]
			if c != '-' && c != '/' {
				if letter == 0 && (c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z') {
					letter = 1
				}
				continue
			}
		}
		if a, b := trimPunct(w, start, i); a < b {
			s.addPart(w[a:b], wi, off+int32(a), name)
		}
		start = i + 1
	}
	return letter
}

// addPart appends part text of word wi, at offset off of its base string.
func (s *scratch) addPart(text string, wi, off int32, name bool) {
	h, fp := wordHash(text)
	s.parts = append(s.parts, part{w: wi, start: off, end: off + int32(len(text)), hash: h, fp: fp, name: name})
}

// trimPunct trims ASCII punctuation (quotes, dots, apostrophes) at both
// ends of w[a:b] and returns the new bounds.
func trimPunct(w string, a, b int) (int, int) {
	for a < b && w[a] < utf8.RuneSelf && !isAlnum(w[a]) {
		a++
	}
	for a < b && w[b-1] < utf8.RuneSelf && !isAlnum(w[b-1]) {
		b--
	}
	return a, b
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// scan splits the words into parts and matches them against keywords,
// phrases and compounds, in one pass; it returns the number of words with a
// letter. s.parts holds the parts collected but not yet matched, from
// s.parts[s.pi] on: a phrase looks ahead at the parts after its first. The
// common word, one part whose hits the memo knows and where no phrase
// starts, is matched at once, without a stop in s.parts.
func (m *Model) scan(s *scratch) int {
	nw := int32(s.doc.nwords())
	for {
		if s.pi == len(s.parts) {
			s.parts, s.pi = s.parts[:0], 0
			s.matchWords(nw)
			if s.nextWord == nw {
				return s.letters
			}
			// a word for the way below
			s.letters += s.collectWord(s.nextWord)
			s.nextWord++
			continue
		}
		i := s.pi
		s.pi++
		p := s.parts[i]
		text := s.doc.partText(p)
		if sl := s.memo.get(text, p.name, p.hash, p.fp); sl != nil {
			// The hits are read from the slot: nothing below touches the
			// memo.
			if sl.phr {
				if f, n := m.phrase(s, sl.e, i, isCapitalized(text)); f >= 0 {
					s.hit(f, p.w, 1)
					s.pi += n - 1
					continue
				}
			}
			for k := range sl.nh {
				s.hit(sl.f[k], p.w, sl.w[k])
			}
			continue
		}
		e, phr, hits := m.learn(s, text, p.name, p.hash, p.fp)
		if phr {
			if f, n := m.phrase(s, e, i, isCapitalized(text)); f >= 0 {
				s.hit(f, p.w, 1)
				s.pi += n - 1
				continue
			}
		}
		for _, h := range hits {
			s.hit(h.f, p.w, h.w)
		}
	}
}

// matchWords matches the words from s.nextWord on while each is a word
// whose hits the memo knows and where no phrase starts; it stops at the
// first other word, or at the end (nw). Such a word is one part, as the
// memo knows only parts (a text without '-' or '/' that starts and ends
// with no punctuation, which collectWord and addParts leave whole); the
// slot tells whether it has a letter. (Asking onePart whether the word
// is one part before the memo cost 5,000 instructions per document more.)
// Spans have a loop of their own (see matchSpans).
func (s *scratch) matchWords(nw int32) {
	if s.doc.spans != nil {
		s.matchSpans(nw)
		return
	}
	wi, letters := s.nextWord, s.letters
	words, memo := s.doc.words, s.memo
	for ; wi < nw; wi++ {
		w, name := words[wi].Text, words[wi].Name
		h, fp := wordHash(w)
		sl := memo.get(w, name, h, fp)
		if sl == nil || sl.phr {
			break
		}
		letters += int(sl.letter)
		for k := range sl.nh {
			s.hit(sl.f[k], wi, sl.w[k])
		}
	}
	s.nextWord, s.letters = wi, letters
}

// matchSpans is matchWords for the spans of a text. It computes wordHash
// of a word of up to 8 bytes from one load of the text and a mask, and
// asks the first slot of the memo's set inline (4,500 instructions per
// document less than the loop of matchWords), and the second too, moving
// a hit there to the front as getSecond does (a word shares its set with
// another often enough: 1,400 instructions per document less than
// getSecond, 300 on the 10kGNAD texts). Unlike matchWords, it also
// matches a word the memo does not know, when it is one part where no
// phrase starts (see missWord).
func (s *scratch) matchSpans(nw int32) {
	wi, letters := s.nextWord, s.letters
	text, spans, memo := s.doc.text, s.doc.spans[:nw], s.memo
	for ; int(wi) < len(spans); wi++ {
		sp := &spans[wi]
		if !sp.in(text) {
			break // for collectWord to note
		}
		w := text[sp.Start:sp.End]
		var h uint32
		var fp uint64
		if n := len(w); n <= 8 && int(sp.Start) <= len(text)-8 {
			fp = le64(text[sp.Start:]) & token.LowBytes(n)
			h = shortHash(n, fp)
		} else {
			h, fp = wordHash(w)
		}
		set := &memo.sets[h>>memoSetShift]
		sl := &set[0]
		if !sl.is(w, sp.Name, fp) {
			if set[1].is(w, sp.Name, fp) {
				set[0], set[1] = set[1], set[0]
				sl = &set[0]
			} else if sl = memo.getThird(w, sp.Name, h, fp); sl == nil {
				sl = s.missWord(w, sp.Name, h, fp, wi)
			}
		}
		if sl == nil || sl.phr && !s.phraseless(sl.e, wi) {
			s.stopWord, s.stopHash, s.stopFP = wi+1, h, fp
			break
		}
		letters += int(sl.letter)
		for k := range sl.nh {
			s.hit(sl.f[k], wi, sl.w[k])
		}
	}
	s.nextWord, s.letters = wi, letters
}

// missWord matches span wi, w, which the memo does not know, when it is
// one part (see onePart) where no phrase can start, as scan would: it
// remembers what the part hits, counts the hits and returns s.matched, a
// slot without hits and with a letter, for matchSpans to take the word as
// any other. Else it returns nil, for scan to collect and match the word
// (its part in the memo now, when it is one part). Matching the word here
// rather than in scan saves the way through scan and collectWord and back
// (12,700 instructions per document less on the 10kGNAD texts, whose words
// the memo often misses; asking for it in matchSpans' loop, not in the
// branch that asks the last slots of the set, cost 2,600 more on the
// benchmark's articles).
//
//go:noinline
func (s *scratch) missWord(w string, name bool, h uint32, fp uint64, wi int32) *memoSlot {
	if !onePart(w, fp) {
		s.memo.noteMiss(w, name)
		return nil
	}
	// learn, inline: the call cost 1,600 instructions per document more
	// on the 10kGNAD texts (TestScoreSpans checks that ScoreSpans, which
	// comes here, and Score, which asks learn, agree).
	m := s.model
	e, hits := m.part(s, w, name)
	phr := e >= 0 && len(m.entries[e].phrases) > 0
	s.memo.put(w, name, h, fp, e, phr, hits)
	if phr && !s.phraseless(e, wi) {
		return nil
	}
	for _, ht := range hits {
		s.hit(ht.f, wi, ht.w)
	}
	return &s.matched
}

// learn returns what part returns for a part the memo does not know, and
// whether phrases may start at it, and puts them into the memo; hash and
// fp are the part's wordHash.
func (m *Model) learn(s *scratch, text string, name bool, hash uint32, fp uint64) (int32, bool, []partHit) {
	e, hits := m.part(s, text, name)
	phr := e >= 0 && len(m.entries[e].phrases) > 0 // phrases may start here
	s.memo.put(text, name, hash, fp, e, phr, hits)
	return e, phr, hits
}

// phraseless reports whether no phrase of entry e can start at span wi,
// a word of one part, as phrase's test of the next part's first byte finds
// (see nextByte): then matchSpans takes the word as any other, rather than
// stop for scan to collect it and ask phrase (3,300 instructions per
// document less, 3,500 on the 10kGNAD texts).
//
//go:noinline
func (s *scratch) phraseless(e, wi int32) bool {
	if int(wi)+1 >= len(s.doc.spans) {
		return false
	}
	sp := &s.doc.spans[wi+1]
	if !sp.in(s.doc.text) || sp.Start >= sp.End {
		return false
	}
	c := s.doc.text[sp.Start]
	return isAlnum(c) && s.nb[e][(c|0x20)/64]&(1<<((c|0x20)%64)) == 0
}

// part returns the keyword entry of one part's key (-1 for none) and the
// features the part hits on its own, as a keyword or, when its key is no
// keyword, as a compound (in s.hbuf).
func (m *Model) part(s *scratch, text string, name bool) (int32, []partHit) {
	s.key = appendFold(s.key[:0], text)
	folded := s.key
	key := folded[:stemLen(folded)]
	capital := isCapitalized(text)
	s.hbuf = s.hbuf[:0]
	fs := s.fs
	if e := m.keys.find(key); e >= 0 {
		en := &m.entries[e]
		if capital {
			for _, f := range en.cap {
				if m.stemMatch(fs, f, folded, false) {
					s.hbuf = append(s.hbuf, partHit{f, 1})
				}
			}
		}
		if len(s.hbuf) == 0 {
			for _, f := range en.low {
				if m.stemMatch(fs, f, folded, false) {
					s.hbuf = append(s.hbuf, partHit{f, 1})
				}
			}
		}
		return e, s.hbuf
	}
	if capital && !name && len(key) >= minCompound {
		m.compound(s, fs, folded, key)
	}
	return -1, s.hbuf
}

// phrase returns the longest phrase starting at part i, of entry e, and
// its length in parts; -1 when none matches. It collects the parts after i
// as far as a phrase needs them (see scan).
func (m *Model) phrase(s *scratch, e int32, i int, capital bool) (int32, int) {
	nw := int32(s.doc.nwords())
	if c, ok := s.nextByte(i); ok && c < utf8.RuneSelf && m.nextBytes[e][(c|0x20)/64]&(1<<((c|0x20)%64)) == 0 {
		// The next part starts with an ASCII byte no phrase of e wants
		// there (see the test on the first byte below): no phrase
		// matches, and the next word is left to matchSpans rather than
		// collected (1,500 instructions per document less, 1,700 on the
		// 10kGNAD texts).
		return -1, 0
	}
	en := &m.entries[e]
	have := 0 // next keys computed so far
	for _, pi := range en.phrases {
		ph := &m.phrases[pi]
		if ph.cap && !capital {
			continue
		}
		ok := true
		for j, want := range ph.rest {
			k := i + 1 + j
			for len(s.parts) <= k && s.nextWord < nw {
				s.letters += s.collectWord(s.nextWord)
				s.nextWord++
			}
			if k >= len(s.parts) {
				ok = false // the text ends first
				break
			}
			if j >= have {
				text := s.doc.partText(s.parts[k])
				// A key starts with its text's first byte, lowercased,
				// when that is ASCII (parts start with a letter, a digit
				// or a non-ASCII character): most phrases fail here,
				// before the key is computed.
				if c := text[0]; c < utf8.RuneSelf && (want == "" || c|0x20 != want[0]) {
					ok = false
					break
				}
				s.next[j] = appendKey(s.next[j][:0], text)
				have = j + 1
			}
			if string(s.next[j]) != want {
				ok = false
				break
			}
		}
		if ok {
			return ph.feature, len(ph.rest) + 1
		}
	}
	return -1, 0
}

// nextByte returns the first byte of the part after part i, when it is
// known without collecting a word: the part is collected, or it is the
// first of the next word, which lies in the text and starts with an ASCII
// letter or digit (so that its first part starts there; see addParts).
func (s *scratch) nextByte(i int) (byte, bool) {
	if i+1 < len(s.parts) {
		return s.doc.partText(s.parts[i+1])[0], true
	}
	if s.doc.spans == nil || int(s.nextWord) >= len(s.doc.spans) {
		return 0, false
	}
	if sp := &s.doc.spans[s.nextWord]; sp.in(s.doc.text) && sp.Start < sp.End {
		if c := s.doc.text[sp.Start]; isAlnum(c) {
			return c, true
		}
	}
	return 0, false
}

// compound counts the head and the modifier of a compound word whose key is
// not a keyword: Waffenlieferungen → Lieferung (head) and Waffe (modifier).
// It appends the hits to s.hbuf.
func (m *Model) compound(s *scratch, fs []featStem, folded, key []byte) {
	headHit := false
	he, hs := int32(-1), len(key)
	if m.headEnds.has(key[len(key)-3:]) {
		he, hs = m.heads.longestSuffix(key, minPrefix)
	}
	if he >= 0 {
		en := &m.entries[he]
		for _, list := range [2][]int32{en.cap, en.low} {
			for _, f := range list {
				if fs[f].head && m.stemMatch(fs, f, folded[hs:], false) {
					s.hbuf = append(s.hbuf, partHit{f, headFactor})
					headHit = true
				}
			}
		}
	}
	limit := len(key) - minRest
	if headHit {
		limit = min(limit, hs)
	}
	me := int32(-1)
	if m.modStarts.has(key[:3]) {
		me, _ = m.mods.longestPrefix(key, limit)
	}
	if me >= 0 {
		en := &m.entries[me]
		for _, list := range [2][]int32{en.cap, en.low} {
			for _, f := range list {
				if ft := &fs[f]; ft.mod && (headHit || ft.modAlone) && m.stemMatch(fs, f, folded, true) {
					s.hbuf = append(s.hbuf, partHit{f, modFactor})
				}
			}
		}
	}
}

// cue counts the cue rules an entity satisfies.
func (m *Model) cue(s *scratch, c *Cue, ci int32) {
	w := float32(1)
	if c.Form == "deriv" {
		w = derivFactor
	}
	sl := &s.cueMemo.slots[cueHash(c)>>cueShift]
	if sl.is(c) {
		for _, f := range sl.f[:sl.nf] {
			s.hit(f, -1-ci, w)
		}
		return
	}
	n := 0
	vals := [6]string{c.ID, c.Role, c.Kind, c.Type, c.Country, c.Form}
	for field, v := range vals {
		if v == "" {
			continue
		}
		for _, f := range m.cues[field][v] {
			if m.features[f].sel.match(c) {
				s.hit(f, -1-ci, w)
				if n < cueHits {
					sl.f[n] = f
				}
				n++
			}
		}
	}
	if n <= cueHits {
		sl.sel = Selector{ID: c.ID, Type: c.Type, Form: c.Form, Kind: c.Kind, Country: c.Country, Role: c.Role}
		sl.set, sl.nf = true, uint8(n)
	} else {
		sl.set = false
	}
}

func gain(mass float64) float64 {
	if mass <= 1 {
		return mass
	}
	return 1 + math.Log(mass)
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// result turns the matched features into the sorted topics.
func (m *Model) result(s *scratch, nwords int, cues []Cue) []Topic {
	s.post = s.post[:0]
	fp := s.fp
	evidence := !m.opts.NoEvidence
	for _, f := range s.touched {
		g := gain(float64(s.feat[f].mass))
		if p := &fp[f]; p.topic >= 0 {
			// the common case, one posting, without reading the feature
			s.addTop(m, p.topic)
			s.raw[p.topic] += p.weight * g
			if evidence {
				s.post = append(s.post, postRef{feature: f, topic: p.topic, rank: p.rank, weight: p.weight * g})
			}
			continue
		}
		ft := &m.features[f]
		for _, p := range ft.post {
			s.addTop(m, p.topic)
			s.raw[p.topic] += p.weight * g
			if evidence {
				s.post = append(s.post, postRef{feature: f, topic: p.topic, rank: ft.rank, weight: p.weight * g})
			}
		}
	}
	// Only the topics with evidence and their ancestors (s.tops) can have
	// raw evidence: the roll-up visits them in m.order's order, which fixes
	// the order of the additions, and skips the rest, which would add
	// zeros.
	s.sortTops(m)
	for _, t := range s.tops {
		if p := m.topics[t].parent; p >= 0 {
			s.raw[p] += s.raw[t]
		}
	}
	norm := normScale * math.Sqrt(float64(max(nwords, normMinWords)))
	// Topics are sorted by id, so sorting their indexes by score, then
	// index (a total order), gives the order of the result.
	// s.tops is deepest first: backwards, a top-level topic comes before
	// its subtopics, and its part of the score, 1 − exp(−raw / norm), is
	// computed once for all of them (1,400 instructions per document).
	s.order = s.order[:0]
	for k := len(s.tops) - 1; k >= 0; k-- {
		i := s.tops[k]
		r := m.topics[i].root
		if i == r {
			s.base[r] = 1 - math.Exp(-s.raw[r]/norm)
		}
		if s.raw[i] <= 0 {
			continue
		}
		sc := s.base[r]
		if i != r {
			sc *= s.raw[i] / s.raw[r]
		}
		s.score[i] = round3(sc)
		if s.score[i] >= m.opts.MinScore {
			s.order = append(s.order, i)
		}
	}
	if len(s.order) == 0 {
		return nil
	}
	s.sortOrder()
	if len(s.order) > m.opts.MaxTopics {
		s.order = s.order[:m.opts.MaxTopics]
	}
	out := make([]Topic, len(s.order))
	for i, t := range s.order {
		o, ti := &out[i], &m.topics[t]
		o.ID, o.Label, o.Score = ti.id, ti.label, s.score[t] // field by field, as the evidence below
	}
	if !evidence {
		return out
	}
	// Evidence, topic by topic: every posting counts for its topic and the
	// topic's ancestors. Postings of one term (a keyword listed for a topic
	// and its parent) merge through rankSlot.
	// The postings of output i, in their order in s.post: those whose topic
	// is the topic of output i or a descendant. With at most 64 outputs,
	// each topic of s.tops gets the bit mask of the outputs its postings
	// count for (its own output's bit and its parent's mask: s.tops is
	// deepest first, so parents come first backwards), and the postings
	// are bucketed by output (s.byOut[start[i]:start[i+1]]); else each
	// output asks every posting.
	bucketed := len(s.order) <= 64 && !m.noBuckets
	var start [65]int32
	if bucketed {
		for i, t := range s.order {
			s.outBit[t] = 1 << i
		}
		for k := len(s.tops) - 1; k >= 0; k-- {
			t := s.tops[k]
			if p := m.topics[t].parent; p >= 0 {
				s.outBit[t] |= s.outBit[p]
			}
		}
		masks := s.masks[:0]
		for _, p := range s.post {
			mask := s.outBit[p.topic]
			masks = append(masks, mask)
			for b := mask; b != 0; b &= b - 1 {
				start[bits.TrailingZeros64(b)+1]++
			}
		}
		for _, t := range s.tops {
			s.outBit[t] = 0
		}
		s.masks = masks
		for i := range len(s.order) {
			start[i+1] += start[i]
		}
		next := start
		s.byOut = slices.Grow(s.byOut[:0], int(start[len(s.order)]))[:start[len(s.order)]]
		for k, mask := range masks {
			for b := mask; b != 0; b &= b - 1 {
				i := bits.TrailingZeros64(b)
				s.byOut[next[i]] = int32(k)
				next[i]++
			}
		}
	}
	s.evEnd = s.evEnd[:0]
	for i, t := range s.order {
		begin := len(s.ev)
		if bucketed {
			for _, k := range s.byOut[start[i]:start[i+1]] {
				s.addEvidence(&s.post[k])
			}
		} else {
			for k := range s.post {
				if p := &s.post[k]; m.within(p.topic, t) {
					s.addEvidence(p)
				}
			}
		}
		for _, e := range s.ev[begin:] {
			s.rankSlot[e.rank] = -1
		}
		s.evEnd = append(s.evEnd, int32(len(s.ev)))
	}
	slab := make([]Evidence, len(s.ev))
	begin := 0
	for i := range out {
		end := int(s.evEnd[i])
		ev, dst := s.ev[begin:end], slab[begin:end:end]
		keys := s.sortEvidence(ev)
		for j := range dst {
			e := &ev[j]
			if keys != nil {
				e = &ev[keys[j]&(1<<indexBits-1)]
			}
			ft := &m.features[e.feature]
			kind := "word"
			if ft.cue {
				kind = "cue"
			}
			st := &s.feat[e.feature]
			text := ""
			if st.first >= 0 {
				text, _, _ = s.doc.word(st.first)
			} else {
				text = cues[-1-st.first].Text
			}
			// Field by field, in the new slab: a composite literal
			// is built on the stack and copied (1,000 instructions per
			// document more).
			d := &dst[j]
			d.Kind, d.Term, d.Text, d.Count, d.Weight = kind, ft.term, text, int(st.count), e.weight
		}
		out[i].Evidence = dst
		begin = end
	}
	return out
}

// addEvidence adds posting p to the evidence of the output topic in s.ev
// from the rank slots set, merging it with evidence of the same rank.
func (s *scratch) addEvidence(p *postRef) {
	if j := s.rankSlot[p.rank]; j >= 0 {
		s.ev[j].weight += p.weight
		return
	}
	s.rankSlot[p.rank] = int32(len(s.ev))
	s.ev = append(s.ev, evRef{feature: p.feature, rank: p.rank, weight: p.weight})
}

// orderCompare orders output topics: by score, highest first, then by
// index (a total order, so that every sort gives the same order).
func (s *scratch) orderCompare(a, b int32) int {
	if c := cmp.Compare(s.score[b], s.score[a]); c != 0 {
		return c
	}
	return int(a - b)
}

// sortOrder sorts s.order with orderCompare: by insertion when there are
// few topics, as usual, comparing the scores inline, which are never NaN
// here (they passed MinScore); slices.SortFunc with a closure cost 1,500
// instructions per document more.
func (s *scratch) sortOrder() {
	order, score := s.order, s.score
	if len(order) > 24 {
		slices.SortFunc(order, s.orderCompare)
		return
	}
	for i := 1; i < len(order); i++ {
		x := order[i]
		sx := score[x]
		j := i
		for ; j > 0; j-- {
			y := order[j-1]
			if sy := score[y]; sx < sy || sx == sy && x > y {
				break // y comes first
			}
			order[j] = y
		}
		order[j] = x
	}
}

// gram3 is a bitset of hashed 3-byte strings (every compound part has at
// least 3 bytes).
type gram3 struct {
	bits [1 << 16 / 64]uint64
}

func g3hash(b []byte) uint32 {
	return (uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16) * 2654435761 >> 16
}

func (g *gram3) add(b []byte) {
	h := g3hash(b)
	g.bits[h/64] |= 1 << (h % 64)
}

func (g *gram3) has(b []byte) bool {
	h := g3hash(b)
	return g.bits[h/64]&(1<<(h%64)) != 0
}

// within reports whether topic t is topic a or one of its ancestors.
func (m *Model) within(t, a int32) bool {
	for ; t >= 0; t = m.topics[t].parent {
		if t == a {
			return true
		}
	}
	return false
}

// evCompare orders features by kind and term.
func (m *Model) evCompare(a, b int32) int {
	fa, fb := &m.features[a], &m.features[b]
	if fa.cue != fb.cue {
		if fa.cue {
			return 1
		}
		return -1
	}
	return strings.Compare(fa.term, fb.term)
}

// String describes a topic in one line, for debugging.
func (t Topic) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %q %.3f", t.ID, t.Label, t.Score)
	for i, e := range t.Evidence {
		if i == 5 {
			fmt.Fprintf(&b, " …")
			break
		}
		fmt.Fprintf(&b, " %s×%d", e.Term, e.Count)
	}
	return b.String()
}

// evKey returns the order of a piece of evidence of weight k/1000 and rank
// rank as one number: by weight, largest first, then by rank (unique within
// a topic's evidence, so the order is total). Weights are rounded to
// thousandths, so the integer k orders them as their weights; ok is false
// when k does not fit (or is NaN).
func evKey(k float64, rank int32) (key uint64, ok bool) {
	if !(k > math.MinInt32 && k <= math.MaxInt32) {
		return 0, false
	}
	return uint64(math.MaxInt32-int64(k))<<32 | uint64(uint32(rank)), true
}

// Bits of the numbers sortEvidence sorts, below the weight part of evKey:
// the rank, then the index in the evidence (so that each number leads back
// to its evidence).
const rankBits, indexBits = 20, 12

// evOrder orders evidence as evKey does, from its weights (for evidence
// without keys).
func evOrder(a, b evRef) int {
	if c := cmp.Compare(b.weight, a.weight); c != 0 {
		return c
	}
	return cmp.Compare(a.rank, b.rank)
}

// sortEvidence rounds the weights of a topic's evidence to thousandths and
// returns its order as numbers, sorted, whose low indexBits bits are
// indexes in ev: the weight part of evKey, then the rank and the index.
// Sorting plain numbers (by insertion, as there is usually little
// evidence) and reading the evidence through them costs less than moving
// the evidence while sorting it (with the output masks of result, 4,200
// instructions per document). When
// weights, ranks or ev are too large for such numbers, it sorts ev itself
// with evOrder and returns nil.
func (s *scratch) sortEvidence(ev []evRef) []uint64 {
	keys := slices.Grow(s.sortBuf[:0], len(ev))[:len(ev)]
	keyed := len(ev) <= 1<<indexBits
	for i := range keys {
		e := &ev[i]
		// k is math.Round(x), by a shortcut for the usual x, positive
		// and below 2⁵²: there int64(x) truncates x exactly, and x
		// minus it is the exact fraction (600 instructions per document
		// less). Zero (math.Round keeps the sign of −0), negative, huge
		// and NaN x go to math.Round.
		x := e.weight * 1000
		k := float64(int64(x))
		if !(x > 0 && x < 1<<52) {
			k = math.Round(x)
		} else if x-k >= 0.5 {
			k++
		}
		e.weight = k / 1000 // round3
		key, ok := evKey(k, e.rank)
		if !ok || uint32(e.rank) >= 1<<rankBits {
			keyed = false
		}
		keys[i] = key&^(1<<32-1) | uint64(uint32(e.rank))<<indexBits | uint64(i)
	}
	s.sortBuf = keys
	if !keyed {
		slices.SortFunc(ev, evOrder)
		return nil
	}
	if len(keys) > 24 {
		slices.Sort(keys)
		return keys
	}
	for i := 1; i < len(keys); i++ {
		x := keys[i]
		j := i
		for ; j > 0 && x < keys[j-1]; j-- {
			keys[j] = keys[j-1]
		}
		keys[j] = x
	}
	return keys
}
