package stem_test

import (
	"fmt"

	"github.com/etikett-nlp/etikett/tagger/stem"
)

func ExampleGerman() {
	for _, word := range []string{"Häuser", "Straße", "Lehrerinnen", "Möglichkeiten", "Putins", "geordnet", "öl", "2024"} {
		fmt.Println(word, "→", stem.German(word))
	}
	// Output:
	// Häuser → haus
	// Straße → strass
	// Lehrerinnen → lehr
	// Möglichkeiten → moglich
	// Putins → putin
	// geordnet → geordnet
	// öl → ol
	// 2024 → 2024
}

func ExampleAppendGerman() {
	var buf []byte
	for _, word := range []string{"Kenntnisse", "Systeme", "Wechselns"} {
		buf = stem.AppendGerman(buf[:0], []byte(word))
		fmt.Printf("%s → %s\n", word, buf)
	}
	// Output:
	// Kenntnisse → kenntnis
	// Systeme → system
	// Wechselns → wechsel
}
