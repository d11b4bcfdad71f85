package placegen

import (
	"bytes"
	"compress/zlib"
	"debug/elf"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
)

// City is one record of the GeoNames city table that Debian's geonames
// library (packages libgeonames0 and libgeonames-common, data CC BY 4.0
// geonames.org) ships.
type City struct {
	GeonameID   string // GeoNames id, e.g. "2950159"
	NameEN      string // GeoNames main name
	StateCode   string // admin1 code
	StateNameEN string
	CountryCode string // ISO 3166-1 alpha-2
	CountryEN   string
	Timezone    string
	Population  uint32
	Latitude    float64
	Longitude   float64
}

// GeonamesLibGlob finds the shared library holding the city table.
const GeonamesLibGlob = "/usr/lib/*/libgeonames.so.0*"

// GeonamesMO is the German translation catalogue of the geonames library:
// msgid is a GeoNames id ("2950159"), "CC.admin1" for a state, or "CC" for a
// country; msgstr is the German name.
const GeonamesMO = "/usr/share/locale/de/LC_MESSAGES/geonames.mo"

// FindGeonamesLib returns the path of the installed libgeonames shared object.
func FindGeonamesLib() (string, error) {
	m, _ := filepath.Glob(GeonamesLibGlob)
	for _, p := range m {
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s: %w (apt-get install libgeonames0)", GeonamesLibGlob, os.ErrNotExist)
}

// ReadGeonamesCities extracts the city table from the GResource bundle
// compiled into libgeonames (resource .../cities.compiled, a serialized
// GVariant of type a(sssssssudd)).
func ReadGeonamesCities(libPath string) ([]City, error) {
	blob, err := gresourceBlob(libPath)
	if err != nil {
		return nil, err
	}
	data, err := gresourceFile(blob, "cities.compiled")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", libPath, err)
	}
	return decodeCities(data)
}

// gresourceBlob returns the GVDB file embedded in an ELF object.
func gresourceBlob(path string) ([]byte, error) {
	f, err := elf.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	for _, s := range f.Sections {
		if strings.HasPrefix(s.Name, ".gresource.") {
			return s.Data()
		}
	}
	// Fall back on a scan for the GVDB signature.
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if i := bytes.Index(raw, []byte("GVariant")); i >= 0 {
		return raw[i:], nil
	}
	return nil, fmt.Errorf("%s: no GResource data", path)
}

// gresourceFile finds the resource whose path ends in name inside a GVDB
// file and returns its (decompressed) content.
func gresourceFile(db []byte, name string) ([]byte, error) {
	le := binary.LittleEndian
	if len(db) < 24 || string(db[:8]) != "GVariant" {
		return nil, errors.New("not a GVDB file")
	}
	rs, re := le.Uint32(db[16:]), le.Uint32(db[20:])
	if re > uint32(len(db)) || rs+8 > re {
		return nil, errors.New("GVDB root out of range")
	}
	root := db[rs:re]
	nBloom := le.Uint32(root[0:]) & (1<<27 - 1)
	nBuckets := le.Uint32(root[4:])
	itemsAt := 8 + 4*int(nBloom) + 4*int(nBuckets)
	if itemsAt > len(root) {
		return nil, errors.New("GVDB hash table out of range")
	}
	items := root[itemsAt:]
	n := len(items) / 24
	type item struct {
		parent uint32
		key    string
		typ    byte
		vs, ve uint32
	}
	all := make([]item, n)
	for i := 0; i < n; i++ {
		it := items[i*24:]
		ks := le.Uint32(it[8:])
		kl := uint32(le.Uint16(it[12:]))
		if ks+kl > uint32(len(db)) {
			return nil, errors.New("GVDB key out of range")
		}
		all[i] = item{parent: le.Uint32(it[4:]), key: string(db[ks : ks+kl]), typ: it[14],
			vs: le.Uint32(it[16:]), ve: le.Uint32(it[20:])}
	}
	fullKey := func(i int) string {
		var parts []string
		for depth := 0; i >= 0 && i < n && depth < 64; depth++ {
			parts = append(parts, all[i].key)
			if all[i].parent == math.MaxUint32 {
				break
			}
			i = int(all[i].parent)
		}
		var b strings.Builder
		for j := len(parts) - 1; j >= 0; j-- {
			b.WriteString(parts[j])
		}
		return b.String()
	}
	for i, it := range all {
		if it.typ != 'v' || !strings.HasSuffix(fullKey(i), "/"+name) {
			continue
		}
		if it.ve > uint32(len(db)) || it.vs > it.ve {
			return nil, errors.New("GVDB value out of range")
		}
		v := db[it.vs:it.ve]
		// A serialized "v": child data, NUL, type string.
		nul := bytes.LastIndexByte(v, 0)
		if nul < 0 || string(v[nul+1:]) != "(uuay)" {
			return nil, fmt.Errorf("resource %s: unexpected value type", name)
		}
		v = v[:nul]
		if len(v) < 8 {
			return nil, fmt.Errorf("resource %s: short value", name)
		}
		size, flags, content := le.Uint32(v[0:]), le.Uint32(v[4:]), v[8:]
		if flags&1 != 0 { // G_RESOURCE_FLAGS_COMPRESSED
			zr, err := zlib.NewReader(bytes.NewReader(content))
			if err != nil {
				return nil, fmt.Errorf("resource %s: %w", name, err)
			}
			out, err := io.ReadAll(zr)
			if err != nil {
				return nil, fmt.Errorf("resource %s: %w", name, err)
			}
			content = out
		}
		if uint32(len(content)) < size {
			return nil, fmt.Errorf("resource %s: %d bytes, want %d", name, len(content), size)
		}
		return content[:size], nil
	}
	return nil, fmt.Errorf("resource %s not found", name)
}

