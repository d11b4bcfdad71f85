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

// asciiClass classes the bytes of ASCII; those from 0x80 on are clOther.
var asciiClass = func() (t [256]uint8) {
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

// nonLetters8 takes eight bytes of text, the first in the lowest byte of
// x, and returns a word with the top bit set of each byte that is no ASCII
// letter. A byte b < 0x80 is one when b|0x20 is a lower-case letter: then
// (b|0x20)+0x1f has its top bit set and (b|0x20)+0x05 has not. No sum of
// bytes below 0x80 carries into the next byte, so the lowest set bit is
// right even when a later byte (one of 0x80 and up) carries; the bits above
// it are not to be trusted.
func nonLetters8(x uint64) uint64 {
	const ones, hi = 0x0101010101010101, 0x8080808080808080
	y := x | 0x20*ones
	return (x | ^((y + 0x1f*ones) &^ (y + 0x05*ones))) & hi
}

// lowers8 returns a word with the top bit set of each byte of x that has
// bit 0x20 set: the lower-case ones among bytes that are ASCII letters.
func lowers8(x uint64) uint64 { return x << 2 & 0x8080808080808080 }

// stops8 returns a word with the top bit set of each byte of x that
// chunkEnd must look at: bytes up to ' ' (white space among them), ':', '@',
// '/' and bytes from 0x80 on. As in nonLetters8, only the lowest set bit is
// sure to be right: a borrow comes only out of a byte that is set.
func stops8(x uint64) uint64 {
	const ones, hi = 0x0101010101010101, 0x8080808080808080
	zero := func(v uint64) uint64 { return (v - ones) &^ v } // bytes 0
	below := (x - 0x21*ones) &^ x                            // bytes below 0x21
	return (x | below | zero(x^':'*ones) | zero(x^'@'*ones) | zero(x^'/'*ones)) & hi
}

// load8 returns the eight bytes of text at i, the first in the lowest byte.
func load8(text string, i int) uint64 {
	b := text[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// Classes of the second byte xx of a two-byte letter 0xC3 xx.
const (
	umNone  uint8 = iota // none of the letters below
	umUpper              // Ä Ö Ü
	umLower              // ä ö ü ß
)

// umlautSecond classes the second bytes of the two-byte letters 0xC3 xx:
// Ä Ö Ü ä ö ü ß and the other letters of Latin-1 (U+00C0 to U+00FF but ×
// and ÷: À to Þ capitals, ß to ÿ not), as in names (Orbán, António,
// François, Pérez). With them the fast paths take such a name, which went
// to chunk through chunkAt for its first letter of them: 440 instructions
// less per article, 1,350 per 10kGNAD text.
var umlautSecond = func() (t [256]uint8) {
	for b := 0x80; b < 0xC0; b++ {
		switch {
		case b == 0x97 || b == 0xB7: // × ÷
		case b < 0x9F:
			t[b] = umUpper
		default:
			t[b] = umLower
		}
	}
	return
}()

// umlautAt reports whether text[i:] starts with one of the two-byte
// letters of umlautSecond (0xC3 xx: Ä Ö Ü ä ö ü ß, é, á ...), and whether
// it is a capital.
func umlautAt(text string, i int) (ok, upper bool) {
	if i+1 >= len(text) || text[i] != 0xC3 {
		return false, false
	}
	u := umlautSecond[text[i+1]]
	return u != umNone, u == umUpper
}

// asciiLetters8 returns the number k of ASCII letters that the eight
// bytes of text in x start with, and whether any of them is lower-case.
// When k < 8, byte(x>>(8*k)) is the byte after them.
func asciiLetters8(x uint64) (k int, lower bool) {
	stop := nonLetters8(x)
	first := stop & -stop // the top bit of the first byte that stops, or 0
	return bits.TrailingZeros64(stop) / 8, lowers8(x)&(first-1) != 0
}

// letterRun scans the run of letters of the fast path (ASCII letters and
// the two-byte letters of umlautSecond) that starts at i, taking each
// letter that starts before lim (lim <= len(text)). It returns the end of the run, the number of
// letters in it and whether any of them is no capital. ASCII letters are
// taken eight bytes at a time where eight bytes remain in text.
func letterRun(text string, i, lim int) (j, letters int, lower bool) {
	wide := 0 // two-byte letters
	j = i
	for j < lim {
		if text[j] >= utf8.RuneSelf {
			ok, up := umlautAt(text, j)
			if !ok {
				break
			}
			lower = lower || !up
			wide++
			j += 2
			continue
		}
		if j+8 <= len(text) {
			x := load8(text, j)
			if d := lim - j; d < 8 {
				x &= 1<<(8*d) - 1 // bytes from lim on are 0, no letter
			}
			k, low := asciiLetters8(x)
			lower = lower || low
			j += k
			if k == 8 || x>>(8*k)&0x80 != 0 {
				continue // more letters, or an umlaut, may follow
			}
		} else if c := text[j]; asciiClass[c] == clLower || asciiClass[c] == clUpper {
			lower = lower || c&0x20 != 0
			j++
			continue
		}
		break
	}
	return j, j - i - wide, lower
}

// capAt reports whether the letter at i, one of letterRun's, is a capital:
// A-Z or À to Þ, Ä Ö Ü among them (the lower-case ones of umlautSecond
// are 0xC3 0x9F and up).
func capAt(text string, i int) bool {
	c := text[i]
	return c < utf8.RuneSelf && c&0x20 == 0 || c == 0xC3 && text[i+1] <= 0x9E
}

// wordRuneAt reports whether the rune at i is a word rune.
func (s *scanner) wordRuneAt(i int) bool {
	if c := s.text[i]; c < utf8.RuneSelf {
		return asciiClass[c] >= clLower
	}
	r, _ := s.decode(i)
	return isWordRune(r)
}

// runeAt decodes the rune at i.
func (s *scanner) runeAt(i int) (rune, int) {
	if c := s.text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return s.decode(i)
}

func (s *scanner) decode(i int) (rune, int) { return utf8.DecodeRuneInString(s.text[i:]) }

func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r] == clSpace
	}
	if r >= '‐' && r <= '‧' {
		return false // hyphens, dashes, quotes, ellipsis: „ “ – …
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
	if r == utf8.RuneError || inPunctBlock(r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '\u00ad'
}

// inPunctBlock reports runes of General Punctuation (U+2000 to U+206F)
// and Currency Symbols (U+20A0 to U+20CF), blocks without letters, digits
// or marks, where the most common non-ASCII runes of German news are:
// „ “ ” ‚ ‘ ’ – — … €. They need no look-up in the tables of package
// unicode. (Superscripts and Subscripts between them have letters: ⁿ ₐ.)
func inPunctBlock(r rune) bool { return r >= 0x2000 && r < 0x2070 || r >= 0x20A0 && r < 0x20D0 }

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		c := asciiClass[r]
		return c == clLower || c == clUpper
	}
	return r != utf8.RuneError && !inPunctBlock(r) && unicode.IsLetter(r)
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

// run tokenizes the text. The most common chunks are tokenized here, as
// chunk would: a word of ASCII letters and German umlauts that starts with
// an ASCII letter, before white space, or before a comma, full stop,
// closing ) or “ and white space; a number, dash or opening ( or „ alone.
// Any other goes to chunkAt. The shape is for speed (instructions per
// 2.55 KB article, 358,000 for the whole tagger before): the tokens and
// the sentence start stay in registers, s's only while chunkAt runs; words
// of up to seven letters before a blank ' ', most of all, are taken in a
// loop of their own of about 60 instructions a word; every way out of that
// loop that calls a function has a call of its own, so that the spills for
// the calls are none of the loop's (a shared call put them in the loop:
// 3,800 more); longer words go to wordAt, a function of its own (scanned
// in run they cost 1,500 more, for the spills). Calls added to run's exits
// or a second eight bytes in the loop cost more than they save: 1,000 to
// 8,000 more, for the same reason.
func (s *scanner) run() {
	text := s.text
	n := len(text)
	toks := s.toks
	ss := Flags(0) // SentStart while the sentence has no word
	if s.sentStart {
		ss = SentStart
	}
	i := 0
chunks:
	for {
		var x, first uint64
		for {
			if i+8 > n {
				// The last chunks.
				s.toks, s.sentStart = toks, ss != 0
				for i < n {
					i = s.chunkAt(i, i, 0, 0)
				}
				return
			}
			x = load8(text, i)
			stop := nonLetters8(x)
			if stop&0x80 != 0 {
				// No ASCII letter at i.
				c := byte(x)
				if asciiClass[c] == clSpace {
					if c == '\n' {
						ss = SentStart
					}
					i++
					continue
				}
				if c == '(' || x&0xFFFFFF == 0x9E80E2 {
					// Opening punctuation, ( or „, stands alone, as
					// chunkAt has it (1,200 instructions less per
					// article than in chunkAt).
					if c == '(' {
						toks = append(toks, Token{Start: int32(i), End: int32(i + 1), Kind: Punct})
						i++
					} else {
						toks = append(toks, Token{Start: int32(i), End: int32(i + 3), Kind: Punct, Flags: Quote})
						i += 3
					}
					continue
				}
				if c == '-' && asciiClass[byte(x>>8)] == clSpace {
					// A dash alone, as next has it (900 less).
					toks = append(toks, Token{Start: int32(i), End: int32(i + 1), Kind: Punct, Flags: Dash})
					i++
					continue
				}
				if c-'0' < 10 {
					// A number alone, before ASCII white space:
					// digits, and single '.', ',' or ':' between
					// them (3,5; 75.000; 3:1), as word has it
					// (1,800 less).
					e, g := i+1, i // g: where the last group of digits starts
					for e < n {
						if d := text[e]; d-'0' < 10 {
							e++
						} else if (d == ',' || d == '.' || d == ':') && e+1 < n && text[e+1]-'0' < 10 {
							e += 2
							g = e - 1
						} else {
							break
						}
					}
					if e+1 < n && e-i < MaxLen {
						if d := text[e]; asciiClass[d] == clSpace {
							toks = append(toks, Token{Start: int32(i), End: int32(e), Kind: Number, Flags: Digit | ss})
							ss = 0
							i = e
							continue
						} else if d == '.' && asciiClass[text[e+1]] == clSpace {
							// A number and a full stop, as word has
							// them: an ordinal (19. Juni) if a word
							// follows on the line and the last group
							// is short, else a number and the end of
							// a sentence (900 less).
							if g == i && e-g <= 3 || g > i && e-g <= 2 {
								if text[e+1] == ' ' && e+2 < n && asciiClass[text[e+2]] >= clLower {
									toks = append(toks, Token{Start: int32(i), End: int32(e + 1), Kind: Ordinal, Flags: Digit | ss})
									ss = 0
									i = e + 2
									continue
								}
							} else {
								toks = append(toks, Token{Start: int32(i), End: int32(e), Kind: Number, Flags: Digit | ss},
									Token{Start: int32(e), End: int32(e + 1), Kind: Punct, Flags: SentEnd})
								ss = SentStart
								i = e + 1
								continue
							}
						} else if (d == ',' || d == ')') && asciiClass[text[e+1]] == clSpace {
							// A number and a comma or closing ), as
							// word and next have them (170 less per
							// article, 370 per 10kGNAD text).
							toks = append(toks, Token{Start: int32(i), End: int32(e), Kind: Number, Flags: Digit | ss},
								Token{Start: int32(e), End: int32(e + 1), Kind: Punct})
							ss = 0
							i = e + 1
							continue
						}
					}
				}
				s.toks, s.sentStart = toks, ss != 0
				i = s.chunkAt(i, i, 0, 0)
				toks, ss = s.toks, 0
				if s.sentStart {
					ss = SentStart
				}
				continue chunks
			}
			first = stop & -stop // the top bit of the first byte that stops, or 0
			// The byte after the letters, or the first letter when all
			// eight are letters (first == 0).
			if byte(x>>(bits.TrailingZeros64(first)&56)) != ' ' {
				break
			}
			k := bits.TrailingZeros64(first) / 8
			f := Flags(^x>>5) & Cap
			if lowers8(x)&(first-1) == 0 && k >= 2 {
				f |= AllCaps
			}
			toks = append(toks, Token{Start: int32(i), End: int32(i + k), Kind: Word, Flags: f | ss})
			ss = 0
			i += k + 1
		}
		// Any other word that starts with an ASCII letter: one that ends
		// among the eight bytes, or one for wordAt.
		var j, letters int
		var lower bool
		c := byte(x >> (bits.TrailingZeros64(first) & 56)) // the byte after the letters
		if first != 0 && c != 0xC3 {
			letters = bits.TrailingZeros64(first) / 8
			j, lower = i+letters, lowers8(x)&(first-1) != 0
		} else {
			j, letters, lower, c = wordAt(text, i, x, first)
		}
		f := Flags(0)
		if j > i {
			f = Flags(^x>>5) & Cap
			if !lower {
				f |= AllCaps
			}
			wf := f
			if letters < 2 {
				wf &^= AllCaps
			}
			switch {
			case j-i > MaxLen:
			case asciiClass[c] == clSpace:
				toks = append(toks, Token{Start: int32(i), End: int32(j), Kind: Word, Flags: wf | ss})
				ss = 0
				if c == '\n' {
					ss = SentStart
				}
				i = j + 1
				continue
			case (c == ',' || c == '.') && j+1 < n && asciiClass[text[j+1]] == clSpace:
				// A comma or full stop and white space after the
				// word, as chunkAt has them (with the white space
				// and the words that end among their first eight
				// bytes here, 3,700 less).
				switch {
				case c == ',':
					toks = append(toks, Token{Start: int32(i), End: int32(j), Kind: Word, Flags: wf | ss},
						Token{Start: int32(j), End: int32(j + 1), Kind: Punct})
					ss = 0
				case letters == 1 || knownAbbrev(text, i, j):
					toks = append(toks, Token{Start: int32(i), End: int32(j + 1), Kind: Abbrev, Flags: wf | ss})
					ss = 0
				default:
					toks = append(toks, Token{Start: int32(i), End: int32(j), Kind: Word, Flags: wf | ss},
						Token{Start: int32(j), End: int32(j + 1), Kind: Punct, Flags: SentEnd})
					ss = SentStart
				}
				i = j + 1
				if text[i] == ' ' {
					i++
				}
				continue
			case c == ')' || c == 0xE2 && j+3 < n && text[j+1] == 0x80 && text[j+2] == 0x9C:
				// A closing ) or “, and maybe a comma or full stop,
				// before ASCII white space: the word, and the rest as
				// chunkAt has it (2,800 less).
				e, qf := j+1, Flags(0) // the end of the closing mark, its flags
				if c != ')' {
					e, qf = j+3, Quote
				}
				if e >= n {
					break
				}
				d := text[e]
				if asciiClass[d] == clSpace {
					toks = append(toks, Token{Start: int32(i), End: int32(j), Kind: Word, Flags: wf | ss},
						Token{Start: int32(j), End: int32(e), Kind: Punct, Flags: qf})
					ss = 0
					i = e
					continue
				}
				if (d == ',' || d == '.') && e+1 < n && asciiClass[text[e+1]] == clSpace {
					pf := Flags(0)
					if d == '.' {
						pf = SentEnd
					}
					toks = append(toks, Token{Start: int32(i), End: int32(j), Kind: Word, Flags: wf | ss},
						Token{Start: int32(j), End: int32(e), Kind: Punct, Flags: qf},
						Token{Start: int32(e), End: int32(e + 1), Kind: Punct, Flags: pf})
					ss = 0
					if d == '.' {
						ss = SentStart
					}
					i = e + 1
					continue
				}
			case c == ':' && j+1 < n && asciiClass[text[j+1]] == clSpace:
				// A colon and white space after the word, as chunk
				// has them: for chunkAt, the colon made a chunk
				// that special looks at (2,150 less per 10kGNAD text,
				// with its interviews: "Frage:", "STANDARD:").
				toks = append(toks, Token{Start: int32(i), End: int32(j), Kind: Word, Flags: wf | ss},
					Token{Start: int32(j), End: int32(j + 1), Kind: Punct})
				ss = 0
				i = j + 1
				continue
			}
		}
		s.toks, s.sentStart = toks, ss != 0
		i = s.chunkAt(i, j, letters, f)
		toks, ss = s.toks, 0
		if s.sentStart {
			ss = SentStart
		}
	}
}

// wordAt scans the word of letterRun's letters (ASCII letters and German
// umlauts) at i, of an ASCII letter first, whose first eight bytes are x and
// first the top bit of the first of them that stops nonLetters8, or 0. Its
// letters are taken eight bytes at a time, as letterRun would. It returns
// the end j of the word, the number of its letters, whether any is
// lower-case, and the byte after it; j is i when the text ends less than
// eight bytes after a letter: chunkAt takes such a word from its start. It
// is run's, a function of its own so that the variables of run's loop stay
// in registers.
func wordAt(text string, i int, x, first uint64) (j, letters int, lower bool, c byte) {
	n := len(text)
	j = i
	var low uint64 // top bits of lower-case ASCII letters; bit 0: a lower-case umlaut
	wide := 0      // two-byte letters
	for {
		low |= lowers8(x) & (first - 1)
		if first != 0 {
			k := bits.TrailingZeros64(first) / 8
			j += k
			if c = byte(x >> (8 * k)); c != 0xC3 || j+1 >= n {
				break
			}
			u := umlautSecond[text[j+1]]
			if u == umNone {
				break
			}
			low |= uint64(u >> 1) // umLower
			wide++
			j += 2
		} else {
			j += 8
		}
		if j+8 > n {
			return i, 0, false, 0
		}
		x = load8(text, j)
		stop := nonLetters8(x)
		first = stop & -stop
	}
	return j, j - i - wide, low != 0, c
}

// chunkAt tokenizes the chunk at i, or skips the white space there, and
// returns where the next begins. When j > i, run has found the word
// text[i:j] of letterRun's letters that the chunk starts with, of the given
// number of letters and flags (AllCaps if no letter is lower-case).
func (s *scanner) chunkAt(i, j, letters int, f Flags) int {
	text := s.text
	n := len(text)
	if j == i {
		c := text[i]
		r, size := rune(c), 1
		switch {
		case c == 0xC3:
			// U+00C0 to U+00FF, among them Ä Ö Ü ä ö ü ß, the most
			// common first bytes here in 10kGNAD texts (Österreich,
			// über): no white space and no opening punctuation, so
			// neither is looked for (150 less per article).
		case c < utf8.RuneSelf:
			if asciiClass[c] == clSpace {
				if c == '\n' {
					s.sentStart = true
				}
				return i + 1
			}
		case c == 0xE2 && i+3 < n && text[i+1] == 0x80 && text[i+2] == 0x93 && asciiClass[text[i+3]] == clSpace:
			// An en dash alone, as next has it: one in five chunks
			// here in 10kGNAD texts, 1,000 less per text than
			// through chunk. (In run, its check cost 400 more
			// per article.)
			s.openApos = false
			s.emit(i, i+3, Punct, Dash)
			return i + 3
		default:
			if r, size = utf8.DecodeRuneInString(text[i:]); isSpaceRune(r) {
				if r == '\u2029' || r == '\u2028' {
					s.sentStart = true
				}
				return i + size
			}
		}
		if c != 0xC3 && r != '\'' && isOpening(r) {
			// Opening punctuation stands alone as chunk has it, and
			// the chunk goes on after it as one of its own would:
			// but after a straight single quote (see openApos).
			s.openApos = false
			s.emitOpening(i, size, r)
			return i + size
		}
		// Letters of letterRun start with an ASCII letter or 0xC3.
		if c == 0xC3 || c < utf8.RuneSelf && (asciiClass[c] == clLower || asciiClass[c] == clUpper) {
			var lower bool
			if j, letters, lower = letterRun(text, i, n); j > i {
				if capAt(text, i) {
					f = Cap
				}
				if !lower {
					f |= AllCaps
				}
			}
		}
	}
	// The word ends at j: how does its chunk go on?
	for j > i && j-i <= MaxLen {
		wf := f
		if letters < 2 {
			wf &^= AllCaps
		}
		c := byte(' ') // the end of the text ends the chunk as white space does
		if j < n {
			c = text[j]
		}
		switch {
		case asciiClass[c] == clSpace || c >= utf8.RuneSelf && s.spaceRuneAt(j):
			s.openApos = false
			s.emit(i, j, Word, wf)
			return s.pastBlank(j)
		case c == ',' && (s.blankAt(j+1) || s.chunkEndsAt(j+1)):
			s.openApos = false
			s.emit(i, j, Word, wf)
			s.emit(j, j+1, Punct, 0)
			return s.pastBlank(j + 1)
		case c == '.' && (s.blankAt(j+1) || s.chunkEndsAt(j+1)):
			s.openApos = false
			s.wordAndPeriod(i, j, letters, wf)
			return s.pastBlank(j + 1)
		case c == '-':
			// Compounds, as word joins them: Nato-Gipfel, Raketen-
			// (und Atomprogramme).
			if e, more, lower := letterRun(text, j+1, n); e > j+1 {
				f |= Hyphen
				if lower {
					f &^= AllCaps
				}
				j, letters = e, letters+more
				continue
			}
			if s.chunkEndsAt(j + 1) {
				f |= Truncated
				j++
				continue
			}
		case s.wordEndsAt(j):
			// The word ends before punctuation (wort“, CDU)):
			// the rest is chunk's, if nothing special is in it.
			if e, marks := s.chunkEnd(j); !marks {
				s.openApos = false
				s.emit(i, j, Word, wf)
				s.rest(j, e)
				return e
			}
		}
		break
	}
	// Any other chunk: find its end, noting bytes that may start a
	// URL, e-mail address or path (letters are none of them).
	e, marks := s.chunkEnd(j)
	s.chunk(i, e, marks)
	return e
}

// chunkEndsAt reports whether a chunk ends at k: at white space or the end
// of the text.
func (s *scanner) chunkEndsAt(k int) bool {
	if k >= len(s.text) {
		return true
	}
	c := s.text[k]
	return asciiClass[c] == clSpace || c >= utf8.RuneSelf && s.spaceRuneAt(k)
}

// blankAt reports whether a chunk ends at k at the end of the text or at
// ASCII white space, as it does most of the time: a check without the call
// of chunkEndsAt.
func (s *scanner) blankAt(k int) bool {
	return k >= len(s.text) || asciiClass[s.text[k]] == clSpace
}

// spaceRuneAt reports whether the rune at k is white space.
func (s *scanner) spaceRuneAt(k int) bool {
	r, _ := s.decode(k)
	return isSpaceRune(r)
}

// pastBlank returns k+1 if text[k] is a blank ' ', else k: the most common
// white space is skipped without a turn of run's loop.
func (s *scanner) pastBlank(k int) int {
	if k < len(s.text) && s.text[k] == ' ' {
		return k + 1
	}
	return k
}

// chunkEnd returns the end of the chunk that goes on at j, and whether
// text[j:end] holds a ':', '@' or '/'.
func (s *scanner) chunkEnd(j int) (end int, marks bool) {
	text := s.text
	for j < len(text) {
		if j+8 <= len(text) {
			// Skip the bytes that are none of those below, eight at a
			// time.
			m := stops8(load8(text, j))
			if m == 0 {
				j += 8
				continue
			}
			j += bits.TrailingZeros64(m) / 8
		}
		c := text[j]
		if c < utf8.RuneSelf {
			if asciiClass[c] == clSpace {
				break
			}
			if c == ':' || c == '@' || c == '/' {
				marks = true
			}
			j++
			continue
		}
		r, size := s.decode(j)
		if isSpaceRune(r) {
			break
		}
		j += size
	}
	return j, marks
}

// wordAndPeriod emits the word text[start:dot] of n letters of letterRun
// (and hyphens), of flags f, and the period at dot that ends its chunk: an abbreviation
// with its period, or a word and a full stop, as word and next would.
func (s *scanner) wordAndPeriod(start, dot, n int, f Flags) {
	if f&Hyphen == 0 && (n == 1 || knownAbbrev(s.text, start, dot)) { // see word, isAbbrev
		s.emit(start, dot+1, Abbrev, f)
		return
	}
	s.emit(start, dot, Word, f)
	s.emit(dot, dot+1, Punct, SentEnd)
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
		r, size := s.openingAt(i)
		if size == 0 {
			break
		}
		s.emitOpening(i, size, r)
		i += size
	}
	if i >= j {
		return
	}
	// Only a chunk with marks or one that starts with "www." is special.
	if marks || s.text[i]|0x20 == 'w' {
		if e, k := s.special(i, j, marks); e > i {
			s.emit(i, e, k, 0)
			i = e
		}
	}
	s.rest(i, j)
}

