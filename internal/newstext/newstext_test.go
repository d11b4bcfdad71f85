package newstext

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/etikett-nlp/etikett/internal/repo"
)

func TestArticles(t *testing.T) {
	names, docs, err := Articles("../../testdata")
	require.NoError(t, err)
	require.Equal(t, len(names), len(docs))
	require.GreaterOrEqual(t, len(docs), 2)
	assert.Equal(t, "nato-putin-nordkorea", names[0])
	c := Corpus(docs, 100_000)
	assert.GreaterOrEqual(t, len(c), 100_000)
	assert.Empty(t, Corpus(nil, 10))
	dir := t.TempDir()
	_, _, err = Articles(dir)
	require.Error(t, err)
	assert.Equal(t, "newstext: no articles (*.txt) in "+dir+"/articles", err.Error())
}

// Fresh reads the 10kGNAD dev texts of the shared data; without it, it
// fails, and the test skips unless ETIKETT_SHARED named the data.
func TestFresh(t *testing.T) {
	texts, err := Fresh()
	if err != nil {
		if _, explicit := repo.Shared(); explicit {
			t.Fatalf("ETIKETT_SHARED is set, but: %v", err)
		}
		t.Skipf("no shared data (%v): a user's clone has none", err)
	}
	require.Len(t, texts, 507)
	for i, text := range texts {
		require.NotEmpty(t, text, "text %d", i)
	}
	assert.True(t, strings.HasPrefix(texts[0], "Franzosen verteidigen 2:1-Führung"), "the text without its label: %.40q", texts[0])
	t.Setenv("ETIKETT_SHARED", t.TempDir())
	_, err = Fresh()
	assert.Error(t, err)
}
