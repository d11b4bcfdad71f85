package token

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxLen is the longest token the tokenizer emits; longer runs of letters are
// cut into pieces of at most this many bytes (nothing German is that long,
// and it keeps pathological input linear).
const MaxLen = 256

// Tokenize appends the tokens of text to dst and returns the extended slice.
// It never fails: invalid UTF-8 bytes become one-byte Punct tokens.
func Tokenize(text string, dst []Token) []Token {
	s := scanner{text: text, toks: dst, sentStart: true}
	s.run()
	return s.toks
}

type scanner struct {
	text      string
	toks      []Token
	sentStart bool
	openApos  bool // the current chunk opened with a straight single quote
}

// byte classes for the ASCII fast path
const (
	clOther uint8 = iota
	clSpace
	clLower
	clUpper
	clDigit
)

var asciiClass = func() (t [128]uint8) {
	for c := 0; c < 128; c++ {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			t[c] = clSpace
		case c >= 'a' && c <= 'z':
			t[c] = clLower
		case c >= 'A' && c <= 'Z':
			t[c] = clUpper
		case c >= '0' && c <= '9':
			t[c] = clDigit
		}
	}
	return
}()

// lowerRun8 returns how many of the eight bytes of b, from the first, are
// lower-case ASCII letters. A byte b < 0x80 is one when b+0x1f has its top
// bit set and b+0x05 has not; no sum of such bytes carries into the next
// byte, so the first byte that is none is found right even when a later
// one carries.
func lowerRun8(b string) int {
	x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
	const ones, hi = 0x0101010101010101, 0x8080808080808080
	not := (x | ^((x + 0x1f*ones) &^ (x + 0x05*ones))) & hi
	return bits.TrailingZeros64(not) / 8
}

// asciiLower marks the bytes of class clLower, for the scanner's tight
// loop over a run of them.
var asciiLower = func() (t [256]bool) {
	for c := range asciiClass {
		t[c] = asciiClass[c] == clLower
	}
	return
}()

// runeAt decodes the rune at i.
func (s *scanner) runeAt(i int) (rune, int) {
	if c := s.text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return s.decode(i)
}

func (s *scanner) decode(i int) (rune, int) { return utf8.DecodeRuneInString(s.text[i:]) }

func lowerASCII(c byte) bool { return 'a' <= c && c <= 'z' }

// letterWordFlags returns the flags of the word at the start of w, made of
// n letters (ASCII or Ä Ö Ü ä ö ü ß), uppers of them capitals (see word).
func letterWordFlags(w string, n, uppers int) Flags {
	var f Flags
	if c := w[0]; asciiClass[c&0x7f] == clUpper && c < utf8.RuneSelf || c == 0xC3 && (w[1] == 0x84 || w[1] == 0x96 || w[1] == 0x9C) {
		f = Cap
	}
	if n >= 2 && uppers == n {
		f |= AllCaps
	}
	return f
}

func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r] == clSpace
	}
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// isWordRune reports letters, digits and marks, and the soft hyphen, which
// may sit inside a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		c := asciiClass[r]
		return c == clLower || c == clUpper || c == clDigit
	}
	if r == utf8.RuneError {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '\u00ad'
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		c := asciiClass[r]
		return c == clLower || c == clUpper
	}
	return r != utf8.RuneError && unicode.IsLetter(r)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isQuote(r rune) bool {
	switch r {
	case '"', '\'', '„', '“', '”', '‚', '‘', '’', '»', '«', '›', '‹':
		return true
	}
	return false
}

func isOpening(r rune) bool {
	switch r {
	case '(', '[', '{', '„', '“', '"', '\'', '‚', '»', '«', '‹', '›', '‘', '¿', '¡':
		return true
	}
	return false
}

func isTrailing(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', ']', '}', '»', '«', '“', '”', '"', '\'', '‘', '’', '›', '‹', '…':
		return true
	}
	return false
}

