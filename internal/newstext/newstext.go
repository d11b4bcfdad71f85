// Package newstext loads the project's German news articles (the seed
// article and testdata/articles) for benchmarks, so that every package
// measures on the same text, and fresh text for tests that want it (the
// 10kGNAD dev articles of the shared data, when it is there).
package newstext

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/etikett-nlp/etikett/internal/labeled"
	"github.com/etikett-nlp/etikett/internal/repo"
)

// Fresh returns the texts of the 10kGNAD dev articles in the shared data
// (repo.Shared), which a user's clone lacks: an error then.
func Fresh() ([]string, error) {
	shared, _ := repo.Shared()
	docs, err := labeled.ReadFile(filepath.Join(shared, "data", "10kgnad", "dev.csv"))
	if err != nil {
		return nil, err
	}
	texts := make([]string, len(docs))
	for i, d := range docs {
		texts[i] = d.Text
	}
	return texts, nil
}

// Articles returns the names and texts of the seed article and the
// articles of testdata/articles, seed first; testdata is the path of the
// repository's testdata folder.
func Articles(testdata string) (names, docs []string, err error) {
	paths, err := filepath.Glob(filepath.Join(testdata, "articles", "*.txt"))
	if err != nil {
		return nil, nil, fmt.Errorf("newstext: %v", err)
	}
	if len(paths) == 0 {
		return nil, nil, fmt.Errorf("newstext: no articles (*.txt) in %s", filepath.Join(testdata, "articles"))
	}
	sort.Strings(paths)
	paths = append([]string{filepath.Join(testdata, "nato-putin-nordkorea.txt")}, paths...)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, nil, err
		}
		names = append(names, strings.TrimSuffix(filepath.Base(p), ".txt"))
		docs = append(docs, string(data))
	}
	return names, docs, nil
}

// Corpus joins docs, repeated, into at least size bytes of text, with a
// blank line between documents.
func Corpus(docs []string, size int) string {
	var sb strings.Builder
	for i := 0; sb.Len() < size && len(docs) > 0; i++ {
		sb.WriteString(docs[i%len(docs)])
		sb.WriteString("\n\n")
	}
	return sb.String()
}
