package tagger_test

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/etikett-nlp/etikett/lexicon"
	"github.com/etikett-nlp/etikett/tagger"
)

// testLexicon is a small lexicon that keeps these tests independent of the
// default data.
var testLexicon = fstest.MapFS{
	"entities.tsv": {Data: []byte(`# id	type	name	aliases	attributes
nato	ORG	Nato	NATO|Nordatlantikpakt	compound=yes;kind=intl
kreml	ORG	Kreml		compound=yes;kind=government;country=RU
un	ORG	Vereinte Nationen	UN|UNO	kind=intl
dpa	ORG	Deutsche Presse-Agentur	dpa	kind=media;country=DE
deutsche-bank	ORG	Deutsche Bank		kind=company;country=DE
eu-kommission	ORG	Europäische Kommission	EU-Kommission	kind=intl
eu	ORG	Europäische Union	EU	kind=intl
deutsche-bahn	ORG	Deutsche Bahn	Bahn	ambig=noun;kind=company
union	ORG	CDU/CSU	Union	ambig=noun;kind=party
spd	ORG	SPD	Sozialdemokratische Partei Deutschlands	kind=party;country=DE
russland	LOC	Russland	Russische Föderation	adj=russisch;demonym=Russe;kind=country;country=RU
nordkorea	LOC	Nordkorea	Demokratische Volksrepublik Korea	adj=nordkoreanisch;kind=country;country=KP
usa	LOC	USA	US|Vereinigte Staaten	adj=amerikanisch|us-amerikanisch;demonym=Amerikaner;kind=country;country=US
deutschland	LOC	Deutschland		adj=deutsch;demonym=Deutscher;kind=country;country=DE
muenchen	LOC	München		demonym=Münchner;kind=city;country=DE
essen	LOC	Essen		ambig=noun;kind=city;country=DE
washington	LOC	Washington		ambig=PER;kind=city;country=US
iran	LOC	Iran		adj=iranisch;kind=country;country=IR
indopazifik	LOC	Indopazifik	Indopazifik-Raum	kind=region
nahost	LOC	Nahost	Naher Osten	kind=region
paris	LOC	Paris		kind=city;country=FR
vaclav-havel	PER	Václav Havel	Havel	ambig=LOC;kind=politician
havel	LOC	Havel		ambig=PER;kind=river
fc-bayern	ORG	FC Bayern München	Bayern	ambig=LOC;kind=club
bayern	LOC	Bayern		kind=state
benazir-bhutto	PER	Benazir Bhutto		kind=politician
jens-stoltenberg	PER	Jens Stoltenberg	Stoltenberg	kind=politician
wladimir-putin	PER	Wladimir Putin	Putin	kind=politician
olaf-scholz	PER	Olaf Scholz	Scholz	kind=politician
george-washington	PER	George Washington		kind=politician
kim-jong-un	PER	Kim Jong Un		kind=politician
ursula-von-der-leyen	PER	Ursula von der Leyen	von der Leyen	kind=politician
`)},
	"roles.tsv":      {Data: []byte("Polizeisprecher|Polizeisprecherin\tpolice\nTrainer|Trainerin\tsport\nKanzler|Kanzlerin\tpolitics\nChef|Chefin\tgeneric\nGeneralsekretär|Generalsekretärin\tpolitics\n")},
	"firstnames.tsv": {Data: []byte("Sandra\tf\nVincent\tm\nAugust\tm\tnoun\nJens\tm\nAnna\tf\nParis\tf\n")},
	"heads.tsv":      {Data: []byte("Gipfel\nChef\nKonflikt\nPolitik\n")},
}

func newTestTagger(t testing.TB) *tagger.Tagger {
	t.Helper()
	tg, err := tagger.New(tagger.WithoutDefaultLexicon(), tagger.WithLexiconFS(testLexicon), tagger.WithoutTopics())
	require.NoError(t, err)
	return tg
}

// show renders entities as text=TYPE/form:id.
func show(ents []tagger.Entity) string {
	var parts []string
	for _, e := range ents {
		parts = append(parts, fmt.Sprintf("%s=%s/%s:%s", e.Text, e.Type, e.Form, e.ID))
	}
	return strings.Join(parts, " ")
}

