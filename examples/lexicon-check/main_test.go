package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultStats(t *testing.T) {
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run([]string{"-stats"}, &out, &errOut), errOut.String())
	var stats map[string]int
	require.NoError(t, json.Unmarshal(out.Bytes(), &stats))
	// The sizes the lexicon issue asks for.
	for key, min := range map[string]int{"PER": 2000, "ORG": 2000, "LOC": 6000, "roles": 400, "firstnames": 5000} {
		assert.GreaterOrEqual(t, stats[key], min, key)
	}
	assert.Contains(t, stats, "OTH")
}

func TestUserFileErrors(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.tsv")
	require.NoError(t, os.WriteFile(good, []byte("acme\tORG\tAcme Werke\tAcme\tkind=company\n"), 0o644))
	bad := filepath.Join(dir, "bad.tsv")
	require.NoError(t, os.WriteFile(bad, []byte("a\tXX\tAnna A\nb\tPER\nc\tPER\tC D\t\tkind=Big\n"), 0o644))

	var out, errOut bytes.Buffer
	assert.Equal(t, 0, run([]string{good}, &out, &errOut), errOut.String())
	assert.Contains(t, out.String(), "ok: 0 PER, 1 ORG")

	out.Reset()
	errOut.Reset()
	assert.Equal(t, 1, run([]string{good, bad}, &out, &errOut))
	lines := strings.Split(strings.TrimSpace(errOut.String()), "\n")
	require.Len(t, lines, 4)
	assert.Contains(t, lines[0], "bad.tsv:1: unknown type")
	assert.Contains(t, lines[1], "bad.tsv:2: want 3 to 5 tab-separated columns")
	assert.Contains(t, lines[2], "bad.tsv:3: kind=")
	assert.Equal(t, "lexicon-check: 3 problems", lines[3])

	// A user file that clashes with the default lexicon.
	clash := filepath.Join(dir, "clash.tsv")
	require.NoError(t, os.WriteFile(clash, []byte("nato\tORG\tNato\n"), 0o644))
	errOut.Reset()
	assert.Equal(t, 1, run([]string{"-with-default", clash}, &out, &errOut))
	assert.Contains(t, errOut.String(), `duplicate id "nato"`)

	assert.Equal(t, 2, run([]string{filepath.Join(dir, "missing.tsv")}, &out, &errOut))
	assert.Equal(t, 2, run([]string{"-nope"}, &out, &errOut))
}
