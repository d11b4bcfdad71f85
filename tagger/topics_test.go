package tagger

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/etikett-nlp/etikett/internal/newstext"
	"github.com/etikett-nlp/etikett/internal/token"
	"github.com/etikett-nlp/etikett/tagger/topic"
)

// TestTopicWords checks topicWords, which finds the spans and role cues in
// one pass entity by entity, against the plain loops it replaces: one over
// the tokens for the spans, one for the role words, each advancing an
// entity cursor at every token; and the entities' cues that
// topicModel.score sets field by field.
func TestTopicWords(t *testing.T) {
	tg, err := New()
	require.NoError(t, err)
	_, docs, err := newstext.Articles("../testdata")
	require.NoError(t, err)
	docs = append(docs, "Trainer Müller und Kanzler Scholz treffen den Minister.", "Nato", "Der Trainer")
	n := 0
	for _, text := range docs {
		s := tg.pool.Get().(*scratch)
		s.reset(text)
		tg.entities(s)
		ents := tg.entitiesOf(s)
		gotSpans, gotCues := s.topicWords(nil, nil, ents)

		var wantSpans []topic.Span
		var wantCues []topic.Cue
		e := 0
		start, end, name, skip := entityAt(ents, e)
		for _, tok := range s.toks {
			if tok.Kind != token.Word {
				continue
			}
			for end <= tok.Start {
				e++
				start, end, name, skip = entityAt(ents, e)
			}
			inName := start <= tok.Start && name
			if !(inName && skip) {
				wantSpans = append(wantSpans, topic.Span{Start: tok.Start, End: tok.End, Name: inName})
			}
		}
		e = 0
		start, end, name, _ = entityAt(ents, e)
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
				wantCues = append(wantCues, topic.Cue{Text: s.tokText(i), Role: cat})
			}
		}
		assert.Equal(t, wantSpans, gotSpans, text)
		assert.Equal(t, wantCues, gotCues, text)
		// topicModel.score adds the entities' cues, in a pooled
		// scratch whose cues held those of other texts.
		_, err := tg.topics.score(tg, s, ents)
		require.NoError(t, err)
		for _, en := range ents {
			wantCues = append(wantCues, topic.Cue{Text: en.Text, ID: en.ID, Type: en.Type, Form: en.Form, Kind: en.Kind, Country: en.Country})
		}
		assert.Equal(t, wantCues, s.cues, text)
		n += len(wantCues)
		tg.pool.Put(s)
	}
	assert.Positive(t, n) // role words were asked
	// topicModel.score sets the entities' cues field by field: all of them.
	assert.Equal(t, 7, reflect.TypeFor[topic.Cue]().NumField(), "a field of topic.Cue that topicModel.score does not set")
}

// A tagger without topic evidence returns what the default tagger returns,
// less the evidence, on the articles and, when the shared data is there,
// on fresh text.
func TestNoEvidence(t *testing.T) {
	full, err := New()
	require.NoError(t, err)
	lean, err := New(WithTopicOptions(topic.Options{NoEvidence: true}))
	require.NoError(t, err)
	_, docs, err := newstext.Articles("../testdata")
	require.NoError(t, err)
	if fresh, err := newstext.Fresh(); err == nil {
		docs = append(docs, fresh[:100]...)
	}
	topics := 0
	for _, d := range docs {
		want, err := full.Tag(d)
		require.NoError(t, err)
		got, err := lean.Tag(d)
		require.NoError(t, err)
		require.Len(t, got.Topics, len(want.Topics))
		for i := range want.Topics {
			require.NotEmpty(t, want.Topics[i].Evidence)
			require.Nil(t, got.Topics[i].Evidence)
			want.Topics[i].Evidence = nil
		}
		require.Equal(t, want, got)
		topics += len(got.Topics)
	}
	assert.Greater(t, topics, len(docs))
}
