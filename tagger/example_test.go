package tagger_test

import (
	"fmt"
	"log"

	"github.com/etikett-nlp/etikett/tagger"
)

func Example() {
	tg, err := tagger.New()
	if err != nil {
		log.Fatal(err)
	}
	res, err := tg.Tag("Nato-Generalsekretär Jens Stoltenberg warnte vor Putins Besuch in Nordkorea.")
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range res.Entities {
		fmt.Printf("%d-%d %s %s/%s %s\n", e.Start, e.End, e.Text, e.Type, e.Form, e.ID)
	}
	// Output:
	// 0-21 Nato-Generalsekretär ORG/part nato
	// 22-38 Jens Stoltenberg PER/name jens-stoltenberg
	// 50-56 Putins PER/name wladimir-putin
	// 67-76 Nordkorea LOC/name nordkorea
}
