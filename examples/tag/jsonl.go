package main

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// parseLine reads one JSON Lines input object, {"text": …, "id": …}, into
// a job. Lines of that shape are decoded by simpleLine (encoding/json's
// checking and decoding passes took a fifth of the time of tagging the
// text); all others, and every error, by json.Unmarshal.
func parseLine(b []byte, line int, src string) job {
	j := job{src: src, line: line}
	text, id, hasID, ok := simpleLine(b)
	if !ok {
		return parseLineJSON(b, line, src)
	}
	j.text = text
	if hasID {
		j.id = quote(id)
	} else {
		j.id = quote(strconv.Itoa(line))
	}
	return j
}

// parseLineJSON reads one JSON Lines input object with json.Unmarshal.
func parseLineJSON(b []byte, line int, src string) job {
	j := job{id: quote(strconv.Itoa(line)), src: src, line: line}
	var in struct {
		Text *string         `json:"text"`
		ID   json.RawMessage `json:"id"`
	}
	if err := json.Unmarshal(b, &in); err != nil {
		j.err = fmt.Errorf("not a JSON object: %v", err)
		return j
	}
	if len(in.ID) > 0 && string(in.ID) != "null" {
		var s string
		if err := json.Unmarshal(in.ID, &s); err != nil {
			j.err = errors.New(`"id" must be a string`)
			return j
		}
		j.id = quote(s)
	}
	if in.Text == nil {
		j.err = errors.New(`missing "text"`)
		return j
	}
	j.text = *in.Text
	return j
}

// simpleLine decodes b when it is an object with a string "text" and
// at most a string or null "id", each once, keys spelt exactly so, and
// strings of valid UTF-8 whose escapes are not surrogates: it then
// returns what json.Unmarshal would (TestSimpleLineAsUnmarshal,
// FuzzSimpleLine). ok is false for every other line.
func simpleLine(b []byte) (text, id string, hasID, ok bool) {
	i := skipSpace(b, 0)
	if i == len(b) || b[i] != '{' {
		return "", "", false, false
	}
	hasText, idNull := false, false
	for i = skipSpace(b, i+1); ; i = skipSpace(b, i+1) {
		key, n, kok := simpleString(b, i)
		if !kok {
			return "", "", false, false
		}
		if i = skipSpace(b, n); i == len(b) || b[i] != ':' {
			return "", "", false, false
		}
		i = skipSpace(b, i+1)
		switch {
		case key == "text" && !hasText:
			if text, i, ok = simpleString(b, i); !ok {
				return "", "", false, false
			}
			hasText = true
		case key == "id" && !hasID:
			if len(b)-i >= 4 && string(b[i:i+4]) == "null" {
				i += 4
				idNull = true
			} else if id, i, ok = simpleString(b, i); !ok {
				return "", "", false, false
			}
			hasID = true
		default:
			return "", "", false, false
		}
		if i = skipSpace(b, i); i < len(b) && b[i] == ',' {
			continue
		}
		if i == len(b) || b[i] != '}' || skipSpace(b, i+1) != len(b) || !hasText {
			return "", "", false, false
		}
		return text, id, hasID && !idNull, true
	}
}

// skipSpace returns the index of the first byte of b from i on that is not
// JSON white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// simpleString decodes the JSON string at b[i], returning it and the index
// after its closing quote. ok is false when there is none there, and for a
// string json.Unmarshal would not take as it is: one with invalid UTF-8
// (replaced by U+FFFD) or an escaped surrogate (paired or replaced), or one
// it rejects. Runs of plain bytes are passed over eight at a time.
func simpleString(b []byte, i int) (s string, end int, ok bool) {
	if i == len(b) || b[i] != '"' {
		return
	}
	i++
	start := i
	var buf []byte // the decoded string, once it has an escape
	high := false  // a byte from 0x80 on: check the UTF-8
	for {
		for i+8 <= len(b) {
			x := binary.LittleEndian.Uint64(b[i:])
			if !plainJSONBytes(x) {
				break
			}
			high = high || x&0x8080808080808080 != 0
			i += 8
		}
		if i == len(b) {
			return
		}
		c := b[i]
		switch {
		case c == '"':
			if high && !utf8.Valid(b[start:i]) {
				return
			}
			if buf == nil {
				return string(b[start:i]), i + 1, true
			}
			buf = append(buf, b[start:i]...)
			return string(buf), i + 1, true
		case c < 0x20:
			return
		case c == '\\':
			if high && !utf8.Valid(b[start:i]) {
				return
			}
			high = false
			buf = append(buf, b[start:i]...)
			if i+1 == len(b) {
				return
			}
			switch e := b[i+1]; e {
			case '"', '\\', '/':
				buf = append(buf, e)
			case 'b':
				buf = append(buf, '\b')
			case 'f':
				buf = append(buf, '\f')
			case 'n':
				buf = append(buf, '\n')
			case 'r':
				buf = append(buf, '\r')
			case 't':
				buf = append(buf, '\t')
			case 'u':
				r, hok := hex4(b, i+2)
				if !hok || utf8.RuneLen(r) < 0 { // not four hex digits, or a surrogate
					return
				}
				buf = utf8.AppendRune(buf, r)
				i += 4
			default:
				return
			}
			i += 2
			start = i
		default:
			high = high || c >= utf8.RuneSelf
			i++
		}
	}
}

// plainJSONBytes reports whether none of eight bytes ends a JSON string,
// starts an escape or is a control character: none is below 0x20, '"' or
// '\'. A byte b is zero where (b-1)&^b has its high bit.
func plainJSONBytes(x uint64) bool {
	const ones, hi = 0x0101010101010101, 0x8080808080808080
	q := x ^ 0x22*ones
	bs := x ^ 0x5c*ones
	return ((x-0x20*ones)&^x|(q-ones)&^q|(bs-ones)&^bs)&hi == 0
}

// hex4 reads the four hex digits at b[i:].
func hex4(b []byte, i int) (rune, bool) {
	if len(b)-i < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
