package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/etikett-nlp/etikett/internal/repo"
)

func TestRun(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(nil, strings.NewReader("Häuser\naufeinanderfolgenden\nQuelle\n"), &out))
	assert.Equal(t, "haus\naufeinanderfolg\nquell\n", out.String())
	out.Reset()
	require.NoError(t, run([]string{"Russlands", "Putins"}, nil, &out))
	assert.Equal(t, "russland\nputin\n", out.String())
}

// TestVocabulary runs the program's path over the official vocabulary, as
// a user outside the package would.
func TestVocabulary(t *testing.T) {
	shared, _ := repo.Shared()
	dir := filepath.Join(shared, "data", "snowball-german") + string(filepath.Separator)
	voc, err := os.ReadFile(dir + "voc.txt")
	if err != nil {
		t.Skipf("official vocabulary not available (%v)", err)
	}
	want, err := os.ReadFile(dir + "output.txt")
	require.NoError(t, err)
	var out bytes.Buffer
	require.NoError(t, run(nil, bytes.NewReader(voc), &out))
	assert.Equal(t, string(want), out.String())
}
