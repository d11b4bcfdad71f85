package main

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"strings"

	"github.com/etikett-nlp/etikett/internal/token"
	"github.com/etikett-nlp/etikett/lexicon"
)

// The synthetic lexicon is made of German-looking names built from parts:
// surnames and place names from syllables (Stein+en+bach, Ober+rab+feld),
// people from a first name, an optional particle or initial and a surname,
// organizations from a surname and a trade (Steinberg Logistik GmbH) or an
// institution and a place (Sparkasse Oberrabenfeld), places from a base name
// and a modifier that makes it multiword (Bad Eichstedt, Lindau am Rhein).
var (
	synthFirst = strings.Fields(`Anna Maria Sophie Lena Laura Julia Katharina Sarah Lisa Hannah Lea
		Johanna Clara Emma Mia Charlotte Marie Paula Greta Ida Frieda Helene Luise Mathilda Ella Nele
		Jana Franziska Sabine Petra Claudia Andrea Susanne Birgit Monika Ursula Renate Karin Heike
		Silke Anja Kerstin Nicole Stefanie Melanie Christina Daniela Martina Tanja Ines Thomas Michael
		Andreas Stefan Christian Markus Frank Peter Klaus Jürgen Wolfgang Uwe Matthias Martin Tobias
		Florian Sebastian Alexander Maximilian Felix Jonas Lukas Leon Paul Elias Noah Ben Finn Moritz
		Jakob Niklas Jan Tim Philipp Simon David Johannes Benedikt Konstantin Friedrich Heinrich
		Hermann Karl Ludwig Georg Rainer Dieter Holger Jörg Ralf Dirk Sven Torsten Volker Bernd Helmut
		Manfred Gerhard Werner Horst`)
	// The first entry is empty: most people have no particle or initial.
	synthMiddle = append([]string{""}, strings.Fields(`von K. M. S. B. J. F. W. zu H. L. R. A.`)...)
	synthStart  = strings.Fields(`Al Arn Bach Bar Bern Bir Brand Breit Dorn Eck Eich Ehren Falk Fels
		Fried Gold Gren Grün Hag Hain Hart Hell Hild Hof Holz Kal Kamm Kling Korn Lang Lind Lor Mar
		Mühl Nord Ost Rab Rein Ros Sand Schön Stein Sturm Tann Wald Weid Wert Wolf Zell Asch Birk
		Buch Erl Fich Hasel Kirch Linn Moos Pfaff Quell`)
	synthMid     = []string{"", "en", "er", "el", "ing"}
	synthSurEnd  = strings.Fields(`bach berg brück burg dorf feld hagen hausen heim hof hold horst kamp mann meier rath ried roth stedt thal wald weiler werth winkel inger maier`)
	synthPlPre   = []string{"", "Ober", "Nieder", "Alt", "Neu", "Hohen"}
	synthPlEnd   = strings.Fields(`bach berg burg dorf feld hagen hausen heim hofen ingen stedt stein tal weiler wald rode born brunn au kirchen furt leben ried see horst mark stetten`)
	synthPlMod   = []string{"Bad %s", "Groß %s", "Klein %s", "Markt %s", "Sankt %s"}
	synthPlSuf   = strings.Fields(`am_Rhein an_der_Saale im_Odenwald in_der_Eifel am_See ob_der_Tauber bei_Halle am_Main an_der_Ilm im_Allgäu an_der_Lahn am_Neckar im_Spessart an_der_Elster in_Holstein am_Harz im_Vogtland an_der_Donau bei_Kassel in_Franken`)
	synthTrade   = strings.Fields(`Logistik Bau Maschinenbau Elektrotechnik Immobilien Medizintechnik Software Verpackung Metallbau Holzbau Druck Energie Agrar Pharma Kunststoff Textil Spedition Brauerei Optik Automation Anlagenbau Stahlbau Beratung Recycling Werkzeugbau Feinmechanik Solartechnik Landtechnik Haustechnik Gebäudetechnik`)
	synthLegal   = []string{"GmbH", "AG", "KG", "GmbH & Co. KG", "SE"}
	synthInst    = strings.Fields(`Sparkasse Volksbank Stadtwerke Kreisklinik Amtsgericht Landgericht Stadtbibliothek Gymnasium Stadttheater Kunstverein Musikschule Handwerkskammer Bürgerstiftung Turnverein Schützenverein Heimatverein Wohnungsbaugenossenschaft Verkehrsbetriebe Kreishandwerkerschaft Volkshochschule`)
	synthClub    = strings.Fields(`FC SV TSV SC VfB VfL TuS SpVgg`)
	synthPerKind = []string{"politician", "business", "sport", "culture", "science", "media"}
	synthCountry = []string{"DE", "DE", "DE", "DE", "AT", "CH"}
)

