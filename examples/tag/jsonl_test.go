package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/etikett-nlp/etikett/internal/newstext"
)

// sameAsJSON checks that parseLine, with simpleLine, makes of line the job
// that json.Unmarshal makes of it, and returns whether simpleLine took it.
func sameAsJSON(t *testing.T, line string) bool {
	t.Helper()
	want := parseLineJSON([]byte(line), 7, "in")
	got := parseLine([]byte(line), 7, "in")
	_, _, _, fast := simpleLine([]byte(line))
	if fast {
		require.NoError(t, want.err, "simpleLine took a line json.Unmarshal rejects: %q", line)
	}
	require.Equal(t, want.text, got.text, "%q", line)
	require.Equal(t, string(want.id), string(got.id), "%q", line)
	require.Equal(t, want.err, got.err, "%q", line)
	require.Equal(t, 7, got.line)
	return fast
}

func TestSimpleLineAsUnmarshal(t *testing.T) {
	long := strings.Repeat("Die Nato tagt in Brüssel. ", 20)
	for _, c := range []struct {
		line string
		fast bool // simpleLine decodes it itself
	}{
		{`{"id": "a", "text": "Die Nato tagt in Brüssel."}`, true},
		{`{"text":"Putin"}`, true},
		{` { "text" : "x" , "id" : null } `, true},
		{"\t{\"text\":\r\n\"x\"}\r", true},
		{`{"id": "", "text": ""}`, true},
		{`{"text": "` + long + `", "id": "lang"}`, true},
		{`{"text": "a\"b\\c\/d\b\f\n\r\t e"}`, true},
		{`{"text": "\u00e4\u00DF\u20ac\u0000 \u2028"}`, true},
		{`{"text": "` + long + `\n` + long + `"}`, true},
		{`{"text": "Müller’s „Zitat“ 🇩🇪", "id": "ä\"ö"}`, true},
		{`{"text": "<b>&amp;</b>", "id": "<&>"}`, true},
		// All these go to json.Unmarshal: its answers, or its errors.
		{`{"text": "\ud83c\udde9"}`, false}, // a surrogate pair
		{`{"text": "\ud83c x"}`, false},     // a lone surrogate
		{"{\"text\": \"bad \xff utf-8\"}", false},
		{"{\"text\": \"cut \xc3\"}", false},
		{`{"Text": "x"}`, false},               // keys match without case
		{`{"text": "x", "lang": "de"}`, false}, // other keys
		{`{"text": "x", "text": "y"}`, false},
		{`{"id": "a", "id": "b", "text": "y"}`, false},
		{`{"id": 5, "text": "x"}`, false},
		{`{"text": null}`, false},
		{`{"text": 5}`, false},
		{`{"id": "d"}`, false},
		{`{}`, false},
		{``, false},
		{`not json`, false},
		{`{"text": "x"} {}`, false},
		{`{"text": "x",}`, false},
		{`{"text": "x"`, false},
		{`{"text": "x`, false},
		{`{"text": "x\`, false},
		{`{"text": "x\u00"}`, false},
		{`{"text": "x\u00g0"}`, false},
		{`{"text": "x\q"}`, false},
		{"{\"text\": \"tab\there\"}", false}, // a control character
		{`{"text": "x"}}`, false},
		{`{"id": nul, "text": "x"}`, false},
		{`["text", "x"]`, false},
	} {
		assert.Equal(t, c.fast, sameAsJSON(t, c.line), "%q", c.line)
	}
}

// Articles written as JSON Lines by json.Marshal (which escapes <, >, &
// and line breaks) decode alike, and simpleLine takes them all: the
// testdata articles, and the 10kGNAD dev articles when ../shared has them.
func TestSimpleLineArticles(t *testing.T) {
	_, texts, err := newstext.Articles("../../testdata")
	require.NoError(t, err)
	if fresh, err := newstext.Fresh(); err == nil {
		texts = append(texts, fresh...)
	} else {
		t.Logf("only the testdata articles: %v", err)
	}
	for i, text := range texts {
		line, err := json.Marshal(map[string]string{"id": fmt.Sprint("doc", i), "text": text})
		require.NoError(t, err)
		require.True(t, sameAsJSON(t, string(line)), "article %d", i)
	}
	t.Logf("%d articles", len(texts))
}

func FuzzSimpleLine(f *testing.F) {
	for _, s := range []string{`{"id": "a", "text": "Die Nato"}`, `{"text": "\u00e4\n\"", "id": null}`,
		`{"text": "\ud83c\udde9"}`, "{\"text\": \"\xff\"}", `{"Text": "x"}`, `{"text": "x",}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		sameAsJSON(t, line)
	})
}
