// Package tagger finds the people, organizations and places in German news
// text, and the topics it is about.
//
// A Tagger tokenizes the text (with byte offsets into the caller's bytes),
// matches its tokens against a compiled gazetteer (the lexicon files of
// package lexicon: the embedded default plus the user's own) and applies
// rules for what a gazetteer alone misses: inflected names (Putins,
// Nordkoreas, Scholz', der Deutschen Bank), compounds (Nato-Gipfel,
// Kremlchef), derived words (russischen, Münchner), unknown people after a
// role word or first name (Polizeisprecherin Sandra Bergmann), and later
// surname-only mentions of a person named in full.
//
// Every Entity has a type (PER, ORG, LOC, OTH) and a form (name, part,
// deriv) as in GermEval 2014, the lexicon entry's stable id and canonical
// name, and the rule that found it.
//
// A Tagger is immutable after New and safe for concurrent use; per-call
// scratch memory comes from a sync.Pool.
package tagger
