package tagger

import (
	"encoding/binary"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/etikett-nlp/etikett/internal/token"
	"github.com/etikett-nlp/etikett/tagger/internal/match"
)

func TestWordCacheSlotIsOneCacheLine(t *testing.T) {
	assert.Equal(t, uintptr(64), unsafe.Sizeof(wcSlot{}))
	assert.Equal(t, uintptr(64), unsafe.Sizeof(kcSlot[compoundAnswer]{}))
	assert.Equal(t, uintptr(64), unsafe.Sizeof(kcSlot[hyphenAnswer]{}))
	assert.LessOrEqual(t, unsafe.Sizeof(kcSlot[bool]{}), uintptr(64))
}

// wcKeyOf reads the same words whether or not the key has room after it.
func TestWCKeyOf(t *testing.T) {
	for _, k := range []string{"", "a", "nato", "schmidt", "russland", "bundesregierung", "vereinigte staaten", "abcdefghijklmnopqrstuvw"} {
		tight := []byte(k)[:len(k):len(k)]
		roomy := token.AppendKeyAt([]byte("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")[:3], "zz"+k+"ABCDEFGH", 2, 2+len(k))[3:]
		require.Equal(t, k, string(roomy))
		require.GreaterOrEqual(t, cap(roomy)-len(roomy), 8)
		a, b := wcKeyOf(tight), wcKeyOf(roomy)
		assert.Equal(t, a, b, k)
		want := wcKey{2: uint64(len(k)+1) << 56}
		for i := range len(k) {
			want[i/8] |= uint64(k[i]) << (8 * (i % 8))
		}
		assert.Equal(t, want, a, k)
	}
}

// A wcKey is the key's match.KeyWords, which fill passes to
// Gazetteer.WordWords: as wcKeyOf makes it, and in every slot that the
// entity loop fills (inline, in key16 and in info), where the slot
// holds what the gazetteer has for the key.
func TestWcKeyWords(t *testing.T) {
	for _, k := range []string{"", "a", "nato", "schmidt", "russland", "bundesregierung", "außenministerin", "vereinigte staaten", "abcdefghijklmnopqrstuvw"} {
		roomy := append([]byte(k), "XXXXXXXXXXXXXXXX"...)[:len(k)]
		assert.Equal(t, match.KeyWords([]byte(k)), [3]uint64(wcKeyOf([]byte(k)[:len(k):len(k)])), k)
		assert.Equal(t, match.KeyWords([]byte(k)), [3]uint64(wcKeyOf(roomy)), k)
	}
	tg, scratches := testScratches(t)
	slots := 0
	for _, s := range scratches {
		for i := range s.wc.sets {
			for _, sl := range s.wc.sets[i] {
				if sl.key == (wcKey{}) {
					continue
				}
				n := int(sl.key[2]>>56) - 1
				key := make([]byte, n)
				for j := range key {
					key[j] = byte(sl.key[j/8] >> (8 * (j % 8)))
				}
				require.Equal(t, match.KeyWords(key), [3]uint64(sl.key), "%q", key)
				require.Same(t, tg.g.Word(key), sl.w, "%q", key)
				slots++
			}
		}
	}
	assert.Greater(t, slots, 1000)
}

// key16 writes AppendKey's key and answers as info does, for the tokens of
// up to 16 bytes of ASCII and Latin-1 letters, and leaves dst as it was for
// others.
func TestKey16(t *testing.T) {
	tg, err := New(WithoutTopics())
	require.NoError(t, err)
	tests := []struct {
		text   string
		ln     int
		wantOK bool
	}{
		{"Bundesregierung und", 15, true},
		{"Stoltenberg sagte", 11, true},
		{"Bundeskanzleramt: ja", 16, true},
		{"NATO-GENERALSEKRETÄR", 14, true},
		{"Außenministerin sagt", 16, true},   // an umlaut
		{"Ministerium-Ärger ..", 16, true},   // an umlaut in the second word
		{"Mü ist nicht Mu", 3, true},         // a short word
		{"Berlin ist nicht", 6, true},        // a short ASCII word
		{"MinisteÄrger abcd", 16, false},     // Ä cut between the words
		{"Ministerin-Ärger ..", 12, false},   // Ä cut at the end
		{"„Bild“ titelte heute", 3, true},    // general punctuation (punctKey)
		{"’ sagte er heute", 3, false},       // ’ is keyed '
		{"„B“ titelte heute", 4, false},      // not a Latin-1 letter
		{"Mañana – oder später", 7, true},    // ñ
		{"Scholz’ Partei sagte", 8, false},   // ’ is keyed '
		{"Kasse\u00adnwart sagt", 12, false}, // a soft hyphen
	}
	c := new(wordCache)
	for _, tt := range tests {
		dst := [16]byte{15: 'x'}
		ti, ok := c.key16(tg.g, &dst, tt.text, 0, tt.ln)
		require.Equal(t, tt.wantOK, ok, tt.text)
		if !ok {
			assert.Equal(t, [16]byte{15: 'x'}, dst, tt.text)
			continue
		}
		key := token.AppendKey(nil, tt.text[:tt.ln])
		assert.Equal(t, string(key), string(dst[:tt.ln]), tt.text)
		for _, b := range dst[tt.ln:] {
			assert.Zero(t, b, tt.text)
		}
		assert.Same(t, tg.g.Word(key), ti.w, tt.text)
		assert.Equal(t, ti, c.info(tg.g, key), tt.text)
	}
}

