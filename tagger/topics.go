package tagger

import (
	"bytes"
	"errors"
	"math"
	"slices"

	"github.com/etikett-nlp/etikett/internal/token"
	"github.com/etikett-nlp/etikett/lexicon"
	"github.com/etikett-nlp/etikett/tagger/topic"
)

// Topic is an IPTC Media Topic of a text, with the evidence that produced
// it (see package topic).
type Topic = topic.Topic

// topicModel scores the topics of tagged texts.
type topicModel struct{ m *topic.Model }

// compileTopics compiles the topic files of the lexicon; it returns nil when
// there are none.
func compileTopics(lx *lexicon.Lexicon, opts topic.Options) (*topicModel, error) {
	if len(lx.Topics) == 0 {
		return nil, nil
	}
	var errs lexicon.ErrorList
	var files []*topic.File
	for _, f := range lx.Topics {
		tf, err := topic.Parse(f.Name, bytes.NewReader(f.Data))
		if err != nil {
			var list lexicon.ErrorList
			if errors.As(err, &list) {
				errs = append(errs, list...)
				continue
			}
			return nil, err
		}
		files = append(files, tf)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	m, err := topic.Compile(files, opts)
	if err != nil {
		return nil, err
	}
	return &topicModel{m: m}, nil
}

// score passes the text's words and the entities found to the topic model.
// Words inside names are marked so that names are not split into compound
// parts (Stoltenberg is no Berg); role words become cues (Trainer: sport).
func (tm *topicModel) score(t *Tagger, s *scratch, ents []Entity) ([]Topic, error) {
	s.spans, s.cues = s.topicWords(s.spans[:0], s.cues[:0], ents)
	// The entities' cues, set field by field in place: every field of
	// topic.Cue, as TestTopicWords checks (appending a Cue built on the
	// stack cost 1,500 instructions per document more).
	n := len(s.cues)
	s.cues = slices.Grow(s.cues, len(ents))[:n+len(ents)]
	for i := range ents {
		en, c := &ents[i], &s.cues[n+i]
		c.Text, c.ID, c.Type, c.Form, c.Kind, c.Country, c.Role = en.Text, en.ID, en.Type, en.Form, en.Kind, en.Country, ""
	}
	return tm.m.ScoreSpans(s.text, s.spans, s.cues) // the tokens' spans lie in the text
}

// topicWords appends the words of the text to spans, those inside names
// marked, those inside the names of people and places left out (see
// entityAt), and the role words outside names to cues, in one pass over
// the tokens, entity by entity: wordSpans' tight loop over the tokens
// before an entity, then a loop over those inside it. (Two passes, one for
// spans and one for roles, cost 4,000 more instructions per document; one
// loop that asked at each token whether it passed an entity, 7,500 more.)
func (s *scratch) topicWords(spans []topic.Span, cues []topic.Cue, ents []Entity) ([]topic.Span, []topic.Cue) {
	toks := s.toks
	bits := s.bits[:len(toks)]
	spans = slices.Grow(spans, len(toks))
	buf := spans[len(spans) : len(spans)+len(toks)]
	n := 0 // spans in buf
	i := 0
	for e := 0; i < len(toks); e++ {
		start, end, name, skip := entityAt(ents, e)
		// The tokens before entity e (as entityAt stands in for no entity
		// with an entity past the end of any text, these are all tokens
		// after the last), stopping at each role word.
		for lim := min(start, end); ; i++ {
			var role bool
			if i, n, role = wordSpans(buf, n, toks, bits, i, lim); !role {
				break
			}
			cues = s.appendRole(cues, i)
			buf[n] = topic.Span{Start: toks[i].Start, End: toks[i].End}
			n++
		}
		// The tokens inside entity e.
		for ; i < len(toks); i++ {
			tok := &toks[i]
			if tok.Start >= end {
				break
			}
			if tok.Kind != token.Word {
				continue
			}
			if !name && tok.Flags&token.Cap != 0 && bits[i]&bRole != 0 {
				cues = s.appendRole(cues, i)
			}
			if name && skip {
				continue
			}
			buf[n] = topic.Span{Start: tok.Start, End: tok.End, Name: name}
			n++
		}
	}
	return spans[:len(spans)+n], cues
}

// wordSpans sets buf[n:] to the spans of the word tokens from toks[i] on
// that start before lim, and returns the index of the token it stopped at,
// the new n and whether it stopped at a role word (a capitalized word with
// bRole), whose span it leaves to the caller. It is not inlined, so that
// its loop has its few variables in registers (1,400 instructions per
// document less than the same loop in topicWords).
//
//go:noinline
func wordSpans(buf []topic.Span, n int, toks []token.Token, bits []uint32, i int, lim int32) (int, int, bool) {
	for ; i < len(toks); i++ {
		tok := &toks[i]
		if tok.Start >= lim {
			break
		}
		if tok.Kind != token.Word {
			continue
		}
		if tok.Flags&token.Cap != 0 && bits[i]&bRole != 0 {
			return i, n, true
		}
		buf[n] = topic.Span{Start: tok.Start, End: tok.End}
		n++
	}
	return i, n, false
}

// appendRole appends the cue of role word i, when it has a category. It
// is rarely called, and not inlined so that the loops of topicWords keep
// their variables in registers.
//
//go:noinline
func (s *scratch) appendRole(cues []topic.Cue, i int) []topic.Cue {
	if cat := s.role(i); cat != "" {
		cues = append(cues, topic.Cue{Text: s.tokText(i), Role: cat})
	}
	return cues
}

// entityAt returns the byte range of entity e (past the end of any text
// when there is none), whether it is a name, and whether the topic model
// leaves its words out: people and places count through their cues only
// (Polens is no Pole, as in pole position; Stoltenberg no Berg).
func entityAt(ents []Entity, e int) (start, end int32, name, skip bool) {
	if e >= len(ents) {
		return math.MaxInt32, math.MaxInt32, false, false
	}
	en := &ents[e]
	name = en.Form == FormName
	return int32(en.Start), int32(en.End), name, name && (en.Type == lexicon.PER || en.Type == lexicon.LOC)
}
