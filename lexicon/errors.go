package lexicon

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Error is one problem found in a lexicon file, with its position.
type Error struct {
	File string // file name as given to the parser
	Line int    // 1-based line number; 0 when the problem concerns the whole file
	Msg  string
}

func (e *Error) Error() string {
	file := e.File
	if strings.ContainsFunc(file, unicode.IsControl) {
		file = strconv.Quote(file) // one problem, one line
	}
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", file, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", file, e.Line, e.Msg)
}

// ErrorList collects every problem found while reading lexicon files, so a user
// can fix them all in one go. Its Err method returns nil when it is empty.
type ErrorList []*Error

// Add appends a problem at file:line.
func (l *ErrorList) Add(file string, line int, format string, args ...any) {
	*l = append(*l, &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// Error lists all problems, one per line, each prefixed with "lexicon: ".
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("lexicon: ")
		b.WriteString(e.Error())
	}
	return b.String()
}

// Err returns the list as an error, or nil when it holds no problem.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}
