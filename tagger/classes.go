package tagger

import (
	"github.com/etikett-nlp/etikett/internal/token"
	"github.com/etikett-nlp/etikett/tagger/internal/match"
)

// Word classes the rules ask about, marked on the gazetteer's words at New
// so that tagging looks each token up once.
const (
	bFunction   uint32 = 1 << iota // function word: man, seine, beim
	bNotName                       // never begins a surname: Montag, Euro
	bNotSurname                    // ends names of things: School, Airways
	bPlacePrep                     // preposition of place: in, nach, aus
	bArticle                       // die, der, den, dem
	bLegal                         // a legal form: AG, GmbH
	bOrgHead                       // heads a body's name: Bundesamt
	bClub                          // a club prefix: TSV, FC
	bOrgSuffix                     // ends a company's name: Verlag, Airways
	bStreetWord                    // Straße, Platz (after an -er adjective)
	bPlaceNoun                     // Stadt, Gemeinde: a place name follows
	bSayVerb                       // sagte, erklärte: a speaker may follow
	bDeterminer                    // der, eine, keine: a common noun follows, no surname
	bGeoPrefix                     // may be a geographic prefix (geoPrefixes): ask the map
	bTitle                         // may be a title (titles): ask the map
)

// bListed are classes marked only to spare the rules a map lookup. Marking
// them may add keys to the gazetteer, and does not make a word one the
// tagger knows: the rules that ask whether the gazetteer knows a word
// (unknownCap, knownSurname, unknownAcronyms) ignore them (see
// scratch.knows).
const bListed = bDeterminer | bGeoPrefix | bTitle

// Word classes the gazetteer marks itself, from the lexicon.
const (
	bFirstName = match.FirstName // a known first name (any case)
	bSurname   = match.Surname   // the last word of a person's name in the lexicon
)

// sayVerbs introduce the speaker of a quote: „…“, sagte Schmidt.
var sayVerbs = map[string]bool{"sagte": true, "sagt": true, "erklärte": true, "erklärt": true, "betonte": true,
	"betont": true, "meinte": true, "meint": true, "so": true, "schrieb": true, "schreibt": true, "kritisierte": true,
	"kritisiert": true, "warnte": true, "warnt": true, "forderte": true, "fordert": true, "ergänzte": true,
	"fügte": true, "räumte": true, "bestätigte": true, "bestätigt": true, "sagten": true, "erklärten": true,
	"teilte": true, "versicherte": true, "kündigte": true, "sprach": true, "antwortete": true, "entgegnete": true}

// placeNouns name the kind of place whose name follows them: die Stadt
// Halle, im Landkreis Hof.
var placeNouns = map[string]bool{"Stadt": true, "Gemeinde": true, "Landkreis": true, "Kreis": true, "Ort": true,
	"Dorf": true, "Hauptstadt": true, "Region": true, "Bundesland": true, "Kanton": true, "Provinz": true,
	"Metropole": true, "Großstadt": true, "Kleinstadt": true, "Kreisstadt": true, "Landeshauptstadt": true,
	"Hansestadt": true, "Stadtteil": true, "Ortsteil": true, "Insel": true, "Fluss": true, "Bezirk": true}

// markClasses registers the rules' word lists with the gazetteer (the
// gazetteer marks first names and surnames itself: match.FirstName,
// match.Surname).
func (t *Tagger) markClasses() { markWords(t.g) }

// markWords registers the rules' word lists.
func markWords(g *match.Gazetteer) {
	var key []byte
	mark := func(words map[string]bool, bit uint32) {
		for w, ok := range words {
			if ok {
				key = token.AppendKey(key[:0], w)
				g.MarkKey(key, bit)
			}
		}
	}
	mark(functionWords, bFunction)
	mark(notNames, bNotName)
	mark(notSurnames, bNotSurname)
	mark(placePrepositions, bPlacePrep)
	mark(articles, bArticle)
	mark(legalForms, bLegal)
	mark(orgHeads, bOrgHead)
	mark(clubPrefixes, bClub)
	mark(orgSuffixes, bOrgSuffix)
	mark(streetWords, bStreetWord)
	mark(placeNouns, bPlaceNoun)
	mark(sayVerbs, bSayVerb)
	mark(determiners, bDeterminer)
	mark(geoPrefixes, bGeoPrefix)
	mark(map[string]bool{"St.": true, "St": true}, bGeoPrefix) // St. Moritz, St . Moritz (prefixedPlaces)
	mark(titles, bTitle)
}

// wordSet is a small set of words for the rules' hot paths, where a Go map
// of strings cost 110 to 150 instructions a lookup: the set compares the
// word with the few of its length and first byte (by their low three bits),
// 10 to 20 instructions.
type wordSet struct {
	byShape [64][]string
}

// newWordSet returns the set of the words that m maps to true.
func newWordSet(m map[string]bool) *wordSet {
	ws := new(wordSet)
	for w, ok := range m {
		if ok {
			k := wsShape(w)
			ws.byShape[k] = append(ws.byShape[k], w)
		}
	}
	return ws
}

func wsShape(w string) int {
	if w == "" {
		return 0
	}
	return len(w)&7<<3 | int(w[0]&7)
}

// has reports whether w is in the set.
func (ws *wordSet) has(w string) bool {
	for _, x := range ws.byShape[wsShape(w)] {
		if x == w {
			return true
		}
	}
	return false
}
