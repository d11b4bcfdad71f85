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
