// Package token splits German news text into tokens that carry byte offsets
// into the caller's original text.
//
// It knows what a German newsroom writes: „…“ and »…« quotes, hyphenated and
// truncated compounds (Nato-Generalsekretär, Raketen- und Atomprogramme),
// abbreviations (z. B., Prof., Nr.), ordinals (19. Juni), numbers (3,5; 75.000;
// 3:1), URLs, e-mail addresses, @handles, #hashtags and apostrophe genitives
// (Scholz'). Sentence starts are marked on the first word of each sentence.
package token

// Kind is the class of a token.
type Kind uint8

// Token kinds.
const (
	Word    Kind = iota // letters, possibly with digits, hyphens, apostrophes
	Number              // 3,5  75.000  3:1  2024
	Ordinal             // 19.  (number with its period, sentence goes on)
	Abbrev              // Dr.  z.  B.  Prof.  (word with its period)
	Punct               // any other single mark: . , ; : ! ? ( ) / – „ “ …
	URL                 // https://…, www.…, paths with a domain
	Email               // name@example.org
	Handle              // @name
	Hashtag             // #topic
)

var kindNames = [...]string{"word", "number", "ordinal", "abbrev", "punct", "url", "email", "handle", "hashtag"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Flags describe a token's shape.
type Flags uint16

// Token flags.
const (
	Cap        Flags = 1 << iota // first letter is upper case
	AllCaps                      // two or more letters, all upper case
	Hyphen                       // contains an inner hyphen: Nato-Gipfel
	Truncated                    // ends in a hyphen: Raketen- (und Atomprogramme)
	Apostrophe                   // contains or ends in an apostrophe: Scholz', Macron's
	SentStart                    // first word or number of a sentence
	Quote                        // a quotation mark (Kind Punct)
	Dash                         // a dash used as separator (Kind Punct)
	SentEnd                      // a mark that ends a sentence (Kind Punct)
	Domain                       // a word with a domain ending: news.de
	Digit                        // contains a digit
)

// Token is one token. Start and End are byte offsets into the original text,
// End exclusive.
type Token struct {
	Start, End int32
	Kind       Kind
	Flags      Flags
}

// Has reports whether all of f are set.
func (t Token) Has(f Flags) bool { return t.Flags&f == f }

// Text returns the token's bytes of text.
func (t Token) Text(text string) string { return text[t.Start:t.End] }
