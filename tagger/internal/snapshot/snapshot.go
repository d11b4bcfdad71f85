// Package snapshot holds the default lexicon precompiled: the lexicon
// entries, the compiled gazetteer, the first names and the compiled topic
// model, in one binary file (default.snap) embedded in the program. Loading
// it takes some tens of milliseconds where parsing and compiling the lexicon
// files takes a few hundred; tagger.New uses it when it is asked for the
// default lexicon alone (no user files, WithoutDefaultLexicon not given).
//
// The file is made by `go generate ./tagger/internal/snapshot` (or `go
// generate ./...` at the top of the module), which runs gen.go: it parses
// and compiles the embedded lexicon files exactly as tagger.New does
// without a snapshot, and writes the result. Run it after every change to
// lexicon/*.tsv and to the code that compiles them (package lexicon,
// tagger/internal/match, tagger/topic, internal/token, the stemmer, and
// Go's Unicode tables with a new Go release); TestUpToDate fails until then. Bump Version when the layout changes. The
// file must exist for the package to build: to start afresh, create an empty
// default.snap and run go generate.
//
// A program never uses a snapshot that does not fit: Load checks the magic
// line, the format version and a CRC-32 of the whole file, and compares the
// fingerprint of the lexicon files the snapshot was made from with that of
// the files embedded in the program (an edited TSV file with a forgotten go
// generate). On any mismatch it returns an error and the tagger compiles the
// files instead: slower, same result. A change to the compiling code alone
// is caught by TestUpToDate only.
//
// Layout: the magic line, the format version, the fingerprint, the gazetteer
// (match.Gazetteer.AppendBinary), the first names, the topic model
// (topic.Model.AppendBinary; empty when the lexicon has no topic files), and
// a CRC-32 (IEEE) of everything before it, little-endian.
package snapshot

//go:generate go run gen.go

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"math"
	"sort"

	"github.com/etikett-nlp/etikett/internal/snap"
	"github.com/etikett-nlp/etikett/lexicon"
	"github.com/etikett-nlp/etikett/tagger/internal/match"
	"github.com/etikett-nlp/etikett/tagger/topic"
)

// File is the name of the snapshot file in this directory.
const File = "default.snap"

//go:embed default.snap
var embedded string

const magic = "etikett snapshot\n"

// Version is the version of the snapshot format. Bump it with every change
// to the layout of the snapshot or of the parts it contains, and run go
// generate.
const Version = 4

// ErrStale is returned by Load when the embedded snapshot was made from
// other lexicon files than those embedded now.
var ErrStale = errors.New("snapshot: out of date with the lexicon files; run go generate ./tagger/internal/snapshot")

// Default is what a snapshot holds.
type Default struct {
	Gazetteer  *match.Gazetteer
	FirstNames []lexicon.FirstName
	// FirstNameIndex maps each first name to its line, as the tagger
	// wants them.
	FirstNameIndex map[string]lexicon.FirstName
	Topics         *topic.Model // nil when not asked for, or when there are no topic files
}

// Embedded returns the bytes of the embedded snapshot.
func Embedded() string { return embedded }

// Build parses and compiles the default lexicon and returns its snapshot.
func Build() ([]byte, error) {
	lx, err := lexicon.LoadDefault()
	if err != nil {
		return nil, err
	}
	fp, err := Fingerprint(lexicon.Default())
	if err != nil {
		return nil, err
	}
	return Encode(lx, fp)
}

// Encode compiles lx and returns its snapshot, recording the fingerprint fp
// of the files lx was read from (see Fingerprint).
func Encode(lx *lexicon.Lexicon, fp uint32) ([]byte, error) {
	if err := lx.Err(); err != nil {
		return nil, err
	}
	w := &snap.Writer{Buf: []byte(magic)}
	w.Int(Version)
	w.Uvarint(uint64(fp))
	g, err := match.Compile(lx).AppendBinary(nil)
	if err != nil {
		return nil, err
	}
	w.String(string(g))
	// First names; their files and genders repeat, and are written once.
	var common snap.Table
	idx := common.Index
	names := &snap.Writer{}
	for _, n := range lx.FirstNames {
		names.String(n.Name)
		names.Int(idx(n.Gender))
		names.Bool(n.Noun)
		names.Int(idx(n.File))
		names.Int(n.Line)
	}
	w.Strings(common.List())
	w.Int(len(lx.FirstNames))
	w.Buf = append(w.Buf, names.Buf...)
	var tm []byte
	if len(lx.Topics) > 0 {
		var files []*topic.File
		for _, f := range lx.Topics {
			tf, err := topic.Parse(f.Name, bytes.NewReader(f.Data))
			if err != nil {
				return nil, err
			}
			files = append(files, tf)
		}
		m, err := topic.Compile(files, topic.Options{})
		if err != nil {
			return nil, err
		}
		if tm, err = m.AppendBinary(nil); err != nil {
			return nil, err
		}
	}
	w.String(string(tm))
	return binary.LittleEndian.AppendUint32(w.Buf, crc32.ChecksumIEEE(w.Buf)), nil
}

// checksum returns the CRC-32 (IEEE) of s, without copying it whole.
func checksum(s string) uint32 {
	var buf [32 << 10]byte
	crc := uint32(0)
	for len(s) > 0 {
		n := copy(buf[:], s)
		crc = crc32.Update(crc, crc32.IEEETable, buf[:n])
		s = s[n:]
	}
	return crc
}

