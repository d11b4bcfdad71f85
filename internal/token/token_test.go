package token

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/etikett-nlp/etikett/internal/newstext"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// render shows tokens as text/kind, with + before a sentence start.
func render(text string, toks []Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		p := t.Text(text)
		if t.Kind != Word {
			p += "/" + t.Kind.String()
		}
		if t.Has(SentStart) {
			p = "+" + p
		}
		parts[i] = p
	}
	return strings.Join(parts, " ")
}

func TestTokenize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Die Nato muss kooperieren.", "+Die Nato muss kooperieren ./punct"},
		{"low quotes", "„Das zeigt auch“, sagte er.", "„/punct +Das zeigt auch “/punct ,/punct sagte er ./punct"},
		{"single low quotes", "‚Ja‘ und ‚Nein‘", "‚/punct +Ja ‘/punct und ‚/punct Nein ‘/punct"},
		{"guillemets", "»Krieg« heißt es", "»/punct +Krieg «/punct heißt es"},
		{"reverse guillemets", "«Frieden» jetzt", "«/punct +Frieden »/punct jetzt"},
		{"straight quotes", `"Das ist global." Danach`, `"/punct +Das ist global ./punct "/punct +Danach`},
		{"hyphen compound", "Nato-Generalsekretär Jens Stoltenberg", "+Nato-Generalsekretär Jens Stoltenberg"},
		{"hyphen compound 2", "im Indopazifik-Raum hält", "+im Indopazifik-Raum hält"},
		{"three part compound", "die Kim-Jong-Un-Regierung", "+die Kim-Jong-Un-Regierung"},
		{"truncated compound", "die Raketen- und Atomprogramme", "+die Raketen- und Atomprogramme"},
		{"z. B.", "z. B. Berlin", "+z./abbrev B./abbrev Berlin"},
		{"z.B. joined", "z.B. Berlin", "+z.B./abbrev Berlin"},
		{"u. a.", "u. a. die Nato", "+u./abbrev a./abbrev die Nato"},
		{"d.h.", "d.h. nicht", "+d.h./abbrev nicht"},
		{"Dr.", "Dr. Angela Merkel", "+Dr./abbrev Angela Merkel"},
		{"Prof.", "Prof. Dr. Drosten sagte", "+Prof./abbrev Dr./abbrev Drosten sagte"},
		{"Nr.", "Nr. 5 gewinnt", "+Nr./abbrev 5/number gewinnt"},
		{"bzw.", "Bund bzw. Länder", "+Bund bzw./abbrev Länder"},
		{"ca.", "ca. 3,5 Mio. Euro", "+ca./abbrev 3,5/number Mio./abbrev Euro"},
		{"initial", "George W. Bush kam", "+George W./abbrev Bush kam"},
		{"ordinal date", "am 19. Juni in Berlin", "+am 19./ordinal Juni in Berlin"},
		{"ordinal league", "die 2. Bundesliga", "+die 2./ordinal Bundesliga"},
		{"year ends sentence", "im Jahr 2024. Die Wahl", "+im Jahr 2024/number ./punct +Die Wahl"},
		{"date", "am 19.06.2024 war", "+am 19.06.2024/number war"},
		{"decimal comma", "3,5 Prozent", "+3,5/number Prozent"},
		{"thousands", "75.000 Soldaten", "+75.000/number Soldaten"},
		{"score", "gewann 3:1 gegen", "+gewann 3:1/number gegen"},
		{"number compound", "eine 3-Zimmer-Wohnung", "+eine 3-Zimmer-Wohnung"},
		{"alnum", "der G7-Gipfel und G20", "+der G7-Gipfel und G20"},
		{"url", "siehe https://www.news.de/politik/a.html.", "+siehe https://www.news.de/politik/a.html/url ./punct"},
		{"www", "auf www.zdf.de lesen", "+auf www.zdf.de/url lesen"},
		{"email", "an hinweis@news.de. +++", "+an hinweis@news.de/email ./punct +/punct +/punct +/punct"},
		{"byline", "kns/roj/news.de\nErfahren", "+kns/roj/news.de/url +Erfahren"},
		{"domain word", "Folgen Sie News.de schon", "+Folgen Sie News.de schon"},
		{"domain word end", "von news.de.", "+von news.de ./punct"},
		{"slash party", "CDU/CSU im Bundestag", "+CDU //punct CSU im Bundestag"},
		{"handle", "schrieb @Bundeskanzler auf X", "+schrieb @Bundeskanzler/handle auf X"},
		{"hashtag", "unter #Nato2024 posten", "+unter #Nato2024/hashtag posten"},
		{"apostrophe genitive z", "Scholz' Rede", "+Scholz' Rede"},
		{"apostrophe genitive typographic", "Merz’ Antrag", "+Merz’ Antrag"},
		{"english genitive", "Macron's Partei", "+Macron's Partei"},
		{"inner apostrophe", "O'Brien geht's", "+O'Brien geht's"},
		{"closing quote not genitive", "'Paris'", "'/punct +Paris '/punct"},
		{"spaced hyphen dash", "Washington - Kremlchef Putin", "+Washington -/punct Kremlchef Putin"},
		{"en dash", "Berlin – Moskau", "+Berlin –/punct Moskau"},
		{"em dash joined", "Berlin—Moskau", "+Berlin —/punct Moskau"},
		{"question and exclamation", "Warum? Darum!", "+Warum ?/punct +Darum !/punct"},
		{"ellipsis", "Und dann… Schluss", "+Und dann …/punct +Schluss"},
		{"three dots", "Und dann... Schluss", "+Und dann .../punct +Schluss"},
		{"newline sentence", "Titel\nText hier", "+Titel +Text hier"},
		{"brackets", "(dpa) Berlin", "(/punct +dpa )/punct Berlin"},
		{"nbsp", "19.\u00a0Juni", "+19./ordinal Juni"},
		{"umlauts", "Pjöngjang Außenminister Größe", "+Pjöngjang Außenminister Größe"},
		{"invalid utf8", "a\xffb", "+a \xff/punct b"},
		{"empty", "", ""},
		{"only spaces", " \n\t ", ""},
		// The fast paths of run for words of letters and what follows them.
		{"compound before full stop", "Nato-Gipfel. Danach", "+Nato-Gipfel ./punct +Danach"},
		{"compound of capitals", "US-EU-Gipfel", "+US-EU-Gipfel"},
		{"compound of single letters", "A-B kam", "+A-B kam"},
		{"truncated before newline", "Raketen-\nund", "+Raketen- +und"},
		{"truncated before blank", "Staats- und", "+Staats- und"},
		{"hyphen before full stop", "Asyl-.", "+Asyl -/punct ./punct"},
		{"double hyphen", "Nato--Gipfel", "+Nato -/punct -/punct Gipfel"},
		{"closing quote and comma", "nicht“, sagte", "+nicht “/punct ,/punct sagte"},
		{"party in brackets", "(CDU) und", "(/punct +CDU )/punct und"},
		{"number and closing bracket", "(Stand 2015) und", "(/punct +Stand 2015/number )/punct und"},
		{"number and comma", "im Jahr 2015, als 3,5 Millionen", "+im Jahr 2015/number ,/punct als 3,5/number Millionen"},
		{"colon after word", "Frage des STANDARD: Wie geht es weiter?", "+Frage des STANDARD :/punct Wie geht es weiter ?/punct"},
		{"colon after word and newline", "Antwort:\nJa", "+Antwort :/punct +Ja"},
		{"en dash between words", "Wien – Linz – Graz", "+Wien –/punct Linz –/punct Graz"},
		{"sentence marks", "Ja! Nein? Gut;", "+Ja !/punct +Nein ?/punct +Gut ;/punct"},
		{"colon", "Wort:", "+Wort :/punct"},
		{"comma before nbsp", "Wort,\u00a0x", "+Wort ,/punct x"},
		{"full stop before nbsp", "Wort.\u00a0Der", "+Wort ./punct +Der"},
		{"quote and apostrophe opening", "„'Wort' sagt", "„/punct '/punct +Wort '/punct sagt"},
		{"apostrophe and quote opening", "'„Wort“'", "'/punct „/punct +Wort “/punct '/punct"},
		{"www alone", "www. de", "+www ./punct +de"},
		{"www url before colon", "www.zdf.de/x:", "+www.zdf.de/x/url :/punct"},
		{"umlaut capitals", "Über. Ähnlich", "+Über ./punct +Ähnlich"},
		{"umlauts before comma", "ÄÖ,", "+ÄÖ ,/punct"},
		{"eszett before quote", "Straße“.", "+Straße “/punct ./punct"},
		{"abbreviation at the end", "vgl.", "+vgl./abbrev"},
		{"abbreviation of four", "Sept.", "+Sept./abbrev"},
		{"abbreviation with umlaut", "jährl.", "+jährl./abbrev"},
		{"eight letters", "abcdefgh ijklmnop", "+abcdefgh ijklmnop"},
		{"seven letters", "abcdefg hi", "+abcdefg hi"},
		{"long compound with umlaut", "Präsidentinnen-Treffen", "+Präsidentinnen-Treffen"},
		{"digit in compound", "G7-Gipfel", "+G7-Gipfel"},
		{"accent in compound", "Café-Bar", "+Café-Bar"},
		{"soft hyphen", "x\u00ady.", "+x\u00ady ./punct"},
		{"combining mark", "e\u0301.", "+e\u0301 ./punct"},
		{"domain before comma", "news.de, mehr", "+news.de ,/punct mehr"},
		{"compound before quote", "Nato-Gipfel“", "+Nato-Gipfel “/punct"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Tokenize(tt.in, nil)
			assert.Equal(t, tt.want, render(tt.in, got))
		})
	}
}

