package tagger

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/etikett-nlp/etikett/internal/token"
	"github.com/etikett-nlp/etikett/lexicon"
	"github.com/etikett-nlp/etikett/tagger/internal/match"
)

// rules finds what the gazetteer alone misses: people the lexicon does not
// know (a known first name or a role word before a capitalized surname,
// "X (SPD)"), later surname-only mentions of a person named in full, and
// acronyms introduced in brackets after a known long form.
func (t *Tagger) rules(s *scratch) {
	rt := &s.rt
	rt.collect(s)
	covered := s.coverage()
	t.brokenNames(s, covered, rt.broken)
	t.prefixedPlaces(s, covered, rt.classed)
	t.placesAsPeople(s, covered)
	// Unknown people: person finds nothing but at a capitalized word with
	// a person cue or an abbreviation. The loop visits rt.cued and
	// rt.abbrevs (no token is in both) in order.
	from := 0 // the first token not yet taken by a person
	abbrevs := rt.abbrevs
	for _, ci := range rt.cued {
		for len(abbrevs) > 0 && abbrevs[0] < ci {
			from = t.personAt(s, int(abbrevs[0]), from, covered)
			abbrevs = abbrevs[1:]
		}
		// personAt, written out
		i := int(ci)
		if i < from || covered[i] {
			continue
		}
		if end := t.person(s, i, covered); end > i {
			s.dropMentions(i, end)
			s.claim(covered, mention{start: int32(i), end: int32(end), entry: -1, typ: lexicon.PER, form: FormName, rule: "person"})
			from = end
		}
	}
	for _, ai := range abbrevs {
		from = t.personAt(s, int(ai), from, covered)
	}
	t.places(s, covered, rt.placed)
	t.localOrganizations(s, covered)
	t.organizations(s, covered, rt.classed)
	t.clubsAndCompanies(s, covered, rt.classed)
	t.corefSurnames(s, covered, &rt.surnames)
	t.acronyms(s, covered)
	t.definedAcronyms(s, covered, rt.allCaps)
	t.unknownAcronyms(s, covered, rt.allCaps)
	if rulesCoverageCheck != nil {
		rulesCoverageCheck(s, covered)
	}
	t.insideLongerNames(s, covered)
}

// rulesCoverageCheck, when a test sets it, sees the rules' coverage before
// insideLongerNames takes it (TestRulesCoverage).
var rulesCoverageCheck func(s *scratch, covered []bool)

// personAt tags an unknown person starting at token i (see person) unless
// the token is covered or before from, the first token not yet taken by a
// person. It returns the new from.
func (t *Tagger) personAt(s *scratch, i, from int, covered []bool) int {
	if i < from || covered[i] {
		return from
	}
	if end := t.person(s, i, covered); end > i {
		s.dropMentions(i, end)
		s.claim(covered, mention{start: int32(i), end: int32(end), entry: -1, typ: lexicon.PER, form: FormName, rule: "person"})
		return end
	}
	return from
}

// insideLongerNames drops a name found in the lexicon or by a person rule
// when an unknown capitalized word stands right next to it: the name is then
// a piece of a longer name the tagger does not know (Eurospeedway Lausitz,
// Fraunhofer FIT, Dave Matthews Band, Lee Strasberg Theatre), and tagging
// the piece would give the wrong span and often the wrong type.
//
// covered is the rules' coverage, which is the coverage of the live
// mentions (s.coverage() after s.live()): every rule that adds a mention
// marks its tokens, and every rule that drops mentions drops them inside
// the range of the mention it adds. Taking it, not computing it again,
// saves 2,600 instructions per document; TestRulesCoverage holds the two
// equal.
func (t *Tagger) insideLongerNames(s *scratch, covered []bool) {
	ms := s.live()
	n := len(s.toks)
	out := ms[:0]
	prevDeriv := int32(-1) // the entry of the deriv adjective just before m
	for k := range ms {
		m := &ms[k]
		if k > 0 && ms[k-1].end == m.start && ms[k-1].entry >= 0 && ms[k-1].form == FormDeriv {
			prevDeriv = ms[k-1].entry
		} else {
			prevDeriv = -1
		}
		// Mercedes 208, Boeing 747: a product of the company, not the
		// company (but Porsche 2024 is a year).
		// (The tests that fail most often first.)
		if int(m.end) < n && s.toks[m.end].Kind == token.Number && m.entry >= 0 && m.end-m.start == 1 && m.form == FormName &&
			s.entries[m.entry].Kind == "company" && s.toks[m.end].Start == s.toks[m.end-1].End+1 && !isYear(s.tokText(int(m.end))) &&
			strings.Trim(s.tokText(int(m.end)), "0123456789") == "" && // not a lap time: Mercedes 1:43,754
			!(int(m.end)+1 < n && (s.has(int(m.end)+1, bNotName) || isQuantity(s.key(int(m.end)+1)))) { // Ebay 15 Prozent
			continue
		}
		// das russische Verteidigungsministerium: another country's body,
		// not the one the lexicon means by the generic word.
		if prevDeriv >= 0 && m.entry >= 0 && m.end-m.start == 1 && m.form == FormName {
			if c, d := s.entries[m.entry].Country, s.entries[prevDeriv].Country; c != "" && d != "" && c != d {
				continue
			}
		}
		// A genitive stands next to the noun it belongs to (Wulffs
		// Hochzeitsfeier, Statthalter Böhmens), and a noun before a person
		// is an apposition (Hauptbuchhalter Friedrich Peters): only the
		// word after a person and the words around other names count.
		if m.form == FormName && (m.rule == "name" || m.rule == "person" || m.rule == "acronym-unknown") {
			// The cheap tests of a neighbour first, and the headline's
			// only when a neighbour counts: all are pure.
			a, b := int(m.start)-1, int(m.end)
			firstOnly := m.typ == lexicon.PER && m.rule == "person" && m.end-m.start == 1 // Credito Emiliano, Little Nicky
			near := a >= 0 && s.isCapWord(a) && !covered[a] && (m.typ != lexicon.PER || firstOnly) &&
				s.toks[a].End+1 == s.toks[a+1].Start && s.toks[a].Flags&token.SentStart == 0 &&
				t.unknownCap(s, a, covered) && !t.isNoun(s, a) // before; Versicherung Swiss Life: an apposition
			near = near || b < n && s.isCapWord(b) && !covered[b] && s.toks[b-1].End+1 == s.toks[b].Start &&
				!(m.typ == lexicon.LOC && a >= 0 && s.has(a, bPlacePrep)) &&
				t.unknownCap(s, b, covered) && // after
				!(m.typ == lexicon.PER && m.end-m.start == 1 && strings.HasSuffix(s.tokText(b-1), "s") && t.isNoun(s, b)) // Kádárs Werke: a genitive
			// DIE NATO TAGT: a headline in capitals.
			if near && !(a >= 0 && b < n && s.isAllCaps(a) && s.isAllCaps(b)) {
				continue
			}
		}
		// Keep m: out is ms up to k while no mention was dropped.
		if len(out) == k {
			out = out[:k+1]
		} else {
			out = append(out, *m)
		}
	}
	s.ments = out
}

// nominalized reports a capitalized participle, adjective or ordinal used as
// a noun: Festgenommenen, Verletzten, Vierter, Reisende.
//
// It tries only the suffixes with the key's last byte, and asks
// ordinalStems only for a stem ending in t, as they all do: a loop over
// every suffix and ending cost 800 instructions a word (400 per document
// in unknownCap).
func nominalized(key []byte) bool {
	n := len(key)
	if n == 0 {
		return false
	}
	for _, suf := range nominalSuffixesByLast[key[n-1]] {
		if n > len(suf)+3 && hasSuffix(key, suf) {
			return true
		}
	}
	// The endings e, er, en, es and em: at most one fits.
	var stem []byte
	switch key[n-1] {
	case 'e':
		stem = key[:n-1]
	case 'r', 'n', 's', 'm':
		if n < 2 || key[n-2] != 'e' {
			return false
		}
		stem = key[:n-2]
	default:
		return false
	}
	return len(stem) > 0 && stem[len(stem)-1] == 't' && ordinalStems[string(stem)]
}

// nominalSuffixes end nominalized participles (nominalized).
var nominalSuffixes = []string{"enen", "ten", "ende", "enden", "ender", "ene", "ener"}

// nominalSuffixesByLast holds nominalSuffixes by their last byte.
var nominalSuffixesByLast = func() (by [256][]string) {
	for _, suf := range nominalSuffixes {
		by[suf[len(suf)-1]] = append(by[suf[len(suf)-1]], suf)
	}
	return by
}()

// ordinalStems are the stems of ordinal numbers written as words.
var ordinalStems = map[string]bool{"erst": true, "zweit": true, "dritt": true, "viert": true, "fünft": true,
	"sechst": true, "siebt": true, "acht": true, "neunt": true, "zehnt": true, "elft": true, "zwölft": true, "letzt": true}

// nounCompound reports a closed compound whose last part is a known common
// noun or compound head: Hochzeitsfeier, Spielzeughersteller, Bruderstaat.
func (s *scratch) nounCompound(key []byte) bool {
	for k := 3; k+4 <= len(key); k++ {
		if utf8.RuneStart(key[k]) && key[k-1] != '-' && s.isNounKey(key[k:]) {
			return true
		}
	}
	return false
}

