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
func (tm *topicModel) score(t *Tagger, s *scratch, ents []Entity) []Topic {
	spans := s.spans[:0]
	s.cues = s.cues[:0]
	// The entity e that the tokens reach, as the loop reads it: its byte
	// range, whether it is a name, and whether its words are left out.
	e := -1
	var start, end int32
	var name, skip bool
	next := func() {
		e++
		if e == len(ents) {
			start, end = math.MaxInt32, math.MaxInt32
			return
		}
		en := &ents[e]
		start, end = int32(en.Start), int32(en.End)
		name = en.Form == FormName
		// People and places count through their cues only: Polens is no
		// Pole (pole position), Stoltenberg no Berg.
		skip = name && (en.Type == lexicon.PER || en.Type == lexicon.LOC)
	}
	next()
	for i, tok := range s.toks {
		if tok.Kind != token.Word {
			continue
		}
		for end <= tok.Start {
			next()
		}
		inName := start <= tok.Start && name
		if inName && skip {
			continue
		}
		spans = append(spans, topic.Span{Start: tok.Start, End: tok.End, Name: inName})
		if !inName && tok.Flags&token.Cap != 0 {
			if cat := s.role(i); cat != "" {
				s.cues = append(s.cues, topic.Cue{Text: s.tokText(i), Role: cat})
			}
		}
	}
	s.spans = spans
	for _, en := range ents {
		s.cues = append(s.cues, topic.Cue{Text: en.Text, ID: en.ID, Type: en.Type, Form: en.Form, Kind: en.Kind, Country: en.Country})
	}
	return tm.m.ScoreSpans(s.text, spans, s.cues)
}
