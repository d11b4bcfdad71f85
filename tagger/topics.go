package tagger

import "github.com/etikett-nlp/etikett/lexicon"

// Topic is a news topic of a text.
type Topic struct {
	ID    string  `json:"id"`
	Label string  `json:"label"`
	Score float64 `json:"score"`
}

type topicModel struct{}

func compileTopics(lx *lexicon.Lexicon) (*topicModel, error) { return nil, nil }

func (m *topicModel) score(s *scratch, ents []Entity) []Topic { return nil }