func TestTag(t *testing.T) {
	tg := newTestTagger(t)
	tests := []struct{ name, in, want string }{
		{"plain name", "Die Nato tagt.", "Nato=ORG/name:nato"},
		{"acronym all caps", "Die NATO tagt.", "NATO=ORG/name:nato"},
		{"lowercase is no name", "die nato tagt", ""},
		{"short acronym needs capitals", "Kim Jong Un kam. Un war da.", "Kim Jong Un=PER/name:kim-jong-un"},
		{"short acronym", "Die UN und die UNO", "UN=ORG/name:un UNO=ORG/name:un"},
		{"Die never matches", "Die die DIE", ""},
		{"genitive s", "Putins Besuch in Russlands Osten", "Putins=PER/name:wladimir-putin Russlands=LOC/name:russland"},
		{"genitive vowel name", "Nordkoreas Machthaber", "Nordkoreas=LOC/name:nordkorea"},
		{"genitive apostrophe", "Scholz' Rede", "Scholz'=PER/name:olaf-scholz"},
		{"genitive typographic apostrophe", "Scholz’ Rede", "Scholz’=PER/name:olaf-scholz"},
		{"declined adjective", "bei der Deutschen Bank", "Deutschen Bank=ORG/name:deutsche-bank"},
		{"declined in long name", "die Vereinten Nationen", "Vereinten Nationen=ORG/name:un"},
		{"declined org", "der Deutschen Presse-Agentur (dpa)", "Deutschen Presse-Agentur=ORG/name:dpa dpa=ORG/name:dpa"},
		{"full name", "Jens Stoltenberg sagte", "Jens Stoltenberg=PER/name:jens-stoltenberg"},
		{"lowercase particle", "Ursula von der Leyen kam", "Ursula von der Leyen=PER/name:ursula-von-der-leyen"},
		{"longest wins", "die Russische Föderation", "Russische Föderation=LOC/name:russland"},
		{"hyphen part org", "Nato-Generalsekretär Stoltenberg", "Nato-Generalsekretär=ORG/part:nato Stoltenberg=PER/name:jens-stoltenberg"},
		{"hyphen part loc", "US-Außenminister Blinken", "US-Außenminister=LOC/part:usa"},
		{"hyphen whole name", "die EU-Kommission", "EU-Kommission=ORG/name:eu-kommission"},
		{"hyphen alias name", "im Indopazifik-Raum", "Indopazifik-Raum=LOC/name:indopazifik"},
		{"hyphen part genitive", "des Nato-Gipfels", "Nato-Gipfels=ORG/part:nato"},
		{"closed compound", "Kremlchef Putin", "Kremlchef=ORG/part:kreml Putin=PER/name:wladimir-putin"},
		{"closed compound head plural", "die Natogipfel", "Natogipfel=ORG/part:nato"},
		{"closed compound place", "der Nahostkonflikt", "Nahostkonflikt=LOC/part:nahost"},
		{"accidental prefix", "Iranistik studieren", ""},
		{"adjective deriv", "des russischen Präsidenten", "russischen=LOC/deriv:russland"},
		{"adjective deriv capitalized", "Russische Truppen", "Russische=LOC/deriv:russland"},
		{"demonym", "Ein Russe und zwei Russinnen", "Russe=LOC/deriv:russland Russinnen=LOC/deriv:russland"},
		{"city demonym", "Münchner Polizei", "Münchner=LOC/deriv:muenchen"},
		{"hyphen adjective", "US-amerikanische Firmen", "US-amerikanische=LOC/deriv:usa"},
		{"hyphen adjectives", "deutsch-russische Beziehungen", "deutsch-russische=LOC/deriv:deutschland"},
		{"nominalized demonym", "die Deutschen", "Deutschen=LOC/deriv:deutschland"},
		{"ambiguous noun alone", "Die Bahn kommt.", ""},
		{"ambiguous noun with discourse", "Die Deutsche Bahn streikt. Die Bahn kommt nicht.", "Deutsche Bahn=ORG/name:deutsche-bahn Bahn=ORG/name:deutsche-bahn"},
		{"ambiguous place with preposition", "Sie lebt in Essen.", "Essen=LOC/name:essen"},
		{"ambiguous place as noun", "Das Essen ist kalt.", ""},
		{"ambiguous noun in compound", "Bahnchef und Bahn-Streik", ""},
		{"washington place", "Stoltenberg in Washington", "Stoltenberg=PER/name:jens-stoltenberg Washington=LOC/name:washington"},
		{"washington person", "George Washington war Präsident", "George Washington=PER/name:george-washington"},
		{"slash name", "Die CDU/CSU stimmt zu", "CDU/CSU=ORG/name:union"},
		{"email is no entity", "an nato@news.de schreiben", ""},
		{"url is no entity", "auf https://www.nato.int lesen", ""},
		{"role and known first name", "sagte Polizeisprecherin Sandra Bergmann am Montag", "Sandra Bergmann=PER/name:"},
		{"role and unknown name", "Trainer Vincent Kompany lobte", "Vincent Kompany=PER/name:"},
		{"role and surname", "sagte Kanzler Merz gestern", "Merz=PER/name:"},
		{"first name and surname", "Anna Schmidt kam", "Anna Schmidt=PER/name:"},
		{"noun first name needs a role", "Im August Wahlen", ""},
		{"no person from capitalized nouns", "Die Sicherheit und Zusammenarbeit wachsen", ""},
		{"coref of rule person", "Anna Schmidt kam. Später sagte Schmidt nichts.", "Anna Schmidt=PER/name: Schmidt=PER/name:"},
		{"defined acronym", "Der Danish Refugee Council (DRC) hilft", "Danish Refugee Council=ORG/name: DRC=ORG/name:"},
		{"word with acronym is no org", "Fluorchlorkohlenwasserstoffe (FCKW) sind verboten", ""},
		{"surname before party", "sagte gestern Meierhöfer (SPD) im Landtag", "Meierhöfer=PER/name: SPD=ORG/name:spd"},
		{"initial and surname", "Das schrieb W. Kowalski gestern", "W. Kowalski=PER/name:"},
		{"street", "in der Schwanitzstraße 5 in München", "Schwanitzstraße 5=LOC/name: München=LOC/name:muenchen"},
		{"two-word street", "am Potsdamer Platz", "Potsdamer Platz=LOC/name:"},
		{"direction and place", "in Nordrussland und Südrussland", "Nordrussland=LOC/name: Südrussland=LOC/name:"},
		{"town ending after preposition", "Er stammt aus Weitingen.", "Weitingen=LOC/name:"},
		{"no town from a noun", "Er kam aus Erfahrung.", ""},
		{"club prefix", "Der TSV Odenhausen gewann", "TSV Odenhausen=ORG/name:"},
		{"spa town", "in Bad Schussenried", "Bad Schussenried=LOC/name:"},
		{"district", "in München-Mitte und Russland-Reise", "München-Mitte=LOC/name: Russland-Reise=LOC/part:russland"},
		{"speaker after verb", "„Wir sind bereit“, sagte Kowalczyk am Montag.", "Kowalczyk=PER/name:"},
		{"no speaker from a role compound", "Das sagte SAGA-Chef gestern.", ""},
		{"person or river: place context", "Der Kahn fuhr nach Havel hinunter", "Havel=LOC/name:havel"},
		{"person or river: role context", "Das sagte Kanzler Havel gestern", "Havel=PER/name:vaclav-havel"},
		{"club named before", "Der FC Bayern München gewann. Gegen Bayern half nichts.", "FC Bayern München=ORG/name:fc-bayern Bayern=ORG/name:fc-bayern"},
		{"club named after", "Bayern gewinnt. Der FC Bayern München jubelt.", "Bayern=ORG/name:fc-bayern FC Bayern München=ORG/name:fc-bayern"},
		{"state by default", "Bayern wählt einen neuen Landtag.", "Bayern=LOC/name:bayern"},
		{"unknown acronym", "Die ETTU sperrte den Spieler.", "ETTU=ORG/name:"},
		{"no acronym: abbreviation, unit, headline", "Laut ISBN und 35 GB: DIE NATO TAGT", "NATO=ORG/name:nato"},
		{"local organization", "Laut Münchner Mieterverein steigen die Mieten.", "Münchner Mieterverein=ORG/name:"},
		{"other person with a known surname", "Das sagte Anna Putin gestern.", "Anna Putin=PER/name:"},
		{"geographic prefix", "Sie wanderten auf den Cerro Amarillo.", "Cerro Amarillo=LOC/name:"},
		{"federal road", "Stau auf der Bundesstraße 216 und der A 7", "Bundesstraße 216=LOC/name: A 7=LOC/name:"},
		{"known surname in the genitive", "Die Regierung Scholzens? Nein: Stoltenbergs Plan.", "Stoltenbergs=PER/name:jens-stoltenberg"},
		{"lexicon surname alone, genitive", "Die Partei Bhuttos siegte.", "Bhuttos=PER/name:"},
		{"surname after an article is a noun", "Die Partei Bhuttos siegte, die Bhutto fielen.", "Bhuttos=PER/name:"},
		{"units are no acronyms", "Der Hafen schlug eine Million TEU um.", ""},
		{"legal form", "Die Beispiel Holding AG wächst", "Beispiel Holding AG=ORG/name:"},
		{"org head with complement", "Das Bundesamt für Kommunikation (BAKOM) prüft", "Bundesamt für Kommunikation=ORG/name: BAKOM=ORG/name:"},
		{"org head with place", "an der Universität München", "Universität München=ORG/name:"},
		{"org head with adjective", "das Bayerische Staatsministerium für Unterricht und Kultus", "Bayerische Staatsministerium für Unterricht und Kultus=ORG/name:"},
		{"org head alone", "Das Ministerium schweigt", ""},
		{"first name before a place", "Paris Hilton kam", "Paris Hilton=PER/name:"},
		{"first name alone", "Das sagte Anna gestern", "Anna=PER/name:"},
		{"particle after surname", "Anna Schmidt von Berg kam", "Anna Schmidt von Berg=PER/name:"},
		{"coref genitive", "Anna Schmidt kam. Schmidts Rede", "Anna Schmidt=PER/name: Schmidts=PER/name:"},
		{"saint's place", "Urlaub in St. Moritz und St . Vincent", "St. Moritz=LOC/name: St . Vincent=LOC/name:"},
		{"saint's place adjective", "beim St. Galler Tagblatt", "St. Galler=LOC/deriv:"},
		{"prefix overrides a first name", "auch Cerro San Vincent genannt", "Cerro San Vincent=LOC/name:"},
		{"first name and initial", "Derweil freut sich Sandra B. auf Urlaub", "Sandra B.=PER/name:"},
		{"piece of a longer name: after", "Die Vincent Kompany Band spielte.", ""},
		{"piece of a longer name: before", "Rennen auf dem Eurospeedway München heute", ""},
		{"a noun after a place is no name", "Die Hauptstadt Paris lockt", "Paris=LOC/name:paris"},
		{"a noun before a person", "Der Hauptbuchhalter Anna Schmidt kam", "Anna Schmidt=PER/name:"},
		{"genitive before its noun", "Putins Hochzeitsfeier war groß", "Putins=PER/name:wladimir-putin"},
		{"initial and a noun as surname", "Das schrieb W. Bauer gestern", "W. Bauer=PER/name:"},
		{"initial and a place name", "Er siegte vor W. Fesenko und A. München.", "W. Fesenko=PER/name: A. München=PER/name:"},
		{"role word and a place name", "Nachdem Kanzler Paris verloren hatte", "Paris=PER/name:"},
		{"first name, particle and place", "Das malte Vincent von München.", "Vincent von München=PER/name:"},
		{"first name and initials", "Das sagte Sandra B. K. gestern", "Sandra B. K.=PER/name:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := tg.Tag(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, show(res.Entities))
			for _, e := range res.Entities {
				assert.Equal(t, tt.in[e.Start:e.End], e.Text)
				assert.NotEmpty(t, e.Rule)
			}
		})
	}
}