func TestFlags(t *testing.T) {
	text := "NATO Nato-Gipfel Raketen- Scholz' nato 19. x"
	toks := Tokenize(text, nil)
	require.Len(t, toks, 7)
	assert.True(t, toks[0].Has(Cap|AllCaps))
	assert.True(t, toks[1].Has(Cap|Hyphen))
	assert.False(t, toks[1].Has(AllCaps))
	assert.True(t, toks[2].Has(Truncated))
	assert.True(t, toks[3].Has(Apostrophe))
	assert.False(t, toks[4].Has(Cap))
	assert.Equal(t, Ordinal, toks[5].Kind)
	assert.True(t, toks[5].Has(Digit))
}

// The flags of words of the fast paths: capitals over compounds, a
// capital alone, umlauts.
func TestFastPathFlags(t *testing.T) {
	tests := []struct {
		in   string
		want []Flags
	}{
		{"A-B", []Flags{SentStart | Cap | AllCaps | Hyphen}},
		{"US-EU-Gipfel", []Flags{SentStart | Cap | Hyphen}},
		{"IG-Metall-Chef", []Flags{SentStart | Cap | Hyphen}},
		{"Raketen-", []Flags{SentStart | Cap | Truncated}},
		{"ÄÖ", []Flags{SentStart | Cap | AllCaps}},
		{"Ä", []Flags{SentStart | Cap}},
		{"Über,", []Flags{SentStart | Cap, 0}},
		{"NATO.", []Flags{SentStart | Cap | AllCaps, SentEnd}},
		{"Nato-Gipfel.", []Flags{SentStart | Cap | Hyphen, SentEnd}},
		{"ABCDEFGHIJ", []Flags{SentStart | Cap | AllCaps}},
		{"ABCDEFGHIj", []Flags{SentStart | Cap}},
		{"SSß", []Flags{SentStart | Cap}},
		{"Dr.", []Flags{SentStart | Cap}},
	}
	for _, tt := range tests {
		var got []Flags
		for _, tok := range Tokenize(tt.in, nil) {
			got = append(got, tok.Flags)
		}
		assert.Equal(t, tt.want, got, tt.in)
	}
}

