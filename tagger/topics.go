package tagger

import (
	"bytes"
	"errors"
	"math"

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
	s.spans = appendSpans(s.spans[:0], s.toks, ents)
	s.cues = s.cues[:0]
	// Role words outside names.
	e := 0
	start, end, name, _ := entityAt(ents, e)
	for i, tok := range s.toks {
		if tok.Kind != token.Word || tok.Flags&token.Cap == 0 || s.bits[i]&bRole == 0 {
			continue
		}
		for end <= tok.Start {
			e++
			start, end, name, _ = entityAt(ents, e)
		}
		if start <= tok.Start && name {
			continue
		}
		if cat := s.role(i); cat != "" {
			s.cues = append(s.cues, topic.Cue{Text: s.tokText(i), Role: cat})
		}
	}
	for _, en := range ents {
		s.cues = append(s.cues, topic.Cue{Text: en.Text, ID: en.ID, Type: en.Type, Form: en.Form, Kind: en.Kind, Country: en.Country})
	}
	return tm.m.ScoreSpans(s.text, s.spans, s.cues) // the tokens' spans lie in the text
}

// appendSpans appends the words of toks to spans, those inside names
// marked, those inside the names of people and places left out (see
// entityAt).
func appendSpans(spans []topic.Span, toks []token.Token, ents []Entity) []topic.Span {
	e := 0
	start, end, name, skip := entityAt(ents, e)
	for _, tok := range toks {
		if tok.Kind != token.Word {
			continue
		}
		for end <= tok.Start {
			e++
			start, end, name, skip = entityAt(ents, e)
		}
		inName := start <= tok.Start && name
		if inName && skip {
			continue
		}
		spans = append(spans, topic.Span{Start: tok.Start, End: tok.End, Name: inName})
	}
	return spans
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
