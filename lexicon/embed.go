package lexicon

import "embed"

// An embed pattern cannot reach outside its package directory, so the
// default files and their embedding live here and the tagger imports this
// package.
//
//go:embed *.tsv
var defaultFiles embed.FS

var defaultFS = defaultFiles
