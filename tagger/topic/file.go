package topic

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/etikett-nlp/etikett/lexicon"
)

// File is the content of one topic file. Parse reads it; Train builds one;
// WriteTo writes it back in the same format.
type File struct {
	Name     string // file name used in error messages
	Comment  string // written as # lines at the top by WriteTo (Parse leaves it empty)
	Topics   []TopicDef
	Keywords []Keyword
	Cues     []CueRule
	Stops    []Stop
}

// TopicDef defines a topic: a "topic" line.
type TopicDef struct {
	ID     string // medtop:16000000, or a user id
	Label  string
	Parent string // "" for a top-level topic
	Line   int    // where it was defined; 0 when not read from a file
}

// Keyword is a "word" line: words or phrases that are evidence for a topic.
type Keyword struct {
	Topic string
	// Forms are alternatives sharing the weight, written as lemmas
	// (Krieg, Waffenruhe, verhaften, Champions League). A form with spaces or
	// hyphens is a phrase matched on consecutive words.
	Forms  []string
	Weight float64 // 0 removes the word from the topic (in a later file)
	// Compound says whether a form may be the head (last part) or modifier
	// (first part) of a compound that is not itself a keyword: "" (default:
	// both, for capitalized forms with a key of 4+ letters), "yes" (both, even
	// for shorter ones), "head", "mod" or "no".
	Compound string
	Note     string // free text for editors
	Line     int
}

// CueRule is a "cue" line: an entity selector that is evidence for a topic.
type CueRule struct {
	Topic    string
	Selector Selector
	Weight   float64
	Line     int
}

// Selector matches entity cues; every non-empty field must equal the cue's.
type Selector struct {
	ID, Type, Form, Kind, Country, Role string
}

// Stop is a "stop" line: words that are no evidence even when they look like
// a compound of keywords (Beispiel is not Bei + Spiel).
type Stop struct {
	Forms []string
	Line  int
}

// Weights above maxWeight are rejected: one word should never decide alone.
const maxWeight = 10

// maxPhrase is the longest phrase, in words.
const maxPhrase = 4

