package tagger

import (
	"math/rand/v2"
	"testing"
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