func (s *scanner) run() {
	text := s.text
	n := len(text)
	i := 0
	for i < n {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiClass[c] == clSpace {
				if c == '\n' {
					s.sentStart = true
				}
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); isSpaceRune(r) {
			if r == '\u2029' || r == '\u2028' {
				s.sentStart = true
			}
			i += size
			continue
		}
		// Find the end of the chunk, noting bytes that may start a URL,
		// e-mail address or path.
		j := i
		marks := false
		other := -1 // the first byte that is no letter of the fast path
		uppers := 0
		wide := 0 // two-byte letters (umlauts, ß)
		for j < n {
			c := text[j]
			if c < utf8.RuneSelf {
				cl := asciiClass[c]
				if cl == clLower {
					// Most bytes: a run of them, eight at a time, then
					// byte by byte.
					j++
					for j+8 <= n {
						if k := lowerRun8(text[j : j+8]); k < 8 {
							j += k
							goto next
						}
						j += 8
					}
					for ; j < n && asciiLower[text[j]]; j++ {
					}
				next:
					continue
				}
				switch cl {
				case clSpace:
					goto end
				case clUpper:
					uppers++
				case clDigit:
					if other < 0 {
						other = j
					}
				case clOther:
					if other < 0 {
						other = j
					}
					if c == ':' || c == '@' || c == '/' {
						marks = true
					}
				}
				j++
				continue
			}
			if c == 0xC3 && j+1 < n && other < 0 {
				switch text[j+1] {
				case 0x84, 0x96, 0x9C: // Ä Ö Ü
					uppers++
					fallthrough
				case 0xA4, 0xB6, 0xBC, 0x9F: // ä ö ü ß
					wide++
					j += 2
					continue
				}
			}
			if other < 0 {
				other = j
			}
			r, size := utf8.DecodeRuneInString(text[j:])
			if isSpaceRune(r) {
				break
			}
			j += size
		}
	end:
		// The most common chunks, a word of ASCII letters and German
		// umlauts alone or before a comma, are tokenized here, as chunk
		// would.
		switch {
		case other < 0 && j-i <= MaxLen:
			s.openApos = false
			s.emit(i, j, Word, letterWordFlags(text[i:], j-i-wide, uppers))
		case other == j-1 && text[other] == ',' && other > i && other-i <= MaxLen:
			s.openApos = false
			s.emit(i, other, Word, letterWordFlags(text[i:], other-i-wide, uppers))
			s.emit(other, j, Punct, 0)
		default:
			s.chunk(i, j, marks)
		}
		i = j
	}
}

func (s *scanner) emit(start, end int, k Kind, f Flags) {
	if k != Punct {
		if s.sentStart {
			f |= SentStart
			s.sentStart = false
		}
	} else if f&SentEnd != 0 {
		s.sentStart = true
	}
	s.toks = append(s.toks, Token{Start: int32(start), End: int32(end), Kind: k, Flags: f})
}

// chunk tokenizes text[i:j], a run without white space.
func (s *scanner) chunk(i, j int, marks bool) {
	// Opening punctuation stands alone.
	s.openApos = false
	for i < j {
		if c := s.text[i]; c < utf8.RuneSelf && asciiClass[c] != clOther {
			break // a letter or digit opens nothing
		}
		r, size := s.runeAt(i)
		if !isOpening(r) {
			break
		}
		var f Flags
		if isQuote(r) {
			f = Quote
		}
		if r == '\'' {
			s.openApos = true
		}
		s.emit(i, i+size, Punct, f)
		i += size
	}
	if i >= j {
		return
	}
	if e, k := s.special(i, j, marks); e > i {
		s.emit(i, e, k, 0)
		i = e
	}
	for i < j {
		i = s.next(i, j)
	}
}

// special recognizes URLs, e-mail addresses and slash paths with a domain
// (bylines like kns/roj/news.de) in text[i:j]. It returns the end of the
// token and its kind, or i when there is none.
func (s *scanner) special(i, j int, marks bool) (int, Kind) {
	seg := s.text[i:j]
	if len(seg) < 4 {
		return i, 0
	}
	www := (seg[0]|0x20) == 'w' && (seg[1]|0x20) == 'w' && (seg[2]|0x20) == 'w' && seg[3] == '.'
	if !www && !marks {
		return i, 0
	}
	// Trim trailing punctuation.
	e := j
	for e > i {
		r, size := utf8.DecodeLastRuneInString(s.text[i:e])
		if !isTrailing(r) {
			break
		}
		e -= size
	}
	seg = s.text[i:e]
	if len(seg) < 4 {
		return i, 0
	}
	if www || strings.Contains(seg, "://") {
		return e, URL
	}
	if at := strings.IndexByte(seg, '@'); at > 0 {
		rest := seg[at+1:]
		if dot := strings.LastIndexByte(rest, '.'); dot > 0 && dot < len(rest)-1 && isLocalPart(seg[:at]) {
			return e, Email
		}
	}
	if strings.IndexByte(seg, '/') >= 0 && hasDomain(seg) {
		return e, URL
	}
	return i, 0
}

func isLocalPart(s string) bool {
	for _, r := range s {
		if !(isWordRune(r) || r == '.' || r == '-' || r == '_' || r == '+') {
			return false
		}
	}
	return true
}

