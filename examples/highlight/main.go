// Command highlight writes a German text as an HTML page with every entity
// marked: a small demonstration that etikett's byte offsets can be used on
// the original text as they are.
//
//	go run ./examples/highlight testdata/nato-putin-nordkorea.txt > seed.html
package main

import (
	"fmt"
	"html"
	"io"
	"os"
	"strings"

	"github.com/etikett-nlp/etikett/tagger"
)

func main() {
	if err := run(os.Args[1:], os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "highlight:", err)
		os.Exit(1)
	}
}

func run(args []string, stdin io.Reader, out io.Writer) error {
	var data []byte
	var err error
	switch len(args) {
	case 0:
		data, err = io.ReadAll(stdin)
	case 1:
		data, err = os.ReadFile(args[0])
	default:
		return fmt.Errorf("usage: highlight [FILE]")
	}
	if err != nil {
		return err
	}
	tg, err := tagger.New()
	if err != nil {
		return err
	}
	res, err := tg.Tag(string(data))
	if err != nil {
		return err
	}
	_, err = io.WriteString(out, Render(string(data), res))
	return err
}

// colors of the entity types.
var colors = map[string]string{"PER": "#ffd8a8", "ORG": "#a5d8ff", "LOC": "#b2f2bb", "OTH": "#e5dbff"}

// Render returns an HTML page of text with the entities of res marked; the
// title of each mark tells type, form, canonical name, id and rule.
func Render(text string, res tagger.Result) string {
	var b strings.Builder
	b.WriteString("<!doctype html>\n<meta charset=\"utf-8\">\n<title>etikett</title>\n")
	b.WriteString("<style>body{font:16px/1.6 sans-serif;max-width:50em;margin:2em auto;white-space:pre-wrap}mark{padding:0 .15em;border-radius:.2em}mark.part,mark.deriv{border-bottom:2px dotted #555}</style>\n")
	if len(res.Topics) > 0 {
		b.WriteString("<p>")
		for i, t := range res.Topics {
			if i > 0 {
				b.WriteString(" · ")
			}
			fmt.Fprintf(&b, "<b>%s</b> %.2f", html.EscapeString(t.Label), t.Score)
		}
		b.WriteString("</p>\n")
	}
	b.WriteString("<div>")
	pos := 0
	for _, e := range res.Entities {
		b.WriteString(html.EscapeString(text[pos:e.Start]))
		title := fmt.Sprintf("%s/%s %s (%s, %s)", e.Type, e.Form, e.Name, e.ID, e.Rule)
		fmt.Fprintf(&b, `<mark class="%s" style="background:%s" title="%s">%s</mark>`,
			e.Form, colors[e.Type], html.EscapeString(title), html.EscapeString(text[e.Start:e.End]))
		pos = e.End
	}
	b.WriteString(html.EscapeString(text[pos:]))
	b.WriteString("</div>\n")
	return b.String()
}
