package lexicon

import "embed"

// go:embed cannot reach outside this directory, so the default files and
// their embedding live here and the tagger imports this package.
//
//go:embed *.tsv
var defaultFiles embed.FS

var defaultFS = defaultFiles