func synthSurnames() int { return len(synthStart) * len(synthMid) * len(synthSurEnd) }

func synthSurname(i int) string {
	e := i % len(synthSurEnd)
	i /= len(synthSurEnd)
	m := i % len(synthMid)
	s := i / len(synthMid)
	return synthStart[s] + synthMid[m] + synthSurEnd[e]
}

func synthBasePlaces() int { return len(synthPlPre) * len(synthStart) * len(synthPlEnd) }

func synthBasePlace(i int) string {
	e := i % len(synthPlEnd)
	i /= len(synthPlEnd)
	s := i % len(synthStart)
	p := i / len(synthStart)
	if p == 0 {
		return synthStart[s] + synthPlEnd[e]
	}
	return synthPlPre[p] + strings.ToLower(synthStart[s]) + synthPlEnd[e]
}

// synthPlace returns a multiword place name: a modifier before (Bad X) or a
// phrase after (X am Rhein) a base name.
func synthPlace(i int) string {
	n := synthBasePlaces()
	base := synthBasePlace(i % n)
	v := i / n
	if v < len(synthPlMod) {
		return fmt.Sprintf(synthPlMod[v], base)
	}
	return base + " " + strings.ReplaceAll(synthPlSuf[v-len(synthPlMod)], "_", " ")
}

func synthPlaces() int { return synthBasePlaces() * (len(synthPlMod) + len(synthPlSuf)) }

// A kind of synthetic entity: how many distinct names it can make and the
// i-th of them (name, aliases, attributes).
type synthKind struct {
	file, typ, prefix string
	space             int
	make              func(i int) (name, aliases, attrs string)
}

func pick(list []string, key string) string {
	h := fnv.New32a()
	h.Write([]byte(key))
	return list[int(h.Sum32()%uint32(len(list)))]
}

var synthKinds = []synthKind{
	{
		file: "persons_synth.tsv", typ: lexicon.PER, prefix: "synth-p-",
		space: len(synthFirst) * len(synthMiddle) * synthSurnames(),
		make: func(i int) (string, string, string) {
			// The particle or initial varies slowest: the first names
			// made have none, as most people's.
			block := len(synthFirst) * synthSurnames()
			mid, j := i/block, i%block
			first, sur := synthFirst[j%len(synthFirst)], synthSurname(j/len(synthFirst))
			name := first + " " + sur
			if m := synthMiddle[mid]; m != "" {
				name = first + " " + m + " " + sur
			}
			return name, "", "kind=" + pick(synthPerKind, name) + ";country=" + pick(synthCountry, sur)
		},
	},
	{
		file: "organizations_synth.tsv", typ: lexicon.ORG, prefix: "synth-o-",
		space: synthSurnames()*len(synthTrade) + len(synthInst)*synthBasePlaces() + len(synthClub)*synthBasePlaces(),
		make: func(i int) (string, string, string) {
			if n := synthSurnames() * len(synthTrade); i < n {
				short := synthSurname(i/len(synthTrade)) + " " + synthTrade[i%len(synthTrade)]
				return short + " " + pick(synthLegal, short), short, "kind=company;country=" + pick(synthCountry, short)
			} else {
				i -= n
			}
			if n := len(synthInst) * synthBasePlaces(); i < n {
				name := synthInst[i%len(synthInst)] + " " + synthBasePlace(i/len(synthInst))
				return name, "", "kind=institute;country=DE"
			} else {
				i -= n
			}
			name := synthClub[i%len(synthClub)] + " " + synthBasePlace(i/len(synthClub))
			return name, "", "kind=club;country=DE"
		},
	},
	{
		file: "places_synth.tsv", typ: lexicon.LOC, prefix: "synth-l-",
		space: synthPlaces(),
		make: func(i int) (string, string, string) {
			return synthPlace(i), "", "kind=town;country=DE"
		},
	},
}

