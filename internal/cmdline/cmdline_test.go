package cmdline

import (
	"bytes"
	"flag"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParse(t *testing.T) {
	tests := []struct {
		args   []string
		status int
		ok     bool
		n      int
		out    string // in what the flag set printed
	}{
		{args: nil, ok: true},
		{args: []string{"-n", "3", "file"}, ok: true, n: 3},
		{args: []string{"-h"}, status: 0, out: "Usage"},
		{args: []string{"-help"}, status: 0, out: "-n int"},
		{args: []string{"-nope"}, status: 2, out: "not defined: -nope"},
		{args: []string{"-n", "x"}, status: 2, out: "invalid value"},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		fs := flag.NewFlagSet("prog", flag.ContinueOnError)
		fs.SetOutput(&out)
		n := fs.Int("n", 0, "a number")
		status, ok := Parse(fs, tt.args)
		assert.Equal(t, tt.ok, ok, "%q", tt.args)
		assert.Equal(t, tt.status, status, "%q", tt.args)
		assert.Equal(t, tt.n, *n, "%q", tt.args)
		assert.Contains(t, out.String(), tt.out, "%q", tt.args)
	}
}
