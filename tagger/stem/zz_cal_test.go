package stem_test
import ("testing";"strings")
func BenchmarkCalToLower(b *testing.B) {
	words := benchWords(b)
	for i, j := 0, 0; i < b.N; i++ {
		sink = strings.ToLower(words[j])
		if j++; j == len(words) { j = 0 }
	}
	reportWords(b)
}