// synthShares are the parts of the lexicon per kind, in per mille; people
// take what the others cannot hold.
var synthShares = []int{500, 320, 180}

// synthLexicon returns lexicon files with n synthetic entries of plausible
// German multiword names of people, organizations and places, with unique
// ids and names. Names whose key is in avoid (the default lexicon's) are
// skipped, so that the files can be added to the default without conflicts.
func synthLexicon(n int, avoid map[string]bool) (map[string][]byte, error) {
	counts := make([]int, len(synthKinds))
	rest := n
	for k := len(synthKinds) - 1; k > 0; k-- {
		counts[k] = min(n*synthShares[k]/1000, synthKinds[k].space*9/10)
		rest -= counts[k]
	}
	counts[0] = rest
	files := map[string][]byte{}
	seen := make(map[string]bool, n+n/4)
	for k, kind := range synthKinds {
		var buf bytes.Buffer
		buf.Grow(counts[k] * 80)
		fmt.Fprintf(&buf, "# %d synthetic entries made by examples/bench: not real %s\n", counts[k], kind.typ)
		// Walk the space in a scattered order (an affine permutation of
		// blocks), so that any count mixes all the parts.
		stride := coprimeStride(min(kind.space, blockOf(kind)))
		made := 0
		for j := 0; made < counts[k]; j++ {
			if j >= kind.space {
				return nil, fmt.Errorf("bench: only %d distinct %s names, want %d", made, kind.typ, counts[k])
			}
			block := blockOf(kind)
			base, off := j/block*block, j%block
			size := min(block, kind.space-base)
			i := base + (off*stride)%size
			if size != block {
				i = base + off
			}
			name, aliases, attrs := kind.make(i)
			keys := []string{token.Key(name)}
			if aliases != "" {
				keys = append(keys, token.Key(aliases))
			}
			if dup(keys, seen, avoid) {
				continue
			}
			made++
			fmt.Fprintf(&buf, "%s%07d\t%s\t%s\t%s\t%s\n", kind.prefix, made, kind.typ, name, aliases, attrs)
		}
		files[kind.file] = buf.Bytes()
	}
	return files, nil
}

func dup(keys []string, seen, avoid map[string]bool) bool {
	for _, k := range keys {
		if seen[k] || avoid[k] {
			return true
		}
	}
	for _, k := range keys {
		seen[k] = true
	}
	return false
}

// blockOf is the size of the blocks a kind's space is walked in: people by
// particle (so that most have none), the others as a whole.
func blockOf(k synthKind) int {
	if k.typ == lexicon.PER {
		return len(synthFirst) * synthSurnames()
	}
	return k.space
}

// coprimeStride returns a stride near 0.618·n that is coprime to n, so that
// i ↦ i·stride mod n is a permutation.
func coprimeStride(n int) int {
	s := n*618/1000 + 1
	for gcd(s, n) != 1 {
		s++
	}
	return s
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// defaultNameKeys returns the keys of every name and alias of the default
// lexicon (of the entries read, should some lines be bad).
func defaultNameKeys() (map[string]bool, error) {
	lx := lexicon.New()
	if err := lx.AddFS(lexicon.Default()); err != nil {
		return nil, err
	}
	keys := map[string]bool{}
	for _, e := range lx.Entries {
		for _, n := range e.Names() {
			keys[token.Key(n)] = true
		}
	}
	return keys, nil
}
