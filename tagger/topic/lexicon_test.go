package topic

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// defaultFile is the project's topic lexicon, read from the work tree (the
// embedded copy lives in package lexicon).
const defaultFile = "../../lexicon/topics.tsv"

func loadDefault(t testing.TB, opts Options) *Model {
	t.Helper()
	f, err := os.Open(defaultFile)
	require.NoError(t, err)
	defer f.Close()
	file, err := Parse(filepath.Base(defaultFile), f)
	require.NoError(t, err)
	m, err := Compile([]*File{file}, opts)
	require.NoError(t, err)
	return m
}

func TestDefaultLexiconParses(t *testing.T) {
	loadDefault(t, Options{})
}
