// Package lexicon reads, checks and holds etikett's gazetteer: the entity,
// role-word, first-name, compound-head and topic files described in
// README.md. Every problem in every file is collected and reported at once as
// "file:line: message".
package lexicon

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/etikett-nlp/etikett/internal/token"
)

// Entity types.
const (
	PER = "PER"
	ORG = "ORG"
	LOC = "LOC"
	OTH = "OTH"
)

// Entry is one entity of an entity file.
type Entry struct {
	ID       string
	Type     string // PER, ORG, LOC or OTH
	Name     string // canonical German name
	Aliases  []string
	Adj      []string // adjective base forms: russisch
	Demonyms []string // inhabitant nouns: Russe, Russin
	Compound bool     // may begin a closed compound: Kremlchef
	Ambig    string   // "", "noun", or a type the name also has
	Country  string   // ISO 3166-1 alpha-2
	Kind     string   // finer class: city, party, …
	Wikidata string
	Note     string
	File     string // where the entry was read, for explanations
	Line     int
}

// Names returns the canonical name followed by the aliases.
func (e *Entry) Names() []string { return append([]string{e.Name}, e.Aliases...) }

// Role is a role word line: Bundeskanzler|Bundeskanzlerin politics.
type Role struct {
	Forms    []string
	Category string
	File     string
	Line     int
}

// FirstName is a given name.
type FirstName struct {
	Name   string
	Gender string // m, f or u
	Noun   bool   // also a common word: August, Ernst
	File   string
	Line   int
}

// Head is a noun that may end a compound whose first part is a name
// (Gipfel in Natogipfel, Chef in Kremlchef).
type Head struct {
	Word string
	File string
	Line int
}

// File is a raw file handed on to another parser (topic files).
type File struct {
	Name string
	Data []byte
}

// Lexicon holds everything read from lexicon files. Build it with New and
// AddFile/AddFS, then call Err. It is not safe for concurrent modification;
// the tagger compiles it once and never changes it.
type Lexicon struct {
	Entries    []*Entry
	Roles      []Role
	FirstNames []FirstName
	Heads      []Head
	Nouns      []Head // common nouns (Sommer, Stein): not surnames, not place names
	Topics     []File

	errs  ErrorList
	byID  map[string]*Entry
	names map[string]FirstName
}

// New returns an empty lexicon.
func New() *Lexicon {
	return &Lexicon{byID: map[string]*Entry{}, names: map[string]FirstName{}}
}

// Kind of a file, decided by its base name.
const (
	KindEntities   = "entities"
	KindRoles      = "roles"
	KindFirstNames = "firstnames"
	KindHeads      = "heads"
	KindNouns      = "nouns"
	KindTopics     = "topics"
)