// unknownCap reports a capitalized word the tagger knows nothing of: not a
// name, first name, function word, role, common noun or derived word.
func (t *Tagger) unknownCap(s *scratch, i int, covered []bool) bool {
	if !s.isCapWord(i) || covered[i] || s.toks[i].Flags&token.Hyphen != 0 {
		return false
	}
	// A word that is part of some lexicon name but not of a name here
	// (Air, Oil, Games) counts as unknown.
	if s.isTitle(i) {
		return false // Miss Parker
	}
	const thing = bNotSurname | bOrgSuffix | bLegal
	if w := s.info[i]; w != nil && (w.Deriv.How != 0 || w.Bits&^(thing|bListed) != 0) {
		return false
	} else if w != nil && w.Bits&thing != 0 {
		return true // a word that ends names of things: School, Band, Hotel
	}
	// Cheapest first: all are pure.
	if s.role(i) != "" || isStreet(s.key(i)) || t.isNoun(s, i) || t.endsWithRole(s, s.key(i)) {
		return false
	}
	key := s.key(i)
	if hasNounSuffix(key) || nominalized(key) || s.nounCompound(key) {
		return false
	}
	if k := len(key); k > 4 && key[k-1] == 's' {
		key = key[:k-1] // des Fürstentums, des Kantons
		return !hasNounSuffix(key) && !s.isNounKey(key) && !s.nounCompound(key)
	}
	return true
}

// clubPrefixes begin the names of sports clubs: TSV Odenhausen, 1. FC Köln.
var clubPrefixes = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`FC SV TSV SSV VfB VfL VfR TuS TSG SG SC SpVgg SK ESV BSV FSV HSV KSV
		MSV PSV RSV TuRa SpVg DJK ASV ATSV BV SVW TSC FK NK AC AS CF CD RC`) {
		m[w] = true
	}
	return m
}()

// orgSuffixes end the names of companies, publishers, bands and teams:
// Hirzel Verlag, SAM Group, Jet Airways, Stoke City.
var orgSuffixes = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`Verlag Verlage Group Gruppe Holding Holdings Werke Werk Airways Airlines
		Records Band Bank Versicherung Versicherungen Brauerei Reederei Stiftung Bau Motors Pharma
		Industries Systems Solutions Technologies Entertainment Pictures Studios Media Energy Electric
		Capital Partners Consulting Logistics Telecom United Rovers Wanderers Flyers Rangers`) {
		m[w] = true
	}
	return m
}()

// clubsAndCompanies tags sports clubs by their prefix (TSV Odenhausen) and
// companies or teams by a final word (Hirzel Verlag, Stoke City).
//
// classed lists the tokens in a class of ruleClasses.
func (t *Tagger) clubsAndCompanies(s *scratch, covered []bool, classed []int32) {
	n := len(s.toks)
	from := 0 // the first token not yet taken by a name
	for _, ci := range classed {
		i := int(ci)
		if i < from || covered[i] || !s.has(i, bClub|bOrgSuffix) {
			continue // every case below asks one of these classes
		}
		text := s.tokText(i)
		if s.has(i, bClub) && clubPrefixes[text] && i+1 < n && s.isCapWord(i+1) {
			start, end := i, i+1
			if i > 0 && s.toks[i-1].Kind == token.Ordinal {
				start = i - 1 // 1. FC Nürnberg
			}
			for end < n && end-i <= 3 && (s.isCapWord(end) || s.toks[end].Kind == token.Number) && !s.has(end, bFunction) {
				end++
			}
			s.dropMentions(start, end)
			s.claim(covered, mention{start: int32(start), end: int32(end), entry: -1, typ: lexicon.ORG, form: FormName, rule: "club"})
			from = end
			continue
		}
		if s.has(i, bOrgSuffix) && orgSuffixes[text] && i > 0 && covered[i-1] && !covered[i] && s.isCapWord(i) {
			// Porsche Holding, Springer Verlag: a known company's name and
			// the suffix name another company of its group.
			if k := s.orgEndingAt(i, true); k >= 0 {
				start := int(s.ments[k].start)
				s.dropMentions(start, i+1)
				s.add(mention{start: int32(start), end: int32(i + 1), entry: -1, typ: lexicon.ORG, form: FormName, rule: "org-suffix"})
				covered[i] = true
				continue
			}
		}
		if s.has(i, bOrgSuffix) && orgSuffixes[text] && i > 0 && s.isCapWord(i-1) && !covered[i-1] && s.isCapWord(i) {
			start := i - 1
			first := s.tokText(start)
			if s.toks[start].Flags&token.SentStart != 0 || genericOrgNouns[first] || !t.surnameLike(s, start, covered) ||
				strings.HasSuffix(first, "s") && len(first) > 3 && !s.isAllCaps(start) {
				continue // Kádárs Werke: a genitive, not a company
			}
			// Take up to three more capitalized words: Kuwait National Airways.
			for start > 0 && i-start < 4 && s.isCapWord(start-1) && s.toks[start].Flags&token.SentStart == 0 &&
				!s.has(start-1, bFunction) && !genericOrgNouns[s.tokText(start-1)] {
				start--
			}
			end := i + 1
			if end < n && s.has(end, bLegal) && legalForms[s.tokText(end)] {
				end++ // TEVA Pharmaceutical Industries Ltd
			}
			s.dropMentions(start, end)
			s.claim(covered, mention{start: int32(start), end: int32(end), entry: -1, typ: lexicon.ORG, form: FormName, rule: "org-suffix"})
			from = end
		}
	}
}

// definedAcronyms tags an unknown long form and the acronym defined right
// after it in brackets as organizations: Danish Refugee Council (DRC),
// Industriekreditbank (IKB).
//
// allCaps lists the tokens in capitals.
func (t *Tagger) definedAcronyms(s *scratch, covered []bool, allCaps []int32) {
	n := len(s.toks)
	for _, ai := range allCaps {
		a := int(ai)
		if a < 2 || a+1 >= n || covered[a] || s.tokText(a-1) != "(" || s.tokText(a+1) != ")" {
			continue
		}
		acr := s.tokText(a)
		l := utf8.RuneCountInString(acr)
		if l < 2 || l > 6 {
			continue
		}
		// The shortest run of words before the bracket whose initials the
		// acronym fits, starting with a capitalized word.
		end := a - 1
		for start := end - 1; start >= 0 && end-start <= 8; start-- {
			if covered[start] || !(s.isCapWord(start) || connectors[s.tokText(start)]) {
				break
			}
			if !s.isCapWord(start) {
				continue
			}
			long := s.text[s.toks[start].Start:s.toks[end-1].End]
			if !initialsMatch(acr, long) {
				continue
			}
			// every capitalized word must give the acronym a letter
			if end-start > l {
				break
			}
			// one word is an organization only by its ending: Industriekreditbank
			if end-start == 1 && !orgWordEnding(s.tokText(start)) {
				break
			}
			s.add(mention{start: int32(start), end: int32(end), entry: -1, typ: lexicon.ORG, form: FormName, rule: "defined-acronym"})
			s.add(mention{start: int32(a), end: int32(a + 1), entry: -1, typ: lexicon.ORG, form: FormName, rule: "acronym", name: long})
			for k := start; k < end; k++ {
				covered[k] = true
			}
			covered[a] = true
			break
		}
	}
}

func orgWordEnding(w string) bool {
	lw := strings.ToLower(w)
	for _, suf := range []string{"bank", "verband", "werk", "werke", "kasse", "gesellschaft", "amt", "institut",
		"bund", "partei", "union", "rat", "kommission", "behörde", "agentur", "stiftung", "verein", "konzern"} {
		if strings.HasSuffix(lw, suf) {
			return true
		}
	}
	return false
}

func (s *scratch) isAllCaps(i int) bool { return s.toks[i].Flags&token.AllCaps != 0 }

var connectors = map[string]bool{"of": true, "on": true, "and": true, "for": true, "the": true, "für": true,
	"und": true, "der": true, "des": true, "de": true, "du": true, "la": true, "des ": true}

// legalForms end company names: Beispiel Holding AG, Acme GmbH.
var legalForms = map[string]bool{"AG": true, "GmbH": true, "SE": true, "KG": true, "KGaA": true, "e.V.": true,
	"eG": true, "Inc.": true, "Ltd.": true, "LLC": true, "plc": true, "PLC": true, "S.A.": true, "SA": true,
	"N.V.": true, "GmbH & Co. KG": true, "Corp.": true, "Co.": true, "OHG": true, "mbH": true}

// orgHeads begin the names of public bodies and institutions when a
// complement follows: Bundesamt für Kommunikation, Universität Hamburg.
var orgHeads = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`Bundesamt Landesamt Bundesanstalt Landesanstalt Bundesministerium
		Ministerium Staatsministerium Landesministerium Institut Universität Hochschule Fachhochschule
		Verband Bundesverband Landesverband Verein Stiftung Akademie Kammer Bundeskammer Gesellschaft
		Zentrum Amt Behörde Bundesbehörde Agentur Bundesagentur Landesagentur Zentralrat Bundesrat Rat
		Kommission Komitee Bundesinstitut Landesinstitut Forschungszentrum Klinikum Bundesgericht Landgericht
		Amtsgericht Oberlandesgericht Verwaltungsgericht Arbeitsgericht Landessozialgericht Sozialgericht
		Museum Theater Orchester Bibliothek Archiv Staatsanwaltschaft Polizeipräsidium Landeskriminalamt
		Bundeszentrale Landeszentrale Kirchengemeinde Gemeinderat Stadtrat Kreistag Landtag Verlag`) {
		m[w] = true
	}
	return m
}()

// institutions may take a genitive complement: Universität der Künste,
// Akademie der Wissenschaften (unlike Amt des Präsidenten).
var institutions = map[string]bool{"Universität": true, "Hochschule": true, "Akademie": true, "Stiftung": true,
	"Verband": true, "Institut": true, "Ministerium": true, "Bundesverband": true, "Museum": true, "Zentralrat": true}

