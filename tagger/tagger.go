package tagger

import (
	"errors"
	"fmt"
	"io/fs"
	"math/bits"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/etikett-nlp/etikett/internal/token"
	"github.com/etikett-nlp/etikett/lexicon"
	"github.com/etikett-nlp/etikett/tagger/internal/match"
	"github.com/etikett-nlp/etikett/tagger/internal/snapshot"
	"github.com/etikett-nlp/etikett/tagger/topic"
)

// DefaultMaxBytes is the largest text Tag accepts unless WithMaxBytes says
// otherwise (16 MiB: a book, not a news article).
const DefaultMaxBytes = 16 << 20

// Errors returned by Tag for input it cannot tag.
var (
	ErrEmptyText = errors.New("tagger: empty text")
	ErrTooLarge  = errors.New("tagger: text too large")
)

// InvalidUTF8Error reports the first byte of a text that is not UTF-8.
type InvalidUTF8Error struct{ Offset int }

func (e *InvalidUTF8Error) Error() string {
	return fmt.Sprintf("tagger: invalid UTF-8 at byte %d", e.Offset)
}

// Entity is one mention found in the text.
type Entity struct {
	Start int    `json:"start"` // byte offset of the first byte
	End   int    `json:"end"`   // byte offset after the last byte
	Text  string `json:"text"`  // text[Start:End]
	Type  string `json:"type"`  // PER, ORG, LOC or OTH
	Form  string `json:"form"`  // name, part or deriv
	ID    string `json:"id"`    // lexicon id; "" for mentions found by rules alone
	Name  string `json:"name"`  // canonical name
	// Kind and Country are the lexicon entry's attributes, when it has them.
	Kind    string `json:"kind,omitempty"`
	Country string `json:"country,omitempty"`
	// Rule says why the mention was tagged (name, genitive, part, compound,
	// adjective, demonym, context, discourse, …) and Source which lexicon
	// line it came from.
	Rule   string `json:"rule"`
	Source string `json:"source,omitempty"`
}

// Forms of a mention (see the annotation guide).
const (
	FormName  = "name"
	FormPart  = "part"
	FormDeriv = "deriv"
)

// Result is what Tag finds in one text.
type Result struct {
	Entities []Entity `json:"entities"`
	Topics   []Topic  `json:"topics"`
}

// Tagger tags German text. It is immutable after New and safe for
// concurrent use by any number of goroutines.
type Tagger struct {
	g          *match.Gazetteer
	firstNames map[string]lexicon.FirstName
	topics     *topicModel
	sources    []string // "file:line" of each entry
	facts      []entryFacts
	maxBytes   int
	pool       sync.Pool
}

type config struct {
	noDefault bool
	files     []string
	fss       []fsSource
	maxBytes  int
	noTopics  bool
	topicOpts topic.Options
}

type fsSource struct {
	fsys     fs.FS
	patterns []string
}

// Option configures New.
type Option func(*config)

// WithoutDefaultLexicon starts from an empty lexicon instead of the embedded
// default; add your own with WithLexiconFiles or WithLexiconFS.
func WithoutDefaultLexicon() Option { return func(c *config) { c.noDefault = true } }

// WithLexiconFiles adds lexicon files from disk (see lexicon/README.md).
func WithLexiconFiles(paths ...string) Option {
	return func(c *config) { c.files = append(c.files, paths...) }
}

// WithLexiconFS adds the files of fsys that match the glob patterns (all
// *.tsv files when none is given).
func WithLexiconFS(fsys fs.FS, patterns ...string) Option {
	return func(c *config) { c.fss = append(c.fss, fsSource{fsys, patterns}) }
}

// WithMaxBytes sets the largest text Tag accepts.
func WithMaxBytes(n int) Option { return func(c *config) { c.maxBytes = n } }

// WithTopicOptions sets the topic model's threshold and the number of
// topics returned (see topic.Options).
func WithTopicOptions(o topic.Options) Option { return func(c *config) { c.topicOpts = o } }

// WithoutTopics turns topic tagging off.
func WithoutTopics() Option { return func(c *config) { c.noTopics = true } }

