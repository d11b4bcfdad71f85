package tagger

import "github.com/etikett-nlp/etikett/lexicon"

// entryFacts are the few facts of a lexicon entry that choosing among a
// name's entries asks for every hit, kept one byte per entry: the entries
// themselves lie far apart in memory, and reading one costs a cache miss
// where this dense table stays in the CPU cache.
type entryFacts uint8

const (
	efAmbig         entryFacts = 1 << iota // Ambig != ""
	efAmbigNoun                            // Ambig == "noun"
	efOrgNamedAfter                        // an organization named after a person: Ambig == PER, Type == ORG
	efPER                                  // Type == PER
	efLOC                                  // Type == LOC

	// The upper three bits hold the index of the entry's type in
	// typeNames, or 0 for another type (which is read from the entry).
	efTypeShift = 5
)

// typeNames are the entry types facts know, by index.
var typeNames = [...]string{1: lexicon.PER, 2: lexicon.ORG, 3: lexicon.LOC, 4: lexicon.OTH}

// factsOf returns the facts of each entry.
func factsOf(entries []*lexicon.Entry) []entryFacts {
	facts := make([]entryFacts, len(entries))
	for i, e := range entries {
		facts[i] = factsOfEntry(e)
	}
	return facts
}

func factsOfEntry(e *lexicon.Entry) entryFacts {
	var f entryFacts
	if e.Ambig != "" {
		f |= efAmbig
	}
	if e.Ambig == "noun" {
		f |= efAmbigNoun
	}
	if e.Ambig == lexicon.PER && e.Type == lexicon.ORG {
		f |= efOrgNamedAfter
	}
	switch e.Type {
	case lexicon.PER:
		f |= efPER
	case lexicon.LOC:
		f |= efLOC
	}
	for k, typ := range typeNames {
		if k > 0 && typ == e.Type {
			f |= entryFacts(k) << efTypeShift
		}
	}
	return f
}

// typeOf returns the type of entry e.
func (s *scratch) typeOf(e int32) string {
	if k := s.facts[e] >> efTypeShift; k != 0 {
		return typeNames[k]
	}
	return s.entries[e].Type
}

// is reports whether entry e has one of the facts of f.
func (t *Tagger) is(e int32, f entryFacts) bool { return t.facts[e]&f != 0 }
