package tagger

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// The evidence table answers as a map would, across growth and resets.
func TestEvidenceTable(t *testing.T) {
	var tab evidenceTable
	rng := rand.New(rand.NewPCG(1, 2))
	for text := range 20 {
		tab.reset()
		want := map[int32]evidence{}
		n := 1 + rng.IntN(300)
		for k := range n {
			e := int32(rng.IntN(3 * n))
			if text%2 == 1 {
				e = int32(rng.IntN(50000)) // entries far apart
			}
			ev, ok := tab.slot(e)
			_, had := want[e]
			if ok != had {
				t.Fatalf("text %d: slot(%d) ok = %v, want %v", text, e, ok, had)
			}
			ev.tok = int32(k)
			ev.multi = k%3 == 0
			want[e] = *ev
		}
		for e := range int32(3 * n) {
			got, ok := tab.get(e)
			w, had := want[e]
			if ok != had || got != w {
				t.Fatalf("text %d: get(%d) = %v, %v; want %v, %v", text, e, got, ok, w, had)
			}
		}
		for e, w := range want {
			if got, ok := tab.get(e); !ok || got != w {
				t.Fatalf("text %d: get(%d) = %v, %v; want %v", text, e, got, ok, w)
			}
		}
	}
}

// A suffix list's filter lets through every key with one of its suffixes.
func TestSuffixList(t *testing.T) {
	lists := map[string][]string{"street": streetSuffixes, "toponym": toponymSuffixes,
		"landmark": landmarkSuffixes, "noun": nounSuffixes, "short": {"a", "straße"}, "empty": {""}}
	words := []string{"", "a", "au", "Straße", "hauptstraße", "weitingen", "pustertal", "zahlung", "xyz", "ß"}
	for name, list := range lists {
		l := suffixesOf(list)
		for _, w := range append(words, list...) {
			for _, pre := range []string{"", "k", "groß"} {
				key := []byte(pre + w)
				for _, suf := range list {
					if hasSuffix(key, suf) && !l.mayEnd(key) {
						t.Errorf("%s: mayEnd(%q) = false, but it ends in %q", name, key, suf)
					}
				}
			}
		}
	}
}

// orgEndingAt and endsMentionAt answer as scans of all mentions do, with
// mentions added in any order and some grown after they were added.
func TestMentionsEndingAt(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	types := []string{"PER", "ORG", "LOC"}
	forms := []string{FormName, FormPart}
	for text := range 50 {
		n := 5 + rng.IntN(200)
		s := &scratch{}
		s.mx.reset(n)
		for k := range rng.IntN(2 * n) {
			start := int32(rng.IntN(n))
			end := start + 1 + int32(rng.IntN(min(6, n-int(start))))
			s.mx.added(k, start, end)
			s.ments = append(s.ments, mention{start: start, end: end, typ: types[rng.IntN(3)], form: forms[rng.IntN(2)]})
			if g := &s.ments[rng.IntN(len(s.ments))]; rng.IntN(10) == 0 && int(g.end) < n {
				g.end++ // as the Google Inc. and local-organization rules do
				s.mx.grown(g.start, g.end)
			}
		}
		for end := range n + 1 {
			for _, names := range []bool{false, true} {
				want := -1
				for k, m := range s.ments {
					if int(m.end) == end && m.typ == "ORG" && (!names || m.form == FormName) {
						want = k
						break
					}
				}
				require.Equal(t, want, s.orgEndingAt(end, names), "text %d: orgEndingAt(%d, %v)", text, end, names)
			}
			for k := range end {
				want := false
				for _, m := range s.ments {
					if int(m.start) <= k && int(m.end) >= end {
						want = true
					}
				}
				require.Equal(t, want, s.endsMentionAt(k, end), "text %d: endsMentionAt(%d, %d)", text, k, end)
			}
		}
	}
}

// addName leaves the mentions, the mention index and the evidence as add
// does with the same name mention.
func TestAddNameIsAdd(t *testing.T) {
	tg, err := New(WithoutTopics())
	require.NoError(t, err)
	const text = "Angela Merkel traf in Berlin Olaf Scholz und die Vereinten Nationen."
	tests := []struct {
		name       string
		start, end int32
		entry      int32
		rule       string
	}{
		{"one token", 4, 5, 0, "name"},
		{"two tokens", 0, 2, 1, "genitive"},
		{"same entry again, other word", 5, 6, 1, "context"},
		{"same start as another", 4, 6, 2, "name"},
		{"no entry", 8, 10, -1, "name"},
	}
	want, got := new(scratch), new(scratch)
	for _, s := range []*scratch{want, got} {
		s.reset(text)
		tg.entities(s)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want.add(mention{start: tt.start, end: tt.end, entry: tt.entry, form: FormName, rule: tt.rule})
			got.addName(tt.start, tt.end, tt.entry, tt.rule)
			require.Equal(t, want.ments, got.ments)
			require.Equal(t, want.mx, got.mx)
			require.Equal(t, want.evidence, got.evidence)
		})
	}
}
