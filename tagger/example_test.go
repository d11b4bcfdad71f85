package tagger_test

import (
	"fmt"
	"log"
	"testing/fstest"

	"github.com/etikett-nlp/etikett/tagger"
	"github.com/etikett-nlp/etikett/tagger/topic"
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

// A newsroom's own names, added to the default lexicon from an fs.FS (here
// in memory; os.DirFS("my-lexicon") works the same).
func ExampleWithLexiconFS() {
	own := fstest.MapFS{"local.tsv": {Data: []byte(
		"# id\ttype\tname\taliases\tattributes\n" +
			"stadtwerke-musterstadt\tORG\tStadtwerke Musterstadt\tSWMS\tkind=company;country=DE\n" +
			"anna-beispiel\tPER\tAnna Beispiel\t\tkind=politician\n")}}
	tg, err := tagger.New(tagger.WithLexiconFS(own), tagger.WithoutTopics())
	if err != nil {
		log.Fatal(err)
	}
	res, err := tg.Tag("Die Stadtwerke Musterstadt (SWMS) erhöhen die Preise, kritisiert Anna Beispiels Fraktion.")
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range res.Entities {
		fmt.Printf("%s %s %s %s\n", e.Text, e.Type, e.ID, e.Rule)
	}
	// Output:
	// Stadtwerke Musterstadt ORG stadtwerke-musterstadt name
	// SWMS ORG stadtwerke-musterstadt name
	// Anna Beispiels PER anna-beispiel genitive
}

// Lexicon files with mistakes: New reports every problem at once, as
// file:line: message.
func ExampleNew_lexiconErrors() {
	bad := fstest.MapFS{"names.tsv": {Data: []byte(
		"ok\tPER\tAnna Beispiel\n" +
			"bad type\tPERSON\tBerta Beispiel\n" +
			"c\tLOC\n")}}
	_, err := tagger.New(tagger.WithoutDefaultLexicon(), tagger.WithLexiconFS(bad))
	fmt.Println(err)
	// Output:
	// lexicon: names.tsv:2: bad id "bad type": use lowercase ASCII letters, digits, '-' and '.'
	// lexicon: names.tsv:2: unknown type "PERSON": want PER, ORG, LOC or OTH
	// lexicon: names.tsv:3: want 3 to 5 tab-separated columns (id, type, name, aliases, attributes), got 2
}

// Topics without their evidence, for a caller that needs the labels and
// scores alone: the same topics, with less work per text.
func ExampleWithTopicOptions() {
	tg, err := tagger.New(tagger.WithTopicOptions(topic.Options{NoEvidence: true, MaxTopics: 2}))
	if err != nil {
		log.Fatal(err)
	}
	res, err := tg.Tag("Der Bundestag beschließt neue Waffenlieferungen an die Ukraine. Die Opposition kritisiert die Regierung, die Nato begrüßt den Beschluss.")
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range res.Topics {
		fmt.Printf("%s %s %.2f evidence=%d\n", t.ID, t.Label, t.Score, len(t.Evidence))
	}
	// Output:
	// medtop:11000000 Politik 0.97 evidence=0
	// medtop:16000000 Krise, Krieg, Konflikte 0.92 evidence=0
}