// New compiles a tagger. Every problem in the lexicon files is reported at
// once, one "lexicon: file:line: message" per line (a lexicon.ErrorList).
//
// With the default lexicon alone (no WithLexiconFiles, WithLexiconFS or
// WithoutDefaultLexicon) New loads the precompiled snapshot of it embedded
// in the program, which takes some tens of milliseconds. Any other lexicon
// is parsed and compiled from its files, which takes a few hundred
// milliseconds; so is the default when the snapshot cannot be used (see
// tagger/internal/snapshot). Either way the tagger tags alike.
func New(opts ...Option) (*Tagger, error) {
	cfg := config{maxBytes: DefaultMaxBytes}
	for _, o := range opts {
		o(&cfg)
	}
	if !cfg.noDefault && len(cfg.files) == 0 && len(cfg.fss) == 0 && cfg.maxBytes > 0 {
		if t, err := newFromSnapshot(&cfg); err == nil {
			return t, nil
		}
		// An unusable snapshot (out of date, corrupt): compile the files.
	}
	lx := lexicon.New()
	if !cfg.noDefault {
		if err := lx.AddFS(lexicon.Default(), "*.tsv"); err != nil {
			return nil, err
		}
	}
	var errs lexicon.ErrorList
	for _, p := range cfg.files {
		data, err := os.ReadFile(p)
		if err != nil {
			errs.Add(p, 0, "%v", err)
			continue
		}
		lx.AddFile(filepath.ToSlash(p), data)
	}
	for _, s := range cfg.fss {
		if err := lx.AddFS(s.fsys, s.patterns...); err != nil {
			return nil, err
		}
	}
	if cfg.maxBytes <= 0 {
		return nil, fmt.Errorf("tagger: WithMaxBytes(%d): must be positive", cfg.maxBytes)
	}
	// The whole-lexicon check (names shared by two entries) runs while the
	// gazetteer compiles; on errors the compiled result is dropped.
	checked := make(chan error, 1)
	go func() { checked <- lx.Err() }()
	// The topic model compiles on another core while the gazetteer is
	// built; both only read lx.
	type topicsDone struct {
		m   *topicModel
		err error
	}
	topics := make(chan topicsDone, 1)
	if cfg.noTopics {
		topics <- topicsDone{}
	} else {
		go func() {
			m, err := compileTopics(lx, cfg.topicOpts)
			topics <- topicsDone{m, err}
		}()
	}
	t := &Tagger{g: match.Compile(lx), maxBytes: cfg.maxBytes}
	t.finish(lx.FirstNames)
	if err := <-checked; err != nil {
		var list lexicon.ErrorList
		if errors.As(err, &list) {
			errs = append(errs, list...)
		}
	}
	td := <-topics
	if err := errs.Err(); err != nil {
		return nil, err
	}
	if td.err != nil {
		return nil, td.err
	}
	t.topics = td.m
	return t, nil
}

// loadSnapshot loads the embedded snapshot; tests replace it.
var loadSnapshot = snapshot.Load

// newFromSnapshot makes the tagger of the default lexicon from the embedded
// snapshot.
func newFromSnapshot(cfg *config) (*Tagger, error) {
	// The sources are made as soon as the entries are read, the word lists
	// marked as soon as the keys are, while the rest of the snapshot is.
	var sources []string
	var facts []entryFacts
	marked := false
	hooks := match.Hooks{
		Entries: func(entries []*lexicon.Entry) { sources, facts = sourcesOf(entries), factsOf(entries) },
		Keys: func(g *match.Gazetteer) {
			markWords(g)
			marked = true
		},
	}
	d, err := loadSnapshot(!cfg.noTopics, cfg.topicOpts, hooks)
	if err != nil {
		return nil, err
	}
	if sources == nil {
		sources, facts = sourcesOf(d.Gazetteer.Entries), factsOf(d.Gazetteer.Entries)
	}
	if !marked {
		markWords(d.Gazetteer)
	}
	t := &Tagger{g: d.Gazetteer, maxBytes: cfg.maxBytes, firstNames: d.FirstNameIndex, sources: sources, facts: facts}
	if d.Topics != nil {
		t.topics = &topicModel{m: d.Topics}
	}
	t.pool.New = func() any { return new(scratch) }
	return t, nil
}