// Fingerprint returns a checksum of the *.tsv files of fsys: their names and
// contents, in name order.
func Fingerprint(fsys fs.FS) (uint32, error) {
	names, err := fs.Glob(fsys, "*.tsv")
	if err != nil {
		return 0, err
	}
	sort.Strings(names)
	h := crc32.NewIEEE()
	buf := make([]byte, 64<<10)
	for _, name := range names {
		f, err := fsys.Open(name)
		if err != nil {
			return 0, err
		}
		io.WriteString(h, name)
		h.Write([]byte{0})
		_, err = io.CopyBuffer(h, struct{ io.Reader }{f}, buf)
		f.Close()
		if err != nil {
			return 0, err
		}
		h.Write([]byte{0})
	}
	return h.Sum32(), nil
}

// Load decodes the embedded snapshot and checks it against the embedded
// lexicon files. The topic model is decoded, with opts, only when topics is
// set. The hooks are called while the gazetteer is decoded (see
// match.DecodeWith).
func Load(topics bool, opts topic.Options, hooks match.Hooks) (*Default, error) {
	fp := make(chan uint32, 1)
	go func() {
		f, err := Fingerprint(lexicon.Default())
		if err != nil {
			f = 0 // never the fingerprint of a snapshot made from files that were read
		}
		fp <- f
	}()
	d, want, err := decode(embedded, topics, opts, hooks)
	if err != nil {
		return nil, err
	}
	if got := <-fp; got != want {
		return nil, ErrStale
	}
	return d, nil
}

// Decode decodes a snapshot and returns it with the fingerprint it records.
// Corrupt data, or data of another format version, gives an error, never a
// panic. The strings of the result are substrings of data.
func Decode(data string, topics bool, opts topic.Options) (*Default, uint32, error) {
	return decode(data, topics, opts, match.Hooks{})
}

func decode(data string, topics bool, opts topic.Options, hooks match.Hooks) (*Default, uint32, error) {
	if len(data) < len(magic)+4 || data[:len(magic)] != magic {
		return nil, 0, fmt.Errorf("snapshot: %w: not a snapshot", snap.ErrCorrupt)
	}
	body := data[:len(data)-4]
	sum := make(chan uint32, 1)
	go func() { sum <- checksum(body) }()
	r := snap.NewReader(body[len(magic):])
	if v := r.Uvarint(); r.Err() == nil && v != Version {
		return nil, 0, fmt.Errorf("snapshot: format version %d, want %d; run go generate ./tagger/internal/snapshot", v, Version)
	}
	fp := r.Uint32()
	gdata := r.String()
	if err := r.Err(); err != nil {
		return nil, 0, fmt.Errorf("snapshot: %w", err)
	}
	// The gazetteer first: it allocates most of the memory, at once, so
	// the garbage collector runs once while it loads rather than two or
	// three times.
	type decodedGaz struct {
		g   *match.Gazetteer
		err error
	}
	gc := make(chan decodedGaz, 1)
	go func() {
		g, err := match.DecodeWith(gdata, hooks)
		gc <- decodedGaz{g, err}
	}()
	var gd decodedGaz
	received := false
	defer func() {
		if !received {
			<-gc // the hooks are done when decode returns
		}
	}()
	common := r.Strings()
	str := func() string { return r.TableString(common) }
	nf := r.Len(5)
	if err := r.Err(); err != nil {
		return nil, 0, fmt.Errorf("snapshot: %w", err)
	}
	d := &Default{FirstNames: make([]lexicon.FirstName, nf)}
	for i := range d.FirstNames {
		n := &d.FirstNames[i]
		n.Name = r.String()
		n.Gender = str()
		n.Noun = r.Bool()
		n.File = str()
		n.Line = r.Int(math.MaxInt32)
	}
	tdata := r.String()
	if err := r.Err(); err != nil {
		return nil, 0, fmt.Errorf("snapshot: %w", err)
	}
	index := make(chan map[string]lexicon.FirstName, 1)
	go func() {
		m := make(map[string]lexicon.FirstName, len(d.FirstNames))
		for _, n := range d.FirstNames {
			m[n.Name] = n
		}
		index <- m
	}()
	defer func() { d.FirstNameIndex = <-index }()
	if r.Remaining() != 0 {
		return nil, 0, fmt.Errorf("snapshot: %w: %d bytes after the topic model", snap.ErrCorrupt, r.Remaining())
	}
	// The parts are decoded while the sum is computed (they are robust
	// against corrupt data); it is checked before anything is returned.
	badSum := func() error {
		if got, want := <-sum, binary.LittleEndian.Uint32([]byte(data[len(data)-4:])); got != want {
			return fmt.Errorf("snapshot: %w: checksum %08x, want %08x", snap.ErrCorrupt, got, want)
		}
		return nil
	}
	type decoded struct {
		m   *topic.Model
		err error
	}
	tc := make(chan decoded, 1)
	if topics && tdata != "" {
		go func() {
			m, err := topic.DecodeModel(tdata, opts)
			tc <- decoded{m, err}
		}()
	} else {
		tc <- decoded{}
	}
	gd, received = <-gc, true
	td := <-tc
	if err := badSum(); err != nil {
		return nil, 0, err
	}
	g, err := gd.g, gd.err
	if err != nil {
		return nil, 0, fmt.Errorf("snapshot: %w", err)
	}
	if td.err != nil {
		return nil, 0, fmt.Errorf("snapshot: %w", td.err)
	}
	d.Gazetteer, d.Topics = g, td.m
	return d, fp, nil
}