// genericOrgNouns precede company names without being part of them.
var genericOrgNouns = map[string]bool{"Firma": true, "Unternehmen": true, "Konzern": true, "Hersteller": true,
	"Tochter": true, "Zulieferer": true, "Versicherer": true, "Händler": true, "Anbieter": true, "Gruppe": true,
	"Tochterfirma": true, "Mutterkonzern": true, "Betreiber": true, "Investor": true, "Verlag": true}

// organizations tags organizations the lexicon does not know: capitalized
// words before a legal form (Beispiel Holding AG), and institutions named by
// a head word with a complement (Bundesamt für Kommunikation, Universität
// Hamburg, Bayerisches Staatsministerium für Unterricht und Kultus).
//
// classed lists the tokens in a class of ruleClasses.
func (t *Tagger) organizations(s *scratch, covered []bool, classed []int32) {
	n := len(s.toks)
	from := 0 // the first token not yet taken by a name
	for _, ci := range classed {
		i := int(ci)
		if i < from || !s.has(i, bLegal|bOrgHead) {
			continue // both cases below ask one of these classes
		}
		text := s.tokText(i)
		if s.has(i, bLegal) && legalForms[text] && i > 0 && s.isCapWord(i-1) {
			start := i - 1
			for start > 0 && s.isCapWord(start-1) && !covered[start-1] && s.toks[start-1].Flags&token.SentStart == 0 && i-start < 4 && !genericOrgNouns[s.tokText(start-1)] {
				start--
			}
			if start == i-1 && covered[start] && s.singlePlaceAt(start) {
				// Volkswagen Sachsen GmbH: a place in a company's name.
				for start > 0 && i-start < 4 && s.isCapWord(start-1) && s.toks[start-1].Flags&token.SentStart == 0 &&
					!s.has(start-1, bFunction) && !genericOrgNouns[s.tokText(start-1)] {
					start--
				}
				if start == i-1 {
					continue
				}
				s.dropMentions(start, i+1)
				s.claim(covered, mention{start: int32(start), end: int32(i + 1), entry: -1, typ: lexicon.ORG, form: FormName, rule: "legal-form"})
				continue
			}
			if start == i-1 && covered[start] {
				// a known organization before the legal form (Google Inc.):
				// the legal form belongs to its name
				if k := s.orgEndingAt(i, false); k >= 0 {
					m := &s.ments[k]
					m.end, m.bend = int32(i+1), s.toks[i].End
					s.mx.grown(m.start, m.end)
					covered[i] = true
				}
				continue
			}
			if genericOrgNouns[s.tokText(start)] && start == i-1 {
				continue
			}
			// Bilfinger Berger Projektentwicklung GmbH: a known company's
			// name before the words of its subsidiary.
			if start > 0 && covered[start-1] && s.isCapWord(start-1) {
				if k := s.orgEndingAt(start, true); k >= 0 && s.toks[s.ments[k].start].Flags&token.SentStart == 0 {
					start = int(s.ments[k].start)
					s.dropMentions(start, i+1)
				}
			}
			s.claim(covered, mention{start: int32(start), end: int32(i + 1), entry: -1, typ: lexicon.ORG, form: FormName, rule: "legal-form"})
			continue
		}
		if !s.has(i, bOrgHead) || !orgHeads[text] || covered[i] || i+1 >= n {
			continue
		}
		end := i + 1
		next := s.tokText(end)
		switch {
		case next == "für" || ((next == "der" || next == "des") && institutions[text]):
			k := end + 1
			for k < n && s.isCapWord(k) {
				k++
				if k+1 < n && (s.tokText(k) == "und" || s.tokText(k) == "für") && s.isCapWord(k+1) {
					k++
				}
			}
			if k == end+1 || (next != "für" && k-end-1 > 3) {
				continue
			}
			end = k
		case s.isCapWord(end) && s.mentionAt(end, lexicon.LOC):
			end++ // Universität Hamburg
		default:
			continue
		}
		start := i
		// a declined adjective before: Bayerisches, Deutschen, Europäische
		if start > 0 && s.isCapWord(start-1) && adjectiveEnding(s.tokText(start-1)) && !covered[start-1] {
			start--
		}
		s.dropMentions(start, end)
		s.claim(covered, mention{start: int32(start), end: int32(end), entry: -1, typ: lexicon.ORG, form: FormName, rule: "org-head"})
		from = end
	}
}

// inflectedLower reports a lowercase word with an adjective's ending: after
// "zum ersten" or "das nächste", Mal is a noun, not a first name.
func inflectedLower(w string) bool {
	if w == "" || w[0] < 'a' || w[0] > 'z' || len(w) < 4 {
		return false
	}
	for _, suf := range []string{"e", "en", "em", "er", "es"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

func adjectiveEnding(w string) bool {
	if utf8.RuneCountInString(w) < 6 {
		return false
	}
	for _, suf := range []string{"ische", "ischen", "isches", "ischer", "ische", "sche", "schen", "sches", "scher"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// mentionAt reports whether a mention of type typ starts at token i.
func (s *scratch) mentionAt(i int, typ string) bool {
	if k := s.mx.first(i); k >= 0 {
		return s.ments[k].typ == typ
	}
	return false
}

// dropMentions removes the mentions found so far inside the token range
// [start, end): a rule found a longer name there. Removal is lazy (see
// entitiesOf), so that long texts with many rule hits stay linear.
func (s *scratch) dropMentions(start, end int) {
	s.drops = append(s.drops, dropRange{int32(start), int32(end), len(s.ments)})
}

// dropRange is a token range whose earlier mentions are void.
type dropRange struct {
	start, end int32
	upto       int // mentions with a smaller index are dropped
}

// live returns the mentions not dropped.
func (s *scratch) live() []mention {
	if len(s.drops) == 0 {
		return s.ments
	}
	// A mention inside a drop range starts in it: the mention index lists
	// those, so that long texts with many drops stay linear.
	s.dropped = cleared(s.dropped, len(s.ments))
	dropped := s.dropped
	for _, d := range s.drops {
		for t := d.start; t < d.end; t++ {
			for k := s.mx.first(int(t)); k >= 0; k = s.mx.following(k) {
				if k < d.upto && s.ments[k].end <= d.end {
					dropped[k] = true
				}
			}
		}
	}
	// Keep the mentions in place up to the first dropped one, and copy
	// only those after it (a mention is 88 bytes: copying every one cost
	// 1,400 instructions per document).
	out := s.ments[:0]
	for k := range s.ments {
		switch {
		case dropped[k]:
		case len(out) == k:
			out = out[:k+1]
		default:
			out = append(out, s.ments[k])
		}
	}
	s.ments = out
	s.drops = s.drops[:0]
	return out
}

// coverage marks the tokens inside mentions found so far.
func (s *scratch) coverage() []bool {
	s.covered = cleared(s.covered, len(s.toks))
	c := s.covered
	for j := range s.ments {
		m := &s.ments[j] // not a copy of the 88 bytes
		for k := m.start; k < m.end; k++ {
			c[k] = true
		}
	}
	return c
}

// isCapWord reports a capitalized word token that may be part of a name.
func (s *scratch) isCapWord(i int) bool {
	if i < 0 || i >= len(s.toks) {
		return false
	}
	return capWord(&s.toks[i])
}

// capWord reports whether t is a capitalized word (see isCapWord).
func capWord(t *token.Token) bool {
	return t.Kind == token.Word && t.Flags&(token.Cap|token.Truncated|token.Domain) == token.Cap
}

// surnameLike reports whether token i could be a surname: a capitalized word
// that does not look like a German common noun and is not a function word.
func (t *Tagger) surnameLike(s *scratch, i int, covered []bool) bool {
	if !s.isCapWord(i) || (covered != nil && covered[i]) {
		return false
	}
	key := s.key(i)
	// notNames, notSurnames and functionWords, as marked on the gazetteer
	if s.has(i, bNotName|bNotSurname|bFunction) || !atLeast2Runes(key) {
		return false
	}
	if s.toks[i].Flags&token.AllCaps != 0 && utf8.RuneCount(key) <= 4 {
		return false // acronyms: SPD, USA
	}
	if _, ok := s.deriv(i); ok {
		return false
	}
	if s.role(i) != "" || isStreet(s.key(i)) || t.isNoun(s, i) || t.endsWithRole(s, s.key(i)) { // cheapest first
		return false
	}
	kb := s.key(i)
	if h := bytes.LastIndexByte(kb, '-'); h > 0 && s.isNounKey(kb[h+1:]) {
		return false // Mibrag-Betriebsrat, SPD-Vorstand: a compound, not a double name
	}
	return !hasNounSuffix(kb)
}

// notSurnames are words that follow first names in names of things:
// Lindsey School, Jet Airways, Public License, 3 Mio EUR.
var notSurnames = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`school college university academy institute laboratory license licence
		airways airlines air group records music band club park hall house street road avenue square center
		centre company corporation bank fund foundation trust united city county tower bridge hotel museum
		gallery theatre theater studios pictures productions games motors death life love time world news
		eur usd chf gbp jpy mio mrd ag gmbh inc ltd co authority authorities council commission office agency
		administration department board committee`) {
		m[w] = true
	}
	return m
}()

// endsWithRole reports a compound whose last part is a role word or
// compound head: Polizeisprecher, SAGA-Sprecher, Co-Fraktionschef. It
// asks the scratch's cache of recent keys first (ruleTokens.roleEnds): a
// word costs one lookup of the gazetteer per part it may end with, 650
// instructions on average, and the same words come back in every text.
func (t *Tagger) endsWithRole(s *scratch, key []byte) bool {
	if s.rt.roleEnds == nil {
		s.rt.roleEnds = newKeyCache[bool](8)
	}
	return s.rt.roleEnds.get(t.g, key, roleEnding)
}

// roleEnding is endsWithRole without the cache. Each ending it asks
// ends as key does: when no role word ends in key's last four bytes
// (Gazetteer.MayEndRole), none is one (1,300 instructions per document fewer
// on the 10kGNAD texts).
func roleEnding(g *match.Gazetteer, key []byte) bool {
	if len(key) < 5 || !g.MayEndRole(key) {
		return false
	}
	for k := 1; k+4 <= len(key); k++ {
		if !utf8.RuneStart(key[k]) {
			continue
		}
		rest := key[k:]
		if rest[0] == '-' {
			continue
		}
		if g.Role(rest) != "" {
			return true
		}
	}
	return false
}

// nounSuffixes end German common nouns far more often than surnames.
var nounSuffixes = []string{"ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion", "tionen", "tät", "ismus",
	"nis", "nisse", "tum", "ei", "chen", "ment", "enz", "anz", "ur", "ik", "ie", "ien", "ität",
	"sten", "ern", "ssen", "ling", "lage", "zeit", "jahr", "tag", "woche", "monat", "land", "stadt"}

// nounSuffixesByLast holds nounSuffixes by their last byte, for
// hasNounSuffix.
var nounSuffixesByLast = func() (by [256][]string) {
	for _, suf := range nounSuffixes {
		by[suf[len(suf)-1]] = append(by[suf[len(suf)-1]], suf)
	}
	return by
}()

// notNames are capitalized words that follow a role word or first name but
// do not begin a surname.
var notNames = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`der die das den dem des ein eine einer einen einem eines er sie es wir ihr
		ich du man sein seine seiner ihre ihrer ihren und oder aber doch denn sondern auch noch schon nur
		in im an am auf aus bei mit nach von vom zu zum zur für über unter vor hinter neben zwischen
		nicht kein keine dass wenn als wie so da dort hier heute gestern morgen jetzt nun dann
		montag dienstag mittwoch donnerstag freitag samstag sonntag sonnabend
		januar februar märz april mai juni juli august september oktober november dezember
		euro dollar prozent millionen milliarden uhr jahre jahren jahr mehr weniger alle viele
		herr frau dr prof sagte sagt erklärte betonte meinte hieß bereits name namen`) {
		m[w] = true
	}
	return m
}()

