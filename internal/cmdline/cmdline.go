// Package cmdline holds what the example programs share on their command
// lines.
package cmdline

import (
	"errors"
	"flag"
)

// Parse parses args into fs, a flag set made with flag.ContinueOnError.
// When the program should stop, it returns false and the exit status: 0
// after -h or -help (fs has printed the usage), 2 after a bad flag (fs has
// printed the error and the usage).
func Parse(fs *flag.FlagSet, args []string) (status int, ok bool) {
	err := fs.Parse(args)
	switch {
	case err == nil:
		return 0, true
	case errors.Is(err, flag.ErrHelp):
		return 0, false
	default:
		return 2, false
	}
}
