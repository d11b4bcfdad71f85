package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/etikett-nlp/etikett/tagger"
)

func TestRender(t *testing.T) {
	text := "Kremlchef Putin traf <Kim Jong Un> in Pjöngjang."
	res := tagger.Result{Entities: []tagger.Entity{
		{Start: 0, End: 9, Text: "Kremlchef", Type: "ORG", Form: "part", ID: "kreml", Name: "Kreml", Rule: "compound"},
		{Start: 10, End: 15, Text: "Putin", Type: "PER", Form: "name", ID: "wladimir-putin", Name: "Wladimir Putin", Rule: "name"},
	}}
	out := Render(text, res)
	assert.Contains(t, out, `<mark class="part" style="background:#a5d8ff" title="ORG/part Kreml (kreml, compound)">Kremlchef</mark>`)
	assert.Contains(t, out, `>Putin</mark> traf &lt;Kim Jong Un&gt; in Pjöngjang.`)
}

func TestRunOnSeed(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run([]string{"../../testdata/nato-putin-nordkorea.txt"}, nil, &out))
	assert.Equal(t, 52, strings.Count(out.String(), "<mark "))
	assert.Error(t, run([]string{"a", "b"}, nil, &out))
	assert.Error(t, run(nil, strings.NewReader(""), &out)) // empty text
}