// person returns the end of an unknown person's name starting at token i,
// or i when there is none. Cues: a known first name (not one that is also a
// common word, unless a role word precedes it), or a role word right before.
func (t *Tagger) person(s *scratch, i int, covered []bool) int {
	// An initial and a surname: W. Müller, A. Korsakow.
	if s.toks[i].Kind == token.Abbrev && len(s.tokText(i)) == 2 && token.IsUpperStart(s.tokText(i)) && i+1 < len(s.toks) &&
		(i == 0 || s.toks[i-1].Kind != token.Abbrev) {
		// After an initial even a common noun is a surname: W. Müller.
		if t.surnameLike(s, i+1, covered) || s.isCapWord(i+1) && !covered[i+1] && !s.has(i+1, bNotName|bNotSurname|bFunction) &&
			s.role(i+1) == "" && s.toks[i+1].Flags&token.AllCaps == 0 && atLeast3Runes(s.tokText(i+1)) {
			return i + 2
		}
	}
	if !s.isCapWord(i) {
		return i
	}
	role := i > 0 && !covered[i-1] && (s.isCapWord(i-1) && s.role(i-1) != "" || s.isTitle(i-1))
	var fn lexicon.FirstName
	isFirst := false
	if s.has(i, bFirstName) || s.toks[i].Flags&token.Hyphen != 0 {
		fn, isFirst = t.firstName(s.tokText(i))
	}
	if isFirst && (!fn.Noun || role) {
		end := t.surnameAfter(s, i+1, covered)
		if end > i+1 {
			return end
		}
		// A first name on its own (Tobias sagte …), unless a capitalized
		// word follows that could not be read as a surname.
		if !fn.Noun && !s.isCapWord(i+1) && (i+1 >= len(s.toks) || s.tokText(i+1) != "-") && !(i > 0 && indefinites[string(s.key(i-1))]) {
			return i + 1
		}
		return i
	}
	// A first name that is also a word (Ernst, Anders, August) inside a
	// sentence, not after an article, preposition or number, before a
	// surname: Ernst Nilsson, Anders Ahlgren.
	if isFirst && !s.clauseStart(i) && (i == 0 || (conjunctions.has(s.tokText(i-1)) || !s.has(i-1, bFunction) && !s.has(i-1, bNotName)) &&
		s.toks[i-1].Kind != token.Number && s.toks[i-1].Kind != token.Ordinal && !inflectedLower(s.tokText(i-1))) {
		if i+1 < len(s.toks) && s.mtoks[i+1].Cands == nil && t.surnameLike(s, i+1, covered) {
			return i + 2
		}
	}
	if role && s.toks[i].Flags&token.SentStart == 0 && t.surnameLike(s, i, covered) {
		// Role word + surname(s): Kanzler Scholz, Trainer Vincent Kompany.
		end := i + 1
		if t.surnameLike(s, end, covered) && s.toks[end].Start == s.toks[end-1].End+1 {
			end++
		}
		return end
	}
	// "sagte Schmidt": after a verb of saying, a capitalized word without
	// an article is the speaker.
	if i > 0 && s.has(i-1, bSayVerb) && s.toks[i].Flags&token.SentStart == 0 && s.mtoks[i].Cands == nil && t.surnameLike(s, i, covered) {
		end := i + 1
		if end < len(s.toks) && s.mtoks[end].Cands == nil && t.surnameLike(s, end, covered) && s.toks[end].Start == s.toks[i].End+1 {
			end++
		}
		return end
	}
	// The surname of a person the lexicon knows, on its own: Bhutto.
	if !s.clauseStart(i) && !s.afterDeterminer(i) && s.toks[i-1].Kind != token.Number && t.knownSurname(s, i) && t.surnameLike(s, i, covered) {
		return i + 1
	}
	// "Müller (SPD)": a capitalized word before a party in brackets.
	if i+3 < len(s.toks) && covered[i+2] && s.tokText(i+1) == "(" && s.tokText(i+3) == ")" && t.isParty(s, i+2) && t.surnameLike(s, i, covered) {
		return i + 1
	}
	return i
}

// hasPersonCue reports whether capitalized word i has a cue that person
// asks for before it can find a name there: a first name or a hyphenated
// word (Hans-Peter), a role word, title or verb of saying before it, a
// surname the lexicon knows or a word that may be one in the genitive
// (knownSurname: six bytes or more, ending in s), or a bracket after it
// (Müller (SPD)). Without one, person returns i: the rules' loop skips the
// word. (The entity loop writes the tests out.)
func (s *scratch) hasPersonCue(i int) bool {
	if s.bits[i]&(bFirstName|bSurname) != 0 || s.toks[i].Flags&token.Hyphen != 0 {
		return true
	}
	if i > 0 && s.bits[i-1]&(bRole|bTitle|bSayVerb) != 0 {
		return true
	}
	if key := s.key(i); len(key) >= 6 && key[len(key)-1] == 's' {
		return true
	}
	if i+1 >= len(s.toks) {
		return false
	}
	next := &s.toks[i+1] // s.tokText(i+1) == "(", without building the string
	return next.End == next.Start+1 && s.text[next.Start] == '('
}

func (t *Tagger) firstName(w string) (lexicon.FirstName, bool) {
	if h := strings.IndexByte(w, '-'); h > 0 {
		// Frank-Walter, Hans-Peter: every part a first name. (The parts
		// of strings.Split, without its slice: 400 instructions a
		// hyphenated word.)
		first, ok := t.firstNames[w[:h]]
		for ok && h >= 0 {
			w = w[h+1:]
			if h = strings.IndexByte(w, '-'); h >= 0 {
				_, ok = t.firstNames[w[:h]]
			} else {
				_, ok = t.firstNames[w]
			}
		}
		if !ok {
			return lexicon.FirstName{}, false
		}
		return first, true
	}
	fn, ok := t.firstNames[w]
	return fn, ok
}

// surnameAfter extends a name after its first name: further first names,
// initials (George W. Bush), particles (von der Leyen, de Maizière) and the
// surname itself. It returns the end, or start when no surname follows.
func (t *Tagger) surnameAfter(s *scratch, k int, covered []bool) int {
	n := len(s.toks)
	onlyInitials := true // so far only initials follow the first name
	for steps := 0; k < n && steps < 4; steps++ {
		tok := s.toks[k]
		if strings.ContainsAny(s.text[s.toks[k-1].End:tok.Start], "\n\r") {
			return -1 // names do not span lines
		}
		text := s.tokText(k)
		switch {
		case tok.Kind == token.Abbrev && utf8.RuneCountInString(text) == 2 && token.IsUpperStart(text):
			k++ // initial
			if onlyInitials && !s.isCapWord(k) && (k >= n || s.toks[k].Kind != token.Abbrev) {
				return k // a first name and an initial: Nico G., Claudia B.
			}
			continue
		case (particles.has(text) || text == "des" && steps == 0) && k+1 < n: // Johannes des Täufers
			k++
			onlyInitials = false
			continue
		}
		if s.mayBeFirstName(k) && t.hasFirstName(text) && s.isCapWord(k+1) && !covered[k+1] {
			k++ // middle name
			onlyInitials = false
			continue
		}
		// After a particle, a place: Manolo de Huelva, Otto von Bamberg.
		if !onlyInitials && particles.has(s.tokText(k-1)) && covered[k] && s.isCapWord(k) && s.singlePlaceAt(k) {
			return k + 1
		}
		// After a first name even a role word is a surname: Gerhard Richter.
		if t.surnameLike(s, k, covered) || (s.isCapWord(k) && !covered[k] && !s.has(k, bNotName|bNotSurname|bFunction) &&
			!(s.isAllCaps(k) && len(text) <= 4) && atLeast3Runes(text) && !isStreet(s.key(k))) {
			// Heinrich Gottlob von Miltitz: a particle and a surname may follow.
			end := k + 1
			for end+1 < n && nobiliary.has(s.tokText(end)) && s.isCapWord(end+1) && !covered[end+1] {
				end += 2
			}
			return end
		}
		break
	}
	return -1
}

