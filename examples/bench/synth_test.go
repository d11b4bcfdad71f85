package main

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/etikett-nlp/etikett/lexicon"
)

// TestSynthLexicon checks that a synthetic lexicon is valid on its own and
// next to the default one, with the asked number of entries per kind and
// multiword names.
func TestSynthLexicon(t *testing.T) {
	avoid, err := defaultNameKeys()
	if err != nil {
		t.Fatal(err)
	}
	const n = 20000
	files, err := synthLexicon(n, avoid)
	if err != nil {
		t.Fatal(err)
	}
	fsys, err := withDefault(files)
	if err != nil {
		t.Fatal(err)
	}
	// The synthetic entries add no problem to those the default lexicon
	// may have while it is being edited.
	known := map[string]bool{}
	if _, err := lexicon.LoadDefault(); err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			known[line] = true
		}
	}
	lx := lexicon.New()
	if err := lx.AddFS(fsys); err != nil {
		t.Fatal(err)
	}
	if err := lx.Err(); err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			if !known[line] {
				t.Error(line)
			}
		}
	}
	synth := 0
	for _, e := range lx.Entries {
		if !strings.HasPrefix(e.ID, "synth-") {
			continue
		}
		synth++
		if !strings.Contains(e.Name, " ") {
			t.Errorf("%s: %q is one word", e.ID, e.Name)
		}
	}
	if synth != n {
		t.Errorf("%d synthetic entries, want %d", synth, n)
	}
	own := fstest.MapFS{}
	for name, data := range files {
		own[name] = &fstest.MapFile{Data: data}
	}
	lx = lexicon.New()
	if err := lx.AddFS(own); err != nil {
		t.Fatal(err)
	}
	if err := lx.Err(); err != nil {
		t.Fatalf("%.2000v", err)
	}
	if s := lx.Stats(); s[lexicon.PER] != n*500/1000 || s[lexicon.ORG] != n*320/1000 || s[lexicon.LOC] != n*180/1000 {
		t.Errorf("stats %v", s)
	}
}

// TestSynthDeterministic checks that the same size gives the same files.
func TestSynthDeterministic(t *testing.T) {
	a, err := synthLexicon(3000, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := synthLexicon(3000, nil)
	if err != nil {
		t.Fatal(err)
	}
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between runs", name)
		}
	}
}
