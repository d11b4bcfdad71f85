// Package labeled reads labelled documents in the format of 10kGNAD:
// one "label;text" record per line, where a field may be quoted with '
// (a quote inside is doubled) and may then hold ';' and newlines.
// encoding/csv cannot read it: it only knows ", which news texts use freely.
package labeled

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Doc is one labelled document.
type Doc struct {
	Label, Text string
	Line        int // line where the record starts
}

// ReadFile reads the records of a file; errors name it as file:line.
func ReadFile(path string) ([]Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, path)
}

// Read reads records from r; name is used in errors. Blank lines are
// skipped; the first ';' outside quotes separates label and text.
func Read(r io.Reader, name string) ([]Doc, error) {
	br := bufio.NewReader(r)
	var docs []Doc
	line := 1
	for {
		start := line
		rec, err := readRecord(br, &line)
		if err == io.EOF {
			return docs, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, start, err)
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) != 2 {
			return nil, fmt.Errorf("%s:%d: want label;text, have %d fields", name, start, len(rec))
		}
		docs = append(docs, Doc{Label: rec[0], Text: rec[1], Line: start})
	}
}

var errUnterminated = errors.New("unterminated quote")

func readRecord(r *bufio.Reader, line *int) ([]string, error) {
	var fields []string
	var b strings.Builder
	quoted, inQuote, any := false, false, false
	for {
		c, _, err := r.ReadRune()
		if err == io.EOF {
			if inQuote {
				return nil, errUnterminated
			}
			if !any {
				return nil, io.EOF
			}
			return append(fields, b.String()), nil
		}
		if err != nil {
			return nil, err
		}
		any = true
		switch {
		case inQuote && c == '\'':
			next, _, err := r.ReadRune()
			if err == nil && next == '\'' {
				b.WriteRune('\'')
				continue
			}
			if err == nil {
				r.UnreadRune()
			}
			inQuote = false
		case inQuote:
			if c == '\n' {
				*line++
			}
			b.WriteRune(c)
		case c == '\'' && b.Len() == 0 && !quoted:
			inQuote, quoted = true, true
		case c == ';' && len(fields) == 0:
			fields = append(fields, b.String())
			b.Reset()
			quoted = false
		case c == '\n':
			*line++
			return append(fields, b.String()), nil
		case c == '\r':
		default:
			b.WriteRune(c)
		}
	}
}
