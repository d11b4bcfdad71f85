package tagger

import (
	"testing"

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
	if own := bRole | bDeriv | bRootCases; marked&own != 0 {
		t.Errorf("marked classes %b overlap the tagger's own %b", marked, own)
	}
}
