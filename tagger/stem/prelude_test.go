package stem

import (
	"slices"
	"testing"

	"github.com/kljensen/snowball/snowballword"
	"github.com/stretchr/testify/require"
)

// The prelude and the regions are where this package departs furthest from
// the shape of the Snowball program: ß is expanded while decoding, marking
// and fold detection share one loop, and folding is skipped when nothing
// folds. The references below follow the Snowball program step by step,
// cursor and all, and the tests compare the two on every short word over an
// alphabet that holds all the letters the prelude cares about.

// refPrelude is the Snowball prelude as written: a goto loop that marks u
// and y between vowels and leaves the cursor before the match, then a left
// to right scan taking the longest of ß, ae, oe, ue, qu, or one letter.
func refPrelude(word []rune) []rune {
	rs := slices.Clone(word)
	for c := 0; ; {
		found := false
		for p := c; p+2 < len(rs); p++ {
			if isVowel(rs[p]) && (rs[p+1] == 'u' || rs[p+1] == 'y') && isVowel(rs[p+2]) {
				rs[p+1] -= 'a' - 'A'
				c, found = p, true
				break
			}
		}
		if !found {
			break
		}
	}
	var out []rune
	for c := 0; c < len(rs); {
		two := ""
		if c+1 < len(rs) {
			two = string(rs[c : c+2])
		}
		switch {
		case rs[c] == 'ß':
			out = append(out, 's', 's')
			c++
		case two == "ae":
			out = append(out, 'ä')
			c += 2
		case two == "oe":
			out = append(out, 'ö')
			c += 2
		case two == "ue":
			out = append(out, 'ü')
			c += 2
		case two == "qu":
			out = append(out, 'q', 'u')
			c += 2
		default:
			out = append(out, rs[c])
			c++
		}
	}
	return out
}

// refRegions is mark_regions as written: hop 3 must succeed, then gopast
// v, gopast non-v for p1, p1 raised to 3, and the same again for p2.
func refRegions(rs []rune) (p1, p2 int) {
	n := len(rs)
	p1, p2 = n, n
	if n < 3 {
		return
	}
	gopast := func(c int, want bool) (int, bool) {
		for ; c < n; c++ {
			if isVowel(rs[c]) == want {
				return c + 1, true
			}
		}
		return c, false
	}
	c, ok := gopast(0, true)
	if !ok {
		return
	}
	if c, ok = gopast(c, false); !ok {
		return
	}
	p1 = max(c, 3)
	if c, ok = gopast(c, true); !ok {
		return
	}
	if c, ok = gopast(c, false); !ok {
		return
	}
	return p1, c
}

func expandSharpS(word []rune) []rune {
	var out []rune
	for _, r := range word {
		if r == 'ß' {
			out = append(out, 's', 's')
		} else {
			out = append(out, r)
		}
	}
	return out
}

func TestPreludeAndRegionsMatchReference(t *testing.T) {
	alphabet := []rune("aeouyqißx")
	word := make([]rune, 0, 6)
	var walk func()
	walk = func() {
		want := refPrelude(word)
		got := prelude(expandSharpS(word))
		if string(want) != string(got) {
			t.Fatalf("prelude(%q) = %q, reference %q", string(word), string(got), string(want))
		}

		w := snowballword.SnowballWord{RS: got}
		markRegions(&w)
		p1, p2 := refRegions(want)
		if p1 != w.R1start || p2 != w.R2start {
			t.Fatalf("regions of %q: R1 %d, R2 %d; reference %d, %d", string(want), w.R1start, w.R2start, p1, p2)
		}

		if len(word) == cap(word) {
			return
		}
		for _, r := range alphabet {
			word = append(word, r)
			walk()
			word = word[:len(word)-1]
		}
	}
	walk()
	require.NotPanics(t, func() { prelude(nil) })
}

func FuzzPrelude(f *testing.F) {
	f.Add("queue")
	f.Add("auaua")
	f.Add("treue")
	f.Fuzz(func(t *testing.T, s string) {
		word := []rune(s)
		want := refPrelude(word)
		got := prelude(expandSharpS(word))
		if string(want) != string(got) {
			t.Fatalf("prelude(%q) = %q, reference %q", s, string(got), string(want))
		}
	})
}