// titles are abbreviations that precede names like role words.
var titles = map[string]bool{"Dr.": true, "Prof.": true, "Hr.": true, "Fr.": true, "Mr.": true, "Mrs.": true, "Ms.": true, "St.": false,
	"Mr": true, "Mrs": true, "Miss": true, "Mister": true, "Sir": true, "Madame": true, "Monsieur": true, "Signor": true,
	"Signora": true, "Señor": true, "Señora": true}

// indefinites are indefinite determiners: after "einer", Tom is a drum.
var indefinites = map[string]bool{"ein": true, "eine": true, "einer": true, "einen": true, "einem": true, "eines": true,
	"kein": true, "keine": true, "keiner": true, "keinen": true, "keinem": true, "keines": true}

var particles = newWordSet(map[string]bool{"von": true, "van": true, "de": true, "der": true, "den": true, "zu": true,
	"di": true, "da": true, "del": true, "della": true, "degli": true, "dos": true, "das": true, "du": true,
	"la": true, "le": true, "ten": true, "ter": true, "bin": true, "ben": true, "ibn": true, "al": true, "el": true,
	"los": true, "las": true, "El": true, "Al": true, "Abu": true, "Bin": true, "Ibn": true})

// nobiliary particles may follow a surname-like name: Heinrich Gottlob von
// Miltitz (but not "Heinrich Kimmel der Plan").
var nobiliary = newWordSet(map[string]bool{"von": true, "van": true, "de": true, "della": true, "di": true, "da": true, "du": true})

func (t *Tagger) isParty(s *scratch, i int) bool {
	for k := s.mx.first(i); k >= 0; k = s.mx.following(k) {
		if m := &s.ments[k]; m.entry >= 0 {
			return t.g.Entries[m.entry].Kind == "party"
		}
	}
	return false
}

// person is a person named in full, for linking later surname mentions.
type person struct {
	entry int32
	name  string
}

// corefSurnames links a later surname-only mention to a person named in full
// earlier (or later) in the same text: "Jens Stoltenberg … Stoltenberg",
// also in the genitive (Stoltenbergs, Scholz').
//
// surnames is the rules' table for the text, which it fills.
func (t *Tagger) corefSurnames(s *scratch, covered []bool, surnames *surnameTable) {
	surnames.reset(len(s.ments))
	// One loop over the mentions fills the table and lists the one-word
	// people the rules found, for the second step, and the names of two
	// words or more, for acronyms (no rule after this one adds such a
	// name), instead of a loop over every mention in each.
	rt := &s.rt
	long, lone := rt.long[:0], rt.lone[:0]
	for k := range s.ments {
		m := &s.ments[k]
		if m.end-m.start < 2 {
			if m.end-m.start == 1 && m.entry < 0 && m.typ == lexicon.PER {
				lone = append(lone, int32(k))
			}
			continue
		}
		if m.form != FormName {
			continue
		}
		long = append(long, int32(k))
		typ := m.typ
		if m.entry >= 0 {
			typ = s.typeOf(m.entry)
		}
		if typ != lexicon.PER {
			continue
		}
		last := int(m.end - 1)
		if !s.isCapWord(last) || !atLeast3Runes(s.tokText(last)) {
			continue
		}
		name := s.text[m.bstart:m.bend]
		if m.entry >= 0 {
			name = t.g.Entries[m.entry].Name
		}
		surnames.add(s.key(last), person{m.entry, name}) // unless named before
	}
	rt.long, rt.lone = long, lone
	if len(surnames.names) == 0 {
		return
	}
	// Single-word people found by rules (sagte Schmidt) are the person
	// named in full.
	for _, k := range lone {
		m := &s.ments[k]
		if p, ok := surnames.get(s.key(int(m.start))); ok {
			m.entry, m.name, m.rule = p.entry, p.name, "coref"
		}
	}
	// The keys' array and spans in locals, and the filter asked with the
	// key's ends only: s.add in the loop kept the compiler from holding
	// s.keys and s.keySpan in registers. (With the lists above and
	// atLeast3Runes: 900 instructions per document, 300 on the 10kGNAD
	// texts.)
	keys, spans, filter := s.keys, s.keySpan[:len(covered)], &surnames.filter
	for _, ci := range s.caps {
		// spans as long as covered: one bounds check for the two.
		sp := spans[ci]
		if covered[ci] {
			continue
		}
		// The filter holds the genitives too (see surnameTable.add): one
		// probe turns most words away, genitive or not.
		if sp.end == sp.start || !filter.mayEnds(keys[sp.start], keys[sp.end-1], int(sp.end-sp.start)) {
			continue
		}
		k := keys[sp.start:sp.end]
		p, ok := surnames.get(k)
		if !ok && len(k) > 1 && (k[len(k)-1] == 's' || k[len(k)-1] == '\'') {
			p, ok = surnames.get(k[:len(k)-1])
		}
		if !ok {
			continue
		}
		i := int(ci)
		s.add(mention{start: int32(i), end: int32(i + 1), entry: p.entry, typ: lexicon.PER, form: FormName, rule: "coref", name: p.name})
		covered[i] = true
	}
}

// atLeast2Runes reports whether key has two runes or more, as
// atLeast3Runes does: an ASCII byte first leaves a rune or more after it
// (150 instructions per document in surnameLike).
func atLeast2Runes(key []byte) bool {
	if len(key) < 2 {
		return false
	}
	return len(key) >= 8 || key[0] < utf8.RuneSelf || utf8.RuneCount(key) >= 2
}

// atLeast3Runes reports whether w has three runes or more, counting them
// only when neither its length (a rune takes one to four bytes) nor three
// ASCII bytes at its start decide it: most surnames are decided so.
func atLeast3Runes(w string) bool {
	if len(w) < 3 {
		return false
	}
	return len(w) >= 12 || w[0]|w[1]|w[2] < utf8.RuneSelf || utf8.RuneCountInString(w) >= 3
}

// acronyms tags an unknown acronym in brackets right after a known name:
// "Deutsche Presse-Agentur (dpa)" gives dpa the same entity.
func (t *Tagger) acronyms(s *scratch, covered []bool) {
	// The names of two words or more corefSurnames listed, not every
	// mention.
	for _, k := range s.rt.long {
		m := &s.ments[k]
		if m.entry < 0 && m.typ != lexicon.ORG {
			continue
		}
		a := int(m.end) + 1
		if a+1 >= len(s.toks) || s.tokText(a-1) != "(" || s.tokText(a+1) != ")" || covered[a] {
			continue
		}
		text := s.tokText(a)
		if s.toks[a].Kind != token.Word || !initialsMatch(text, s.text[m.bstart:m.bend]) {
			continue
		}
		s.add(mention{start: int32(a), end: int32(a + 1), entry: m.entry, typ: m.typ, form: FormName, rule: "acronym", name: m.name})
		covered[a] = true
	}
}

// initialsMatch reports whether acronym could abbreviate long: both begin
// with the same letter and the acronym's letters appear in long in order
// (BAKOM: Bundesamt für Kommunikation; dpa: Deutsche Presse-Agentur).
func initialsMatch(acronym, long string) bool {
	n := utf8.RuneCountInString(acronym)
	if n < 2 || n > 8 {
		return false
	}
	a := []rune(strings.ToLower(acronym))
	l := []rune(strings.ToLower(long))
	if len(l) == 0 || a[0] != l[0] {
		return false
	}
	j := 1
	for _, r := range a[1:] {
		for j < len(l) && l[j] != r {
			j++
		}
		if j == len(l) {
			return false
		}
		j++
	}
	return true
}

// geoPrefixes begin the names of foreign places.
var geoPrefixes = map[string]bool{"Cerro": true, "Monte": true, "Mount": true, "Mont": true, "Lake": true,
	"Lago": true, "Río": true, "Rio": true, "Sierra": true, "Isla": true, "Isola": true, "Cabo": true, "Cape": true,
	"Puerto": true, "Porto": true, "Port": true, "Fort": true, "San": true, "Santa": true, "Santo": true,
	"São": true, "Sao": true, "Saint": true, "Sainte": true, "Sankt": true, "Lido": true, "Val": true,
	"Valle": true, "Piz": true, "Golfo": true, "Bahía": true, "Playa": true, "Punta": true}

// streetSuffixes end street names: Schwanitzstraße, Karl-Marx-Allee.
var streetSuffixes = []string{"straße", "strasse", "allee", "gasse", "damm", "chaussee", "promenade"}

// genericStreets are common nouns with a street ending.
var genericStreets = map[string]bool{"bundesstraße": true, "landstraße": true, "seitenstraße": true,
	"nebenstraße": true, "schnellstraße": true, "umgehungsstraße": true, "einbahnstraße": true,
	"hauptverkehrsstraße": true, "durchgangsstraße": true, "zufahrtsstraße": true, "ortsdurchfahrt": true,
	"staatsstraße": true, "kreisstraße": true, "sackgasse": true, "dammbruch": true, "staudamm": true,
	"deichdamm": true, "bahndamm": true, "straße": true, "strasse": true, "allee": true, "gasse": true}

// streetWords follow an adjective of a place in two-word street names:
// Schwabacher Straße, Potsdamer Platz.
var streetWords = map[string]bool{"Straße": true, "Strasse": true, "Platz": true, "Allee": true, "Weg": true,
	"Gasse": true, "Ring": true, "Damm": true, "Ufer": true, "Chaussee": true, "Tor": true, "Brücke": true}