// Every abbreviation is known, whether eight bytes follow its start in
// the text (its key is loaded at once) or not.
func TestKnownAbbrev(t *testing.T) {
	for _, w := range strings.Fields(abbrevList) {
		for _, text := range []string{w, w + ". und so weiter", "x " + w} {
			start := strings.Index(text, w)
			assert.True(t, knownAbbrev(text, start, start+len(w)), "%q in %q", w, text)
		}
		assert.False(t, knownAbbrev(w+"x", 0, len(w)+1) && !slices.Contains(strings.Fields(abbrevList), w+"x"), w+"x")
	}
	for _, w := range []string{"Juni", "sagte", "hält", "D", "", "abcdefgh"} {
		assert.False(t, knownAbbrev(w, 0, len(w)), w)
	}
}

// The runes that isWordRune, isLetter and isSpaceRune decide without the
// tables of package unicode are none of what those tables would find.
func TestRuneShortcuts(t *testing.T) {
	for r := rune(0x1F00); r < 0x2200; r++ {
		if inPunctBlock(r) && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) {
			t.Errorf("%U is in inPunctBlock but a letter, digit or mark", r)
		}
	}
	assert.True(t, isWordRune('ⁿ') && isLetter('ₐ') && !isWordRune('€') && !isWordRune('„'))
	for r := '‐'; r <= '‧'; r++ {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			t.Errorf("%U is taken for no space but is one", r)
		}
	}
}