func TestRuleNamesUseLongestMention(t *testing.T) {
	tg := newTestTagger(t)
	res, err := tg.Tag("Anna Schmidt kam. Später sagte Schmidt nichts.")
	require.NoError(t, err)
	require.Len(t, res.Entities, 2)
	assert.Equal(t, "Anna Schmidt", res.Entities[1].Name)
	assert.Equal(t, "coref", res.Entities[1].Rule)
}

func TestBadInput(t *testing.T) {
	tg, err := tagger.New(tagger.WithoutDefaultLexicon(), tagger.WithLexiconFS(testLexicon), tagger.WithMaxBytes(100))
	require.NoError(t, err)
	tests := []struct {
		name string
		in   string
		is   error
		msg  string
	}{
		{"empty", "", tagger.ErrEmptyText, "tagger: empty text"},
		{"blank", " \n\t\u00a0", tagger.ErrEmptyText, "tagger: empty text"},
		{"too large", strings.Repeat("Nato ", 21), tagger.ErrTooLarge, "tagger: text too large: 105 bytes, limit 100"},
		{"invalid utf8", "Nato \xff Putin", nil, "tagger: invalid UTF-8 at byte 5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := tg.Tag(tt.in)
			require.Error(t, err)
			assert.Equal(t, tt.msg, err.Error())
			if tt.is != nil {
				assert.ErrorIs(t, err, tt.is)
			}
			assert.Empty(t, res.Entities)
		})
	}
	var ue *tagger.InvalidUTF8Error
	_, err = tg.Tag("ok \xc3")
	require.ErrorAs(t, err, &ue)
	assert.Equal(t, 3, ue.Offset)
}

