package tagger

import (
	"slices"

	"github.com/etikett-nlp/etikett/internal/token"
)

// ruleTokens lists, for one text, the tokens at which the rules that scan
// the whole text may fire, found in one pass over the tokens: each rule then
// visits its few candidates instead of every token. A rule still tests its
// full condition at a candidate; the lists only leave out the tokens where
// the condition's first, per-token test (a flag or a word class, which no
// rule changes) fails.
type ruleTokens struct {
	abbrevs []int32 // abbreviations (with scratch.caps, the rules' person loop)
	broken  []int32 // tokens both capitalized and truncated (brokenNames)
	allCaps []int32 // tokens all in capitals (definedAcronyms, unknownAcronyms)
	classed []int32 // tokens in one of the classes of ruleClasses
	cued    []int32 // capitalized words with a person cue (hasPersonCue; the rules' person loop)
	placed  []int32 // capitalized words where a case of places may apply (placeCandidate)
	// (cued and placed are filled by the entity loop, Tagger.entities, as
	// it lists the capitalized words; collect fills the others from the
	// tokens that the loop lists in scratch.marked.)

	// The mentions corefSurnames lists, by their index in scratch.ments,
	// as it looks at every mention:
	long []int32 // names of two words or more (corefSurnames, acronyms)
	lone []int32 // one-word people the rules found

	surnames  surnameTable // corefSurnames' people by their surnames
	roleEnds  *keyCache[bool]
	cuedMents []int32 // afterCues' list // endsWithRole's answers for recent keys, kept from text to text
}

// ruleClasses are the word classes that organizations, clubsAndCompanies and
// prefixedPlaces begin with.
const ruleClasses = bGeoPrefix | bLegal | bOrgHead | bClub | bOrgSuffix

// collect fills the lists for the tokens of s, from those in any of them,
// which the entity loop lists in scratch.marked as it looks at every token:
// a loop of collect's own over the tokens cost 5,700 instructions per
// document, the entity loop's tests 4,200 (10kGNAD; 2,100 fewer on the
// articles).
func (r *ruleTokens) collect(s *scratch) {
	toks := s.toks
	bits := s.bits[:len(toks)]
	r.abbrevs, r.broken, r.allCaps, r.classed = r.abbrevs[:0], r.broken[:0], r.allCaps[:0], r.classed[:0]
	for _, i := range s.marked {
		tok := &toks[i]
		if tok.Kind == token.Abbrev {
			r.abbrevs = append(r.abbrevs, i)
		}
		if tok.Flags&(token.Truncated|token.Cap) == token.Truncated|token.Cap {
			r.broken = append(r.broken, i)
		}
		if tok.Flags&token.AllCaps != 0 {
			r.allCaps = append(r.allCaps, i)
		}
		if bits[i]&ruleClasses != 0 {
			r.classed = append(r.classed, i)
		}
	}
}

// afterCues lists, in order, the mentions found so far that start at a
// capitalized word with a first name's mark, or after a role word, title,
// verb of saying or abbreviation (an initial): the mentions where
// placesAsPeople may find a person. cued holds every capitalized word of
// the first four (see hasPersonCue), abbrevs every abbreviation, and the
// mention index the mentions starting at a token.
func (r *ruleTokens) afterCues(s *scratch) []int32 {
	ks := r.cuedMents[:0]
	toks, bits := s.toks, s.bits[:len(s.toks)]
	for _, ci := range r.cued {
		i := int(ci)
		if bits[i]&bFirstName != 0 || i > 0 && (bits[i-1]&(bRole|bTitle|bSayVerb) != 0 || toks[i-1].Kind == token.Abbrev) {
			for k := s.mx.first(i); k >= 0; k = s.mx.following(k) {
				ks = append(ks, int32(k))
			}
		}
	}
	for _, a := range r.abbrevs {
		if i := int(a) + 1; i < len(toks) && capWord(&toks[i]) {
			for k := s.mx.first(i); k >= 0; k = s.mx.following(k) {
				ks = append(ks, int32(k))
			}
		}
	}
	// A token's mentions are in order, but not the tokens' (rules add
	// mentions after the entity loop's), and a word in cued after an
	// abbreviation comes twice.
	slices.Sort(ks)
	ks = slices.Compact(ks)
	r.cuedMents = ks
	return ks
}