func TestOffsetsCoverText(t *testing.T) {
	text := "Sicherheit ist global: Die Nato muss – laut „dpa“ – mit Partnern im Indopazifik-Raum kooperieren."
	prev := int32(0)
	for _, tok := range Tokenize(text, nil) {
		require.GreaterOrEqual(t, tok.Start, prev)
		require.Greater(t, tok.End, tok.Start)
		require.True(t, utf8.ValidString(tok.Text(text)))
		require.Empty(t, strings.TrimSpace(text[prev:tok.Start]), "skipped non-space bytes")
		prev = tok.End
	}
}

func TestLongWordIsCut(t *testing.T) {
	text := strings.Repeat("a", 1000)
	toks := Tokenize(text, nil)
	require.NotEmpty(t, toks)
	for _, tok := range toks {
		assert.LessOrEqual(t, int(tok.End-tok.Start), MaxLen+1)
	}
	assert.Equal(t, int32(1000), toks[len(toks)-1].End)
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Die Nato-Gipfel „z. B.“ 19. Juni 3,5 hinweis@news.de", "a\xffb", "Scholz' O'Brien", "kns/roj/news.de", "...", "#x @y",
		"Bürgermeister (SPD) sagte: „Wir sind 2,5 Prozent - über Plan“. Ende, usw. und Nr. 12 \n\nNeu"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := Tokenize(text, nil)
		prev := int32(0)
		for _, tok := range toks {
			if tok.Start < prev || tok.End <= tok.Start || int(tok.End) > len(text) {
				t.Fatalf("bad token %+v after %d in %q", tok, prev, text)
			}
			prev = tok.End
		}
		if utf8.ValidString(text) {
			for _, tok := range toks {
				if !utf8.ValidString(tok.Text(text)) {
					t.Fatalf("token splits a rune: %q", tok.Text(text))
				}
			}
		}
		if want := tokenizeByChunks(text); !slices.Equal(toks, want) {
			t.Fatalf("%q: Tokenize gives %v, chunk by chunk %v", text, toks, want)
		}
	})
}

