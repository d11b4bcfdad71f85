package tagger_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/etikett-nlp/etikett/tagger"
)

type goldFile struct {
	Entities []struct {
		Text       string `json:"text"`
		Type       string `json:"type"`
		Start, End int
	} `json:"entities"`
}

// splitGoldType turns GermEval-style "ORGpart" into ("ORG", "part").
func splitGoldType(t string) (string, string) {
	for _, f := range []string{tagger.FormPart, tagger.FormDeriv} {
		if typ, ok := strings.CutSuffix(t, f); ok {
			return typ, f
		}
	}
	return t, tagger.FormName
}

// TestSeedArticle checks the article the project was created from against
// its 52 gold mentions: exact span, type and form.
func TestSeedArticle(t *testing.T) {
	text, err := os.ReadFile("../testdata/nato-putin-nordkorea.txt")
	require.NoError(t, err)
	raw, err := os.ReadFile("../testdata/nato-putin-nordkorea.gold.json")
	require.NoError(t, err)
	var gold goldFile
	require.NoError(t, json.Unmarshal(raw, &gold))
	require.Len(t, gold.Entities, 52)

	tg, err := tagger.New()
	require.NoError(t, err)
	res, err := tg.Tag(string(text))
	require.NoError(t, err)

	type key struct {
		start, end int
		typ, form  string
	}
	want := map[key]bool{}
	for _, g := range gold.Entities {
		typ, form := splitGoldType(g.Type)
		want[key{g.Start, g.End, typ, form}] = true
	}
	tp := 0
	byText := map[string]map[string]bool{} // mention text → ids
	for _, e := range res.Entities {
		k := key{e.Start, e.End, e.Type, e.Form}
		if want[k] {
			tp++
		} else {
			t.Logf("not in gold: %q %s/%s at %d (%s)", e.Text, e.Type, e.Form, e.Start, e.Rule)
		}
		if byText[e.Name] == nil {
			byText[e.Name] = map[string]bool{}
		}
		byText[e.Name][e.ID] = true
		assert.Equal(t, string(text[e.Start:e.End]), e.Text)
		assert.NotEmpty(t, e.ID, "%q at %d must resolve to a lexicon id", e.Text, e.Start)
	}
	got := map[key]bool{}
	for _, e := range res.Entities {
		got[key{e.Start, e.End, e.Type, e.Form}] = true
	}
	for k := range want {
		if !got[k] {
			t.Logf("missed: %q %s/%s at %d", text[k.start:k.end], k.typ, k.form, k.start)
		}
	}
	p := float64(tp) / float64(len(res.Entities))
	r := float64(tp) / float64(len(want))
	f1 := 2 * p * r / (p + r)
	t.Logf("seed: P=%.3f R=%.3f F1=%.3f (%d of %d gold, %d tagged)", p, r, f1, tp, len(want), len(res.Entities))
	assert.GreaterOrEqual(t, f1, 0.98)

	// Nothing inside the e-mail address or the byline.
	for _, bad := range []string{"hinweis@news.de", "kns/roj/news.de"} {
		at := strings.Index(string(text), bad)
		require.GreaterOrEqual(t, at, 0)
		for _, e := range res.Entities {
			assert.False(t, e.Start < at+len(bad) && e.End > at, "entity %q inside %q", e.Text, bad)
		}
	}

	// Every mention of one entity carries one id.
	idsOf := func(texts ...string) map[string]bool {
		ids := map[string]bool{}
		for _, e := range res.Entities {
			for _, s := range texts {
				if e.Text == s {
					ids[e.ID] = true
				}
			}
		}
		return ids
	}
	for _, group := range [][]string{{"Stoltenberg", "Jens Stoltenberg"}, {"Putin", "Putins", "Wladimir Putin"}, {"Washington"}, {"Nordkorea", "Nordkoreas"}, {"Russland", "Russlands", "russischen", "russische"}} {
		ids := idsOf(group...)
		assert.Len(t, ids, 1, "ids of %v: %v", group, ids)
		for id := range ids {
			assert.NotEmpty(t, id, "%v must resolve to a lexicon id", group)
		}
	}
}

// TestSeedTopics: the seed article is about conflict and politics, and every
// topic can show why.
func TestSeedTopics(t *testing.T) {
	text, err := os.ReadFile("../testdata/nato-putin-nordkorea.txt")
	require.NoError(t, err)
	tg, err := tagger.New()
	require.NoError(t, err)
	res, err := tg.Tag(string(text))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(res.Topics), 2)
	top := []string{res.Topics[0].ID, res.Topics[1].ID}
	assert.ElementsMatch(t, []string{"medtop:16000000", "medtop:11000000"}, top)
	for _, tp := range res.Topics {
		assert.NotEmpty(t, tp.Evidence, tp.ID)
		assert.NotEmpty(t, tp.Label, tp.ID)
	}
	for i := 1; i < len(res.Topics); i++ {
		assert.GreaterOrEqual(t, res.Topics[i-1].Score, res.Topics[i].Score)
	}
}