// FileKind tells how a file is read, by its base name: roles*.tsv,
// firstnames*.tsv, heads*.tsv, nouns*.tsv and topics*.tsv have their own
// formats; every other file is an entity file.
func FileKind(name string) string {
	base := path.Base(strings.ReplaceAll(name, `\`, "/"))
	for _, k := range []string{KindRoles, KindFirstNames, KindHeads, KindNouns, KindTopics} {
		if strings.HasPrefix(base, k) {
			return k
		}
	}
	return KindEntities
}

// Default returns the embedded default lexicon files.
func Default() fs.FS { return defaultFS }

// LoadDefault reads the embedded default lexicon.
func LoadDefault() (*Lexicon, error) {
	lx := New()
	if err := lx.AddFS(defaultFS, "*.tsv"); err != nil {
		return nil, err
	}
	return lx, lx.Err()
}

// AddFS reads every file of fsys that matches one of the glob patterns
// (all *.tsv files when none is given), in lexical order.
func (lx *Lexicon) AddFS(fsys fs.FS, patterns ...string) error {
	if len(patterns) == 0 {
		patterns = []string{"*.tsv"}
	}
	var names []string
	for _, p := range patterns {
		m, err := fs.Glob(fsys, p)
		if err != nil {
			return fmt.Errorf("lexicon: pattern %q: %w", p, err)
		}
		names = append(names, m...)
	}
	sort.Strings(names)
	names = slices.Compact(names)
	// Files are parsed in parallel, each into a lexicon of its own, and
	// merged in name order, so that ids and messages come out as if the
	// files had been read one after the other.
	parts := make([]*Lexicon, len(names))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				part := New()
				if data, err := fs.ReadFile(fsys, names[i]); err != nil {
					part.errs.Add(names[i], 0, "%v", err)
				} else {
					part.AddFile(names[i], data)
				}
				parts[i] = part
			}
		}()
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, part := range parts {
		lx.merge(part)
	}
	return nil
}

// merge appends what part read, reporting ids and first names that part
// repeats from earlier files.
func (lx *Lexicon) merge(part *Lexicon) {
	lx.errs = append(lx.errs, part.errs...)
	for _, e := range part.Entries {
		if prev, ok := lx.byID[e.ID]; ok {
			lx.errs.Add(e.File, e.Line, "duplicate id %q (first at %s:%d)", e.ID, prev.File, prev.Line)
			continue
		}
		lx.byID[e.ID] = e
		lx.Entries = append(lx.Entries, e)
	}
	for _, n := range part.FirstNames {
		if prev, dup := lx.names[n.Name]; dup {
			lx.errs.Add(n.File, n.Line, "first name %q listed twice (first at %s:%d)", n.Name, prev.File, prev.Line)
			continue
		}
		lx.names[n.Name] = n
		lx.FirstNames = append(lx.FirstNames, n)
	}
	lx.Roles = append(lx.Roles, part.Roles...)
	lx.Heads = append(lx.Heads, part.Heads...)
	lx.Nouns = append(lx.Nouns, part.Nouns...)
	lx.Topics = append(lx.Topics, part.Topics...)
}

// AddFile parses one file; name is used for its kind and in messages.
// Problems are collected; see Err.
func (lx *Lexicon) AddFile(name string, data []byte) {
	switch FileKind(name) {
	case KindTopics:
		lx.Topics = append(lx.Topics, File{Name: name, Data: data})
		return
	}
	kind := FileKind(name)
	forEachLine(data, func(line int, text string) {
		if !utf8.ValidString(text) {
			lx.errs.Add(name, line, "invalid UTF-8")
			return
		}
		cols := strings.Split(text, "\t")
		switch kind {
		case KindRoles:
			lx.parseRole(name, line, cols)
		case KindFirstNames:
			lx.parseFirstName(name, line, cols)
		case KindHeads:
			lx.parseHead(name, line, cols, &lx.Heads)
		case KindNouns:
			lx.parseHead(name, line, cols, &lx.Nouns)
		default:
			lx.parseEntry(name, line, cols)
		}
	})
}

// forEachLine calls fn for every line that is neither blank nor a comment.
func forEachLine(data []byte, fn func(line int, text string)) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	line := 0
	for len(data) > 0 {
		line++
		var l []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			l, data = data, nil
		}
		l = bytes.TrimRight(l, "\r")
		if len(bytes.TrimSpace(l)) == 0 || l[0] == '#' {
			continue
		}
		fn(line, string(l))
	}
}

// Patterns of ids and attribute values, checked byte by byte (the lexicon
// has tens of thousands of lines; regular expressions were a tenth of the
// load time).
type pattern func(string) bool

func (p pattern) MatchString(s string) bool { return p(s) }

var (
	// ^[a-z0-9][a-z0-9.-]*$
	idPattern = pattern(func(s string) bool {
		for i := 0; i < len(s); i++ {
			c := s[i]
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || i > 0 && (c == '.' || c == '-')) {
				return false
			}
		}
		return s != ""
	})
	// ^[A-Z]{2}$
	countryPattern = pattern(func(s string) bool {
		return len(s) == 2 && 'A' <= s[0] && s[0] <= 'Z' && 'A' <= s[1] && s[1] <= 'Z'
	})
	// ^[a-z][a-z-]*$
	kindPattern = pattern(func(s string) bool {
		for i := 0; i < len(s); i++ {
			if c := s[i]; !('a' <= c && c <= 'z' || i > 0 && c == '-') {
				return false
			}
		}
		return s != ""
	})
	// ^Q[1-9][0-9]*$
	wikidataPat = pattern(func(s string) bool {
		if len(s) < 2 || s[0] != 'Q' || s[1] == '0' {
			return false
		}
		for i := 1; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return true
	})
)

func (lx *Lexicon) parseEntry(file string, line int, cols []string) {
	if len(cols) < 3 || len(cols) > 5 {
		lx.errs.Add(file, line, "want 3 to 5 tab-separated columns (id, type, name, aliases, attributes), got %d", len(cols))
		return
	}
	for i := range cols {
		cols[i] = strings.TrimSpace(cols[i])
	}
	e := &Entry{ID: cols[0], Type: cols[1], Name: cols[2], File: file, Line: line}
	bad := false
	fail := func(format string, args ...any) {
		lx.errs.Add(file, line, format, args...)
		bad = true
	}
	if !idPattern.MatchString(e.ID) {
		fail("bad id %q: use lowercase ASCII letters, digits, '-' and '.'", e.ID)
	}
	switch e.Type {
	case PER, ORG, LOC, OTH:
	default:
		fail("unknown type %q: want PER, ORG, LOC or OTH", e.Type)
	}
	if msg := checkName(e.Name); msg != "" {
		fail("name %s", msg)
	}
	if len(cols) > 3 && cols[3] != "" {
		for _, a := range strings.Split(cols[3], "|") {
			a = strings.TrimSpace(a)
			if msg := checkName(a); msg != "" {
				fail("alias %s", msg)
				continue
			}
			e.Aliases = append(e.Aliases, a)
		}
	}
	if len(cols) > 4 && cols[4] != "" {
		if !lx.parseAttrs(e, cols[4]) {
			bad = true
		}
	}
	if prev, ok := lx.byID[e.ID]; ok && e.ID != "" {
		fail("duplicate id %q (first at %s:%d)", e.ID, prev.File, prev.Line)
	}
	if bad {
		return
	}
	lx.byID[e.ID] = e
	lx.Entries = append(lx.Entries, e)
}

// checkName returns what is wrong with a name or alias, or "".
func checkName(s string) string {
	switch {
	case s == "":
		return "is empty"
	case strings.ContainsAny(s, "|;\t"):
		return fmt.Sprintf("%q contains one of | ; or a tab", s)
	}
	toks := token.Tokenize(s, nil)
	if len(toks) == 1 && utf8.RuneCountInString(s) < 2 {
		return fmt.Sprintf("%q is too short to match safely", s)
	}
	words := 0
	for _, t := range toks {
		switch t.Kind {
		case token.Word, token.Number, token.Abbrev, token.Ordinal:
			if !isStopword(t.Text(s), t.Flags) {
				words++
			}
		}
	}
	if words == 0 {
		return fmt.Sprintf("%q has no word that could be matched (only punctuation or function words)", s)
	}
	return ""
}

// isStopword reports a function word as written: "die", "Die", "von", but
// not the acronyms MIT or DEL, nor the capitalized town Van.
func isStopword(w string, f token.Flags) bool {
	if f&token.AllCaps != 0 {
		return false
	}
	lw := strings.ToLower(w)
	if !stopwords[lw] {
		return false
	}
	return w == lw || !foreignParticles[lw]
}

// foreignParticles are stopwords only in lower case; capitalized they are
// names (Van, Del, Le, La).
var foreignParticles = map[string]bool{"van": true, "de": true, "del": true, "da": true, "do": true, "di": true,
	"le": true, "la": true, "les": true, "el": true, "los": true, "y": true, "et": true}

// stopwords are function words that alone can never be a name.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`der die das den dem des ein eine einer einen einem eines
		und oder aber in im an am auf aus bei mit nach von vom zu zum zur für über unter vor
		the of and a an le la les el los de del da do di von van zu y et`) {
		m[w] = true
	}
	return m
}()

var attrKeys = map[string]bool{"adj": true, "demonym": true, "compound": true, "ambig": true,
	"country": true, "kind": true, "wikidata": true, "note": true}

func (lx *Lexicon) parseAttrs(e *Entry, s string) bool {
	ok := true
	fail := func(format string, args ...any) {
		lx.errs.Add(e.File, e.Line, format, args...)
		ok = false
	}
	seen := map[string]bool{}
	for _, kv := range strings.Split(s, ";") {
		kv = strings.TrimSpace(kv)
		if kv == "" {
			continue
		}
		k, v, found := strings.Cut(kv, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		switch {
		case !found:
			fail("attribute %q is not key=value", kv)
			continue
		case !attrKeys[k]:
			fail("unknown attribute %q (want adj, demonym, compound, ambig, country, kind, wikidata, note)", k)
			continue
		case seen[k]:
			fail("attribute %q given twice", k)
			continue
		case v == "":
			fail("attribute %q has no value", k)
			continue
		}
		seen[k] = true
		switch k {
		case "adj":
			for _, a := range strings.Split(v, "|") {
				a = strings.TrimSpace(a)
				if a == "" || a != strings.ToLower(a) || strings.ContainsAny(a, " \t") {
					fail("adj %q: want a lowercase word", a)
					continue
				}
				e.Adj = append(e.Adj, a)
			}
		case "demonym":
			for _, d := range strings.Split(v, "|") {
				d = strings.TrimSpace(d)
				if d == "" || !token.IsUpperStart(d) || strings.ContainsAny(d, " \t") {
					fail("demonym %q: want a capitalized word", d)
					continue
				}
				e.Demonyms = append(e.Demonyms, d)
			}
		case "compound":
			switch v {
			case "yes":
				e.Compound = true
			case "no":
			default:
				fail("compound=%q: want yes or no", v)
			}
		case "ambig":
			switch v {
			case "noun", PER, ORG, LOC, OTH:
				e.Ambig = v
			default:
				fail("ambig=%q: want noun, PER, ORG, LOC or OTH", v)
			}
		case "country":
			if !countryPattern.MatchString(v) {
				fail("country=%q: want an ISO 3166-1 alpha-2 code like DE", v)
			}
			e.Country = v
		case "kind":
			if !kindPattern.MatchString(v) {
				fail("kind=%q: want a lowercase word", v)
			}
			e.Kind = v
		case "wikidata":
			if !wikidataPat.MatchString(v) {
				fail("wikidata=%q: want an item id like Q159", v)
			}
			e.Wikidata = v
		case "note":
			e.Note = v
		}
	}
	return ok
}

var roleCategories = map[string]bool{"politics": true, "government": true, "diplomacy": true,
	"military": true, "police": true, "law": true, "business": true, "sport": true, "culture": true,
	"media": true, "science": true, "religion": true, "royalty": true, "academic": true, "generic": true}

func (lx *Lexicon) parseRole(file string, line int, cols []string) {
	if len(cols) != 2 {
		lx.errs.Add(file, line, "want 2 tab-separated columns (forms, category), got %d", len(cols))
		return
	}
	r := Role{Category: strings.TrimSpace(cols[1]), File: file, Line: line}
	ok := true
	for _, f := range strings.Split(cols[0], "|") {
		f = strings.TrimSpace(f)
		if f == "" || strings.ContainsAny(f, " \t;") {
			lx.errs.Add(file, line, "role form %q: want one word", f)
			ok = false
			continue
		}
		r.Forms = append(r.Forms, f)
	}
	if !roleCategories[r.Category] {
		lx.errs.Add(file, line, "unknown role category %q", r.Category)
		ok = false
	}
	if ok {
		lx.Roles = append(lx.Roles, r)
	}
}

func (lx *Lexicon) parseFirstName(file string, line int, cols []string) {
	if len(cols) < 2 || len(cols) > 3 {
		lx.errs.Add(file, line, "want 2 or 3 tab-separated columns (name, gender, flags), got %d", len(cols))
		return
	}
	n := FirstName{Name: strings.TrimSpace(cols[0]), Gender: strings.TrimSpace(cols[1]), File: file, Line: line}
	ok := true
	if r, _ := utf8.DecodeRuneInString(n.Name); !unicode.IsUpper(r) || strings.ContainsAny(n.Name, " \t|;") {
		lx.errs.Add(file, line, "first name %q: want one capitalized word", n.Name)
		ok = false
	}
	switch n.Gender {
	case "m", "f", "u":
	default:
		lx.errs.Add(file, line, "gender %q: want m, f or u", n.Gender)
		ok = false
	}
	if len(cols) == 3 {
		switch strings.TrimSpace(cols[2]) {
		case "noun":
			n.Noun = true
		case "":
		default:
			lx.errs.Add(file, line, "flags %q: want noun or nothing", cols[2])
			ok = false
		}
	}
	if prev, dup := lx.names[n.Name]; dup && ok {
		lx.errs.Add(file, line, "first name %q listed twice (first at %s:%d)", n.Name, prev.File, prev.Line)
		ok = false
	}
	if ok {
		lx.names[n.Name] = n
		lx.FirstNames = append(lx.FirstNames, n)
	}
}

func (lx *Lexicon) parseHead(file string, line int, cols []string, list *[]Head) {
	w := strings.TrimSpace(cols[0])
	if len(cols) != 1 || w == "" || strings.ContainsAny(w, " |;") {
		lx.errs.Add(file, line, "want one word per line")
		return
	}
	*list = append(*list, Head{Word: w, File: file, Line: line})
}

// Entry returns the entry with the given id.
func (lx *Lexicon) Entry(id string) (*Entry, bool) {
	e, ok := lx.byID[id]
	return e, ok
}

// Err checks the lexicon as a whole (conflicting aliases) and returns every
// problem found so far as an ErrorList, or nil.
func (lx *Lexicon) Err() error {
	errs := append(ErrorList(nil), lx.errs...)
	errs = append(errs, lx.conflicts()...)
	return errs.Err()
}

// conflicts reports a written form used by two entries of which neither is
// marked ambig: the matcher could not tell them apart.
func (lx *Lexicon) conflicts() ErrorList {
	var errs ErrorList
	type owner struct {
		e    *Entry
		form string
	}
	type formKey struct {
		key string
		cap bool
	}
	seen := make(map[formKey]owner, len(lx.Entries)*2)
	for _, e := range lx.Entries {
		for _, n := range e.Names() {
			k := formKey{token.Key(n), token.IsUpperStart(n)}
			prev, ok := seen[k]
			if !ok {
				seen[k] = owner{e, n}
				continue
			}
			if prev.e == e || prev.e.Ambig != "" || e.Ambig != "" {
				continue
			}
			errs.Add(e.File, e.Line, "%q is also a name of %q (%s:%d); mark one of them ambig= or remove it", n, prev.e.ID, prev.e.File, prev.e.Line)
		}
	}
	return errs
}

// Stats counts entries by type and the other lists.
func (lx *Lexicon) Stats() map[string]int {
	s := map[string]int{PER: 0, ORG: 0, LOC: 0, OTH: 0, "roles": len(lx.Roles), "firstnames": len(lx.FirstNames),
		"heads": len(lx.Heads), "nouns": len(lx.Nouns), "topic_files": len(lx.Topics)}
	for _, e := range lx.Entries {
		s[e.Type]++
		s["aliases"] += len(e.Aliases)
		s["adjectives"] += len(e.Adj)
		s["demonyms"] += len(e.Demonyms)
		if e.Ambig != "" {
			s["ambiguous"]++
		}
	}
	return s
}
