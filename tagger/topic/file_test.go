package topic

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/etikett-nlp/etikett/lexicon"
)

const smallFile = `# a small topic file
topic	medtop:16000000	Krise, Krieg, Konflikte
topic	medtop:20000056	Bewaffneter Konflikt	medtop:16000000
topic	medtop:11000000	Politik
topic	medtop:15000000	Sport
word	medtop:20000056	Krieg|Rakete	3
word	medtop:20000056	Waffe|Lieferung	1.5
word	medtop:16000000	Militärbündnis	2
word	medtop:16000000	Waffenruhe	2
word	medtop:11000000	Präsident|Regierung	1.5
word	medtop:11000000	verhandeln	1
word	medtop:15000000	Champions League	3
word	medtop:15000000	Tor	2	compound=mod
word	medtop:15000000	Spiel|Trainer	1.5
cue	medtop:16000000	id=nato	2
cue	medtop:15000000	type=ORG;kind=club	2
cue	medtop:11000000	role=politics	1
stop		Beispiel
`

func TestParseSmall(t *testing.T) {
	f, err := Parse("small.tsv", strings.NewReader(smallFile))
	require.NoError(t, err)
	assert.Len(t, f.Topics, 4)
	assert.Len(t, f.Keywords, 9)
	assert.Len(t, f.Cues, 3)
	assert.Len(t, f.Stops, 1)
	assert.Equal(t, TopicDef{ID: "medtop:20000056", Label: "Bewaffneter Konflikt", Parent: "medtop:16000000", Line: 3}, f.Topics[1])
	assert.Equal(t, []string{"Krieg", "Rakete"}, f.Keywords[0].Forms)
	assert.Equal(t, 3.0, f.Keywords[0].Weight)
	assert.Equal(t, "mod", f.Keywords[7].Compound)
	assert.Equal(t, Selector{Type: "ORG", Kind: "club"}, f.Cues[1].Selector)
	assert.Equal(t, "type=ORG;kind=club", f.Cues[1].Selector.String())
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, line, want string
	}{
		{"too few columns", "word\tmedtop:15000000", "want at least 3"},
		{"too many columns", "word\tx\tTor\t1\tcompound=no\textra", "at most 5"},
		{"unknown kind", "wort\tx\tTor", `unknown kind "wort"`},
		{"bad id", "word\tmed top\tTor", "only ASCII letters"},
		{"short medtop", "topic\tmedtop:1500\tSport", "8 digits"},
		{"weight not number", "word\tx\tTor\tzwei", `weight "zwei" is not a number`},
		{"weight too big", "word\tx\tTor\t11", "out of range"},
		{"negative weight", "word\tx\tTor\t-1", "out of range"},
		{"empty form", "word\tx\tTor||Spiel", "form 2: empty"},
		{"long phrase", "word\tx\ta b c d e", "at most 4 words"},
		{"no letters", "word\tx\t…", "no letters or digits"},
		{"bad attr", "word\tx\tTor\t1\tcompound=maybe", "compound=maybe"},
		{"unknown attr", "word\tx\tTor\t1\tcase=yes", `unknown attribute "case"`},
		{"bad selector", "cue\tx\tnation=AT", "unknown selector key"},
		{"bad type", "cue\tx\ttype=FOO", "type=FOO"},
		{"stop with topic", "stop\tx\tBeispiel", "empty topic column"},
		{"own parent", "topic\tx\tX\tx", "its own parent"},
		{"spaces", "word\tx\t Tor", "leading or trailing spaces"},
		{"twice on line", "word\tx\tTor|Tor", "listed twice on the line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("t.tsv", strings.NewReader("# head\n"+tt.line+"\n"))
			require.Error(t, err)
			var list lexicon.ErrorList
			require.True(t, errors.As(err, &list))
			assert.Equal(t, 2, list[0].Line)
			assert.Contains(t, err.Error(), "lexicon: t.tsv:2: ")
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestParseReportsAllErrors(t *testing.T) {
	src := "topic\tx\tX\nword\tx\tTor\tzwei\nword\tx\tSpiel\nword\tx\tSpiele\ntopic\tx\tY\n"
	f, err := Parse("t.tsv", strings.NewReader(src))
	require.Error(t, err)
	var list lexicon.ErrorList
	require.True(t, errors.As(err, &list))
	require.Len(t, list, 3)
	assert.Equal(t, []int{2, 4, 5}, []int{list[0].Line, list[1].Line, list[2].Line})
	assert.Contains(t, list[1].Msg, `"Spiele" already listed for x on line 3`)
	assert.Contains(t, list[2].Msg, "already defined on line 1")
	assert.Len(t, f.Keywords, 1, "the correct lines are kept")
}

func TestCompileErrors(t *testing.T) {
	a, err := Parse("a.tsv", strings.NewReader("topic\tx\tX\tnope\nword\ty\tTor\ncue\tz\tid=nato\ntopic\tc1\tC1\tc2\ntopic\tc2\tC2\tc1\n"))
	require.NoError(t, err)
	_, err = Compile([]*File{a}, Options{})
	require.Error(t, err)
	msg := err.Error()
	assert.Contains(t, msg, "a.tsv:1: parent nope of x is not defined")
	assert.Contains(t, msg, "a.tsv:2: topic y is not defined")
	assert.Contains(t, msg, "a.tsv:3: topic z is not defined")
	assert.Contains(t, msg, "is its own ancestor")
}

func TestWriteRoundTrip(t *testing.T) {
	f, err := Parse("small.tsv", strings.NewReader(smallFile))
	require.NoError(t, err)
	f.Comment = "written by a test"
	var buf bytes.Buffer
	n, err := f.WriteTo(&buf)
	require.NoError(t, err)
	assert.Equal(t, int64(buf.Len()), n)
	assert.True(t, strings.HasPrefix(buf.String(), "# written by a test\n"))
	g, err := Parse("again.tsv", &buf)
	require.NoError(t, err)
	assert.Len(t, g.Topics, len(f.Topics))
	assert.Len(t, g.Keywords, len(f.Keywords))
	assert.Len(t, g.Cues, len(f.Cues))
	assert.Len(t, g.Stops, len(f.Stops))
	// Same model behaviour.
	m1, err := Compile([]*File{f}, Options{})
	require.NoError(t, err)
	m2, err := Compile([]*File{g}, Options{})
	require.NoError(t, err)
	text := "Der Krieg und die Waffenlieferungen: der Präsident will verhandeln."
	assert.Equal(t, m1.ScoreText(text), m2.ScoreText(text))
}

func FuzzParse(f *testing.F) {
	f.Add(smallFile)
	f.Add("topic\tx\tX\tx\n")
	f.Add("word\tx\ta|b|c\t1e308\tcompound=yes;note=a=b\n")
	f.Add("cue\tx\tid=a;id=b\n\xff\n")
	f.Fuzz(func(t *testing.T, src string) {
		file, err := Parse("fuzz.tsv", strings.NewReader(src))
		if file == nil {
			t.Fatal("nil file")
		}
		if err != nil {
			var list lexicon.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %v is not a non-empty ErrorList", err)
			}
		}
		m, err := Compile([]*File{file}, Options{})
		if err == nil {
			m.ScoreText(src)
		}
	})
}