// The word cache answers what the gazetteer answers, for keys it holds, keys
// that share a set, and keys too long to cache.
func TestWordCacheAnswersAsGazetteer(t *testing.T) {
	tg, err := New(WithoutTopics())
	require.NoError(t, err)
	c := new(wordCache)
	keys := []string{"putin", "russland", "der", "nato", "stoltenberg", "bundesregierung", "xyzzy",
		"vereinigte staaten von amerika", "deutschen", "berlin", "nato"}
	for range 3 {
		for _, k := range keys {
			want := tg.g.Word([]byte(k))
			got := c.info(tg.g, []byte(k))
			assert.Same(t, want, got.w, k)
			// A key with room after it, as the entities loop has them.
			roomy := token.AppendKeyAt(nil, strings.ToUpper(k)+"........", 0, len(k))
			assert.Same(t, want, c.info(tg.g, roomy).w, k)
			if want != nil {
				assert.Equal(t, want.Bits, got.bits&want.Bits, k)
				assert.Equal(t, len(want.Cands), len(got.cands), k)
			}
		}
	}
}

// keyCache answers as the function it caches, for repeated keys, keys in
// one set (a cache of two sets) and keys too long to cache.
func TestKeyCacheAnswersAsFunction(t *testing.T) {
	tg, err := New(WithoutTopics())
	require.NoError(t, err)
	keys := []string{"natogipfel", "kremlchef", "regierung", "haus", "putin", "bundesverteidigungsministerium",
		"x", "", "donaudampfschifffahrtsgesellschaftskapitänsmützenherstellervereinigungsvorsitzender"}
	for _, bits := range []int{1, 10} {
		nouns, compounds := newKeyCache[bool](bits), newKeyCache[compoundAnswer](bits)
		for range 3 {
			for _, k := range keys {
				assert.Equal(t, tg.g.IsNoun([]byte(k)), nouns.get(tg.g, []byte(k), (*match.Gazetteer).IsNoun), k)
				assert.Equal(t, compoundOf(tg.g, []byte(k)), compounds.get(tg.g, []byte(k), compoundOf), k)
			}
		}
	}
}

// The bits of bSolo are free of the other classes in scratch.bits, and
// infoOf sets them as Gazetteer.OneTokenName answers.
func TestSoloBits(t *testing.T) {
	assert.Zero(t, bSolo&(bTitle<<1-1|bRole|bDeriv|bRootCases|bFirstName|bSurname))
	tg, err := New(WithoutTopics())
	require.NoError(t, err)
	for _, k := range []string{"nato", "berlin", "deutschen", "vereinten", "bank", "un", "der", "müller", "spd", "grünen", "paris"} {
		w := tg.g.Word([]byte(k))
		require.NotNil(t, w, k)
		ti := infoOf(tg.g, w)
		for tc := range uint8(3) {
			want := ti.bits&bRootCases != 0 && tg.g.OneTokenName(w.Cands, tc)
			assert.Equal(t, want, ti.bits&soloMasks[tc] != 0, "%q, case %d", k, tc)
			if hits := tg.g.Hits([]match.Tok{{Cands: w.Cands, Case: tc}}, nil); len(hits) > 0 {
				assert.NotZero(t, ti.bits&soloMasks[tc], "%q, case %d: a name", k, tc)
			}
		}
	}
}