// hasDomain reports whether s contains a dot followed by 2–6 lower-case
// ASCII letters that end s or are followed by '/'.
func hasDomain(s string) bool {
	for k := 0; k < len(s); k++ {
		if s[k] != '.' {
			continue
		}
		m := k + 1
		for m < len(s) && s[m] >= 'a' && s[m] <= 'z' {
			m++
		}
		if l := m - k - 1; l >= 2 && l <= 6 && (m == len(s) || s[m] == '/') {
			return k > 0
		}
	}
	return false
}

// next scans one token starting at i (not white space, inside chunk end j)
// and returns where it ends.
func (s *scanner) next(i, j int) int {
	if c := s.text[i]; c < utf8.RuneSelf && asciiClass[c] >= clLower {
		return s.word(i, j) // an ASCII letter or digit
	}
	r, size := s.runeAt(i)
	switch {
	case isWordRune(r) && r != '\u00ad':
		return s.word(i, j)
	case (r == '@' || r == '#') && i+1 < j:
		r2, _ := s.runeAt(i + 1)
		if isWordRune(r2) || r2 == '_' {
			e := i + 1
			for e < j {
				r3, sz := s.runeAt(e)
				if !(isWordRune(r3) || r3 == '_') {
					break
				}
				e += sz
			}
			if r == '@' {
				s.emit(i, e, Handle, 0)
			} else {
				s.emit(i, e, Hashtag, 0)
			}
			return e
		}
	case r == '.':
		e := i + 1
		for e < j && s.text[e] == '.' {
			e++
		}
		s.emit(i, e, Punct, SentEnd)
		return e
	}
	var f Flags
	switch r {
	case '!', '?', '…':
		f = SentEnd
	case '–', '—', '-', '‒', '―':
		f = Dash
	}
	if isQuote(r) {
		f |= Quote
	}
	s.emit(i, i+size, Punct, f)
	return i + size
}

// word scans a word or number starting at i.
func (s *scanner) word(i, j int) int {
	start := i
	var f Flags
	first := true
	letters, uppers := 0, 0
	numeric := true // only digits and number separators so far
	groups, lastGroup := 0, 0
	for i < j {
		// A run of word runes.
		runStart := i
		for i < j && i-start < MaxLen {
			// ASCII fast path: one table lookup per byte.
			if c := s.text[i]; c < utf8.RuneSelf {
				switch asciiClass[c] {
				case clLower:
					// A run of lower-case ASCII letters, the bulk of
					// German text, in a tight loop.
					lim := min(j, start+MaxLen)
					k := i + 1
					for k < lim && lowerASCII(s.text[k]) {
						k++
					}
					numeric = false
					letters += k - i
					first = false
					i = k
					continue
				case clUpper:
					numeric = false
					letters++
					uppers++
					if first {
						f |= Cap
					}
					first = false
					i++
					continue
				case clDigit:
					f |= Digit
					first = false
					i++
					continue
				}
				break
			}
			r, size := s.runeAt(i)
			if !isWordRune(r) {
				break
			}
			if isLetter(r) {
				numeric = false
				letters++
				up := unicode.IsUpper(r)
				if up {
					uppers++
				}
				if first && up {
					f |= Cap
				}
				first = false
			} else if isDigit(r) {
				f |= Digit
				first = false
			}
			i += size
		}
		if numeric {
			groups++
			lastGroup = i - runStart
		}
		if i >= j || i-start >= MaxLen {
			break
		}
		c := s.text[i]
		// What joins this run to the next?
		switch {
		case c == '-':
			if i+1 < j {
				r2, _ := s.runeAt(i + 1)
				if isWordRune(r2) {
					f |= Hyphen
					numeric = false
					i++
					continue
				}
			} else if letters > 0 {
				// Raketen- (und Atomprogramme)
				f |= Truncated
				i++
			}
		case (c == '.' || c == ',' || c == ':') && numeric:
			if i+1 < j && isDigit(rune(s.text[i+1])) {
				i++
				continue
			}
		case c == '.' && !numeric:
			if e := s.domainEnd(i, j); e > i {
				f |= Domain
				i = e
				continue
			}
			if e := s.joinedAbbrev(start, i, j); e > i {
				s.emit(start, e, Abbrev, f)
				return e
			}
		case c == '\'' || (c == 0xE2 && strings.HasPrefix(s.text[i:], "’")):
			asz := 1
			if c != '\'' {
				asz = len("’")
			}
			if i+asz < j {
				r2, _ := s.runeAt(i + asz)
				if isLetter(r2) {
					f |= Apostrophe
					i += asz
					continue
				}
			}
			// Genitive apostrophe after s, ß, x, z: Scholz', Merz'.
			last, _ := utf8.DecodeLastRuneInString(s.text[start:i])
			switch unicode.ToLower(last) {
			case 's', 'ß', 'x', 'z':
				if letters >= 2 && !s.openApos {
					f |= Apostrophe
					i += asz
				}
			}
		}
		break
	}
	if letters >= 2 && uppers == letters {
		f |= AllCaps
	}
	kind := Word
	if numeric {
		kind = Number
	}
	// A period right after the token: ordinal, abbreviation or sentence end.
	if i < j && s.text[i] == '.' && (f&(Truncated|Apostrophe)) == 0 {
		atChunkEnd := i+1 == j
		if kind == Number && atChunkEnd && s.followedByWord(j) {
			if (groups == 1 && lastGroup <= 3) || (groups > 1 && lastGroup <= 2) {
				s.emit(start, i+1, Ordinal, f)
				return i + 1
			}
		}
		if kind == Word && f&(Hyphen|Domain) == 0 && isAbbrev(s.text[start:i]) {
			s.emit(start, i+1, Abbrev, f)
			return i + 1
		}
	}
	s.emit(start, i, kind, f)
	return i
}

