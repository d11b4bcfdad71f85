package labeled

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRead(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Doc
	}{
		{"plain", "Sport;Ein Tor.\nWeb;Apps\n", []Doc{{"Sport", "Ein Tor.", 1}, {"Web", "Apps", 2}}},
		{"quoted with ; and newline", "Kultur;'Oper; \"Tosca\"\nzweite Zeile'\nWeb;x\n", []Doc{{"Kultur", "Oper; \"Tosca\"\nzweite Zeile", 1}, {"Web", "x", 3}}},
		{"doubled quote", "Etat;'Der ''Falter'' berichtet'\n", []Doc{{"Etat", "Der 'Falter' berichtet", 1}}},
		{"apostrophe inside", "Inland;Scholz' Rede\n", []Doc{{"Inland", "Scholz' Rede", 1}}},
		{"semicolon in unquoted text", "Web;a;b\n", []Doc{{"Web", "a;b", 1}}},
		{"blank lines", "\nSport;Tor\n\n", []Doc{{"Sport", "Tor", 2}}},
		{"crlf", "Sport;Tor\r\n", []Doc{{"Sport", "Tor", 1}}},
		{"no final newline", "Sport;Tor", []Doc{{"Sport", "Tor", 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(strings.NewReader(tt.in), "x.csv")
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestReadErrors(t *testing.T) {
	_, err := Read(strings.NewReader("Sport;Tor\nkein Label\n"), "b.csv")
	assert.EqualError(t, err, "b.csv:2: want label;text, have 1 fields")
	_, err = Read(strings.NewReader("Sport;'Tor\n"), "c.csv")
	assert.EqualError(t, err, "c.csv:1: unterminated quote")
	_, err = ReadFile(filepath.Join(t.TempDir(), "missing.csv"))
	assert.Error(t, err)
	p := filepath.Join(t.TempDir(), "ok.csv")
	require.NoError(t, os.WriteFile(p, []byte("A;b\n"), 0o644))
	docs, err := ReadFile(p)
	require.NoError(t, err)
	assert.Len(t, docs, 1)
}
