// Command evaluate scores etikett against gold data in GermEval 2014 format
// (token TAB-separated with its outer and inner BIO tag; sentences separated
// by blank lines; '#' lines are comments). Each sentence's tokens are joined
// with single spaces into the text that is tagged. Scoring is on outer
// spans, exact match of token span and label, like conlleval: precision,
// recall and F1 per label (PER, ORG, LOC, OTH × name, part, deriv), the
// groups the project tracks, and the overall figure.
//
//	go run ./examples/evaluate [-data FILE] [-errors N] [-json]
//
// The default data is ../shared/data/germeval2014/NER-de-dev.tsv (the
// project's development split; not part of a clone).
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/etikett-nlp/etikett/internal/cmdline"
	"github.com/etikett-nlp/etikett/tagger"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// Sentence is one gold sentence.
type Sentence struct {
	Tokens []string
	Tags   []string // outer BIO tags: B-PER, I-LOCderiv, O
	Line   int      // line of the first token in the file
}

// Span is a labelled token range [Start, End).
type Span struct {
	Start, End int
	Label      string // PER, ORGpart, LOCderiv …
}

// Counts of one label.
type Counts struct {
	TP, FP, FN int
}

// P, R and F1 of the counts.
func (c Counts) P() float64  { return ratio(c.TP, c.TP+c.FP) }
func (c Counts) R() float64  { return ratio(c.TP, c.TP+c.FN) }
func (c Counts) F1() float64 { return f1(c.P(), c.R()) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("evaluate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "../shared/data/germeval2014/NER-de-dev.tsv", "GermEval-format gold file")
	nErr := fs.Int("errors", 0, "print up to N false positives and N misses")
	asJSON := fs.Bool("json", false, "print the figures as JSON")
	byRule := fs.Bool("by-rule", false, "print true and false positives of each rule (names, parts and derivs)")
	nHits := fs.Int("hits", 0, "print up to N true positives with their rules")
	var lexFiles []string
	fs.Func("lexicon", "extra lexicon file (repeatable)", func(s string) error { lexFiles = append(lexFiles, s); return nil })
	lexDir := fs.String("lexicon-dir", "", "use the *.tsv files of this directory instead of the default lexicon")
	if status, ok := cmdline.Parse(fs, args); !ok {
		return status
	}
	f, err := os.Open(*data)
	if err != nil {
		fmt.Fprintf(stderr, "evaluate: %v\n", err)
		return 2
	}
	defer f.Close()
	sents, err := ReadGermEval(f, *data)
	if err != nil {
		fmt.Fprintf(stderr, "evaluate: %v\n", err)
		return 2
	}
	opts := []tagger.Option{tagger.WithLexiconFiles(lexFiles...), tagger.WithoutTopics()}
	if *lexDir != "" {
		opts = append(opts, tagger.WithoutDefaultLexicon(), tagger.WithLexiconFS(os.DirFS(*lexDir)))
	}
	tg, err := tagger.New(opts...)
	if err != nil {
		fmt.Fprintf(stderr, "evaluate: %v\n", err)
		return 2
	}
	rep := Evaluate(tg, sents)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(rep.Summary())
		return 0
	}
	rep.Print(stdout)
	if *byRule {
		rep.PrintRules(stdout)
	}
	if *nHits > 0 {
		rep.PrintHits(stdout, *nHits)
	}
	if *nErr > 0 {
		rep.PrintErrors(stdout, *nErr)
	}
	return 0
}

