package placegen

import "testing"

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Frankfurt am Main":   "frankfurt-am-main",
		"Halle (Saale)":       "halle-saale",
		"St. Gallen":          "st-gallen",
		"Biel/Bienne":         "biel-bienne",
		"Neuchâtel":           "neuchatel",
		"Straßburg":           "strassburg",
		"Mülheim an der Ruhr": "muelheim-an-der-ruhr",
		"N’Djamena":           "ndjamena",
		"Łódź":                "lodz",
		"São Tomé":            "sao-tome",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}
