package placegen

import "os"

func readFile(p string) ([]byte, error) { return os.ReadFile(p) }

// excludedGeonames are GeoNames records that are not towns of their own:
// city districts, places merged into another town, and empty records.
var excludedGeonames = map[string]string{
	"2764178":  "district of Graz",                        // Straßgang
	"2659873":  "merged into Luzern",                      // Littau
	"2660221":  "merged into Rapperswil-Jona",             // Jona
	"6295520":  "district of Winterthur",                  // Stadt Winterthur (Kreis 1)
	"6295531":  "district of Winterthur",                  // Seen (Kreis 3)
	"2806919":  "merged into Bitterfeld-Wolfen",           // Wolfen
	"2812145":  "part of Weinstadt",                       // Weinstadt-Endersbach
	"2857185":  "district of Leverkusen",                  // Opladen
	"2866110":  "district of Köln",                        // Neubrück
	"2881276":  "merged into Geestland",                   // Langen (Landkreis Cuxhaven)
	"2885412":  "part of Korntal-Münchingen",              // Korntal
	"2887716":  "part of Blaustein",                       // Klingenstein
	"2895664":  "part of Isernhagen",                      // Isernhagen Farster Bauerschaft
	"2911584":  "duplicate of Haldensleben",               // Haldensleben I
	"7289614":  "district of Halle (Saale)",               // Halle-Neustadt
	"12035575": "part of Kronberg im Taunus",              // Kronberg Tal
	"2883754":  "hand-written as Kronberg im Taunus",      // Kronberg
	"2921528":  "hand-written as Geldern",                 // Guelders
	"2906268":  "hand-written as Heppenheim (Bergstraße)", // Heppenheim an der Bergstrasse
	"2942634":  "hand-written as Buchen (Odenwald)",       // Buchen in Odenwald
	"2936977":  "hand-written as Dillingen/Saar",          // Dillingen
	"2925629":  "hand-written as Frankenberg (Eder)",      // Frankenberg
	"2844437":  "hand-written as Rotenburg (Wümme)",       // Rotenburg
	"2834978":  "hand-written as Schwarzenberg/Erzgeb.",   // Schwarzenberg
	"2824841":  "hand-written as Sulzbach/Saar",           // Sulzbach
	"2864054":  "hand-written as Neustadt an der Weinstraße",
	"7302786":  "no population",      // Haselbachtal
	"8378906":  "castle, not a town", // Burg Unter-Falkenstein
}

// englishOnly are GeoNames records whose German translation is a
// historical or unusual name that German news does not use; the main name
// is used instead.
var englishOnly = map[string]bool{
	"1147540": true, // Baghlan, not Baglan
	"2038067": true, // Chifeng, not Tschiföng
	"2615876": true, // Odense, not Ottensee
	"2479536": true, // Skikda
	"2490098": true, // Mascara
	"294751":  true, // Holon, not Cholon
	"1253286": true, // Vellore
	"1256525": true, // Siliguri
	"1257629": true, // Salem
	"1262204": true, // Nagercoil
	"1263214": true, // Meerut
	"1270396": true, // Howrah
	"1272013": true, // Erode
	"1272543": true, // Dindigul
	"1275163": true, // Budaun
	"1279186": true, // Aizawl
	"135423":  true, // Shahrud
	"3168673": true, // Salerno, not Salern
	"3173529": true, // Mestre
	"1175864": true, // Jhelum
	"665004":  true, // Târgu Mureș
	"667873":  true, // Satu Mare
	"670609":  true, // Pitești
	"671768":  true, // Oradea (Großwardein is historical)
	"363885":  true, // Wau
	"322830":  true, // Aydın, not the ancient Tralleis
	"1569684": true, // Pleiku
}

// nameOverride sets name and alias of a GeoNames record by hand.
var nameOverride = map[string][2]string{
	"2925630": {"Frankenberg/Sa.", "Frankenberg (Sachsen)"},
	"727523":  {"Ruse", ""}, // Bulgarian city; GeoNames' German "Russe" is the demonym of Russland
	"738329":  {"Üsküdar", "Skutari"},
	"322830":  {"Aydın", "Aydin"},
	"581049":  {"Archangelsk", "Arkhangelsk"},
	"2518559": {"Elche", "Elx"},
}

// excludedStates are GeoNames subdivision names left out: generic words
// (Nordbezirk) and subdivisions too small or too obscure for news, whose
// German names are historical (Slovenian municipalities, Nauru districts).
var excludedStates = map[string]bool{
	"SI": true, "NR": true, "TV": true, "TK": true, "TM": true,
	"DK|Hauptstadtregion": true, "IL|Nordbezirk": true, "IL|Südbezirk": true, "IL|Zentralbezirk": true,
	"LK|Nordprovinz": true, "LK|Nordwestprovinz": true, "LK|Zentralprovinz": true,
}

