package tagger

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/etikett-nlp/etikett/internal/token"
)

// The rules ask the gazetteer's marks (Tagger.markClasses) instead of these
// maps, which is only the same when their words are keys already.
func TestClassListsAreKeys(t *testing.T) {
	for name, m := range map[string]map[string]bool{"notNames": notNames, "notSurnames": notSurnames,
		"functionWords": functionWords, "determiners": determiners} {
		for w, ok := range m {
			if !ok || token.Key(w) != w {
				t.Errorf("%s: %q is not a key (or maps to false)", name, w)
			}
		}
	}
}

// The tagger's own classes (cache.go) share scratch.bits with the marked
// ones.
func TestClassBitsDisjoint(t *testing.T) {
	marked := bFunction | bNotName | bNotSurname | bPlacePrep | bArticle | bFirstName | bLegal | bOrgHead |
		bClub | bOrgSuffix | bStreetWord | bPlaceNoun | bSayVerb | bSurname | bDeterminer | bGeoPrefix | bTitle
	// Every group of bits of scratch.bits and the word cache's slots (the
	// marked classes include the gazetteer's, bFirstName and bSurname): no
	// two may overlap.
	groups := []struct {
		name string
		bits uint32
	}{
		{"marked classes", marked}, {"bRole", bRole}, {"bDeriv", bDeriv}, {"bRootCases", bRootCases},
		{"bSolo", bSolo}, {"bKeyBits", bKeyBits},
	}
	for i, a := range groups {
		for _, b := range groups[i+1:] {
			if a.bits&b.bits != 0 {
				t.Errorf("%s %032b overlap %s %032b", a.name, a.bits, b.name, b.bits)
			}
		}
	}
}

// A wordSet holds the words its map maps to true, and no other.
func TestWordSet(t *testing.T) {
	m := map[string]bool{"von": true, "van": true, "de": true, "della": true, "El": true, "St.": false, "": true}
	ws := newWordSet(m)
	for _, c := range []struct {
		word string
		want bool
	}{{"von", true}, {"van", true}, {"de", true}, {"della", true}, {"El", true}, {"", true},
		{"St.", false}, {"el", false}, {"vom", false}, {"dell", false}, {"dellb", false}, {"Von", false}, {"d", false}} {
		require.Equal(t, c.want, ws.has(c.word), c.word)
		require.Equal(t, m[c.word], ws.has(c.word), c.word)
	}
	require.False(t, newWordSet(nil).has(""))
	// The rules' sets hold their words where has looks for them.
	for _, c := range []struct {
		name string
		set  *wordSet
	}{{"particles", particles}, {"nobiliary", nobiliary}, {"conjunctions", conjunctions}} {
		n := 0
		for _, list := range c.set.byShape {
			for _, w := range list {
				require.True(t, c.set.has(w), c.name+" "+w)
				n++
			}
		}
		require.Positive(t, n, c.name)
	}
}
