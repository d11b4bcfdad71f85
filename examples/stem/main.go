// Command stem prints the German Snowball stem of every input line (or of
// each argument), one per line: the same contract as Snowball's own stemwords
// program, so its output can be compared with the official vocabulary:
//
//	go run ./examples/stem < voc.txt | diff - output.txt
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/etikett-nlp/etikett/tagger/stem"
)

func main() {
	if err := run(os.Args[1:], os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "stem:", err)
		os.Exit(1)
	}
}

func run(args []string, in io.Reader, out io.Writer) error {
	w := bufio.NewWriter(out)
	defer w.Flush()
	if len(args) > 0 {
		for _, a := range args {
			fmt.Fprintln(w, stem.German(a))
		}
		return nil
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	var buf []byte
	for sc.Scan() {
		buf = stem.AppendGerman(buf[:0], sc.Bytes())
		buf = append(buf, '\n')
		w.Write(buf)
	}
	return sc.Err()
}
