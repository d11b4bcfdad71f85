module github.com/etikett-nlp/etikett

go 1.26.0

require (
	github.com/kljensen/snowball v0.10.0
	github.com/stretchr/testify v1.12.1
)

require go.yaml.in/yaml/v3 v3.0.5 // indirect
