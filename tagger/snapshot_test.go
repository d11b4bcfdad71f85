package tagger

import (
	"errors"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/etikett-nlp/etikett/internal/newstext"
	"github.com/etikett-nlp/etikett/tagger/internal/match"
	"github.com/etikett-nlp/etikett/tagger/internal/snapshot"
	"github.com/etikett-nlp/etikett/tagger/topic"
)

// TestSnapshotTagsAsCompiled tags the test articles with the tagger made
// from the embedded snapshot and with one compiled from the lexicon files:
// the results must be the same, with and without topics.
func TestSnapshotTagsAsCompiled(t *testing.T) {
	_, docs, err := newstext.Articles("../testdata")
	require.NoError(t, err)
	docs = append(docs, "Kremlchef Putin traf Kim Jong Un in Pjöngjang.",
		"Bundeskanzler Olaf Scholz (SPD) und die Münchner Polizeisprecherin Sandra Bergmann sagten, Scholz' Pläne …")
	tests := []struct {
		name string
		opts []Option
	}{
		{"topics", nil},
		{"no topics", []Option{WithoutTopics()}},
		{"topic options", []Option{WithTopicOptions(topic.Options{MinScore: 0.5, MaxTopics: 2})}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := config{maxBytes: DefaultMaxBytes}
			for _, o := range tt.opts {
				o(&cfg)
			}
			fast, err := newFromSnapshot(&cfg)
			require.NoError(t, err, "the embedded snapshot must load")
			// An empty file system added to the default lexicon forces
			// compiling the files.
			slow, err := New(append(tt.opts, WithLexiconFS(fstest.MapFS{}))...)
			require.NoError(t, err)
			assert.Equal(t, slow.Stats(), fast.Stats())
			assert.Equal(t, slow.sources, fast.sources)
			assert.Equal(t, slow.firstNames, fast.firstNames)
			for _, d := range docs {
				want, err := slow.Tag(d)
				require.NoError(t, err)
				got, err := fast.Tag(d)
				require.NoError(t, err)
				require.Equal(t, want, got)
			}
		})
	}
}

// TestUnusableSnapshot makes the snapshot fail to load: New must compile
// the lexicon files instead, and tag as before.
func TestUnusableSnapshot(t *testing.T) {
	want, err := New()
	require.NoError(t, err)
	defer func(f func(bool, topic.Options, match.Hooks) (*snapshot.Default, error)) { loadSnapshot = f }(loadSnapshot)
	calls := 0
	loadSnapshot = func(bool, topic.Options, match.Hooks) (*snapshot.Default, error) {
		calls++
		return nil, errors.New("snapshot: corrupt")
	}
	got, err := New()
	require.NoError(t, err)
	assert.Equal(t, 1, calls)
	assert.Equal(t, want.Stats(), got.Stats())
	text := "Kremlchef Putin traf Kim Jong Un in Pjöngjang. Die Nato-Staaten beraten über Waffenlieferungen."
	r1, err := want.Tag(text)
	require.NoError(t, err)
	r2, err := got.Tag(text)
	require.NoError(t, err)
	assert.Equal(t, r1, r2)
	// Options that leave the default lexicon alone never ask for it.
	_, err = New(WithoutDefaultLexicon(), WithLexiconFS(fstest.MapFS{}))
	require.NoError(t, err)
	_, err = New(WithMaxBytes(0))
	require.Error(t, err)
	assert.Equal(t, 1, calls)
}
