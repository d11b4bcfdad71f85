// Package repo finds the etikett checkout the example programs run in, so
// that their default paths (lexicon/topics.tsv, ../shared) work from any
// directory inside it.
package repo

import (
	"os"
	"path/filepath"
)

// Root returns the nearest directory at or above the working directory that
// holds a go.mod file, or the working directory when there is none.
func Root() string {
	dir, err := os.Getwd()
	if err != nil {
		return "."
	}
	return rootOf(dir)
}

// Shared returns the project's shared data directory: $ETIKETT_SHARED when
// set, else the directory shared next to the checkout (Root()/../shared).
// explicit reports whether $ETIKETT_SHARED named it: tests skip when the
// data is absent, unless it was asked for.
func Shared() (dir string, explicit bool) {
	if d := os.Getenv("ETIKETT_SHARED"); d != "" {
		return d, true
	}
	return filepath.Join(Root(), "..", "shared"), false
}

func rootOf(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}
