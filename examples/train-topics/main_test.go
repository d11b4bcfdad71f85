package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/etikett-nlp/etikett/tagger/topic"
)

func TestReadCSV(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.csv")
	src := "Immobilien;Die Miete steigt.\n\nGarten;'Tomaten; Kräuter und ''Kompost'''\nSport;Tor\n"
	require.NoError(t, os.WriteFile(path, []byte(src), 0o644))
	docs, err := readCSV(path)
	require.NoError(t, err)
	assert.Equal(t, []topic.LabeledDoc{
		{Label: "Immobilien", Text: "Die Miete steigt."},
		{Label: "Garten", Text: "Tomaten; Kräuter und 'Kompost'"},
		{Label: "Sport", Text: "Tor"},
	}, docs)

	bad := filepath.Join(t.TempDir(), "b.csv")
	require.NoError(t, os.WriteFile(bad, []byte("Sport;Tor\nkein Label\n"), 0o644))
	_, err = readCSV(bad)
	assert.ErrorContains(t, err, "b.csv:2: want label;text")

	open := filepath.Join(t.TempDir(), "c.csv")
	require.NoError(t, os.WriteFile(open, []byte("Sport;'Tor\n"), 0o644))
	_, err = readCSV(open)
	assert.ErrorContains(t, err, "unterminated quote")
}
