//go:build ignore

// gen writes default.snap, the precompiled default lexicon (see package
// snapshot). Run it with `go generate` in this directory.
package main

import (
	"fmt"
	"os"

	"github.com/etikett-nlp/etikett/tagger/internal/snapshot"
)

func main() {
	data, err := snapshot.Build()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(snapshot.File, data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %s: %d bytes\n", snapshot.File, len(data))
}
