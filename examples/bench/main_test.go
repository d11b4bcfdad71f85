package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/etikett-nlp/etikett/tagger"
)

// -passes tags the articles that many times and reports the entities found
// in those passes (the warm-up pass not counted).
func TestPasses(t *testing.T) {
	docs, err := loadDocs("../../testdata")
	require.NoError(t, err)
	for _, tc := range []struct {
		args   []string
		opts   []tagger.Option
		passes int
	}{
		{[]string{"-passes", "1"}, nil, 1},
		{[]string{"-passes", "3", "-topics=false"}, []tagger.Option{tagger.WithoutTopics()}, 3},
	} {
		tg, err := tagger.New(tc.opts...)
		require.NoError(t, err)
		n, err := countEntities(tg, docs)
		require.NoError(t, err)
		var out, errOut bytes.Buffer
		code := run(append(tc.args, "-testdata", "../../testdata"), &out, &errOut)
		require.Equal(t, 0, code, errOut.String())
		assert.Equal(t, fmt.Sprintf("%d passes over %d documents: %d entities\n", tc.passes, len(docs), tc.passes*n), out.String())
	}
}

// -labeled takes the texts of a label;text CSV file instead of the articles.
func TestLabeled(t *testing.T) {
	texts := []string{"Die Nato tagt in Brüssel; Stoltenberg spricht.", "Putin empfängt Kim Jong Un in Moskau."}
	csv := filepath.Join(t.TempDir(), "dev.csv")
	require.NoError(t, os.WriteFile(csv, []byte("Inland;'"+texts[0]+"'\nInternational;"+texts[1]+"\n"), 0o644))
	tg, err := tagger.New()
	require.NoError(t, err)
	n, err := countEntities(tg, texts)
	require.NoError(t, err)
	require.Positive(t, n)
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"-passes", "2", "-labeled", csv}, &out, &errOut), errOut.String())
	assert.Equal(t, fmt.Sprintf("2 passes over 2 documents: %d entities\n", 2*n), out.String())
}

func TestBadFlags(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty.csv")
	require.NoError(t, os.WriteFile(empty, nil, 0o644))
	for _, args := range [][]string{{"-repeat", "0"}, {"-mb", "-1"}, {"-no-such-flag"}, {"-passes", "1", "-testdata", "/nonexistent"},
		{"-passes", "1", "-labeled", "/nonexistent.csv"}, {"-passes", "1", "-labeled", empty}} {
		var out, errOut bytes.Buffer
		assert.NotEqual(t, 0, run(args, &out, &errOut), "%v", args)
		assert.NotEmpty(t, errOut.String(), "%v", args)
	}
}
