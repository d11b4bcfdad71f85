package tagger_test

import (
	"reflect"
	"testing"

	"github.com/etikett-nlp/etikett/tagger"
	"github.com/etikett-nlp/etikett/tagger/topic"
)

// FuzzTagDefault runs the default lexicon and every rule on random text:
// no panic, entities sorted, non-overlapping, with their offsets; a tagger
// without topic evidence finds the same entities and topics.
func FuzzTagDefault(f *testing.F) {
	tg, err := tagger.New()
	if err != nil {
		f.Fatal(err)
	}
	lean, err := tagger.New(tagger.WithTopicOptions(topic.Options{NoEvidence: true}))
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"Nato-Generalsekretär Jens Stoltenberg", "Putins Scholz' Deutschen Bank", "in Essen (dpa)", "Anna Schmidt. Schmidts", "Der FC Bayern München (FCB) gewann in Bad Tölz A 7 Cerro", "sagte W. Müller (SPD) gegen Bayern", "Hamburger Mieterverein GmbH Inc. Port Authority",
		"St . Moritz St. Galler Cerro San Félix", "Mecklenburg- Vorpommern", "Papst Franziskus und Lady Gaga", "Volkswagen Sachsen GmbH, Mercedes 208, Bilfinger Berger Projektentwicklung GmbH", "A. Korsakow, Präsident Cleveland, Ali al-Nuaimi, Johannes des Täufers"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		res, err := tg.Tag(text)
		if err != nil {
			return
		}
		end := 0
		for _, e := range res.Entities {
			if e.Start < end || e.End <= e.Start || e.End > len(text) || text[e.Start:e.End] != e.Text {
				t.Fatalf("bad entity %+v in %q", e, text)
			}
			end = e.End
		}
		got, err := lean.Tag(text)
		if err != nil {
			t.Fatalf("%q: without evidence: %v", text, err)
		}
		for i := range res.Topics {
			res.Topics[i].Evidence = nil
		}
		if !reflect.DeepEqual(res, got) {
			t.Fatalf("%q: without evidence\n%+v\nwith it\n%+v", text, got, res)
		}
	})
}
