// Package topic assigns IPTC Media Topics to German news text.
//
// A topic file (see lexicon/README.md, "Topic files") lists topics with their
// parent, and the evidence for each: keywords and phrases with weights, and
// entity cues (an entity id, a lexicon kind, a role category). Parse reads such
// a file and reports every problem at once as file:line; Compile turns one or
// more files into an immutable *Model that is safe for concurrent use.
//
// Model.Score takes the words of a document and the entities found in it and
// returns the topics whose normalized score reaches a threshold, each with the
// evidence that produced it. Words are matched through a cheap normalized key
// (lowercase, umlauts folded, inflectional endings stripped), so keywords are
// written as lemmas; long capitalized words that are not keywords themselves
// are split into compound parts (Waffenlieferungen → Waffe + Lieferung).
// Evidence of a subtopic also counts for its parent. Model.ScoreSpans is
// Score for words given as byte ranges of one text, as a tokenizer finds
// them (the tagger's way).
//
// Train fits keyword weights from a user's own labelled articles and returns a
// File that Write emits as an editable topic file.
package topic
