package newstext

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