// keyBits sets bKeyKnown, and each other bit of bKeyBits as the tests of
// placeCandidate and hasPersonCue that it stands for hold; its bits are free
// of the other classes in scratch.bits.
func TestKeyBits(t *testing.T) {
	assert.Zero(t, bKeyBits&(bTitle<<1-1|bRole|bDeriv|bRootCases|bSolo|bFirstName|bSurname))
	for _, c := range []struct {
		key  string
		want uint32
	}{
		{"", 0}, {"s", 0}, {"haus", 0}, {"müllers", bEndsS}, {"bad", bKeyPlace},
		{"baden", 0}, {"hauptstraße", bEndStreet}, {"schwarzwald", 0},
		{"neckartal", bKeyPlace}, {"tal", 0}, {"bodensee", bKeyPlace},
		{"berghütte", bKeyPlace}, {"jungbrunnen", bKeyPlace},
	} {
		got := keyBits([]byte(c.key))
		assert.NotZero(t, got&bKeyKnown, c.key)
		key := []byte(c.key)
		assert.Equal(t, len(key) >= 6 && strings.HasSuffix(c.key, "s"), got&bEndsS != 0, c.key)
		var ends uint8
		if len(key) >= 2 {
			ends = placeEnds[suffixPair(key[len(key)-2], key[len(key)-1])]
		}
		assert.Equal(t, ends&peStreet != 0, got&bEndStreet != 0, c.key)
		assert.Equal(t, ends&peToponym != 0, got&bEndToponym != 0, c.key)
		place := ends&peLandmark != 0 && landmarkEnding(key) || len(key) >= 6 && directionStarts.mayStart(key) || c.key == "bad"
		assert.Equal(t, place, got&bKeyPlace != 0, c.key)
		if c.want != 0 {
			assert.Equal(t, c.want, got&c.want, c.key)
		}
	}
}

// keyCache.slot finds the keys whose values were stored in their slots,
// and no others; a key too long to cache has no slot.
func TestKeyCacheSlot(t *testing.T) {
	long := []byte(strings.Repeat("x", kcKeyMax+1))
	for _, bits := range []int{1, 10} {
		c := newKeyCache[int32](bits)
		v, ok := c.slot(long)
		assert.Nil(t, v)
		assert.False(t, ok)
		for _, c2 := range []struct {
			key  string
			seen bool
		}{{"nato-gipfel", false}, {"nato-gipfel", true}, {"us-präsident", false}, {"nato-gipfel", true},
			{"us-präsident", true}, {"", false}, {"", true}} {
			v, ok := c.slot([]byte(c2.key))
			require.NotNil(t, v, c2.key)
			if bits == 10 || c2.key == "" {
				assert.Equal(t, c2.seen, ok, c2.key)
			}
			if ok {
				assert.Equal(t, int32(len(c2.key)), *v, c2.key)
			} else {
				*v = int32(len(c2.key))
			}
		}
	}
}

// hyphenated tags a token the same whether hyphenAnswerOf finds it or the
// cache remembers it: a text tagged twice with one scratch, and again after
// the cache is emptied, gives the same entities.
func TestHyphenatedCached(t *testing.T) {
	tg, err := New(WithoutTopics())
	require.NoError(t, err)
	for _, text := range []string{
		"Der Nato-Gipfel in Berlin-Charlottenburg. US-Außenminister und deutsch-russische Gespräche.",
		"Die SPD-Fraktion traf den CDU-Chef in Moskau-Scheremetjewo; Nato-Gipfel, Nato-Gipfel.",
		"Ein Baden-Württemberger im Rhein-Main-Gebiet, der Bundestags-Vize und die -Frage.",
	} {
		first, err := tg.Tag(text)
		require.NoError(t, err)
		assert.NotEmpty(t, first.Entities, text)
		again, err := tg.Tag(text)
		require.NoError(t, err)
		assert.Equal(t, first, again, text)
		s := tg.pool.Get().(*scratch)
		if s.hc != nil {
			s.hc = newKeyCache[hyphenAnswer](11)
		}
		tg.pool.Put(s)
		fresh, err := tg.Tag(text)
		require.NoError(t, err)
		assert.Equal(t, first, fresh, text)
	}
}

// punctKey keys a token of one rune of general punctuation as AppendKey
// does, and takes no other token of three bytes.
func TestPunctKey(t *testing.T) {
	for _, tt := range []struct {
		text   string
		wantOK bool
	}{
		{"„", true}, {"“", true}, {"”", true}, {"–", true}, {"—", true}, {"…", true}, {"‚", true}, {"‘", true},
		{" ", true}, {"‿", true},
		{"’", false}, {"€", false}, {"⁀", false}, {"῿", false}, {"Öl", false}, {"abc", false},
		{"âÀ", false}, {"â", false},
	} {
		text := tt.text + "........"
		key, ok := punctKey(token.Load8(text, 0))
		require.Equal(t, tt.wantOK, ok, tt.text)
		if ok {
			var b [8]byte
			binary.LittleEndian.PutUint64(b[:], key)
			assert.Equal(t, string(token.AppendKey(nil, tt.text)), string(b[:len(tt.text)]), tt.text)
			assert.Zero(t, key>>24, tt.text)
		}
	}
}
