package topic_test

import (
	"fmt"
	"strings"

	"github.com/etikett-nlp/etikett/tagger/topic"
)

func Example() {
	const topics = "topic\tmedtop:16000000\tKrise, Krieg, Konflikte\n" +
		"word\tmedtop:16000000\tKrieg|Rakete\t3\n" +
		"word\tmedtop:16000000\tWaffe\t2\n" +
		"cue\tmedtop:16000000\tid=nato\t2\n" +
		"topic\tmedtop:11000000\tPolitik\n" +
		"word\tmedtop:11000000\tPräsident|Staatsbesuch\t2\n" +
		"topic\tmedtop:04000000\tWirtschaft und Finanzen\n" +
		"word\tmedtop:04000000\tLieferung\t1\n"
	f, err := topic.Parse("example.tsv", strings.NewReader(topics))
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := topic.Compile([]*topic.File{f}, topic.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "Der Präsident kündigt beim Staatsbesuch weitere Waffenlieferungen an; die Nato warnt vor einem langen Krieg."
	words := topic.AppendWords(nil, text)
	cues := []topic.Cue{{Text: "Nato", ID: "nato", Type: "ORG", Form: "name"}}
	for _, t := range m.Score(words, cues) {
		fmt.Printf("%s %s %.2f\n", t.ID, t.Label, t.Score)
		for _, e := range t.Evidence {
			fmt.Printf("  %s %q in %q ×%d\n", e.Kind, e.Term, e.Text, e.Count)
		}
	}
	// Output:
	// medtop:16000000 Krise, Krieg, Konflikte 0.81
	//   word "Krieg" in "Krieg" ×1
	//   cue "id=nato" in "Nato" ×1
	//   word "Waffe" in "Waffenlieferungen" ×1
	// medtop:11000000 Politik 0.66
	//   word "Präsident" in "Präsident" ×1
	//   word "Staatsbesuch" in "Staatsbesuch" ×1
}