// Parse reads a topic file. It reports every problem it finds, each as
// "lexicon: name:line: message", in one lexicon.ErrorList; the returned File
// holds the lines that were correct.
func Parse(name string, r io.Reader) (*File, error) {
	f := &File{Name: name}
	var errs lexicon.ErrorList
	topicLine := map[string]int{}
	formLine := map[[2]string]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if !utf8.ValidString(text) {
			errs.Add(name, line, "not valid UTF-8")
			continue
		}
		text = strings.TrimRight(text, "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		for len(cols) > 0 && cols[len(cols)-1] == "" {
			cols = cols[:len(cols)-1]
		}
		if len(cols) < 3 {
			errs.Add(name, line, "want at least 3 tab-separated columns (kind, topic, text), have %d", len(cols))
			continue
		}
		if len(cols) > 5 {
			errs.Add(name, line, "want at most 5 tab-separated columns, have %d", len(cols))
			continue
		}
		for len(cols) < 5 {
			cols = append(cols, "")
		}
		for i := range cols {
			if t := strings.TrimSpace(cols[i]); t != cols[i] {
				errs.Add(name, line, "column %d has leading or trailing spaces", i+1)
				cols[i] = t
			}
		}
		kind, id, val, c4, c5 := cols[0], cols[1], cols[2], cols[3], cols[4]
		switch kind {
		case "topic":
			if msg := checkID(id); msg != "" {
				errs.Add(name, line, "%s", msg)
				continue
			}
			if msg := checkText(val); msg != "" {
				errs.Add(name, line, "label: %s", msg)
				continue
			}
			if c4 != "" {
				if msg := checkID(c4); msg != "" {
					errs.Add(name, line, "parent: %s", msg)
					continue
				}
				if c4 == id {
					errs.Add(name, line, "topic %s is its own parent", id)
					continue
				}
			}
			if c5 != "" {
				errs.Add(name, line, "a topic line has no 5th column")
				continue
			}
			if prev, ok := topicLine[id]; ok {
				errs.Add(name, line, "topic %s already defined on line %d", id, prev)
				continue
			}
			topicLine[id] = line
			f.Topics = append(f.Topics, TopicDef{ID: id, Label: val, Parent: c4, Line: line})
		case "word":
			if msg := checkID(id); msg != "" {
				errs.Add(name, line, "%s", msg)
				continue
			}
			w, ok := parseWeight(&errs, name, line, c4)
			if !ok {
				continue
			}
			forms, ok := parseForms(&errs, name, line, val)
			if !ok {
				continue
			}
			kw := Keyword{Topic: id, Forms: forms, Weight: w, Line: line}
			if !parseAttrs(&errs, name, line, c5, &kw) {
				continue
			}
			// Forms that share a key on one line (Künstler|Künstlerin) are
			// fine; the same key on two lines of one topic is a mistake.
			dup := false
			for _, form := range forms {
				k := [2]string{id, caseKey(form, phraseKey(form))}
				if prev, ok := formLine[k]; ok && prev != line {
					errs.Add(name, line, "%q already listed for %s on line %d", form, id, prev)
					dup = true
				}
				formLine[k] = line
			}
			if !dup {
				f.Keywords = append(f.Keywords, kw)
			}
		case "cue":
			if msg := checkID(id); msg != "" {
				errs.Add(name, line, "%s", msg)
				continue
			}
			sel, msg := ParseSelector(val)
			if msg != nil {
				errs.Add(name, line, "%v", msg)
				continue
			}
			w, ok := parseWeight(&errs, name, line, c4)
			if !ok {
				continue
			}
			if c5 != "" {
				errs.Add(name, line, "a cue line has no 5th column")
				continue
			}
			f.Cues = append(f.Cues, CueRule{Topic: id, Selector: sel, Weight: w, Line: line})
		case "stop":
			if id != "" {
				errs.Add(name, line, "a stop line has an empty topic column")
				continue
			}
			if c4 != "" || c5 != "" {
				errs.Add(name, line, "a stop line has 3 columns")
				continue
			}
			forms, ok := parseForms(&errs, name, line, val)
			if !ok {
				continue
			}
			f.Stops = append(f.Stops, Stop{Forms: forms, Line: line})
		default:
			errs.Add(name, line, "unknown kind %q (want topic, word, cue or stop)", kind)
		}
	}
	if err := sc.Err(); err != nil {
		errs.Add(name, line+1, "%v", err)
	}
	return f, errs.Err()
}

// checkID returns a message when id is not a valid topic id.
func checkID(id string) string {
	if id == "" {
		return "empty topic id"
	}
	if len(id) > 64 {
		return fmt.Sprintf("topic id %.20q… longer than 64 bytes", id)
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-' || c == '_' || c == ':') {
			return fmt.Sprintf("topic id %q: only ASCII letters, digits and . - _ : are allowed", id)
		}
	}
	if rest, ok := strings.CutPrefix(id, "medtop:"); ok {
		if len(rest) != 8 || strings.Trim(rest, "0123456789") != "" {
			return fmt.Sprintf("topic id %q: a medtop code has 8 digits", id)
		}
	}
	return ""
}

// checkText returns a message when s is not a usable label or form.
func checkText(s string) string {
	if s == "" {
		return "empty"
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return fmt.Sprintf("%q contains a control character", s)
		}
	}
	return ""
}

func parseWeight(errs *lexicon.ErrorList, name string, line int, s string) (float64, bool) {
	if s == "" {
		return 1, true
	}
	w, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(w) {
		errs.Add(name, line, "weight %q is not a number", s)
		return 0, false
	}
	if w < 0 || w > maxWeight {
		errs.Add(name, line, "weight %s out of range [0, %d]", s, maxWeight)
		return 0, false
	}
	return w, true
}