// handWrittenStates are countries whose first-level subdivisions are all in
// the hand-written files.
var handWrittenStates = map[string]bool{"DE": true, "AT": true, "CH": true, "US": true, "CA": true, "AU": true}

// ambigNames marks generated names that are also ordinary German words
// (noun) or names of people (PER).
var ambigNames = map[string]string{
	// ordinary German (or everyday English) words
	"Man": "noun", "Van": "noun", "Oral": "noun", "Leiden": "noun", "Klang": "noun", "Kure": "noun",
	"Buhe": "noun", "Delta": "noun", "Lira": "noun", "Marken": "noun", "Metro": "noun", "Mobile": "noun",
	"Orange": "noun", "Saga": "noun", "Vista": "noun", "Derby": "noun", "Tours": "noun", "Surprise": "noun",
	"Independence": "noun", "Enterprise": "noun", "Reading": "noun", "Corona": "noun", "Sari": "noun",
	"Concord": "noun", "Midland": "noun", "Riverside": "noun", "Centennial": "noun", "Providence": "noun",
	"Boulder": "noun", "Buffalo": "noun", "Mesa": "noun", "Pueblo": "noun", "Slough": "noun", "Wake": "noun",
	"Columbia": "noun", "Waterloo": "noun", "Aurora": "PER", "Naga": "noun", "Ordu": "noun", "Elche": "noun",
	// also people, companies, clubs
	"Warren": "PER", "Chandler": "PER", "Davenport": "PER", "Edison": "PER", "Montgomery": "PER",
	"Livingstone": "PER", "Kent": "PER", "Hastings": "PER", "Mary": "PER", "Wladimir": "PER",
	"Salvador": "PER", "Dali": "PER", "Batman": "PER", "Savannah": "PER", "Nancy": "PER", "Tyler": "PER",
	"Norman": "PER", "Eugene": "PER", "Elizabeth": "PER", "Henderson": "PER", "Lafayette": "PER",
	"Madison": "PER", "Richardson": "PER", "Irving": "PER", "Lancaster": "PER", "Sutton": "PER",
	"Gilbert": "PER", "Arlington": "PER", "Jackson": "PER", "Clovis": "PER", "Lowell": "PER",
	"Everett": "PER", "Hampton": "PER", "Brandon": "PER", "Rodriguez": "PER", "Santol": "PER",
	"Kawasaki": "ORG", "Toyota": "ORG", "Hitachi": "ORG", "Bellevue": "ORG", "Aral": "ORG",
	"Tottenham": "ORG", "Astoria": "ORG", "Burbank": "PER", "Durham": "PER", "Engels": "PER",
}

// excludedNames are generated places left out by country and name: city
// districts and census areas that German news does not name, names that
// are mostly a person's, and records that duplicate another.
var excludedNames = map[string]string{
	"GB|Archway": "district", "GB|City of Westminster": "district", "GB|Saint Peters": "district",
	"US|Ironville": "district", "US|Meads": "district", "US|Tempe Junction": "district",
	"US|North Peoria": "district", "US|Metairie Terrace": "district", "US|East Chattanooga": "district",
	"US|North Stamford": "district", "US|Deer Valley": "district", "US|Maryvale": "district",
	"US|Lexington-Fayette": "duplicate of Lexington", "US|Sheepshead Bay": "district",
	"US|East Flatbush": "district", "US|Bushwick": "district", "US|Elmhurst": "district",
	"US|Gravesend": "district", "US|Sunrise Manor": "census area", "US|Spring Valley": "census area",
	"US|Paradise": "census area", "US|Westminster": "name of the London borough",
	"IT|Acilia-Castel Fusano-Ostia Antica": "district", "ES|Chamartin": "district",
	"ES|Ciudad Lineal": "district", "ES|Sant Martí": "district",
	"MX|Miguel Hidalgo": "district named after a person", "MX|Benito Juarez": "district named after a person",
	"MX|Gustavo Adolfo Madero": "district named after a person", "MX|Cuauhtémoc": "named after a person",
	"MX|Magdalena Contreras": "district", "MX|Delegación Cuajimalpa de Morelos": "district",
	"RU|Troparëvo": "district", "RU|Novo-Peredelkino": "district", "RU|Cherëmushki": "district",
	"PH|Iligan City": "duplicate of Iligan",
}
