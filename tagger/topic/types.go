package topic

// Word is one token of a document, as the tokenizer found it.
type Word struct {
	// Text is the token as written in the document (not copied: a substring
	// of the input is fine). Hyphenated tokens (Nato-Gipfel) may be passed
	// whole; their parts are matched one by one.
	Text string
	// Name marks a token inside an entity name found by the tagger: it is
	// matched as a keyword (Google, FPÖ) but never split into compound
	// parts (Stoltenberg is not a Berg, Neunkirchen not a Kirche).
	Name bool
}

// Span is a word of a text given by its byte range, text[Start:End], for
// Model.ScoreSpans. Name is as in Word.
type Span struct {
	Start, End int32
	Name       bool
}

// Cue is an entity found in the document. It adds evidence for the topics
// whose cue selectors it satisfies (see the topic file format). Empty fields
// match only selectors that do not mention them.
type Cue struct {
	Text    string // the mention as written, shown in the evidence
	ID      string // lexicon id, e.g. "nato"; empty for mentions found by rules
	Type    string // PER, ORG, LOC or OTH
	Form    string // name, part or deriv; a deriv counts half
	Kind    string // lexicon kind: club, party, city, politician, ...
	Country string // ISO 3166-1 alpha-2, e.g. "AT"
	Role    string // category of a role word: sport, politics, military, ...
}

// Topic is a Media Topic assigned to a document.
type Topic struct {
	ID    string  `json:"id"`    // "medtop:16000000", or a user topic id
	Label string  `json:"label"` // German label
	Score float64 `json:"score"` // in (0, 1]; see Model.Score
	// Evidence lists what produced the topic, largest contribution first.
	// A parent's evidence includes that of its subtopics. It is nil when
	// the model was made with Options.NoEvidence.
	Evidence []Evidence `json:"evidence"`
}

// Evidence is one keyword, phrase or entity cue that counted for a topic.
type Evidence struct {
	Kind   string  `json:"kind"`   // "word" or "cue"
	Term   string  `json:"term"`   // keyword as in the topic file, or cue selector ("id=nato")
	Text   string  `json:"text"`   // first matching text in the document
	Count  int     `json:"count"`  // occurrences in the document
	Weight float64 `json:"weight"` // contribution to the topic's raw evidence
}