func BenchmarkTokenize(b *testing.B) {
	text := strings.Repeat("Nato-Generalsekretär Jens Stoltenberg hat mit Blick auf den Besuch des russischen Präsidenten Wladimir Putin in Nordkorea deutlich gemacht, für wie wichtig er den Ausbau der Zusammenarbeit hält. „Das zeigt auch, dass unsere Sicherheit nicht regional ist.“ Am 19. Juni kamen ca. 75.000 Menschen.\n", 200)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var buf []Token
	for b.Loop() {
		buf = Tokenize(text, buf[:0])
	}
}

// The scanner tokenizes chunks of letters (ASCII and German umlauts, alone,
// in compounds, before a comma, full stop or other punctuation) without
// chunk; the result must be chunk's.
func TestLetterChunksAsChunk(t *testing.T) {
	for _, c := range []string{"Haus", "haus", "HAUS", "H", "h", "ab", "AB", "aB", "Ab", "Regierung,", "EU,", "A,",
		"a,", strings.Repeat("x", MaxLen), strings.Repeat("X", MaxLen-1) + ",", strings.Repeat("x", MaxLen+1),
		strings.Repeat("x", MaxLen) + ",", "Größe", "ÄÖÜ", "Ä", "ß", "SSß", "Straße,", "ÜBER", "Über,", "äb", "Äb",
		strings.Repeat("ä", MaxLen/2), strings.Repeat("Ö", MaxLen/2+1), strings.Repeat("ü", MaxLen/2) + ",",
		"Bürgermeister", "Bürgermeisterin,", "abcdefgÄ", "abcdefgÄb", "abcdefghijklmnoäb", "abcdefg\xc3", "abcdefgh\xc3",
		"ABCDEFGÜ", "ABCDEFGÜß", "Straßenbahnhaltestelle.", "abcdefgh" + strings.Repeat("é", 4)} {
		got := Tokenize(c, nil)
		s := scanner{text: c, sentStart: true}
		s.chunk(0, len(c), false)
		if !slices.Equal(got, s.toks) {
			t.Errorf("%.20q: Tokenize gives %v, chunk %v", c, got, s.toks)
		}
	}
}

// Random chunks of letters, umlauts and a little punctuation tokenize as
// chunk does.
func TestRandomChunksAsChunk(t *testing.T) {
	alphabet := []string{"a", "z", "A", "Z", "ä", "Ä", "ö", "Ü", "ß", "é", ",", ".", "1", "-", "'", "’", "“", ")", ":", "!", "\u00ad", "abcdefgh"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(8) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		c := b.String()
		got := Tokenize(c, nil)
		s := scanner{text: c, sentStart: true}
		s.chunk(0, len(c), false)
		if !slices.Equal(got, s.toks) {
			t.Fatalf("%q: Tokenize gives %v, chunk %v", c, got, s.toks)
		}
	}
}

// appendKeyRef is AppendKey rune by rune, as it was before its ASCII fast
// path.
func appendKeyRef(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\u00ad':
		case r == '’':
			dst = append(dst, '\'')
		case r == utf8.RuneError && size == 1:
			dst = append(dst, "\uFFFD"...)
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

func TestAppendKey(t *testing.T) {
	for _, s := range []string{"", "Nato", "NATO-Gipfel", "Müller", "ÄRGER", "Scholz’", "Bundes\u00adtag",
		"a\xffb", "\xc3", "Ⱥbc", "İstanbul", "ABCdef123 ,.", "straße", "x’Y\u00adZ"} {
		for _, prefix := range []string{"", "key:"} {
			want := appendKeyRef([]byte(prefix), s)
			got := AppendKey([]byte(prefix), s)
			if string(got) != string(want) {
				t.Errorf("AppendKey(%q, %q) = %q, want %q", prefix, s, got, want)
			}
		}
	}
}

// letterRunRef is letterRun rune by rune.
func letterRunRef(text string, i, lim int) (j, letters int, lower bool) {
	for j = i; j < lim; {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || 0xC0 <= r && r <= 0xFF && r != '×' && r != '÷') {
			break
		}
		lower = lower || !unicode.IsUpper(r)
		letters++
		j += size
	}
	return j, letters, lower
}

