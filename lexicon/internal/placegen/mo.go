package placegen

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"strings"
)

// ReadMO reads a GNU gettext message catalogue (.mo file) into a map from
// msgid to msgstr. Entries with plural forms or contexts are kept with their
// raw keys; the header entry (empty msgid) is dropped.
func ReadMO(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m, err := parseMO(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

func parseMO(b []byte) (map[string]string, error) {
	if len(b) < 28 {
		return nil, errors.New("not a .mo file")
	}
	var bo binary.ByteOrder
	switch binary.LittleEndian.Uint32(b) {
	case 0x950412de:
		bo = binary.LittleEndian
	case 0xde120495:
		bo = binary.BigEndian
	default:
		return nil, errors.New("not a .mo file")
	}
	n := int(bo.Uint32(b[8:]))
	orig, trans := int(bo.Uint32(b[12:])), int(bo.Uint32(b[16:]))
	str := func(table, i int) (string, error) {
		at := table + 8*i
		if at+8 > len(b) {
			return "", errors.New("string table out of range")
		}
		l, off := int(bo.Uint32(b[at:])), int(bo.Uint32(b[at+4:]))
		if off+l > len(b) {
			return "", errors.New("string out of range")
		}
		return string(b[off : off+l]), nil
	}
	m := make(map[string]string, n)
	for i := 0; i < n; i++ {
		k, err := str(orig, i)
		if err != nil {
			return nil, err
		}
		v, err := str(trans, i)
		if err != nil {
			return nil, err
		}
		if k == "" {
			continue
		}
		// Plural entries hold NUL-separated forms: keep the first.
		if j := strings.IndexByte(k, 0); j >= 0 {
			k = k[:j]
		}
		if j := strings.IndexByte(v, 0); j >= 0 {
			v = v[:j]
		}
		m[k] = v
	}
	return m, nil
}
