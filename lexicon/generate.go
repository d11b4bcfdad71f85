package lexicon

// places_generated.tsv is made from CLDR, iso-codes and GeoNames data; see
// gen_places.go and internal/placegen.
//go:generate go run gen_places.go
