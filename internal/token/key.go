package token

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"unicode"
	"unicode/utf8"
)

// AppendKey appends the lookup key of s to dst: s lower-cased, with the
// typographic apostrophe ’ written as ' and soft hyphens dropped. Keys are
// what the gazetteer compares; offsets always refer to the original text.
func AppendKey(dst []byte, s string) []byte {
	// ASCII, byte for byte into room made at once, up to the first other
	// byte; the loop below takes the rest.
	n := len(dst)
	dst = slices.Grow(dst, len(s))[:n+len(s)]
	i := 0
	for ; i < len(s) && s[i] < utf8.RuneSelf; i++ {
		dst[n+i] = asciiToLower[s[i]]
	}
	dst = dst[:n+i]
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		if c == 0xC3 && i+1 < len(s) && 0x80 <= s[i+1] && s[i+1] <= 0xBF {
			// Latin-1 letters, umlauts among them, without decoding:
			// U+00C0 to U+00DE but × (U+00D7) lower-case to 32 above.
			d := s[i+1]
			if d <= 0x9E && d != 0x97 {
				d += 0x20
			}
			dst = append(dst, c, d)
			i += 2
			continue
		}
		if c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && 0x80 <= s[i+2] && s[i+2] <= 0xBF && s[i+2] != 0x99 {
			// U+2000 to U+203F but ’ (U+2019), without decoding: general
			// punctuation („ “ – …), which has no case (unicode.ToLower
			// cost 190 instructions a rune).
			dst = append(dst, c, s[i+1], s[i+2])
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r {
		case '\u00ad':
			continue
		case '’':
			dst = append(dst, '\'')
			continue
		case utf8.RuneError:
			if size == 1 {
				dst = append(dst, "\uFFFD"...)
				continue
			}
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// AppendKeyAt appends the lookup key of text[start:end] to dst, as
// AppendKey(dst, text[start:end]) does, and leaves at least eight bytes of
// spare capacity after it (which a caller may read, as wcHash in package
// tagger does, without a bounds-checked byte loop). ASCII is lower-cased
// eight bytes at a time; to do so for the last bytes of a short key it reads
// on into the text after end, which is why it takes the whole text.
func AppendKeyAt(dst []byte, text string, start, end int) []byte {
	n, ln := len(dst), end-start
	if cap(dst)-n < ln+8 {
		dst = slices.Grow(dst, ln+8)
	}
	dst = dst[:n+ln+8]
	if ln <= 8 && start+8 <= len(text) {
		// The common case, a word of up to eight bytes, without the loop.
		if w, ok := ShortKey(load8(text, start), ln); ok {
			store64(dst[n:], w)
			return dst[:n+ln]
		}
	}
	// ASCII eight bytes at a time, and the two-byte Latin-1 letters (ä, ö,
	// ü, ß, é) as AppendKey has them: each byte of the key is where it is
	// in the text.
	i := 0
	for i < ln && start+i+8 <= len(text) {
		w := load8(text, start+i)
		if rest := ln - i; rest < 8 {
			w &= LowBytes(rest) // the bytes after end are no part of the key
		}
		high := w & (0x80 * ones)
		if high == 0 {
			store64(dst[n+i:], lower8(w))
			i += 8
			continue
		}
		// The ASCII bytes before the first other one, then that one.
		k := bits.TrailingZeros64(high) / 8
		store64(dst[n+i:], lower8(w&LowBytes(k)))
		i += k
		if i+1 >= ln || text[start+i] != 0xC3 {
			break // another byte: the loop of AppendKey takes it
		}
		if d := text[start+i+1]; 0x80 <= d && d <= 0xBF {
			if d <= 0x9E && d != 0x97 {
				d += 0x20
			}
			dst[n+i], dst[n+i+1] = 0xC3, d
			i += 2
			continue
		}
		break // another byte: the loop of AppendKey takes it
	}
	if i >= ln {
		return dst[:n+ln]
	}
	// Invalid UTF-8 lengthens a key (\xff becomes U+FFFD), eating the room.
	return slices.Grow(AppendKey(dst[:n+i], text[start+i:end]), 8)
}

// Load8 returns the eight bytes of text from i as a little-endian word;
// i+8 must be at most len(text).
func Load8(text string, i int) uint64 { return load8(text, i) }

// ShortKey returns the key of a token of ln <= 8 bytes as a little-endian
// word padded with zeros, when the token is ASCII; w holds the eight bytes
// of text from the token's start (Load8). ok is false for other tokens,
// which AppendKeyAt takes. It is small enough to be inlined: a caller that
// writes the word into its buffer of keys saves AppendKeyAt's call for
// most words of a text, and has the key in a register.
func ShortKey(w uint64, ln int) (key uint64, ok bool) {
	w &= LowBytes(ln)
	if w&(0x80*ones) != 0 {
		return 0, false
	}
	return lower8(w), true
}

const ones = 0x0101010101010101

// Latin1Key returns the key of a token of ln <= 8 bytes as a little-endian
// word padded with zeros, as ShortKey does, also when the token has
// two-byte Latin-1 letters (0xC3 and a byte from 0x80 to 0xBF: ä, ö, ü, ß,
// é), whose keys have as many bytes as the text; w holds the eight bytes of
// text from the token's start (Load8). ok is false for other tokens, and
// for a token whose last byte is 0xC3 (a letter cut in two), which
// AppendKeyAt takes. A caller tries ShortKey, which is inlined, first:
// this is the way for the one word in eight with an umlaut, which
// otherwise costs AppendKeyAt's loop (about 40 instructions instead of 150).
func Latin1Key(w uint64, ln int) (key uint64, ok bool) {
	w &= LowBytes(ln)
	high := w & (0x80 * ones)
	if high == 0 {
		return lower8(w), true
	}
	lead := zeroBytes(w ^ 0xC3*ones) // the high bit of each 0xC3
	cont := high &^ lead             // the high bit of each other byte from 0x80
	// Every 0xC3 followed by such a byte and every such byte after a 0xC3,
	// and that byte below 0xC0 (its bit 6 clear).
	if cont != lead<<8 || lead>>56 != 0 || cont&(w<<1) != 0 {
		return 0, false
	}
	// AppendKey's Latin-1 rule: the second bytes from 0x80 to 0x9E (bit 5
	// clear, not 0x9F: ß), but 0x97 (×), get 0x20 added.
	up := cont &^ (w << 2) &^ zeroBytes(w^0x9F*ones) &^ zeroBytes(w^0x97*ones)
	nonASCII := (high >> 7) * 0xff // 0xff in each byte from 0x80
	return lower8(w&^nonASCII) | w&nonASCII | up>>2, true
}

// zeroBytes returns the high bit of each byte of x that is zero: exactly,
// without the false positives of the borrow trick.
func zeroBytes(x uint64) uint64 {
	const low7 = 0x7f * ones
	return ^((x&low7 + low7) | x | low7)
}

// lowBytes[n] keeps the low n bytes of a word: 1<<(8*n) - 1, read from a
// table because the variable shift costs a range check, a negative check
// and a mask (ShortKey: 10 -> 3 instructions, for most tokens of a text).
var lowBytes = [9]uint64{0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff, 0xffffffffffff, 0xffffffffffffff, ^uint64(0)}

// LowBytes returns 1<<(8*n) - 1 for n >= 0, the mask that keeps the low n
// bytes of a word (all of them for n >= 8), from a table (see lowBytes).
func LowBytes(n int) uint64 { return lowBytes[min(uint(n), 8)] }

// Lower8 is lower8, for other packages that fold ASCII eight bytes at a
// time (the topic model's keys).
func Lower8(w uint64) uint64 { return lower8(w) }

// lower8 lower-cases eight ASCII bytes (all below 0x80) at once: a byte
// gets 0x20 added where it is at least 'A' and at most 'Z'. No addition
// carries into the next byte because every byte is below 0x80.
func lower8(w uint64) uint64 {
	ge := w + (0x80-'A')*ones   // high bit set where the byte is ≥ 'A'
	gt := w + (0x80-'Z'-1)*ones // high bit set where the byte is > 'Z'
	return w | (ge&^gt)&(0x80*ones)>>2
}

// store64 writes w into b[:8], little-endian.
func store64(b []byte, w uint64) { binary.LittleEndian.PutUint64(b, w) }

// asciiToLower maps each ASCII byte to its lower case.
var asciiToLower = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return
}()

// Key returns the lookup key of s (see AppendKey).
func Key(s string) string { return string(AppendKey(nil, s)) }

// IsUpperStart reports whether s begins with an upper-case letter.
func IsUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