func parseForms(errs *lexicon.ErrorList, name string, line int, s string) ([]string, bool) {
	forms := strings.Split(s, "|")
	ok := true
	seen := map[string]bool{}
	for i, form := range forms {
		form = strings.TrimSpace(form)
		forms[i] = form
		if msg := checkText(form); msg != "" {
			errs.Add(name, line, "form %d: %s", i+1, msg)
			ok = false
			continue
		}
		words := phraseWords(form)
		switch {
		case len(words) == 0:
			errs.Add(name, line, "%q has no letters or digits", form)
			ok = false
		case len(words) > maxPhrase:
			errs.Add(name, line, "%q: a phrase has at most %d words", form, maxPhrase)
			ok = false
		}
		if seen[form] {
			errs.Add(name, line, "%q listed twice on the line", form)
			ok = false
		}
		seen[form] = true
	}
	return forms, ok
}

func parseAttrs(errs *lexicon.ErrorList, name string, line int, s string, kw *Keyword) bool {
	if s == "" {
		return true
	}
	ok := true
	for _, kv := range strings.Split(s, ";") {
		k, v, found := strings.Cut(kv, "=")
		if !found {
			errs.Add(name, line, "attribute %q is not key=value", kv)
			ok = false
			continue
		}
		switch k {
		case "compound":
			switch v {
			case "yes", "no", "head", "mod":
				kw.Compound = v
			default:
				errs.Add(name, line, "compound=%s: want yes, no, head or mod", v)
				ok = false
			}
		case "note":
			kw.Note = v
		default:
			errs.Add(name, line, "unknown attribute %q (want compound or note)", k)
			ok = false
		}
	}
	return ok
}

// ParseSelector parses an entity cue selector: key=value pairs separated by
// ";", with keys id, type, form, kind, country and role
// ("id=nato", "type=ORG;kind=party", "role=sport").
func ParseSelector(s string) (Selector, error) {
	var sel Selector
	if s == "" {
		return sel, fmt.Errorf("empty selector")
	}
	for _, kv := range strings.Split(s, ";") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || v == "" {
			return sel, fmt.Errorf("selector part %q is not key=value", kv)
		}
		var p *string
		switch k {
		case "id":
			p = &sel.ID
		case "type":
			p = &sel.Type
			if v != "PER" && v != "ORG" && v != "LOC" && v != "OTH" {
				return sel, fmt.Errorf("type=%s: want PER, ORG, LOC or OTH", v)
			}
		case "form":
			p = &sel.Form
			if v != "name" && v != "part" && v != "deriv" {
				return sel, fmt.Errorf("form=%s: want name, part or deriv", v)
			}
		case "kind":
			p = &sel.Kind
		case "country":
			p = &sel.Country
		case "role":
			p = &sel.Role
		default:
			return sel, fmt.Errorf("unknown selector key %q (want id, type, form, kind, country or role)", k)
		}
		if *p != "" {
			return sel, fmt.Errorf("selector key %q given twice", k)
		}
		if strings.ContainsAny(v, " \t|") {
			return sel, fmt.Errorf("selector value %q contains a space or |", v)
		}
		*p = v
	}
	return sel, nil
}

// String returns the selector in the canonical order of the file format.
func (s Selector) String() string {
	var b strings.Builder
	add := func(k, v string) {
		if v == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteByte(';')
		}
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(v)
	}
	add("id", s.ID)
	add("type", s.Type)
	add("form", s.Form)
	add("kind", s.Kind)
	add("country", s.Country)
	add("role", s.Role)
	return b.String()
}

func (s Selector) match(c *Cue) bool {
	return (s.ID == "" || s.ID == c.ID) && (s.Type == "" || s.Type == c.Type) &&
		(s.Form == "" || s.Form == c.Form) && (s.Kind == "" || s.Kind == c.Kind) &&
		(s.Country == "" || s.Country == c.Country) && (s.Role == "" || s.Role == c.Role)
}