// directions begin compounds of a known place that name a part of it:
// Süditalien, Nordhessen, Oberitalien.
var directions = []string{"nordost", "nordwest", "südost", "südwest", "nord", "süd", "ost", "west",
	"ober", "unter", "nieder", "mittel", "zentral"}

// directionsByFirst holds the directions by their first byte, each list in
// the order of directions.
var directionsByFirst = func() (by [256][]string) {
	for _, d := range directions {
		by[d[0]] = append(by[d[0]], d)
	}
	return by
}()

// toponymSuffixes end German place names; after a preposition of place
// such a word is a place even when the lexicon does not know it
// (in Weitingen, nach Pfaffenhofen).
var toponymSuffixes = []string{"ingen", "hausen", "heim", "dorf", "bach", "burg", "berg", "feld", "felde",
	"hofen", "rode", "roda", "leben", "stedt", "stätt", "hain", "kirchen", "brück", "brücken", "born",
	"hagen", "furt", "beuren", "weiler", "zell", "stein", "tal", "au", "ow", "itz", "witz", "ach"}

// toponymsByLast holds toponymSuffixes by their last byte, so that places
// tries only the few that may end a key (a loop over all 32 cost 650
// instructions a word). The first that fits adds the same mention as any
// other would: the order does not matter.
var toponymsByLast = func() (by [256][]string) {
	for _, suf := range toponymSuffixes {
		by[suf[len(suf)-1]] = append(by[suf[len(suf)-1]], suf)
	}
	return by
}()

// The cases of places that a key's last two bytes allow, in placeEnds.
const (
	peStreet   uint8 = 1 << iota // streetSuffixes (streetEnds)
	peToponym                    // toponymSuffixes (toponymEnds)
	peLandmark                   // landmarkSuffixes (landmarkEnding)
)

// placeEnds holds, by suffixPair of a key's last two bytes, the cases of
// places whose suffix lists have an ending with those bytes: one table
// probe per word instead of three (streetEnds, toponymEnds and
// landmarkEnding's switch), and none of the three cases' further tests for
// most words (the entity loop, places).
var placeEnds = func() (t [4096]uint8) {
	for _, l := range []struct {
		list []string
		bit  uint8
	}{{streetSuffixes, peStreet}, {toponymSuffixes, peToponym}, {landmarkSuffixes, peLandmark}} {
		for _, suf := range l.list {
			t[suffixPair(suf[len(suf)-2], suf[len(suf)-1])] |= l.bit
		}
	}
	return t
}()

// prefixList is a filter of a list of word beginnings by their first two
// bytes (six bits of each, as suffixPair), so that most keys skip the list.
type prefixList struct{ pairs [64]uint64 }

func prefixesOf(list []string) *prefixList {
	l := new(prefixList)
	for _, pre := range list {
		p := suffixPair(pre[0], pre[1])
		l.pairs[p/64] |= 1 << (p % 64)
	}
	return l
}

// mayStart reports whether key may begin with one of the prefixes, each at
// least two bytes long.
func (l *prefixList) mayStart(key []byte) bool {
	if len(key) < 2 {
		return false
	}
	p := suffixPair(key[0], key[1])
	return l.pairs[p/64]&(1<<(p%64)) != 0
}

// directionStarts filters the keys that may begin with a direction, before
// directionPlace: on the bench articles it calls directionPlace a quarter
// as often as a test of the first byte did (18 to 5 calls per document).
var directionStarts = prefixesOf(directions)

// placeCandidate reports whether one of the cases of places may apply at
// capitalized word i, by tests of each that do not depend on what is
// covered. The entity loop writes it out.
func (s *scratch) placeCandidate(i int) bool {
	key := s.key(i)
	var ends uint8
	if len(key) >= 2 {
		ends = placeEnds[suffixPair(key[len(key)-2], key[len(key)-1])]
	}
	street := ends&peStreet != 0 && s.toks[i].Flags&token.Hyphen == 0
	toponym := ends&peToponym != 0 && i > 0 && s.has(i-1, bPlacePrep)
	landmark := ends&peLandmark != 0 && landmarkEnding(key)
	next := i+1 < len(s.toks) && s.toks[i+1].Kind == token.Number // motorway
	return street || toponym || landmark || len(key) >= 6 && directionStarts.mayStart(key) ||
		s.has(i, bStreetWord) || next || s.tokText(i) == "Bad"
}

// places tags places the lexicon does not know: streets, parts of known
// places named by a direction, and towns with a typical ending after a
// preposition of place.
//
// placed lists the capitalized words where a case may apply
// (placeCandidate).
func (t *Tagger) places(s *scratch, covered []bool, placed []int32) {
	n := len(s.toks)
	// Over the candidates only: where a case takes the next word too (Bad
	// Schussenried), it marks it covered.
	for _, ci := range placed {
		i := int(ci)
		if covered[i] {
			continue
		}
		key := s.key(i)
		var ends uint8 // the cases the key's last two bytes allow (placeEnds)
		if len(key) >= 2 {
			ends = placeEnds[suffixPair(key[len(key)-2], key[len(key)-1])]
		}
		// Two-word streets: Schwabacher Straße (+ house number).
		if s.has(i, bStreetWord) && streetWords[s.tokText(i)] && i > 0 && s.isCapWord(i-1) && strings.HasSuffix(s.tokText(i-1), "er") && s.toks[i-1].Flags&token.SentStart == 0 {
			start, end := i-1, i+1
			if end < n && s.toks[end].Kind == token.Number {
				end++
			}
			s.dropMentions(start, end)
			s.claim(covered, mention{start: int32(start), end: int32(end), entry: -1, typ: lexicon.LOC, form: FormName, rule: "street"})
			continue
		}
		if ends&peStreet != 0 && s.toks[i].Flags&token.Hyphen == 0 {
			for _, suf := range streetSuffixes {
				if len(key) > len(suf)+2 && hasSuffix(key, suf) && !genericStreets[string(key)] {
					end := i + 1
					if end < n && s.toks[end].Kind == token.Number {
						end++
					}
					s.claim(covered, mention{start: int32(i), end: int32(end), entry: -1, typ: lexicon.LOC, form: FormName, rule: "street"})
					break
				}
			}
			if covered[i] {
				continue
			}
		}
		// Spa towns: Bad Schussenried.
		if s.tokText(i) == "Bad" && i+1 < n && s.isCapWord(i+1) && !covered[i+1] {
			end := i + 2
			s.dropMentions(i, end)
			s.add(mention{start: int32(i), end: int32(end), entry: -1, typ: lexicon.LOC, form: FormName, rule: "spa-town"})
			covered[i], covered[i+1] = true, true
			continue
		}
		// Motorways: A 7, A1 (motorway asks for a number next).
		if end := i + 1; end < n && s.toks[end].Kind == token.Number {
			if end = t.motorway(s, i); end > i {
				s.claim(covered, mention{start: int32(i), end: int32(end), entry: -1, typ: lexicon.LOC, form: FormName, rule: "motorway"})
				continue
			}
		}
		// The calls below are guarded by their first tests, written out.
		if ends&peLandmark != 0 && s.toks[i].Flags&(token.Hyphen|token.SentStart) == 0 && landmarkEnding(key) && t.landmark(s, i) {
			s.add(mention{start: int32(i), end: int32(i + 1), entry: -1, typ: lexicon.LOC, form: FormName, rule: "landmark"})
			covered[i] = true
			continue
		}
		if len(key) >= 6 && directionStarts.mayStart(key) && t.directionPlace(s, i) {
			s.add(mention{start: int32(i), end: int32(i + 1), entry: -1, typ: lexicon.LOC, form: FormName, rule: "direction+place"})
			covered[i] = true
			continue
		}
		if i > 0 && s.has(i-1, bPlacePrep) && s.toks[i].Flags&(token.SentStart|token.Hyphen) == 0 &&
			ends&peToponym != 0 && utf8.RuneCount(key) >= 6 && !t.isKnownWord(s, i) {
			for _, suf := range toponymsByLast[key[len(key)-1]] {
				if hasSuffix(key, suf) && utf8.RuneCount(key) > utf8.RuneCountInString(suf)+2 && !t.isNoun(s, i) {
					s.add(mention{start: int32(i), end: int32(i + 1), entry: -1, typ: lexicon.LOC, form: FormName, rule: "toponym"})
					covered[i] = true
					break
				}
			}
		}
	}
}

