package tagger

import "github.com/etikett-nlp/etikett/tagger/internal/match"

// wordCache remembers what the gazetteer knows of recently seen token keys.
// News text repeats its words (der, die, Regierung, the names of the day),
// and the gazetteer's Bloom filter and key map are too large to stay in the
// CPU cache; a small direct-mapped table answers most tokens from memory
// that does. It lives in the pooled scratch, so it is warm across texts,
// and it only caches a pure function of the key: results are the same with
// or without it.
type wordCache struct {
	slots [wcSize]wcSlot
}

const (
	wcBits   = 12
	wcSize   = 1 << wcBits
	wcKeyMax = 22 // longer keys are not cached
)

// wcSlot is 32 bytes: two per cache line.
type wcSlot struct {
	n   uint8 // key length + 1; 0 when empty
	key [wcKeyMax]byte
	w   *match.Word
}

func wcHash(k []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range k {
		h = (h ^ uint32(c)) * 16777619
	}
	return h ^ h>>16
}

// word returns g.Word(key), from the cache when it can.
func (c *wordCache) word(g *match.Gazetteer, key []byte) *match.Word {
	if len(key) > wcKeyMax {
		return g.Word(key)
	}
	sl := &c.slots[wcHash(key)&(wcSize-1)]
	if int(sl.n) == len(key)+1 && string(sl.key[:len(key)]) == string(key) {
		return sl.w
	}
	w := g.Word(key)
	sl.n = uint8(len(key) + 1)
	copy(sl.key[:], key)
	sl.w = w
	return w
}
