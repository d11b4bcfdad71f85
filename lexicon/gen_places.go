//go:build ignore

// gen_places writes places_generated.tsv from CLDR, iso-codes and GeoNames
// data packaged by Debian (unicode-cldr-core, iso-codes, libgeonames0,
// libgeonames-common), skipping every place the hand-written places_*.tsv
// files already have. Run it with `go generate` in this directory.
//
// Licences of the data: CLDR Unicode License; iso-codes LGPL-2.1;
// GeoNames CC BY 4.0 (geonames.org). See README.md, "Sources (places)".
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"

	"github.com/etikett-nlp/etikett/lexicon/internal/placegen"
)

func main() {
	out := flag.String("o", placegen.GeneratedFile, "output file")
	verbose := flag.Bool("v", false, "print every decision")
	flag.Parse()
	data, rep, err := placegen.Build(".", placegen.DefaultSources())
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen_places:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen_places:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "gen_places: wrote %s: %d countries, %d states, %d cities\n", *out, rep.Countries, rep.States, rep.Cities)
	reasons := make([]string, 0, len(rep.Skipped))
	for r := range rep.Skipped {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		fmt.Fprintf(os.Stderr, "  skipped %5d: %s\n", rep.Skipped[r], r)
	}
	if *verbose {
		for _, m := range rep.Messages {
			fmt.Fprintln(os.Stderr, "  "+m)
		}
	}
}
