package tagger

import (
	"sync"

	"github.com/etikett-nlp/etikett/internal/token"
)

// ruleTokens lists, for one text, the tokens at which the rules that scan
// the whole text may fire, found in one pass over the tokens: each rule then
// visits its few candidates instead of every token. A rule still tests its
// full condition at a candidate; the lists only leave out the tokens where
// the condition's first, per-token test (a flag or a word class, which no
// rule changes) fails.
type ruleTokens struct {
	people  []int32 // capitalized words and abbreviations (rules' person loop)
	broken  []int32 // tokens both capitalized and truncated (brokenNames)
	allCaps []int32 // tokens all in capitals (definedAcronyms, unknownAcronyms)
	classed []int32 // tokens in one of the classes of ruleClasses
}

// ruleClasses are the word classes that organizations, clubsAndCompanies and
// prefixedPlaces begin with.
const ruleClasses = bGeoPrefix | bLegal | bOrgHead | bClub | bOrgSuffix

// ruleTokensPool keeps the lists between texts (the scratch is another
// engineer's; the rules keep their own).
var ruleTokensPool = sync.Pool{New: func() any { return new(ruleTokens) }}

// collect fills the lists for the tokens of s.
func (r *ruleTokens) collect(s *scratch) {
	r.people, r.broken, r.allCaps, r.classed = r.people[:0], r.broken[:0], r.allCaps[:0], r.classed[:0]
	toks := s.toks
	bits := s.bits[:len(toks)]
	for i := range toks {
		tok := &toks[i]
		if capWord(tok) || tok.Kind == token.Abbrev {
			r.people = append(r.people, int32(i))
		}
		if tok.Flags&(token.AllCaps|token.Truncated) != 0 {
			if tok.Flags&(token.Truncated|token.Cap) == token.Truncated|token.Cap {
				r.broken = append(r.broken, int32(i))
			}
			if tok.Flags&token.AllCaps != 0 {
				r.allCaps = append(r.allCaps, int32(i))
			}
		}
		if bits[i]&ruleClasses != 0 {
			r.classed = append(r.classed, int32(i))
		}
	}
}