// ReadGermEval reads GermEval 2014 TSV.
func ReadGermEval(r io.Reader, name string) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	flush := func() {
		if len(cur.Tokens) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for sc.Scan() {
		line++
		l := sc.Text()
		if strings.HasPrefix(l, "#") {
			continue
		}
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		cols := strings.Split(l, "\t")
		if len(cols) < 3 {
			return nil, fmt.Errorf("%s:%d: want at least 3 tab-separated columns, got %d", name, line, len(cols))
		}
		if cur.Line == 0 {
			cur.Line = line
		}
		cur.Tokens = append(cur.Tokens, cols[1])
		cur.Tags = append(cur.Tags, cols[2])
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flush()
	return out, nil
}

// GoldSpans turns BIO tags into spans.
func GoldSpans(tags []string) []Span {
	var out []Span
	for i := 0; i < len(tags); i++ {
		t := tags[i]
		if !strings.HasPrefix(t, "B-") && !strings.HasPrefix(t, "I-") {
			continue
		}
		label := t[2:]
		j := i + 1
		for j < len(tags) && tags[j] == "I-"+label {
			j++
		}
		out = append(out, Span{i, j, label})
		i = j - 1
	}
	return out
}

// Result of one sentence.
type Result struct {
	Sent      int
	Gold, Got []Span
	Rules     []string // the rule behind each Got span
}

// Report holds the counts of an evaluation.
type Report struct {
	Sents   []Sentence
	Results []Result
	ByLabel map[string]*Counts
}

// Evaluate tags every sentence and counts exact matches.
func Evaluate(tg *tagger.Tagger, sents []Sentence) *Report {
	rep := &Report{Sents: sents, ByLabel: map[string]*Counts{}}
	count := func(label string) *Counts {
		c := rep.ByLabel[label]
		if c == nil {
			c = &Counts{}
			rep.ByLabel[label] = c
		}
		return c
	}
	for si, s := range sents {
		text, starts := Join(s.Tokens)
		gold := GoldSpans(s.Tags)
		var got []Span
		var rules []string
		if res, err := tg.Tag(text); err == nil {
			got, rules = predSpans(res.Entities, starts)
		}
		rep.Results = append(rep.Results, Result{si, gold, got, rules})
		g := map[Span]bool{}
		for _, sp := range gold {
			g[sp] = true
		}
		p := map[Span]bool{}
		for _, sp := range got {
			p[sp] = true
			if g[sp] {
				count(sp.Label).TP++
			} else {
				count(sp.Label).FP++
			}
		}
		for _, sp := range gold {
			if !p[sp] {
				count(sp.Label).FN++
			}
		}
	}
	return rep
}

// Join joins tokens with single spaces and returns each token's byte start.
func Join(tokens []string) (string, []int) {
	var b strings.Builder
	starts := make([]int, len(tokens))
	for i, t := range tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		starts[i] = b.Len()
		b.WriteString(t)
	}
	return b.String(), starts
}

// PredSpans maps entities (byte offsets) to token spans: an entity covers
// every token it overlaps.
func PredSpans(ents []tagger.Entity, starts []int, textLen int) []Span {
	spans, _ := predSpans(ents, starts)
	return spans
}

func predSpans(ents []tagger.Entity, starts []int) ([]Span, []string) {
	var out []Span
	var rules []string
	for _, e := range ents {
		first := sort.Search(len(starts), func(i int) bool { return starts[i] > e.Start }) - 1
		last := sort.Search(len(starts), func(i int) bool { return starts[i] >= e.End }) - 1
		if first < 0 || last < first {
			continue
		}
		label := e.Type
		if e.Form != tagger.FormName {
			label += e.Form
		}
		sp := Span{first, last + 1, label}
		if n := len(out); n > 0 && out[n-1].End > sp.Start {
			continue // two entities inside one gold token: keep the first
		}
		out = append(out, sp)
		rules = append(rules, e.Rule)
	}
	return out, rules
}

// Group sums the counts of several labels.
func (rep *Report) Group(labels ...string) Counts {
	var c Counts
	for _, l := range labels {
		if x := rep.ByLabel[l]; x != nil {
			c.TP += x.TP
			c.FP += x.FP
			c.FN += x.FN
		}
	}
	return c
}

// Groups the project tracks (see issue acceptance).
var Groups = []struct {
	Name   string
	Labels []string
}{
	{"PER+ORG+LOC name", []string{"PER", "ORG", "LOC"}},
	{"LOC deriv", []string{"LOCderiv"}},
	{"ORG+LOC part", []string{"ORGpart", "LOCpart"}},
	{"all labels", nil},
}

func (rep *Report) labels() []string {
	var ls []string
	for l := range rep.ByLabel {
		ls = append(ls, l)
	}
	sort.Strings(ls)
	return ls
}

// Figures of one label or group.
type Figures struct {
	TP, FP, FN int
	P, R, F1   float64
}

func figures(c Counts) Figures { return Figures{c.TP, c.FP, c.FN, c.P(), c.R(), c.F1()} }

// Summary returns all figures by label and group.
func (rep *Report) Summary() map[string]Figures {
	out := map[string]Figures{}
	for _, l := range rep.labels() {
		out[l] = figures(*rep.ByLabel[l])
	}
	for _, g := range Groups {
		labels := g.Labels
		if labels == nil {
			labels = rep.labels()
		}
		out[g.Name] = figures(rep.Group(labels...))
	}
	return out
}