// domainEnd: at a '.', if 2–6 lower-case ASCII letters follow and then the
// chunk ends or a non-word rune follows, the word is a domain (news.de).
func (s *scanner) domainEnd(dot, j int) int {
	m := dot + 1
	for m < j && s.text[m] >= 'a' && s.text[m] <= 'z' {
		m++
	}
	l := m - dot - 1
	if l < 2 || l > 6 {
		return dot
	}
	if m < j {
		r, _ := s.runeAt(m)
		if isWordRune(r) || r == '-' {
			return dot
		}
		if r == '.' && m+1 < j {
			r2, _ := s.runeAt(m + 1)
			if isWordRune(r2) {
				// another label follows: spiegel.co.uk
				return s.domainEnd(m, j)
			}
		}
	}
	return m
}

// joinedAbbrev recognizes abbreviations written without spaces (z.B., u.a.,
// d.h., U.S.) whose first segment is text[start:dot]. It returns the end
// including the final period, or dot when there is none.
func (s *scanner) joinedAbbrev(start, dot, j int) int {
	if n := utf8.RuneCountInString(s.text[start:dot]); n < 1 || n > 2 {
		return dot
	}
	i := dot + 1
	segs := 0
	for i < j {
		k := i
		n := 0
		for k < j {
			r, size := s.runeAt(k)
			if !isLetter(r) {
				break
			}
			k += size
			n++
		}
		if n < 1 || n > 2 || k >= j || s.text[k] != '.' {
			break
		}
		segs++
		i = k + 1
	}
	if segs == 0 {
		return dot
	}
	return i
}

// followedByWord reports whether the next chunk after position j begins with
// a letter or digit (possibly after an opening quote), on the same line.
func (s *scanner) followedByWord(j int) bool {
	for j < len(s.text) {
		r, size := s.runeAt(j)
		if r == '\n' {
			return false
		}
		if isSpaceRune(r) || isOpening(r) {
			j += size
			continue
		}
		return isWordRune(r)
	}
	return false
}

// abbrevs are words that take a period without ending a sentence.
var abbrevs = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		Abb Abs Abt Adr Anh Anm Aufl Bd Bde Bhf Bsp Bzw Ca Chr Co Dipl Dr Dres Dt Ev Evtl
		Fa Fam Ff Fr Frl Gebr Ggf Hbf Hl Hr Hrn Hrsg Inc Ing Inh Inkl Jh Jhd Jr Kap Kath
		Kfm Kl Kt Ltd Mio Mr Mrs Ms Mrd Nr Nrn Pfr Pkt Pl Pos Prof Red Reg Rep
		Sen Sr St Std Str Tab Tel Tsd Univ Urt Vgl Vors Wg Ztg Zi Ziff
		abh abk abs allg amtl anl bes betr bez bspw bzgl bzw ca chr dgl dt ehem entspr erg
		etc ev evtl exkl ff gegr gem geb gest ggf ggü hl inkl insb jährl jhd jr kath
		lt max med min mind mio mrd nachm nat ggfs phil rer röm sog span spez
		staatl stellv std str tägl tsd usf usw vgl vorm zzgl zit zus
		Feb Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez
		Mo Di Mi Do Fr Sa So`) {
		m[w] = true
	}
	return m
}()

// maxAbbrevLen is the length in bytes of the longest of abbrevs: longer
// words (most words before a full stop) need no lookup.
var maxAbbrevLen = func() int {
	n := 0
	for w := range abbrevs {
		n = max(n, len(w))
	}
	return n
}()

// isAbbrev reports whether w followed by a period is an abbreviation: a
// known one, or a single letter (an initial: George W. Bush; z. B.).
func isAbbrev(w string) bool {
	if len(w) <= maxAbbrevLen && abbrevs[w] {
		return true
	}
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && isLetter(r)
}