// prefixedPlaces tags places named by a geographic prefix and the name
// after it: Cerro Amarillo, Port Grosvenor, Río Xingú, San Remo, and saints'
// places, St. Moritz, St. Johann Baptist (also as "St . Moritz"). The rule
// overrides what the gazetteer read into the name's words one by one (Moritz
// as a first name, Cerro as a place of its own) but not a lexicon name that
// begins at the prefix (San Francisco).
//
// classed lists the tokens in a class of ruleClasses.
func (t *Tagger) prefixedPlaces(s *scratch, covered []bool, classed []int32) {
	n := len(s.toks)
	from := 0 // the first token not yet taken by a place
	for _, ci := range classed {
		i := int(ci)
		if i < from || i+1 >= n || !s.has(i, bGeoPrefix) {
			continue // none of the cases below (see markWords)
		}
		first := i + 1 // the name's first word
		switch text := s.tokText(i); {
		case geoPrefixes[text]:
		case text == "St." && s.toks[i].Kind == token.Abbrev:
		case text == "St" && s.tokText(i+1) == "." && i+2 < n:
			first = i + 2
		default:
			continue
		}
		if !s.isCapWord(i) && s.tokText(i) != "St." || !s.isCapWord(first) || s.has(first, bNotSurname) || s.has(first, bFunction) {
			continue
		}
		if s.startsLongMention(i) || i > 0 && covered[i-1] && s.endsMentionAt(i-1, i+1) {
			continue
		}
		end := first + 1
		form := FormName
		if strings.HasSuffix(s.tokText(first), "er") && s.isCapWord(end) && s.toks[first].Flags&token.Hyphen == 0 {
			form = FormDeriv // St. Galler Tagblatt, St. Petersburger Wirtschaftsforum
		} else {
			for end < n && end-first < 3 && (s.isCapWord(end) || particles.has(s.tokText(end)) && end+1 < n && s.isCapWord(end+1)) &&
				!s.has(end, bFunction) && !t.isNoun(s, end) && s.role(end) == "" && !t.endsWithRole(s, s.key(end)) &&
				s.toks[end].Flags&token.Hyphen == 0 && s.toks[end].Start == s.toks[end-1].End+1 {
				end++
			}
			if !s.isCapWord(end - 1) {
				end--
			}
		}
		s.dropMentions(i, end)
		s.claim(covered, mention{start: int32(i), end: int32(end), entry: -1, typ: lexicon.LOC, form: form, rule: "geo-prefix"})
		from = end
	}
}

// brokenNames joins a hyphenated name broken after its hyphen, as line
// breaks and some tokenizations leave it: "Mecklenburg- Vorpommern" is
// Mecklenburg-Vorpommern when the lexicon knows the joined name. (A
// truncated compound before "und", as in "Raketen- und Atomprogramme", is
// left alone.)
//
// broken lists the tokens both capitalized and truncated.
func (t *Tagger) brokenNames(s *scratch, covered []bool, broken []int32) {
	n := len(s.toks)
	from := 0 // the first token not yet joined to the one before
	for _, bi := range broken {
		i := int(bi)
		if i < from || i+1 >= n {
			continue
		}
		tok, next := s.toks[i], s.toks[i+1]
		if next.Start != tok.End+1 || !s.isCapWord(i+1) {
			continue
		}
		s.partBuf = token.AppendKey(s.partBuf[:0], tok.Text(s.text))
		s.partBuf = token.AppendKey(s.partBuf, next.Text(s.text))
		cands := t.g.Cands(s.partBuf)
		if cands == nil {
			continue
		}
		hits := t.g.HitsCached([]match.Tok{{Cands: cands, Case: match.TokCase(tok.Flags)}}, s.hits[:0], s.ec)
		if len(hits) == 0 || hits[0].N != 1 || len(hits[0].Terms) != 1 || t.is(hits[0].Terms[0], efAmbig) {
			continue
		}
		s.dropMentions(i, i+2)
		s.add(mention{start: int32(i), end: int32(i + 2), entry: hits[0].Terms[0], form: FormName, rule: "name"})
		covered[i], covered[i+1] = true, true
		from = i + 2
	}
}

// placesAsPeople reads a one-word place name as a person's surname where
// only a person can stand: after an initial (A. Korsakow), after a role word
// (Präsident Cleveland), and as the speaker after a verb of saying at the end
// of a clause (…, sagte Goslar.). A place does not follow a role noun
// uninflected in German: that would be "Präsident Frankreichs".
//
// It visits the mentions listed by ruleTokens.afterCues, not every mention:
// both cases want a first name or a word before the place that
// hasPersonCue or collect takes note of (3,000 instructions per document
// for the loop over every mention, 1,800 with the list).
func (t *Tagger) placesAsPeople(s *scratch, covered []bool) {
	for _, k := range s.rt.afterCues(s) {
		m := &s.ments[k] // read before the loop adds a mention (s.ments may move)
		i := int(m.start)
		if m.form != FormName || m.rule != "name" && m.rule != "context" || m.end-m.start != 1 ||
			s.toks[i].Flags&(token.AllCaps|token.Hyphen) != 0 || !s.isCapWord(i) {
			continue
		}
		// A first name that the lexicon knows as a place or as a person of
		// one name, before a surname: von Martin Stoll, von Donna Leon,
		// Matthias Köchl (not the apostle).
		if (m.typ == lexicon.LOC || m.typ == lexicon.PER) && s.has(i, bFirstName) && i+1 < len(s.toks) &&
			s.toks[i+1].Start == s.toks[i].End+1 && t.surnameLike(s, i+1, covered) {
			s.dropMentions(i, i+2)
			s.add(mention{start: int32(i), end: int32(i + 2), entry: -1, typ: lexicon.PER, form: FormName, rule: "person"})
			covered[i], covered[i+1] = true, true
			continue
		}
		if m.typ != lexicon.LOC || i == 0 || s.toks[i].Flags&token.SentStart != 0 {
			continue
		}
		prev := s.tokText(i - 1)
		start, end := i, i+1
		switch {
		case s.toks[i-1].Kind == token.Abbrev && len(prev) == 2 && token.IsUpperStart(prev) && (i < 2 || s.toks[i-2].Kind != token.Abbrev):
			start = i - 1
		case (s.isCapWord(i-1) && s.role(i-1) != "" && !covered[i-1] || s.isTitle(i-1)) && townLike(s.entries[m.entry].Kind):
			// but Weltmeister Kanada, Gastgeber Russland: a country's team
		case s.has(i-1, bSayVerb) && (i+1 >= len(s.toks) || s.toks[i+1].Kind == token.Punct):
		default:
			continue
		}
		s.dropMentions(start, end)
		s.claim(covered, mention{start: int32(start), end: int32(end), entry: -1, typ: lexicon.PER, form: FormName, rule: "person"})
	}
}

// singlePlaceAt reports a one-word place name found at token k.
func (s *scratch) singlePlaceAt(k int) bool {
	for j := s.mx.first(k); j >= 0; j = s.mx.following(j) {
		if m := s.ments[j]; m.end == m.start+1 && m.typ == lexicon.LOC && m.form == FormName {
			return true
		}
	}
	return false
}

// townLike reports kinds of places whose names are also surnames (Präsident
// Cleveland); countries, regions and rivers are not read so.
func townLike(kind string) bool {
	switch kind {
	case "city", "town", "village", "district", "":
		return true
	}
	return false
}

// startsLongMention reports a mention of two or more tokens starting at i.
func (s *scratch) startsLongMention(i int) bool {
	for j := s.mx.first(i); j >= 0; j = s.mx.following(j) {
		if m := s.ments[j]; m.end-m.start > 1 {
			return true
		}
	}
	return false
}

// knows reports whether the gazetteer knows token i for more than the
// classes of bListed.
func (s *scratch) knows(i int) bool {
	w := s.info[i]
	return w != nil && (w.Cands != nil || w.Deriv.How != 0 || s.bits[i]&bRole != 0 || w.Bits&^bListed != 0)
}

// claim adds a rule's mention and marks its tokens covered, so that later
// rules leave them alone.
func (s *scratch) claim(covered []bool, m mention) {
	s.add(m)
	for k := m.start; k < m.end; k++ {
		covered[k] = true
	}
}

// isKnownWord reports a word the lexicon or rules know as something else:
// a role word, a derived word, a function word.
func (t *Tagger) isKnownWord(s *scratch, i int) bool {
	if s.role(i) != "" || s.has(i, bFunction) {
		return true
	}
	_, ok := s.deriv(i)
	return ok
}

// directionPlace reports a word made of a direction and a known place:
// Süditalien, Nordhessens.
func (t *Tagger) directionPlace(s *scratch, i int) bool {
	key := s.key(i)
	if len(key) < 6 {
		return false
	}
	for _, d := range directionsByFirst[key[0]] {
		// The second byte first: Stadt, Staat are no süd…
		if len(key) <= len(d)+3 || key[1] != d[1] || string(key[:len(d)]) != d {
			continue
		}
		rest := key[len(d):]
		cands := s.cands(rest)
		if cands == nil {
			return false
		}
		s.hits = t.g.HitsCached([]match.Tok{{Cands: cands, Case: 1}}, s.hits[:0], s.ec)
		for _, h := range s.hits {
			for _, e := range h.Terms {
				if t.facts[e]&(efLOC|efAmbigNoun) == efLOC {
					return true
				}
			}
		}
		return false
	}
	return false
}

// motorway returns the end of a motorway name at token i (A 7, A1), or i.
func (t *Tagger) motorway(s *scratch, i int) int {
	next := i+1 < len(s.toks) && s.toks[i+1].Kind == token.Number && s.toks[i+1].Start == s.toks[i].End+1 && len(s.tokText(i+1)) <= 3
	if !next {
		return i // every case below asks for a number
	}
	text := s.tokText(i)
	switch {
	case (text == "A" || text == "B") && next:
		return i + 2 // A 7, B 27
	case next && (text == "Bundesstraße" || text == "Autobahn" || text == "Bundesautobahn" || text == "Staatsstraße" || text == "Landesstraße" || text == "Kreisstraße"):
		return i + 2 // Bundesstraße 216
	}
	return i
}

// landmarkSuffixes end the names of valleys, lakes, huts, chapels and
// fountains: Pustertal, Schwielowsee, Salmhütte, Najadenbrunnen.
var landmarkSuffixes = []string{"tal", "see", "hütte", "brunnen"}

// notLandmarks are common nouns with those endings.
var notLandmarks = map[string]bool{"kapital": true, "hospital": true, "portal": true, "spital": true,
	"übersee": true, "springbrunnen": true, "trinkbrunnen": true, "dorfbrunnen": true, "stadtkapelle": true,
	"blaskapelle": true, "musikkapelle": true, "eisenhütte": true, "berghütte": true, "skihütte": true,
	"holzhütte": true, "schutzhütte": true, "almhütte": true, "tiefsee": true, "binnensee": true,
	"stausee": true, "badesee": true, "baggersee": true, "hochtal": true, "seitental": true, "flusstal": true,
	"kristall": true, "metall": true, "schlosskapelle": true, "hauskapelle": true, "grabkapelle": true}

