package tagger

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/etikett-nlp/etikett/internal/newstext"
	"github.com/etikett-nlp/etikett/internal/token"
)

// testScratches returns the test articles tokenized and looked up, the
// rules run, and a short text with the cases the lists are for.
func testScratches(t *testing.T) (*Tagger, []*scratch) {
	t.Helper()
	tg, err := New(WithoutTopics())
	require.NoError(t, err)
	_, docs, err := newstext.Articles("../testdata")
	require.NoError(t, err)
	docs = append(docs, "Mecklenburg- Vorpommern, die Firma Springer Verlag GmbH und der TSV Odenhausen: "+
		"Dr. W. Müller (SPD) sprach in St. Moritz mit dem Danish Refugee Council (DRC) über die NATO.")
	var out []*scratch
	for _, d := range docs {
		s := new(scratch)
		s.reset(d)
		tg.entities(s)
		out = append(out, s)
	}
	return tg, out
}

// Each list holds exactly the tokens that pass its rule's first test.
func TestRuleTokensCollect(t *testing.T) {
	_, scratches := testScratches(t)
	var rt ruleTokens
	for _, s := range scratches {
		rt.collect(s)
		var people, broken, allCaps, classed []int32
		for i := range s.toks {
			tok := s.toks[i]
			if s.isCapWord(i) || tok.Kind == token.Abbrev {
				people = append(people, int32(i))
			}
			if tok.Flags&token.Truncated != 0 && tok.Flags&token.Cap != 0 {
				broken = append(broken, int32(i))
			}
			if s.isAllCaps(i) {
				allCaps = append(allCaps, int32(i))
			}
			if s.has(i, bGeoPrefix) || s.has(i, bLegal) || s.has(i, bOrgHead) || s.has(i, bClub) || s.has(i, bOrgSuffix) {
				classed = append(classed, int32(i))
			}
		}
		for _, c := range []struct {
			name      string
			got, want []int32
		}{{"people", rt.people, people}, {"broken", rt.broken, broken}, {"allCaps", rt.allCaps, allCaps}, {"classed", rt.classed, classed}} {
			require.Equal(t, len(c.want), len(c.got), c.name)
			if len(c.want) > 0 {
				require.Equal(t, c.want, c.got, c.name)
			}
		}
	}
}
