package match

import "math/bits"

// hashKey is a fast hash of a key with wyhash's mixing. It is fixed (no
// random seed) so that a snapshot can record where each key lies in the
// key table, and loading it need not place the keys again. Lookups of
// crafted keys cannot be made slow: the table's clusters are those of the
// lexicon's keys, whatever is looked up.
func hashKey[K string | []byte](k K) uint64 {
	const (
		s0 = 0xa0761d6478bd642f
		s1 = 0xe7037ed1a0b428db
		s2 = 0x8ebc6af09c88c6e3
	)
	n := len(k)
	seed := uint64(s0)
	var a, b uint64
	switch {
	case n == 0:
	case n < 4:
		a = uint64(k[0])<<16 | uint64(k[n>>1])<<8 | uint64(k[n-1])
	case n <= 8:
		a, b = le32(k, 0), le32(k, n-4)
	case n <= 16:
		a, b = le64(k, 0), le64(k, n-8)
	default:
		for i := 0; n-i > 16; i += 16 {
			seed = mix(le64(k, i)^s1, le64(k, i+8)^seed)
		}
		a, b = le64(k, n-16), le64(k, n-8)
	}
	return mix(s2^uint64(n), mix(a^s1, b^seed))
}

func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

func le64[K string | []byte](k K, i int) uint64 {
	k = k[i : i+8]
	return uint64(k[0]) | uint64(k[1])<<8 | uint64(k[2])<<16 | uint64(k[3])<<24 |
		uint64(k[4])<<32 | uint64(k[5])<<40 | uint64(k[6])<<48 | uint64(k[7])<<56
}

func le32[K string | []byte](k K, i int) uint64 {
	k = k[i : i+4]
	return uint64(k[0]) | uint64(k[1])<<8 | uint64(k[2])<<16 | uint64(k[3])<<24
}