func TestLexiconErrors(t *testing.T) {
	broken := fstest.MapFS{"mine.tsv": {Data: []byte("# my names\n" +
		"ok-1\tPER\tAnna Beispiel\n" +
		"bad\tXYZ\tSomething\n" +
		"ok-2\tORG\tBeispiel AG\n" +
		"only-two\tLOC\n" +
		"ok-1\tLOC\tNochmal\n")}}
	_, err := tagger.New(tagger.WithoutDefaultLexicon(), tagger.WithLexiconFS(broken))
	require.Error(t, err)
	var list lexicon.ErrorList
	require.True(t, errors.As(err, &list))
	require.Len(t, list, 3)
	assert.Equal(t, `lexicon: mine.tsv:3: unknown type "XYZ": want PER, ORG, LOC or OTH
lexicon: mine.tsv:5: want 3 to 5 tab-separated columns (id, type, name, aliases, attributes), got 2
lexicon: mine.tsv:6: duplicate id "ok-1" (first at mine.tsv:2)`, err.Error())
}

func TestLexiconFilesFromDisk(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/names.tsv"
	require.NoError(t, writeFile(path, "beispiel\tORG\tBeispielwerke\t\tkind=company\n"))
	tg, err := tagger.New(tagger.WithoutDefaultLexicon(), tagger.WithLexiconFiles(path), tagger.WithoutTopics())
	require.NoError(t, err)
	res, err := tg.Tag("Die Beispielwerke wachsen.")
	require.NoError(t, err)
	assert.Equal(t, "Beispielwerke=ORG/name:beispiel", show(res.Entities))

	_, err = tagger.New(tagger.WithoutDefaultLexicon(), tagger.WithLexiconFiles(dir+"/missing.tsv"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "missing.tsv")
}

func TestConcurrentTagging(t *testing.T) {
	tg := newTestTagger(t)
	texts := []string{
		"Nato-Generalsekretär Jens Stoltenberg traf Wladimir Putin in Washington.",
		"Die Deutsche Bahn streikt. Die Bahn kommt nicht. Sie lebt in Essen.",
		"Putins Besuch in Nordkorea. Kremlchef Putin ist in Russland.",
		"Polizeisprecherin Sandra Bergmann sagte, die Münchner Polizei ermittle.",
	}
	want := make([]string, len(texts))
	for i, text := range texts {
		res, err := tg.Tag(text)
		require.NoError(t, err)
		want[i] = show(res.Entities)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 200; k++ {
				i := (g + k) % len(texts)
				res, err := tg.Tag(texts[i])
				if err != nil || show(res.Entities) != want[i] {
					errs <- fmt.Sprintf("goroutine %d: %q: %v", g, show(res.Entities), err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func FuzzTag(f *testing.F) {
	tg := newTestTagger(f)
	for _, s := range []string{"Nato-Generalsekretär Jens Stoltenberg", "Putins Scholz' Deutschen Bank", "in Essen (dpa)", "\xff", "", "Anna Schmidt. Schmidts"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		res, err := tg.Tag(text)
		if err != nil {
			if len(res.Entities) != 0 {
				t.Fatalf("entities with error %v", err)
			}
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 accepted")
		}
		end := 0
		for _, e := range res.Entities {
			if e.Start < end || e.End <= e.Start || e.End > len(text) || text[e.Start:e.End] != e.Text {
				t.Fatalf("bad entity %+v (previous end %d) in %q", e, end, text)
			}
			end = e.End
		}
	})
}

// TestDefaultAmbiguity shows both readings of names in the default lexicon
// that are also common German words.
func TestDefaultAmbiguity(t *testing.T) {
	tg, err := tagger.New(tagger.WithoutTopics())
	require.NoError(t, err)
	tests := []struct{ name, in, want string }{
		{"Essen the city", "Der Verein zog nach Essen um.", "Essen=LOC/name:essen"},
		{"Essen the meal", "Das Essen war kalt.", ""},
		{"Halle the city", "Sie wohnt in Halle.", "Halle=LOC/name:halle-saale"},
		{"Halle the hall", "Die Halle war voll.", ""},
		{"Bahn the company", "Die Deutsche Bahn erhöht die Preise. Die Bahn verteidigt das.", "Deutsche Bahn=ORG/name:deutsche-bahn Bahn=ORG/name:deutsche-bahn"},
		{"Bahn the track", "Die Bahn war frei.", ""},
		{"Union the party", "Die Union stimmte zu.", "Union=ORG/name:union-cdu-csu"},
		{"Union the word", "Union ist ein Wort.", ""},
		{"Grünen the party", "Das sehen die Grünen anders.", "Grünen=ORG/name:gruene"},
		{"Linke the party", "Die Linke fordert mehr.", "Die Linke=ORG/name:die-linke"},
		{"Grüne the colour", "Grüne Wiesen im Frühling.", ""},
		{"Bild the paper", "Das berichtete die „Bild“.", "Bild=ORG/name:bild"},
		{"Bild the picture", "Das Bild hängt schief.", ""},
		{"Zeit the paper", "Wie die Zeit berichtete, stimmt das.", "Zeit=ORG/name:die-zeit"},
		{"Zeit the time", "Die Zeit läuft ab.", ""},
		{"Welt the paper", "Laut Welt ist das falsch.", "Welt=ORG/name:welt"},
		{"Welt the world", "Die Welt ist groß.", ""},
		{"Washington the city", "Biden ist in Washington.", "Biden=PER/name:joe-biden Washington=LOC/name:washington"},
		{"Washington the person", "George Washington war Präsident.", "George Washington=PER/name:george-washington"},
		{"a ministry of Germany", "Das Verteidigungsministerium schweigt.", "Verteidigungsministerium=ORG/name:bundesverteidigungsministerium"},
		{"another country's ministry", "Das russische Verteidigungsministerium schweigt.", "russische=LOC/deriv:russland"},
		{"a league is a competition", "Er stieg in die Bundesliga auf.", "Bundesliga=OTH/name:bundesliga"},
		{"Mitte the party", "Das sieht die Mitte anders.", "Mitte=ORG/name:die-mitte-ch"},
		{"Mitte the middle", "Er kam in der Mitte des Jahrhunderts.", ""},
		{"first name as a noun after an adjective", "Er tat es zum ersten Mal Anfang Mai.", ""},
		{"a code is no organization", "Siehe PMID 17117481 und KEL 1.", ""},
		{"a name broken after its hyphen", "Sie war in Mecklenburg- Vorpommern.", "Mecklenburg- Vorpommern=LOC/name:mecklenburg-vorpommern"},
		{"a truncated compound is no broken name", "Raketen- und Atomprogramme", ""},
		{"first name of a place and a surname", "Aus den Büchern von Donna Leon weiß ich", "Donna Leon=PER/name:"},
		{"first name after an indefinite article", "Ein Duo mit einer Sandra und Effekten", ""},
		{"first name and a surname after und", "gegen Anna Barl und Anders Ahlgren aus Schweden", "Anna Barl=PER/name: Anders Ahlgren=PER/name: Schweden=LOC/name:schweden"},
		{"first name, des and a name", "die Entmachtung Vincent des Kappadokers", "Vincent des Kappadokers=PER/name:"},
		{"a compound is no double name", "sagte SAGA-Betriebsrat Anna Schmidt", "Anna Schmidt=PER/name:"},
		{"a first name after an unknown word", "Das Bankhaus Credito Vincent zahlt", ""},
		{"a title before a surname", "Das sagte Miss Kowalczyk gestern.", "Kowalczyk=PER/name:"},
		{"a place in a company's name", "Ein Sprecher der Volkswagen Sachsen GmbH bestätigte", "Volkswagen Sachsen GmbH=ORG/name:"},
		{"a company's model is no company", "Sein Mercedes 208 fährt noch, Mercedes 2024 auch.", "Mercedes=ORG/name:mercedes-benz-group"},
		{"a counted substance is no acronym", "Es braucht zwei Moleküle NADPX und 3 Moleküle ATPX.", ""},
		{"a company's former name", "Die Aktie von Bilfinger Berger stieg.", "Bilfinger Berger=ORG/name:bilfinger"},
		{"an ordinal after a club", "Dahinter ist der 1. FC Köln Vierter.", "1. FC Köln=ORG/name:fc-koeln"},
		{"a nominalized participle after a place", "Das gilt für einen im Raum Düsseldorf Festgenommenen.", "Düsseldorf=LOC/name:duesseldorf"},
		{"a country's team after a role word", "Titelverteidiger Kanada siegte.", "Kanada=LOC/name:kanada"},
		{"a known company and a suffix", "sagt ein Sprecher der Porsche Holding heute", "Porsche Holding=ORG/name:"},
		{"a company and a quantity", "Bei Ebay 15 Prozent Rabatt.", "Ebay=ORG/name:ebay"},
		{"Arabic particles", "die als Ibrahim El Bakraoui identifiziert wurden", "Ibrahim El Bakraoui=PER/name:"},
		{"a one-name person that is a first name", "Wie Matthias Köchl mitteilte, sollen sie", "Matthias Köchl=PER/name:"},
		{"a lap time is no model number", "1. Lewis Hamilton (GBR) Mercedes 1:43,754 Min.", "Lewis Hamilton=PER/name:lewis-hamilton Mercedes=ORG/name:mercedes-benz-group"},
		{"a title is no part of the name", "Das sagte Papst Franziskus gestern.", "Franziskus=PER/name:franziskus"},
		{"a title that is part of the name", "Das sang Lady Gaga gestern.", "Lady Gaga=PER/name:lady-gaga"},
		{"an unknown acronym and a year", "Er schied beim ESCX 2009 aus.", "ESCX=ORG/name:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := tg.Tag(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, show(res.Entities))
		})
	}
}

func TestStatsAndOptions(t *testing.T) {
	tg := newTestTagger(t)
	st := tg.Stats()
	assert.Greater(t, st.Entries, 20)
	assert.Greater(t, st.TrieNodes, st.Entries)

	_, err := tagger.New(tagger.WithoutDefaultLexicon(), tagger.WithLexiconFS(testLexicon), tagger.WithMaxBytes(0))
	assert.EqualError(t, err, "tagger: WithMaxBytes(0): must be positive")

	// A topic file of the user's, and its threshold.
	topics := fstest.MapFS{"topics.tsv": {Data: []byte("topic\tmedtop:15000000\tSport\n" +
		"word\tmedtop:15000000\tTor|Trainer|Bundesliga\t3\n")}}
	tg, err = tagger.New(tagger.WithoutDefaultLexicon(), tagger.WithLexiconFS(topics))
	require.NoError(t, err)
	res, err := tg.Tag("Der Trainer lobte das Tor in der Bundesliga.")
	require.NoError(t, err)
	require.NotEmpty(t, res.Topics)
	assert.Equal(t, "medtop:15000000", res.Topics[0].ID)
	assert.NotEmpty(t, res.Topics[0].Evidence)

	res, err = tg.Tag("Die Nato tagt.")
	require.NoError(t, err)
	assert.NotNil(t, res.Topics, "no topics is an empty list, not null")
	assert.Empty(t, res.Topics)
}
