package tagger

import "github.com/etikett-nlp/etikett/internal/token"

// ruleTokens lists, for one text, the tokens at which the rules that scan
// the whole text may fire, found in one pass over the tokens: each rule then
// visits its few candidates instead of every token. A rule still tests its
// full condition at a candidate; the lists only leave out the tokens where
// the condition's first, per-token test (a flag or a word class, which no
// rule changes) fails.
type ruleTokens struct {
	marked  []int32 // the tokens in one of the lists below
	abbrevs []int32 // abbreviations (with scratch.caps, the rules' person loop)
	broken  []int32 // tokens both capitalized and truncated (brokenNames)
	allCaps []int32 // tokens all in capitals (definedAcronyms, unknownAcronyms)
	classed []int32 // tokens in one of the classes of ruleClasses
	cued    []int32 // capitalized words with a person cue (hasPersonCue; the rules' person loop)
	placed  []int32 // capitalized words where a case of places may apply (placeCandidate)

	surnames surnameTable    // corefSurnames' people by their surnames
	roleEnds *keyCache[bool] // endsWithRole's answers for recent keys, kept from text to text
}

// ruleClasses are the word classes that organizations, clubsAndCompanies and
// prefixedPlaces begin with.
const ruleClasses = bGeoPrefix | bLegal | bOrgHead | bClub | bOrgSuffix

// collect fills the lists for the tokens of s.
func (r *ruleTokens) collect(s *scratch) {
	// One loop over the tokens finds the few in any list, with few
	// locals (so that they stay in registers); a second sorts them out.
	toks := s.toks
	bits := s.bits[:len(toks)]
	marked := r.marked[:0]
	for i, tok := range toks {
		if tok.Kind == token.Abbrev || tok.Flags&(token.AllCaps|token.Truncated) != 0 || bits[i]&ruleClasses != 0 {
			marked = append(marked, int32(i))
		}
	}
	r.marked = marked
	r.abbrevs, r.broken, r.allCaps, r.classed = r.abbrevs[:0], r.broken[:0], r.allCaps[:0], r.classed[:0]
	for _, i := range marked {
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
	r.collectCaps(s)
}

// collectCaps fills cued and placed from the capitalized words, with
// hasPersonCue and placeCandidate written out, in one loop whose lists are
// written by index. The rules' person loop called hasPersonCue for every
// capitalized word, and places tested its cases on every one: 4,500
// instructions per document more. The loop makes no call: a call, even
// for one word in seven, made it keep its locals on the stack (1,000
// instructions per document).
//
// The lists may hold a word more than the two functions pass, never one
// less: the loop tests the next token's key for the bracket and the key
// for "Bad", sparing the text a register, and the last three or four bytes
// for landmarkEnding's suffixes (tal, see, hütte, brunnen).
func (r *ruleTokens) collectCaps(s *scratch) {
	caps, toks, keys := s.caps, s.toks, s.keys
	bits, spans := s.bits[:len(toks)], s.keySpan[:len(toks)]
	r.cued, r.placed = resize(r.cued, len(caps)), resize(r.placed, len(caps))
	cued, placed := r.cued[:len(caps)], r.placed[:len(caps)]
	nc, np := 0, 0
	for _, ci := range caps {
		i := int(ci)
		tok, b, sp := toks[i], bits[i], spans[i]
		hyphen := tok.Flags&token.Hyphen != 0
		key := keys[sp.start:sp.end]
		var prev uint32
		if i > 0 {
			prev = bits[i-1]
		}
		// The next token: a bracket (its key is its text) or a number.
		paren, number := false, false
		if i+1 < len(toks) {
			nsp := spans[i+1]
			paren = nsp.end == nsp.start+1 && keys[nsp.start] == '('
			next := toks[i+1]
			number = next.Kind == token.Number
		}
		if b&(bFirstName|bSurname) != 0 || hyphen || prev&(bRole|bTitle|bSayVerb) != 0 || len(key) >= 6 && key[len(key)-1] == 's' || paren {
			cued[nc] = ci
			nc++
		}
		var ends uint8
		if len(key) >= 2 {
			ends = placeEnds[suffixPair(key[len(key)-2], key[len(key)-1])]
		}
		landmark := ends&peLandmark != 0 && len(key) >= 7 &&
			(hasSuffix(key, "tal") || hasSuffix(key, "see") || hasSuffix(key, "ütte") || hasSuffix(key, "nnen"))
		if ends != 0 && (ends&peStreet != 0 && !hyphen || ends&peToponym != 0 && prev&bPlacePrep != 0 || landmark) ||
			len(key) >= 6 && directionStarts.mayStart(key) || b&bStreetWord != 0 || number || string(key) == "bad" {
			placed[np] = ci
			np++
		}
	}
	r.cued, r.placed = cued[:nc], placed[:np]
}