// letterRun, eight bytes at a time, scans as a loop over the letters would,
// whatever the bytes after the first other one, and stops at its limit.
func TestLetterRun(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", "z", "A", "Z", "ä", "Ä", "ö", "Ö", "ü", "Ü", "ß", "`", "{", "@", "[", "0", "9", " ", ".", "-",
		"\x7f", "\x80", "\xc3", "\xc3\xa9", "É", "Þ", "ÿ", "×", "÷", "\xc3\x80", "\xc3\xbf", "\xff", "\x00", "\xe0", "\xfa", "\xdf"}
	for range 200000 {
		var b strings.Builder
		for range rng.IntN(24) {
			if rng.IntN(3) > 0 {
				b.WriteByte(byte('a' + rng.IntN(26)))
			} else if rng.IntN(2) == 0 {
				b.WriteString(alphabet[rng.IntN(len(alphabet))])
			} else {
				b.WriteByte(byte(rng.IntN(256)))
			}
		}
		text := b.String()
		if text == "" {
			continue
		}
		i := rng.IntN(len(text))
		lim := i + rng.IntN(len(text)-i+1)
		j, n, low := letterRun(text, i, lim)
		wj, wn, wlow := letterRunRef(text, i, lim)
		if j != wj || n != wn || low != wlow {
			t.Fatalf("letterRun(%q, %d, %d) = %d, %d, %v, want %d, %d, %v", text, i, lim, j, n, low, wj, wn, wlow)
		}
		if r, _ := utf8.DecodeRuneInString(text[i:]); j > i && capAt(text, i) != unicode.IsUpper(r) {
			t.Fatalf("capAt(%q, %d) = %v", text, i, capAt(text, i))
		}
	}
}

// tokenizeByChunks tokenizes text as chunk alone has it: white space is
// skipped (a line or paragraph break starts a sentence) and each chunk goes
// to chunk. Tokenize's fast paths must give the same tokens.
func tokenizeByChunks(text string) []Token {
	s := scanner{text: text, sentStart: true}
	for i := 0; i < len(text); {
		if r, size := s.runeAt(i); isSpaceRune(r) {
			if r == '\n' || r == '\u2028' || r == '\u2029' {
				s.sentStart = true
			}
			i += size
			continue
		}
		e, marks := s.chunkEnd(i)
		s.chunk(i, e, marks)
		i = e
	}
	return s.toks
}

// Random texts of words, numbers, punctuation and white space, and the
// news articles, tokenize as chunk has them, chunk by chunk.
func TestRandomTextsAsChunks(t *testing.T) {
	alphabet := []string{"a", "Z", "ä", "Ä", "ü", "ß", "é", "\xc3", "\xff", "abcdefgh", "ABCDEFG", "Bürgermeister", "Straße", "Nato",
		"z", "B", "Dr", "usw", "ca", "12", "2024", "3,5", "1.000", "3:1", "0", ",", ".", ":", "-", "'", "’", "(", ")", "„", "“", "»",
		"!", "?", "…", "@", "#", "/", "_", "\u00ad", "www.", "news.de", " ", " ", " ", " ", "\n", "\t", "\u00a0", "\u2028"}
	rng := rand.New(rand.NewPCG(3, 4))
	texts := []string{""}
	for range 50000 {
		var b strings.Builder
		for range 1 + rng.IntN(24) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	_, docs, err := newstext.Articles("../../testdata")
	require.NoError(t, err)
	texts = append(texts, docs...)
	for _, text := range texts {
		require.Equal(t, tokenizeByChunks(text), Tokenize(text, nil), "%q", text)
	}
}
