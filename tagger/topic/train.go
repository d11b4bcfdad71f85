package topic

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// LabeledDoc is an article with its label: a topic id of the base file
// (medtop:15000000) or a label of the user's own (Immobilien).
type LabeledDoc struct {
	Label string
	Text  string
}

// TrainOptions tune Train. The zero value is usable.
type TrainOptions struct {
	// Base is the topic file to start from, usually the default one: its
	// topics, cues and stop words are kept, and the weights of its keywords
	// for trained topics are refitted. Nil starts from nothing.
	Base *File
	// MinDocs: a word becomes a keyword of a label only if it occurs in at
	// least this many of the label's documents (default 3).
	MinDocs int
	// MaxWords caps the new keywords per label (default 100).
	MaxWords int
	// MinWeight drops new keywords with a lower fitted weight (default 1).
	MinWeight float64
	// Prior is the pseudo-count that smooths document frequencies
	// (default 1).
	Prior float64
}

// Train fits keyword weights from labelled documents and returns a topic
// file, ready for Compile or WriteTo.
//
// For every label and every word key (the normalized form Score matches
// on), it compares the share of the label's documents containing the word
// with the share of the other documents: the weight is the smoothed
// log-odds ratio ln(p/(1−p)) − ln(q/(1−q)), capped at 5. Words with
// enough documents and weight become keywords of the label, written in
// their shortest surface form (compound=no, with the counts as a note).
// Keywords of the base file for a trained topic get the mean of their old
// and the fitted weight, or half their weight when the data speak against
// them; words too rare in the data keep their weight.
//
// A label that is not a topic of the base file becomes a new top-level
// topic: a medtop code keeps its code, a user label gets an id made of its
// letters (Immobilien → immobilien) and itself as label text.
func Train(docs []LabeledDoc, opts TrainOptions) (*File, error) {
	if opts.MinDocs <= 0 {
		opts.MinDocs = 3
	}
	if opts.MaxWords <= 0 {
		opts.MaxWords = 100
	}
	if opts.MinWeight <= 0 {
		opts.MinWeight = 1
	}
	if opts.Prior <= 0 {
		opts.Prior = 1
	}
	if len(docs) == 0 {
		return nil, errors.New("topic: no documents to train on")
	}
	out := &File{Name: "trained"}
	base := opts.Base
	if base == nil {
		base = &File{}
	}
	out.Topics = append(out.Topics, base.Topics...)
	out.Cues = append(out.Cues, base.Cues...)
	out.Stops = append(out.Stops, base.Stops...)

	// Topics of the labels.
	topicOf := map[string]string{} // label → topic id
	known := map[string]bool{}
	for _, t := range base.Topics {
		known[t.ID] = true
	}
	var labels []string
	for _, d := range docs {
		l := strings.TrimSpace(d.Label)
		if l == "" {
			return nil, errors.New("topic: a document has an empty label")
		}
		if _, ok := topicOf[l]; ok {
			continue
		}
		id := l
		if !known[l] && !(strings.HasPrefix(l, "medtop:") && checkID(l) == "") {
			id = slug(l)
		}
		if id == "" {
			return nil, fmt.Errorf("topic: label %q has no letters or digits", l)
		}
		topicOf[l] = id
		labels = append(labels, l)
		if !known[id] {
			known[id] = true
			out.Topics = append(out.Topics, TopicDef{ID: id, Label: l})
		}
	}
	slices.Sort(labels)

	// Document frequencies per label and key.
	type stat struct {
		df    map[string]int // label → documents
		forms map[string]int // surface form → occurrences
	}
	stats := map[string]*stat{}
	nDocs := map[string]int{}
	var buf []byte
	seen := map[string]bool{}
	for _, d := range docs {
		l := strings.TrimSpace(d.Label)
		nDocs[l]++
		clear(seen)
		for tok := range splitWords(d.Text) {
			for _, w := range strings.FieldsFunc(tok, isPartSep) {
				a, b := trimPunct(w, 0, len(w))
				if w = w[a:b]; !trainable(w) || isStopWord(w) {
					continue
				}
				buf = appendKey(buf[:0], w)
				k := caseKey(w, string(buf))
				st := stats[k]
				if st == nil {
					st = &stat{df: map[string]int{}, forms: map[string]int{}}
					stats[k] = st
				}
				st.forms[w]++
				if !seen[k] {
					seen[k] = true
					st.df[l]++
				}
			}
		}
	}
	total := len(docs)
	fit := func(k, l string) (w float64, df, dfOther int, ok bool) {
		st := stats[k]
		if st == nil {
			return 0, 0, 0, false
		}
		df = st.df[l]
		for ol, n := range st.df {
			if ol != l {
				dfOther += n
			}
		}
		nl, no := float64(nDocs[l]), float64(total-nDocs[l])
		a := opts.Prior
		p := (float64(df) + a) / (nl + 2*a)
		q := (float64(dfOther) + a) / (no + 2*a)
		w = math.Log(p/(1-p)) - math.Log(q/(1-q))
		return min(w, 5), df, dfOther, df >= opts.MinDocs
	}

	// Refit the base keywords of trained topics.
	trained := map[string]string{} // topic id → label
	for _, l := range labels {
		trained[topicOf[l]] = l
	}
	have := map[string]map[string]bool{} // topic → case keys it has
	for _, kw := range base.Keywords {
		if have[kw.Topic] == nil {
			have[kw.Topic] = map[string]bool{}
		}
		for _, f := range kw.Forms {
			have[kw.Topic][caseKey(f, phraseKey(f))] = true
		}
		l, ok := trained[kw.Topic]
		if !ok || len(kw.Forms) == 0 {
			out.Keywords = append(out.Keywords, kw)
			continue
		}
		// A line's forms share one weight: fit on the form with most data.
		best, bestDF := 0.0, -1
		for _, f := range kw.Forms {
			if strings.ContainsAny(phraseKey(f), " ") {
				continue
			}
			if w, df, _, ok := fit(caseKey(f, phraseKey(f)), l); ok && df > bestDF {
				best, bestDF = w, df
			}
		}
		if bestDF >= 0 {
			if best > 0 {
				kw.Weight = math.Round((kw.Weight+best)/2*100) / 100
			} else {
				kw.Weight = math.Round(kw.Weight/2*100) / 100
			}
		}
		out.Keywords = append(out.Keywords, kw)
	}

	// New keywords.
	keys := make([]string, 0, len(stats))
	for k := range stats {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, l := range labels {
		id := topicOf[l]
		type cand struct {
			key         string
			w           float64
			df, dfOther int
		}
		var cands []cand
		for _, k := range keys {
			if have[id][k] {
				continue
			}
			w, df, dfo, ok := fit(k, l)
			if ok && w >= opts.MinWeight {
				cands = append(cands, cand{k, w, df, dfo})
			}
		}
		slices.SortFunc(cands, func(a, b cand) int {
			if c := cmp.Compare(b.w, a.w); c != 0 {
				return c
			}
			if c := cmp.Compare(b.df, a.df); c != 0 {
				return c
			}
			return strings.Compare(a.key, b.key)
		})
		if len(cands) > opts.MaxWords {
			cands = cands[:opts.MaxWords]
		}
		for _, c := range cands {
			out.Keywords = append(out.Keywords, Keyword{
				Topic:    id,
				Forms:    surfaceForms(stats[c.key].forms),
				Weight:   math.Round(c.w*100) / 100,
				Compound: "no",
				Note:     fmt.Sprintf("in %d of %d %s documents, %d of %d others", c.df, nDocs[l], l, c.dfOther, total-nDocs[l]),
			})
		}
	}
	out.Comment = fmt.Sprintf("Topic file written by topic.Train from %d labelled documents (%d labels).\nWeights are smoothed log-odds ratios of document frequencies; edit freely.", total, len(labels))
	return out, nil
}

// isPartSep splits a token into the parts Score matches (Nato-Gipfel).
func isPartSep(r rune) bool { return r == '-' || r == '/' }

// trainable reports whether w may become a keyword: at least 3 letters,
// no digits.
func trainable(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			return false
		case unicode.IsLetter(r):
			letters++
		}
	}
	return letters >= 3
}

// surfaceForms returns the shortest surface form (most frequent among
// equals), followed by the other forms the first one would not match.
func surfaceForms(forms map[string]int) []string {
	all := make([]string, 0, len(forms))
	for f := range forms {
		all = append(all, f)
	}
	slices.SortFunc(all, func(a, b string) int {
		if c := cmp.Compare(utf8.RuneCountInString(a), utf8.RuneCountInString(b)); c != 0 {
			return c
		}
		if c := cmp.Compare(forms[b], forms[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	var ft feature
	ft.addStem(all[0])
	out := []string{all[0]}
	for _, f := range all[1:] {
		if !ft.stemOK(appendFold(nil, f)) {
			out = append(out, f)
			ft.addStem(f)
		}
	}
	return out
}

// slug makes a topic id of a label: lowercase letters and digits, umlauts
// folded, other runs of characters replaced by "-".
func slug(label string) string {
	b := appendFold(nil, label)
	var out []byte
	dash := false
	for _, c := range b {
		if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			if dash && len(out) > 0 {
				out = append(out, '-')
			}
			out = append(out, c)
			dash = false
		} else {
			dash = true
		}
	}
	if len(out) > 64 {
		out = out[:64]
	}
	return string(out)
}