// phraseWords splits a form into the words a document tokenizer would give:
// at spaces, hyphens and slashes, dropping other punctuation at the edges.
func phraseWords(form string) []string {
	f := strings.FieldsFunc(form, func(r rune) bool {
		return r == ' ' || r == '-' || r == '/' || r == '\u2010' || r == '\u2011'
	})
	out := f[:0]
	for _, w := range f {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// phraseKey is the key of a whole form, its words' keys joined by spaces.
func phraseKey(form string) string {
	words := phraseWords(form)
	var b []byte
	for i, w := range words {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendKey(b, w)
	}
	return string(b)
}

// WriteTo writes f in the topic file format: the comment, then each topic
// line followed by its cue and word lines (heaviest first), then stop lines.
// It implements io.WriterTo.
func (f *File) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	cw := &countWriter{w: bw}
	if f.Comment != "" {
		for _, l := range strings.Split(strings.TrimRight(f.Comment, "\n"), "\n") {
			fmt.Fprintf(cw, "# %s\n", l)
		}
	}
	fmt.Fprintf(cw, "# kind\ttopic\ttext\tweight (parent for topic lines)\tattributes\n")
	kws := map[string][]Keyword{}
	for _, k := range f.Keywords {
		kws[k.Topic] = append(kws[k.Topic], k)
	}
	cues := map[string][]CueRule{}
	for _, c := range f.Cues {
		cues[c.Topic] = append(cues[c.Topic], c)
	}
	writeRules := func(id string) {
		for _, c := range cues[id] {
			fmt.Fprintf(cw, "cue\t%s\t%s\t%s\n", id, c.Selector, fmtWeight(c.Weight))
		}
		list := kws[id]
		slices.SortStableFunc(list, func(a, b Keyword) int {
			if a.Weight != b.Weight {
				if a.Weight > b.Weight {
					return -1
				}
				return 1
			}
			return strings.Compare(strings.Join(a.Forms, "|"), strings.Join(b.Forms, "|"))
		})
		for _, k := range list {
			fmt.Fprintf(cw, "word\t%s\t%s\t%s", id, strings.Join(k.Forms, "|"), fmtWeight(k.Weight))
			var attrs []string
			if k.Compound != "" {
				attrs = append(attrs, "compound="+k.Compound)
			}
			if k.Note != "" {
				attrs = append(attrs, "note="+k.Note)
			}
			if len(attrs) > 0 {
				fmt.Fprintf(cw, "\t%s", strings.Join(attrs, ";"))
			}
			fmt.Fprintln(cw)
		}
		delete(kws, id)
		delete(cues, id)
	}
	for _, t := range f.Topics {
		fmt.Fprintln(cw)
		if t.Parent != "" {
			fmt.Fprintf(cw, "topic\t%s\t%s\t%s\n", t.ID, t.Label, t.Parent)
		} else {
			fmt.Fprintf(cw, "topic\t%s\t%s\n", t.ID, t.Label)
		}
		writeRules(t.ID)
	}
	// Rules for topics defined in another file.
	var rest []string
	for id := range kws {
		rest = append(rest, id)
	}
	for id := range cues {
		if _, ok := kws[id]; !ok {
			rest = append(rest, id)
		}
	}
	slices.Sort(rest)
	for _, id := range rest {
		fmt.Fprintln(cw)
		writeRules(id)
	}
	if len(f.Stops) > 0 {
		fmt.Fprintln(cw)
		for _, s := range f.Stops {
			fmt.Fprintf(cw, "stop\t\t%s\n", strings.Join(s.Forms, "|"))
		}
	}
	if cw.err != nil {
		return cw.n, cw.err
	}
	err := bw.Flush()
	return cw.n, err
}

func fmtWeight(w float64) string {
	return strconv.FormatFloat(math.Round(w*100)/100, 'f', -1, 64)
}

type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}
