package snapshot

import (
	"bytes"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/etikett-nlp/etikett/lexicon"
	"github.com/etikett-nlp/etikett/tagger/internal/match"
	"github.com/etikett-nlp/etikett/tagger/topic"
)

// TestUpToDate compiles the lexicon files and fails when the embedded
// snapshot differs from the result.
func TestUpToDate(t *testing.T) {
	want, err := Build()
	require.NoError(t, err)
	if got := []byte(Embedded()); !bytes.Equal(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		t.Fatalf("%s is out of date (%d bytes, compiling the lexicon gives %d; first difference at byte %d):\n"+
			"run `go generate ./...` (or `go generate ./tagger/internal/snapshot`) and commit %s", File, len(got), len(want), i, File)
	}
}

// TestLoad checks that the embedded snapshot is usable: the tagger would
// silently compile the lexicon files otherwise.
func TestLoad(t *testing.T) {
	d, err := Load(true, topic.Options{}, match.Hooks{})
	require.NoError(t, err)
	require.NotNil(t, d.Topics)
	require.NotEmpty(t, d.Gazetteer.Entries)
	require.NotEmpty(t, d.FirstNames)
}

// TestDecodeRoundTrip decodes the embedded snapshot, with and without the
// topic model, and checks it against the compiled lexicon.
func TestDecodeRoundTrip(t *testing.T) {
	lx, err := lexicon.LoadDefault()
	require.NoError(t, err)
	fp, err := Fingerprint(lexicon.Default())
	require.NoError(t, err)
	tests := []struct {
		name   string
		topics bool
		opts   topic.Options
	}{
		{"topics", true, topic.Options{}},
		{"topic options", true, topic.Options{MinScore: 0.5, MaxTopics: 1}},
		{"no topics", false, topic.Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, gotFP, err := Decode(Embedded(), tt.topics, tt.opts)
			require.NoError(t, err)
			assert.Equal(t, fp, gotFP)
			assert.Equal(t, lx.FirstNames, d.FirstNames)
			require.Len(t, d.Gazetteer.Entries, len(lx.Entries))
			for i, e := range lx.Entries {
				require.Equal(t, *e, *d.Gazetteer.Entries[i])
			}
			assert.Equal(t, tt.topics, d.Topics != nil)
			if d.Topics != nil {
				text := "Die Nato-Staaten beraten in Brüssel über Waffenlieferungen an die Ukraine; der Kanzler zögert."
				got := d.Topics.ScoreText(text)
				if tt.opts.MaxTopics > 0 {
					assert.LessOrEqual(t, len(got), tt.opts.MaxTopics)
				}
				for _, tp := range got {
					assert.GreaterOrEqual(t, tp.Score, max(tt.opts.MinScore, 0))
				}
			}
		})
	}
}

// TestDecodeCorrupt damages the snapshot: each case must give an error,
// never a panic, and never a snapshot.
func TestDecodeCorrupt(t *testing.T) {
	good := Embedded()
	flip := func(i int) string {
		b := []byte(good)
		b[i] ^= 0x20
		return string(b)
	}
	version := len(magic) // the version follows the magic line
	tests := []struct {
		name string
		data string
		want string // in the message
	}{
		{"empty", "", "not a snapshot"},
		{"other file", "id\tPER\tName\n", "not a snapshot"},
		{"magic only", magic + "\x00\x00\x00\x00", "snapshot corrupt"},
		{"other version", good[:version] + "\x7f" + good[version+1:], "format version 127"},
		{"truncated", good[:len(good)/2], "snapshot corrupt"},
		{"last byte missing", good[:len(good)-1], "snapshot corrupt"},
		{"byte changed in the gazetteer", flip(len(good) / 3), "checksum"},
		{"byte changed in the topic model", flip(len(good) - 100), "checksum"},
		{"checksum changed", flip(len(good) - 1), "checksum"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _, err := Decode(tt.data, true, topic.Options{})
			require.Error(t, err)
			assert.Nil(t, d)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// TestFingerprint changes one lexicon file: the fingerprint must change.
func TestFingerprint(t *testing.T) {
	fsys := fstest.MapFS{
		"a.tsv": {Data: []byte("x\tLOC\tXanten\n")},
		"b.tsv": {Data: []byte("y\tLOC\tYpern\n")},
		"c.txt": {Data: []byte("not a lexicon file")},
	}
	fp, err := Fingerprint(fsys)
	require.NoError(t, err)
	for _, change := range []func(){
		func() { fsys["b.tsv"].Data[0] = 'z' },
		func() { fsys["c.tsv"] = &fstest.MapFile{} },
		func() { delete(fsys, "a.tsv") },
	} {
		change()
		next, err := Fingerprint(fsys)
		require.NoError(t, err)
		assert.NotEqual(t, fp, next)
		fp = next
	}
	fsys["c.txt"].Data = []byte("changed")
	same, err := Fingerprint(fsys)
	require.NoError(t, err)
	assert.Equal(t, fp, same, "only *.tsv files count")
}

// FuzzDecode checks that no input makes Decode panic.
func FuzzDecode(f *testing.F) {
	f.Add(Embedded()[:200])
	f.Add(magic + "\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00")
	f.Fuzz(func(t *testing.T, data string) {
		Decode(data, true, topic.Options{})
	})
}