// rest tokenizes text[i:j], the rest of a chunk, token by token.
func (s *scanner) rest(i, j int) {
	for i < j {
		i = s.next(i, j)
	}
}

// wordEndsAt reports whether a word of letters ends at j, before a rune
// that word neither goes on with nor joins to another run with: no word
// rune and no hyphen, period or apostrophe.
func (s *scanner) wordEndsAt(j int) bool {
	if c := s.text[j]; c < utf8.RuneSelf {
		return asciiClass[c] == clOther && c != '-' && c != '.' && c != '\''
	}
	r, _ := s.decode(j)
	return !isWordRune(r) && r != '’'
}

// openingAt returns the opening punctuation rune at i and its size, or size
// 0 when there is none.
func (s *scanner) openingAt(i int) (rune, int) {
	if c := s.text[i]; c < utf8.RuneSelf && asciiClass[c] != clOther {
		return 0, 0 // a letter or digit opens nothing
	}
	if r, size := s.runeAt(i); isOpening(r) {
		return r, size
	}
	return 0, 0
}

// emitOpening emits r, opening punctuation of size bytes at i.
func (s *scanner) emitOpening(i, size int, r rune) {
	var f Flags
	if isQuote(r) {
		f = Quote
	}
	if r == '\'' {
		s.openApos = true
	}
	s.emit(i, i+size, Punct, f)
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
	c := s.text[i]
	r, size := rune(c), 1
	if c < utf8.RuneSelf {
		if asciiClass[c] >= clLower {
			return s.word(i, j) // an ASCII letter or digit
		}
	} else if r, size = s.decode(i); isWordRune(r) && r != '\u00ad' {
		return s.word(i, j)
	}
	switch {
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
	letters := 0
	allCaps := true // no letter so far is other than a capital
	numeric := true // only digits and number separators so far
	groups, lastGroup := 0, 0
	for i < j {
		// A run of word runes.
		runStart := i
		for i < j && i-start < MaxLen {
			c := s.text[i]
			if c < utf8.RuneSelf && asciiClass[c] == clDigit {
				f |= Digit
				first = false
				lim := min(j, start+MaxLen)
				for i++; i < lim && asciiClass[s.text[i]] == clDigit; i++ {
				}
				continue
			}
			if c < utf8.RuneSelf && asciiClass[c] >= clLower || c == 0xC3 {
				// ASCII letters and umlauts, the bulk of German text.
				if e, n, lower := letterRun(s.text, i, min(j, start+MaxLen)); e > i {
					if first && capAt(s.text, i) {
						f |= Cap
					}
					allCaps = allCaps && !lower
					numeric = false
					letters += n
					first = false
					i = e
					continue
				}
			}
			if c < utf8.RuneSelf {
				break // no word rune
			}
			r, size := s.decode(i)
			if !isWordRune(r) {
				break
			}
			if isLetter(r) {
				numeric = false
				letters++
				up := unicode.IsUpper(r)
				allCaps = allCaps && up
				if first && up {
					f |= Cap
				}
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
				if s.wordRuneAt(i + 1) {
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
	if letters >= 2 && allCaps {
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
		if kind == Word && f&(Hyphen|Domain) == 0 && isAbbrev(s.text, start, i) {
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
	// Two runes have at most eight bytes; a segment must follow.
	if dot-start > 8 || dot+1 >= j {
		return dot
	}
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

// abbrevList are words that take a period without ending a sentence.
const abbrevList = `
	Abb Abs Abt Adr Anh Anm Aufl Bd Bde Bhf Bsp Bzw Ca Chr Co Dipl Dr Dres Dt Ev Evtl
	Fa Fam Ff Fr Frl Gebr Ggf Hbf Hl Hr Hrn Hrsg Inc Ing Inh Inkl Jh Jhd Jr Kap Kath
	Kfm Kl Kt Ltd Mio Mr Mrs Ms Mrd Nr Nrn Pfr Pkt Pl Pos Prof Red Reg Rep
	Sen Sr St Std Str Tab Tel Tsd Univ Urt Vgl Vors Wg Ztg Zi Ziff
	abh abk abs allg amtl anl bes betr bez bspw bzgl bzw ca chr dgl dt ehem entspr erg
	etc ev evtl exkl ff gegr gem geb gest ggf ggü hl inkl insb jährl jhd jr kath
	lt max med min mind mio mrd nachm nat ggfs phil rer röm sog span spez
	staatl stellv std str tägl tsd usf usw vgl vorm zzgl zit zus
	Feb Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez
	Mo Di Mi Do Fr Sa So`

// maxAbbrevLen is the length in bytes of the longest abbreviation (at most
// 7, see abbrevKey): longer words (most words before a full stop) need no
// lookup.
var maxAbbrevLen = func() int {
	n := 0
	for _, w := range strings.Fields(abbrevList) {
		n = max(n, len(w))
	}
	if n > 7 {
		panic("token: abbreviation longer than 7 bytes")
	}
	return n
}()

// abbrevKey packs a word of one to seven bytes into a uint64, unique and
// not 0: its bytes, the first lowest, and its length in the top byte.
func abbrevKey(w string) uint64 {
	k := uint64(len(w)) << 56
	for i := 0; i < len(w); i++ {
		k |= uint64(w[i]) << (8 * i)
	}
	return k
}

// abbrevSlot is the first slot of abbrevTable to look for key k in.
func abbrevSlot(k uint64) int { return int(k * 0x9E3779B97F4A7C15 >> (64 - 9)) }

// abbrevTable holds the keys of the abbreviations in an open-addressing
// hash table with linear probing, less than a third full: cheaper to look
// up than a map of strings.
var abbrevTable = func() (t [1 << 9]uint64) {
	for _, w := range strings.Fields(abbrevList) {
		k := abbrevKey(w)
		h := abbrevSlot(k)
		for t[h] != 0 && t[h] != k {
			h = (h + 1) % len(t)
		}
		t[h] = k
	}
	return
}()

// knownAbbrev reports whether text[start:end] is one of abbrevList.
func knownAbbrev(text string, start, end int) bool {
	n := end - start
	if n == 0 || n > maxAbbrevLen {
		return false
	}
	var k uint64
	if start+8 <= len(text) {
		k = load8(text, start)&(1<<(8*n)-1) | uint64(n)<<56 // as abbrevKey
	} else {
		k = abbrevKey(text[start:end])
	}
	for h := abbrevSlot(k); abbrevTable[h] != 0; h = (h + 1) % len(abbrevTable) {
		if abbrevTable[h] == k {
			return true
		}
	}
	return false
}

// isAbbrev reports whether text[start:end] followed by a period is an
// abbreviation: a known one, or a single letter (an initial: George W.
// Bush; z. B.).
func isAbbrev(text string, start, end int) bool {
	if knownAbbrev(text, start, end) {
		return true
	}
	r, size := utf8.DecodeRuneInString(text[start:end])
	return size == end-start && isLetter(r)
}