// Print writes a conlleval-like table.
func (rep *Report) Print(w io.Writer) {
	fmt.Fprintf(w, "%d sentences\n", len(rep.Sents))
	fmt.Fprintf(w, "%-18s %6s %6s %6s %7s %7s %7s\n", "label", "tp", "fp", "fn", "prec", "rec", "F1")
	row := func(name string, c Counts) {
		fmt.Fprintf(w, "%-18s %6d %6d %6d %7.4f %7.4f %7.4f\n", name, c.TP, c.FP, c.FN, c.P(), c.R(), c.F1())
	}
	for _, l := range rep.labels() {
		row(l, *rep.ByLabel[l])
	}
	fmt.Fprintln(w)
	for _, g := range Groups {
		labels := g.Labels
		if labels == nil {
			labels = rep.labels()
		}
		row(g.Name, rep.Group(labels...))
	}
}

// PrintErrors lists up to n false positives and n misses.
func (rep *Report) PrintErrors(w io.Writer, n int) {
	var fps, fns []string
	for _, r := range rep.Results {
		toks := rep.Sents[r.Sent].Tokens
		g := map[Span]bool{}
		for _, sp := range r.Gold {
			g[sp] = true
		}
		p := map[Span]bool{}
		for k, sp := range r.Got {
			p[sp] = true
			if !g[sp] {
				fps = append(fps, fmt.Sprintf("line %d: %s %q (%s)", rep.Sents[r.Sent].Line, sp.Label, strings.Join(toks[sp.Start:sp.End], " "), r.Rules[k]))
			}
		}
		for _, sp := range r.Gold {
			if !p[sp] {
				fns = append(fns, fmt.Sprintf("line %d: %s %q", rep.Sents[r.Sent].Line, sp.Label, strings.Join(toks[sp.Start:sp.End], " ")))
			}
		}
	}
	fmt.Fprintf(w, "\nfalse positives (%d):\n", len(fps))
	for i := 0; i < n && i < len(fps); i++ {
		fmt.Fprintln(w, "  "+fps[i])
	}
	fmt.Fprintf(w, "\nmisses (%d):\n", len(fns))
	for i := 0; i < n && i < len(fns); i++ {
		fmt.Fprintln(w, "  "+fns[i])
	}
}

// RuleCounts are one rule's true and false positives.
type RuleCounts struct {
	Rule   string
	TP, FP int
}

// ByRule counts, for every rule, how many of its spans are in the gold data
// (label included) and how many are not, most false positives first.
func (rep *Report) ByRule() []RuleCounts {
	idx := map[string]int{}
	var out []RuleCounts
	for _, r := range rep.Results {
		g := map[Span]bool{}
		for _, sp := range r.Gold {
			g[sp] = true
		}
		for k, sp := range r.Got {
			i, ok := idx[r.Rules[k]]
			if !ok {
				i = len(out)
				idx[r.Rules[k]] = i
				out = append(out, RuleCounts{Rule: r.Rules[k]})
			}
			if g[sp] {
				out[i].TP++
			} else {
				out[i].FP++
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].FP != out[j].FP {
			return out[i].FP > out[j].FP
		}
		return out[i].Rule < out[j].Rule
	})
	return out
}

// PrintRules writes the ByRule table.
func (rep *Report) PrintRules(w io.Writer) {
	fmt.Fprintf(w, "\n%-18s %6s %6s %7s\n", "rule", "tp", "fp", "prec")
	for _, c := range rep.ByRule() {
		fmt.Fprintf(w, "%-18s %6d %6d %7.4f\n", c.Rule, c.TP, c.FP, ratio(c.TP, c.TP+c.FP))
	}
}

// PrintHits lists up to n true positives with the rule that found them.
func (rep *Report) PrintHits(w io.Writer, n int) {
	var hits []string
	for _, r := range rep.Results {
		toks := rep.Sents[r.Sent].Tokens
		g := map[Span]bool{}
		for _, sp := range r.Gold {
			g[sp] = true
		}
		for k, sp := range r.Got {
			if g[sp] {
				hits = append(hits, fmt.Sprintf("line %d: %s %q (%s)", rep.Sents[r.Sent].Line, sp.Label, strings.Join(toks[sp.Start:sp.End], " "), r.Rules[k]))
			}
		}
	}
	fmt.Fprintf(w, "\ntrue positives (%d):\n", len(hits))
	for i := 0; i < n && i < len(hits); i++ {
		fmt.Fprintln(w, "  "+hits[i])
	}
}