// offsetSize is the size of a GVariant framing offset in a container of n bytes.
func offsetSize(n int) int {
	switch {
	case n == 0:
		return 0
	case n <= 0xff:
		return 1
	case n <= 0xffff:
		return 2
	case n <= 0xffffffff:
		return 4
	}
	return 8
}

func readOffset(b []byte, size int) int {
	switch size {
	case 1:
		return int(b[0])
	case 2:
		return int(binary.LittleEndian.Uint16(b))
	case 4:
		return int(binary.LittleEndian.Uint32(b))
	}
	return int(binary.LittleEndian.Uint64(b))
}

func align(n, a int) int { return (n + a - 1) &^ (a - 1) }

// decodeCities decodes a GVariant of type a(sssssssudd).
func decodeCities(d []byte) ([]City, error) {
	os := offsetSize(len(d))
	if os == 0 {
		return nil, nil
	}
	last := readOffset(d[len(d)-os:], os)
	if last > len(d) || (len(d)-last)%os != 0 {
		return nil, errors.New("cities: bad array framing")
	}
	n := (len(d) - last) / os
	out := make([]City, 0, n)
	start := 0
	for i := 0; i < n; i++ {
		end := readOffset(d[last+i*os:], os)
		if end < start || end > last {
			return nil, fmt.Errorf("cities: element %d out of range", i)
		}
		c, err := decodeCity(d[start:end])
		if err != nil {
			return nil, fmt.Errorf("cities: element %d: %w", i, err)
		}
		out = append(out, c)
		start = align(end, 8)
	}
	return out, nil
}

func decodeCity(t []byte) (City, error) {
	const nStr = 7
	os := offsetSize(len(t))
	if len(t) < nStr*os {
		return City{}, errors.New("short tuple")
	}
	var s [nStr]string
	pos := 0
	for i := 0; i < nStr; i++ {
		end := readOffset(t[len(t)-(i+1)*os:], os)
		if end <= pos || end > len(t) || t[end-1] != 0 {
			return City{}, errors.New("bad string framing")
		}
		s[i] = string(t[pos : end-1])
		pos = end
	}
	pos = align(pos, 4)
	if pos+4 > len(t) {
		return City{}, errors.New("short tuple")
	}
	pop := binary.LittleEndian.Uint32(t[pos:])
	pos = align(pos+4, 8)
	if pos+16 > len(t) {
		return City{}, errors.New("short tuple")
	}
	lat := math.Float64frombits(binary.LittleEndian.Uint64(t[pos:]))
	lon := math.Float64frombits(binary.LittleEndian.Uint64(t[pos+8:]))
	return City{GeonameID: s[0], NameEN: s[1], StateCode: s[2], StateNameEN: s[3],
		CountryCode: s[4], CountryEN: s[5], Timezone: s[6], Population: pop,
		Latitude: lat, Longitude: lon}, nil
}
