package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGoldenSeed runs the CLI on the seed article and compares its output
// with testdata/nato-putin-nordkorea.golden.jsonl (regenerate with -update).
func TestGoldenSeed(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"../../testdata/nato-putin-nordkorea.txt"}, strings.NewReader(""), &out, &errOut)
	require.Equal(t, 0, code, errOut.String())
	golden := "../../testdata/nato-putin-nordkorea.golden.jsonl"
	if *update {
		require.NoError(t, os.WriteFile(golden, out.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	if got := out.String(); got != string(want) {
		// Report the first differing entity or topic, not the whole file.
		var w, g struct {
			Entities []json.RawMessage `json:"entities"`
			Topics   []json.RawMessage `json:"topics"`
		}
		require.NoError(t, json.Unmarshal(want, &w))
		require.NoError(t, json.Unmarshal([]byte(got), &g))
		for i := 0; i < len(w.Entities) || i < len(g.Entities); i++ {
			if i >= len(w.Entities) || i >= len(g.Entities) || string(w.Entities[i]) != string(g.Entities[i]) {
				t.Fatalf("entity %d differs from %s (go test ./examples/tag -update rewrites it):\nwant %s\ngot  %s", i, golden, at(w.Entities, i), at(g.Entities, i))
			}
		}
		for i := 0; i < len(w.Topics) || i < len(g.Topics); i++ {
			if i >= len(w.Topics) || i >= len(g.Topics) || string(w.Topics[i]) != string(g.Topics[i]) {
				t.Fatalf("topic %d differs from %s (go test ./examples/tag -update rewrites it):\nwant %.300s\ngot  %.300s", i, golden, at(w.Topics, i), at(g.Topics, i))
			}
		}
		t.Fatalf("output differs from %s", golden)
	}

	// The contract's shape.
	var rec map[string]any
	require.NoError(t, json.Unmarshal(out.Bytes(), &rec))
	assert.Equal(t, "nato-putin-nordkorea", rec["id"])
	ents := rec["entities"].([]any)
	require.NotEmpty(t, ents)
	for _, k := range []string{"start", "end", "text", "type", "form", "id", "name"} {
		assert.Contains(t, ents[0], k)
	}
	assert.Contains(t, rec, "topics")
}

// -brief writes the golden records with the contract's fields alone, with
// files and with JSON Lines (whose error records are brief too).
func TestBrief(t *testing.T) {
	seed := "../../testdata/nato-putin-nordkorea.txt"
	golden, err := os.ReadFile("../../testdata/nato-putin-nordkorea.golden.jsonl")
	require.NoError(t, err)
	text, err := os.ReadFile(seed)
	require.NoError(t, err)
	line, err := json.Marshal(map[string]string{"id": "nato-putin-nordkorea", "text": string(text)})
	require.NoError(t, err)
	var full briefRecord // the golden record, without the fields -brief leaves out
	require.NoError(t, json.Unmarshal(golden, &full))
	want, err := json.Marshal(full)
	require.NoError(t, err)
	for _, c := range []struct {
		name  string
		args  []string
		stdin string
		want  []string
	}{
		{"file", []string{"-brief", seed}, "", []string{string(want)}},
		{"jsonl", []string{"-brief", "-jsonl"}, string(line) + "\n" + `{"id": "x"}` + "\n",
			[]string{string(want), `{"id":"x","entities":[],"topics":[],"error":"missing \"text\""}`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			run(c.args, strings.NewReader(c.stdin), &out, &errOut)
			lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			require.Len(t, lines, len(c.want), errOut.String())
			for i := range lines {
				assert.Equal(t, c.want[i], lines[i], "record %d", i+1)
			}
			var rec struct {
				Entities []map[string]any `json:"entities"`
				Topics   []map[string]any `json:"topics"`
			}
			require.NoError(t, json.Unmarshal([]byte(lines[0]), &rec))
			require.NotEmpty(t, rec.Entities)
			require.NotEmpty(t, rec.Topics)
			for _, e := range rec.Entities {
				assert.ElementsMatch(t, []string{"start", "end", "text", "type", "form", "id", "name"}, slices.Collect(maps.Keys(e)))
			}
			for _, tp := range rec.Topics {
				assert.ElementsMatch(t, []string{"id", "label", "score"}, slices.Collect(maps.Keys(tp)))
			}
		})
	}
	assert.Less(t, 2*len(want), len(golden), "a brief record is less than half as long")
}

func TestJSONLines(t *testing.T) {
	in := strings.Join([]string{
		`{"id": "a", "text": "Die Nato tagt in Brüssel."}`,
		`{"text": "Putin traf Kim Jong Un."}`,
		`not json`,
		`{"id": "d"}`,
		`{"id": 5, "text": "x"}`,
		``,
		`{"id": "g", "text": ""}`,
		`{"id": "h", "text": "Scholz' Rede"}`,
	}, "\n") + "\n"
	var out, errOut bytes.Buffer
	code := run([]string{"-jsonl"}, strings.NewReader(in), &out, &errOut)
	assert.Equal(t, 1, code)
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	require.Len(t, lines, 8, "one output line per input line")
	type rec struct {
		ID       string           `json:"id"`
		Error    string           `json:"error"`
		Entities []map[string]any `json:"entities"`
	}
	want := []struct {
		id, err string
	}{
		{"a", ""}, {"2", ""}, {"3", "not a JSON object"}, {"d", `missing "text"`},
		{"5", `"id" must be a string`}, {"6", "not a JSON object"}, {"g", "tagger: empty text"}, {"h", ""},
	}
	for i, l := range lines {
		var r rec
		require.NoError(t, json.Unmarshal([]byte(l), &r), l)
		assert.Equal(t, want[i].id, r.ID, "line %d", i+1)
		if want[i].err == "" {
			assert.Empty(t, r.Error, "line %d", i+1)
		} else {
			assert.Contains(t, r.Error, want[i].err, "line %d", i+1)
			assert.NotNil(t, r.Entities)
		}
	}
	assert.Contains(t, errOut.String(), "stdin:3:")
	assert.Contains(t, lines[0], `"text":"Nato"`)
}

// A JSON Lines stream gets each record as soon as its line is in: the CLI
// does not wait for a batch to fill or for the end of the input.
func TestJSONLinesStream(t *testing.T) {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	code := make(chan int, 1)
	go func() {
		code <- run([]string{"-jsonl"}, inR, outW, io.Discard)
		outW.Close()
	}()
	lines := bufio.NewReader(outR)
	for i, text := range []string{"Die Nato tagt in Brüssel.", "Putin traf Kim Jong Un."} {
		_, err := fmt.Fprintf(inW, "{\"id\": \"%d\", \"text\": %q}\n", i, text)
		require.NoError(t, err)
		got := make(chan string, 1)
		go func() {
			l, _ := lines.ReadString('\n')
			got <- l
		}()
		select {
		case l := <-got:
			assert.Contains(t, l, fmt.Sprintf(`{"id":"%d"`, i))
		case <-time.After(10 * time.Second):
			t.Fatalf("no record for line %d while the input stays open", i+1)
		}
	}
	inW.Close()
	_, err := io.ReadAll(lines)
	require.NoError(t, err)
	assert.Equal(t, 0, <-code)
}

func TestFilesAndStdin(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	require.NoError(t, os.WriteFile(a, []byte("Die Nato tagt."), 0o644))
	bad := filepath.Join(dir, "bad.txt")
	require.NoError(t, os.WriteFile(bad, []byte("Nato \xff"), 0o644))

	var out, errOut bytes.Buffer
	code := run([]string{a, filepath.Join(dir, "missing.txt"), bad, a}, strings.NewReader(""), &out, &errOut)
	assert.Equal(t, 1, code)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 4)
	assert.Contains(t, lines[0], `"id":"a"`)
	assert.Contains(t, lines[1], `"error"`)
	assert.Contains(t, lines[2], "invalid UTF-8 at byte 5")
	assert.Contains(t, lines[3], `"id":"a"`)

	out.Reset()
	errOut.Reset()
	code = run(nil, strings.NewReader("Wladimir Putin in Moskau"), &out, &errOut)
	assert.Equal(t, 0, code, errOut.String())
	assert.Contains(t, out.String(), `"id":"stdin"`)
}

func TestBadFlags(t *testing.T) {
	var out, errOut bytes.Buffer
	assert.Equal(t, 2, run([]string{"-nope"}, strings.NewReader(""), &out, &errOut))
	assert.Equal(t, 2, run([]string{"-workers", "0"}, strings.NewReader(""), &out, &errOut))
	assert.Equal(t, 2, run([]string{"-max-bytes", "0"}, strings.NewReader(""), &out, &errOut))
	assert.Equal(t, 1, run([]string{"-max-bytes", "10"}, strings.NewReader("Die Nato und Russland"), &out, &errOut))
	assert.Contains(t, out.String(), "text too large")
	out.Reset()
	assert.Equal(t, 2, run([]string{"-lexicon", "/does/not/exist.tsv"}, strings.NewReader(""), &out, &errOut))
	assert.Contains(t, errOut.String(), "exist.tsv")
	assert.Empty(t, out.String())
}

func TestManyDocumentsKeepOrder(t *testing.T) {
	var in strings.Builder
	for i := 0; i < 500; i++ {
		if i%7 == 3 {
			in.WriteString("{}\n")
			continue
		}
		in.WriteString(`{"text": "Die Nato und Russland"}` + "\n")
	}
	var out, errOut bytes.Buffer
	run([]string{"-jsonl", "-workers", "4"}, strings.NewReader(in.String()), &out, &errOut)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 500)
	for i, l := range lines {
		var r struct {
			ID    string `json:"id"`
			Error string `json:"error"`
		}
		require.NoError(t, json.Unmarshal([]byte(l), &r))
		assert.Equal(t, i+1, atoi(r.ID))
		assert.Equal(t, i%7 == 3, r.Error != "", "line %d", i+1)
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func at[T json.RawMessage | string](list []T, i int) string {
	if i < len(list) {
		return string(list[i])
	}
	return "(none)"
}

// TestGoldenArticles runs the CLI on the benchmark articles in
// testdata/articles and compares what it tags, one line per entity (offsets,
// text, type, form, id, rule; without the lexicon line, which moves whenever
// a lexicon file is edited), with testdata/articles.golden.txt. Regenerate
// with -update and read the diff: it shows every change in tagging.
func TestGoldenArticles(t *testing.T) {
	files, err := filepath.Glob("../../testdata/articles/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var out, errOut bytes.Buffer
	code := run(append([]string{"-no-topics"}, files...), strings.NewReader(""), &out, &errOut)
	require.Equal(t, 0, code, errOut.String())
	var b strings.Builder
	dec := json.NewDecoder(&out)
	for dec.More() {
		var rec struct {
			ID       string `json:"id"`
			Entities []struct {
				Start, End           int
				Text, Type, Form, ID string
				Rule                 string
			} `json:"entities"`
		}
		require.NoError(t, dec.Decode(&rec))
		b.WriteString("# " + rec.ID + "\n")
		for _, e := range rec.Entities {
			fmt.Fprintf(&b, "%d-%d\t%s\t%s/%s\t%s\t%s\n", e.Start, e.End, e.Text, e.Type, e.Form, e.ID, e.Rule)
		}
	}
	golden := "../../testdata/articles.golden.txt"
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(b.String()), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	wl, gl := strings.Split(string(want), "\n"), strings.Split(b.String(), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		if i >= len(wl) || i >= len(gl) || wl[i] != gl[i] {
			t.Fatalf("line %d differs from %s (go test ./examples/tag -update rewrites it):\nwant %q\ngot  %q", i+1, golden, at(wl, i), at(gl, i))
		}
	}
}
