package stem_test

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/etikett-nlp/etikett/internal/repo"
	"github.com/etikett-nlp/etikett/tagger/stem"
)

func TestGerman(t *testing.T) {
	require.GreaterOrEqual(t, len(germanCases), 150)
	for _, tc := range germanCases {
		t.Run(tc.word, func(t *testing.T) {
			assert.Equal(t, tc.want, stem.German(tc.word))
			assert.Equal(t, tc.want, string(stem.AppendGerman(nil, []byte(tc.word))))
		})
	}
}

// TestGermanVocabulary checks the official Snowball vocabulary: every line
// of voc.txt must stem to the same line of output.txt.
func TestGermanVocabulary(t *testing.T) {
	words, stems := loadVocabulary(t)
	require.Len(t, stems, len(words), "voc.txt and output.txt differ in length")
	require.NotEmpty(t, words)

	var mismatches []string
	for i, w := range words {
		got, appended := stem.German(w), string(stem.AppendGerman(nil, []byte(w)))
		if got != stems[i] || appended != stems[i] {
			mismatches = append(mismatches, fmt.Sprintf("line %d: %q → German %q, AppendGerman %q; want %q",
				i+1, w, got, appended, stems[i]))
		}
	}
	if len(mismatches) > 0 {
		shown := mismatches[:min(len(mismatches), 25)]
		t.Fatalf("%d mismatches in %d words; first %d:\n%s",
			len(mismatches), len(words), len(shown), strings.Join(shown, "\n"))
	}
	t.Logf("%d words, 0 mismatches", len(words))
}

// vocabularyDir is where voc.txt and output.txt live: the snowball-german
// data of the shared directory (repo.Shared). explicit reports whether
// ETIKETT_SHARED named it.
func vocabularyDir() (dir string, explicit bool) {
	shared, explicit := repo.Shared()
	return filepath.Join(shared, "data", "snowball-german"), explicit
}

// loadVocabulary reads the vocabulary, skipping the test when the shared
// directory is absent, unless ETIKETT_SHARED asked for it explicitly.
func loadVocabulary(tb testing.TB) (words, stems []string) {
	tb.Helper()
	dir, explicit := vocabularyDir()
	words, err := readLines(filepath.Join(dir, "voc.txt"))
	if errors.Is(err, fs.ErrNotExist) && !explicit {
		tb.Skipf("Snowball German vocabulary not found at %s (the repository's sibling shared/ directory); "+
			"set ETIKETT_SHARED to the shared directory to run this", dir)
	}
	require.NoError(tb, err)
	stems, err = readLines(filepath.Join(dir, "output.txt"))
	require.NoError(tb, err)
	return words, stems
}

func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	return lines, sc.Err()
}

func TestGermanLongWords(t *testing.T) {
	// Longer than the stack buffers: these go through the pooled path.
	long := strings.Repeat("Donaudampfschifffahrts", 4) + "gesellschaften"
	short := "Gesellschaften"
	want := strings.Repeat("donaudampfschifffahrts", 4) + stem.German(short)
	assert.Equal(t, want, stem.German(long))
	assert.Equal(t, want, string(stem.AppendGerman(nil, []byte(long))))

	// No non-vowel after the vowels, so no R1: only pre- and postlude act.
	huge := strings.Repeat("ß", 10000) + "\xff" + strings.Repeat("Ä", 5000) + "e"
	got := stem.German(huge)
	assert.True(t, utf8.ValidString(got))
	assert.True(t, got == strings.Repeat("ss", 10000)+"\uFFFD"+strings.Repeat("a", 5000)+"e",
		"German(ß×10000 \\xff Ä×5000 e): got %d bytes starting %.20q", len(got), got)

	unchanged := strings.Repeat("x", 100)
	assert.Equal(t, unchanged, stem.German(unchanged))
}

func TestAppendGermanKeepsPrefix(t *testing.T) {
	dst := []byte("prefix:")
	dst = stem.AppendGerman(dst, []byte("Häuser"))
	dst = append(dst, ' ')
	dst = stem.AppendGerman(dst, []byte("Möglichkeiten"))
	assert.Equal(t, "prefix:haus moglich", string(dst))
}

func TestAllocations(t *testing.T) {
	if testing.CoverMode() != "" {
		t.Skip("coverage instrumentation changes allocation counts")
	}
	buf := make([]byte, 0, 64)
	word := []byte("Möglichkeiten")
	assert.Zero(t, testing.AllocsPerRun(100, func() {
		buf = stem.AppendGerman(buf[:0], word)
	}), "AppendGerman into a buffer with room")
	assert.Zero(t, testing.AllocsPerRun(100, func() {
		_ = stem.German("haus") // stem equals input: the input is returned
	}), "German of a word that is its own stem")
	assert.LessOrEqual(t, testing.AllocsPerRun(100, func() {
		_ = stem.German("Möglichkeiten")
	}), 1.0, "German allocates at most the result")
}

