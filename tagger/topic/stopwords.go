package topic

import "strings"

// stopWords are German function words that Train never turns into keywords:
// with few documents they look discriminative by chance.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes
		auch auf aus bei beim bin bis bist da dabei dadurch dafür dagegen daher damit dann daran darauf
		darum das dass daß dein deine dem den denen denn der deren derer des deshalb dessen dich die dies
		diese diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines einige
		einigen einiger einiges einmal er es etwa etwas euch euer eure für gegen gewesen hab habe haben
		hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im immer in
		indem ins ist ja jede jedem jeden jeder jedes jedoch jene jenem jenen jener jenes jetzt kann kein
		keine keinem keinen keiner kommen können könnte man manche mehr mein meine mich mir mit muss
		musste nach nachdem nicht nichts noch nun nur ob oder ohne schon sehr sein seine seinem seinen
		seiner seit sich sie sind so solche soll sollen sollte sondern sonst über um und uns unser unsere
		unter viel viele vom von vor wann war waren warum was weil weiter welche welchem welchen welcher
		welches wenn wer werde werden wie wieder will wir wird wirst wo wollen wollte worden wurde wurden
		zu zum zur zwar zwischen sowie bereits heute heuer gestern morgen laut rund sagte sagt sagen
		zwei drei vier fünf sechs sieben acht neun zehn ersten erste erstmals neue neuen neuer neues
		jahr jahre jahren jahres prozent uhr montag dienstag mittwoch donnerstag freitag samstag sonntag
		januar jänner februar märz april mai juni juli august september oktober november dezember`) {
		m[w] = true
	}
	return m
}()

// isStopWord reports whether w, lowercased, is a stop word.
func isStopWord(w string) bool {
	return stopWords[strings.ToLower(w)]
}