func (t *Tagger) landmark(s *scratch, i int) bool {
	key := s.key(i)
	if !landmarkEnding(key) || notLandmarks[string(key)] {
		return false
	}
	for _, suf := range []string{"kapital", "quartal", "portal", "spital", "pital", "metall", "dental", "total"} {
		if hasSuffix(key, suf) {
			return false
		}
	}
	return !t.isKnownWord(s, i) && !t.isNoun(s, i)
}

// landmarkEnding reports a key that ends with one of landmarkSuffixes after
// at least four more bytes. It tells the suffixes apart by the key's last
// byte, as "en", the last bytes of brunnen, end too many words for
// landmarkEnds to filter.
func landmarkEnding(key []byte) bool {
	if len(key) < 7 {
		return false // shorter than the shortest suffix and four bytes
	}
	var suf string
	switch key[len(key)-1] {
	case 'l':
		suf = "tal"
	case 'e':
		if hasSuffix(key, "see") {
			return true
		}
		suf = "hütte"
	case 'n':
		suf = "brunnen"
	default:
		return false
	}
	return len(key) >= len(suf)+4 && hasSuffix(key, suf)
}

// isStreet reports a word with a street ending: Jehudastraße.
func isStreet(key []byte) bool {
	if !streetEnds.mayEnd(key) {
		return false
	}
	for _, suf := range streetSuffixes {
		if len(key) > len(suf) && hasSuffix(key, suf) {
			return true
		}
	}
	return false
}

// hasSuffix is strings.HasSuffix for a key held as bytes.
func hasSuffix(key []byte, suf string) bool {
	return len(key) >= len(suf) && string(key[len(key)-len(suf):]) == suf
}

// notAcronyms are capitalized abbreviations that name no organization, and
// the country codes of sports results ("Lewis Hamilton (GBR)").
var notAcronyms = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		CO2 PS KFZ PKW LKW TV PC DNA DNS HIV AIDS USB GPS SMS PDF CEO CFO MP3 DVD CD VIP OK FAQ PR
		IT KI AI BIP MWST EUR USD CHF GBP KM KMH ABC III II IV VI VII VIII IX XI XII NS WM EM WLAN
		LED SUV UKW MRT ICE ISBN ISSN PLZ MBA EBIT EBITDA CPI GPL GNU URL HTML HTTP API CPU RAM SSD
		FCKW PVC BSE ADHS COVID SARS MERS DIN ISO PIN TAN IBAN BIC GMT UTC MEZ TEU BRT KWH MWH GWH
		PPM
		GER AUT SUI GBR FRA ITA ESP NOR SWE FIN CAN RUS JPN CHN NED BEL DEN POL CZE SLO SVK CRO SRB
		BIH HUN ROU BUL GRE TUR POR IRL ISL EST LAT LTU UKR BLR KAZ BRA ARG MEX COL CHI AUS NZL RSA
		KOR PRK ISR EGY MAR ALG TUN NGR KEN ETH JAM IND PAK IRI KSA QAT UAE`) {
		m[w] = true
	}
	return m
}()

// unknownAcronyms tags acronyms of three to six capitals the lexicon does
// not know as organizations (GermEval's most frequent unknown names: ETTU,
// UNMIT), unless they are common abbreviations or roman numerals.
//
// allCaps lists the tokens in capitals.
func (t *Tagger) unknownAcronyms(s *scratch, covered []bool, allCaps []int32) {
	for _, ai := range allCaps {
		i := int(ai)
		tok := &s.toks[i]
		if covered[i] || tok.Kind != token.Word || tok.Flags&token.Hyphen != 0 {
			continue
		}
		text := s.tokText(i)
		if n := len(text); n < 3 || n > 6 || notAcronyms[text] || s.knows(i) || tok.Flags&token.Digit != 0 {
			continue
		}
		if i > 0 && (s.toks[i-1].Kind == token.Number || s.toks[i-1].Kind == token.Ordinal || isQuantity(s.key(i-1))) {
			continue // 35 GB, 3 PS, eine Million TEU: units
		}
		if i > 1 && (s.toks[i-2].Kind == token.Number || numberWords[string(s.key(i-2))]) && s.isCapWord(i-1) {
			continue // zwei Moleküle NADPH: a substance counted
		}
		// a headline in capitals is no acronym
		if (i > 0 && s.toks[i-1].Flags&token.AllCaps != 0) || (i+1 < len(s.toks) && s.toks[i+1].Flags&token.AllCaps != 0) {
			continue
		}
		// PMID 17117481, KEL 1, GOTO- oder Switch-Anweisungen: a code or a
		// truncated compound, not a body (but ESC 2009 is).
		if i+1 < len(s.toks) && s.toks[i+1].Start == tok.End+1 {
			if next := s.tokText(i + 1); s.toks[i+1].Kind == token.Number && !isYear(next) || strings.HasPrefix(next, "-") {
				continue
			}
		}
		s.add(mention{start: int32(i), end: int32(i + 1), entry: -1, typ: lexicon.ORG, form: FormName, rule: "acronym-unknown"})
		covered[i] = true
	}
}

// conjunctions join names in a list: Karl Barl und Ernst Nilsson.
var conjunctions = newWordSet(map[string]bool{"und": true, "oder": true, "sowie": true})

// isYear reports a four-digit number from 1000 to 2999.
func isYear(w string) bool {
	return len(w) == 4 && (w[0] == '1' || w[0] == '2') && strings.Trim(w, "0123456789") == ""
}

// localOrgEndings end nouns that, after a town's inhabitant adjective, name
// a local organization: Hamburger Mieterverein, Kölner Stadt-Anzeiger,
// Berliner Philharmoniker, Eichsfelder Tageblatt.
var localOrgEndings = []string{"verein", "verband", "verbände", "zeitung", "tageblatt", "anzeiger", "rundschau",
	"nachrichten", "kurier", "morgenpost", "abendblatt", "bank", "sparkasse", "stadtwerke", "verkehrsbetriebe",
	"philharmoniker", "symphoniker", "sinfoniker", "frauenhilfe", "tafel", "kammerspiele", "staatsoper",
	"schauspielhaus", "volksbühne", "tagblatt", "stadtanzeiger", "zoo"}

// localOrganizations turns "inhabitant adjective + organization noun" into
// one organization (the adjective alone would be a LOC deriv).
func (t *Tagger) localOrganizations(s *scratch, covered []bool) {
	for k := range s.ments {
		m := &s.ments[k]
		if m.form != FormDeriv || m.rule != "demonym" || int(m.end) >= len(s.toks) {
			continue
		}
		n := int(m.end)
		if !s.isCapWord(n) {
			continue
		}
		key := s.key(n)
		for _, end := range localOrgEndings {
			if hasSuffix(key, end) {
				m.end, m.bend = int32(n+1), s.toks[n].End
				s.mx.grown(m.start, m.end)
				m.entry, m.typ, m.form, m.rule = -1, lexicon.ORG, FormName, "local-org"
				covered[n] = true
				break
			}
		}
	}
}

// knownSurname reports whether token i is the surname of a person in the
// lexicon, also in the genitive (Bhuttos), and cannot begin a name itself.
func (t *Tagger) knownSurname(s *scratch, i int) bool {
	if s.has(i, bSurname) {
		return !t.g.StartsName(s.info[i].Cands)
	}
	key := s.key(i)
	if len(key) < 6 || key[len(key)-1] != 's' || s.info[i] != nil && (s.info[i].Bits&^bListed != 0 || t.g.StartsName(s.info[i].Cands)) {
		return false
	}
	w := s.lookup(key[:len(key)-1])
	return w != nil && w.Bits&bSurname != 0 && !t.g.StartsName(w.Cands)
}

// isNoun reports whether token i is a common noun (see Gazetteer.IsNoun),
// stemming each token at most once per text.
func (t *Tagger) isNoun(s *scratch, i int) bool {
	if len(s.nouns) != len(s.toks) {
		s.nouns = cleared(s.nouns, len(s.toks))
	}
	switch s.nouns[i] {
	case 1:
		return false
	case 2:
		return true
	}
	yes := s.isNounKey(s.key(i))
	s.nouns[i] = 1
	if yes {
		s.nouns[i] = 2
	}
	return yes
}

// determiners precede common nouns, not surnames: "die Pegel" is no person.
var determiners = map[string]bool{"der": true, "die": true, "das": true, "den": true, "dem": true, "des": true,
	"ein": true, "eine": true, "einen": true, "einem": true, "einer": true, "eines": true, "kein": true,
	"keine": true, "diese": true, "dieser": true, "diesen": true, "jede": true, "jeder": true, "alle": true}

func (s *scratch) afterDeterminer(i int) bool {
	return i > 0 && s.has(i-1, bDeterminer)
}

// isTitle reports whether token i is one of the titles.
func (s *scratch) isTitle(i int) bool { return s.has(i, bTitle) && titles[s.tokText(i)] }

// isQuantity reports number words that precede units: Millionen TEU.
// numberWords are numbers written as words.
var numberWords = map[string]bool{"zwei": true, "drei": true, "vier": true, "fünf": true, "sechs": true, "sieben": true,
	"acht": true, "neun": true, "zehn": true, "elf": true, "zwölf": true, "zwanzig": true, "hundert": true, "tausend": true}

func isQuantity(key []byte) bool {
	switch string(key) {
	case "millionen", "million", "milliarden", "milliarde", "tausend", "hundert", "prozent":
		return true
	}
	return false
}