func TestGermanConcurrent(t *testing.T) {
	long := strings.Repeat("Lehrerinnen", 10)
	wantLong := stem.German(long)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Go(func() {
			for i := 0; i < 200; i++ {
				tc := germanCases[(g*31+i)%len(germanCases)]
				if got := stem.German(tc.word); got != tc.want {
					t.Errorf("German(%q) = %q, want %q", tc.word, got, tc.want)
				}
				if got := stem.German(long); got != wantLong {
					t.Errorf("German(long) = %q, want %q", got, wantLong)
				}
			}
		})
	}
	wg.Wait()
}

func FuzzGerman(f *testing.F) {
	for _, tc := range germanCases {
		f.Add(tc.word)
	}
	f.Add(strings.Repeat("ue", 40))
	f.Add(strings.Repeat("quaeoeueß", 10))
	f.Fuzz(func(t *testing.T, word string) {
		got := stem.German(word)
		if !utf8.ValidString(got) {
			t.Fatalf("German(%q) = %q: invalid UTF-8", word, got)
		}
		if n, max := utf8.RuneCountInString(got), len(word); n > max {
			t.Fatalf("German(%q) = %q: %d runes from %d bytes", word, got, n, max)
		}
		dst := stem.AppendGerman([]byte("x"), []byte(word))
		if string(dst[1:]) != got || dst[0] != 'x' {
			t.Fatalf("AppendGerman(%q) = %q, German gives %q", word, dst[1:], got)
		}
	})
}

// benchWords is the vocabulary when it is present, the table words
// otherwise.
func benchWords(b *testing.B) []string {
	dir, _ := vocabularyDir()
	words, err := readLines(filepath.Join(dir, "voc.txt"))
	if err == nil && len(words) > 0 {
		return words
	}
	b.Logf("vocabulary not found (%v); using the %d built-in words", err, len(germanCases))
	words = make([]string, len(germanCases))
	for i, tc := range germanCases {
		words[i] = tc.word
	}
	return words
}

func avgBytes(words []string) int64 {
	n := 0
	for _, w := range words {
		n += len(w)
	}
	return int64(n / len(words))
}

// reportWords adds words/s; every benchmark op is one word, so ns/op and
// allocs/op are per word too.
func reportWords(b *testing.B) {
	if s := b.Elapsed().Seconds(); s > 0 {
		b.ReportMetric(float64(b.N)/s, "words/s")
	}
}

var sink string

// BenchmarkGerman stems one word per op, cycling through the vocabulary.
func BenchmarkGerman(b *testing.B) {
	words := benchWords(b)
	b.SetBytes(avgBytes(words))
	b.ReportAllocs()
	b.ResetTimer()
	for i, j := 0, 0; i < b.N; i++ {
		sink = stem.German(words[j])
		if j++; j == len(words) {
			j = 0
		}
	}
	reportWords(b)
}

// BenchmarkGermanCapitalized is BenchmarkGerman with every word
// capitalised, as nouns come in running text: the stem is then no prefix
// of the input, and German allocates it.
func BenchmarkGermanCapitalized(b *testing.B) {
	words := benchWords(b)
	caps := make([]string, len(words))
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		caps[i] = strings.ToUpper(string(r)) + w[size:]
	}
	b.SetBytes(avgBytes(caps))
	b.ReportAllocs()
	b.ResetTimer()
	for i, j := 0, 0; i < b.N; i++ {
		sink = stem.German(caps[j])
		if j++; j == len(caps) {
			j = 0
		}
	}
	reportWords(b)
}

// BenchmarkAppendGerman is BenchmarkGerman through the byte-slice API with
// a reused buffer.
func BenchmarkAppendGerman(b *testing.B) {
	words := benchWords(b)
	raw := make([][]byte, len(words))
	for i, w := range words {
		raw[i] = []byte(w)
	}
	buf := make([]byte, 0, 256)
	b.SetBytes(avgBytes(words))
	b.ReportAllocs()
	b.ResetTimer()
	for i, j := 0, 0; i < b.N; i++ {
		buf = stem.AppendGerman(buf[:0], raw[j])
		if j++; j == len(raw) {
			j = 0
		}
	}
	reportWords(b)
}