// finish completes a compiled tagger around its gazetteer: sources, first
// names, word classes.
func (t *Tagger) finish(firstNames []lexicon.FirstName) {
	done := make(chan struct{})
	go func() {
		t.sources, t.facts = sourcesOf(t.g.Entries), factsOf(t.g.Entries)
		t.firstNames = make(map[string]lexicon.FirstName, len(firstNames))
		for _, n := range firstNames {
			t.firstNames[n.Name] = n
		}
		close(done)
	}()
	t.markClasses()
	<-done
	t.pool.New = func() any { return new(scratch) }
}

// sourcesOf returns "file:line" of each entry, as substrings of one string.
func sourcesOf(entries []*lexicon.Entry) []string {
	size := 0
	for _, e := range entries {
		size += len(e.File) + 8
	}
	var b strings.Builder // its String does not copy
	b.Grow(size)
	ends := make([]int, len(entries))
	var num [20]byte
	for i, e := range entries {
		b.WriteString(e.File)
		b.WriteByte(':')
		b.Write(strconv.AppendInt(num[:0], int64(e.Line), 10))
		ends[i] = b.Len()
	}
	all := b.String()
	sources := make([]string, len(entries))
	start := 0
	for i, end := range ends {
		sources[i] = all[start:end]
		start = end
	}
	return sources
}

// Tag finds the entities and topics of text. It returns an error, and no
// result, for empty text (only white space), text larger than the limit
// and invalid UTF-8.
func (t *Tagger) Tag(text string) (Result, error) {
	if len(text) > t.maxBytes {
		return Result{}, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(text), t.maxBytes)
	}
	if !validUTF8(text) {
		return Result{}, &InvalidUTF8Error{Offset: firstInvalid(text)}
	}
	blank := true
	for _, r := range text {
		if !isSpace(r) {
			blank = false
			break
		}
	}
	if blank {
		return Result{}, ErrEmptyText
	}
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)
	s.reset(text)
	t.entities(s)
	res := Result{Entities: t.entitiesOf(s)}
	if t.topics != nil {
		var err error
		if res.Topics, err = t.topics.score(t, s, res.Entities); err != nil {
			return Result{}, err
		}
	}
	if res.Topics == nil {
		res.Topics = []Topic{}
	}
	return res, nil
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u2028', '\u2029', '\ufeff', '\u200b':
		return true
	}
	return false
}

// validUTF8 reports what utf8.ValidString(text) does, faster on German
// text: ValidString takes eight bytes at a time only up to the first byte
// that is not ASCII and goes on byte by byte, where this takes 16 bytes at
// a time and goes back to that after each umlaut or other non-ASCII rune
// (8,040 -> 4,350 instructions per 2.55 KB article).
func validUTF8(text string) bool {
	const high = 0x8080808080808080 // the high bit of each byte
	i := 0
	for i+16 <= len(text) {
		b := text[i : i+16]
		lo, hi := token.Load8(b, 0)&high, token.Load8(b, 8)&high
		if lo|hi == 0 {
			i += 16
			continue
		}
		// The first byte that is not ASCII.
		if lo != 0 {
			i += bits.TrailingZeros64(lo) / 8
		} else {
			i += 8 + bits.TrailingZeros64(hi)/8
		}
		if text[i] == 0xC3 && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
			i += 2 // U+00C0 to U+00FF: ä, ö, ü, ß, é
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		i += size
	}
	return utf8.ValidString(text[i:])
}

func firstInvalid(s string) int {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(s)
}

// Stats describes a compiled tagger.
type Stats struct {
	Entries   int `json:"entries"`
	TrieNodes int `json:"trie_nodes"`
}

// Stats reports the size of the compiled lexicon.
func (t *Tagger) Stats() Stats {
	return Stats{Entries: len(t.g.Entries), TrieNodes: t.g.Nodes()}
}
