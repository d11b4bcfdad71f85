package topic

// featStem is a compact copy of what scoring reads of a keyword feature for
// every candidate word: its compound use and its stem, when it has a single
// short one. A feature (about 200 bytes) and its stems live in three places
// in memory; a word's candidates are checked here, in one 32-byte record,
// and only features with several or long stems fall back to
// feature.stemMatch.
type featStem struct {
	kind                uint8 // one of the stem kinds below
	n                   uint8 // length of the inline stem
	head, mod, modAlone bool
	b                   [stemInline]byte
}

const stemInline = 27

// Stem kinds of a featStem.
const (
	stemNone  uint8 = iota // no stems: every word passes
	stemPlain              // one stem, b[:n]: the word starts with it
	stemE                  // one stem of an e-lemma, b[:n] (see stemMatch)
	stemSlow               // ask feature.stemMatch
)

// featPost is a feature's posting when it has exactly one (topic >= 0),
// with the feature's rank: what result reads of most matched features.
type featPost struct {
	topic, rank int32
	weight      float64
}

// scoring returns the compact copies of the features scoring reads (and
// sets orderPos), built on first use (a Model is immutable; scoring derives
// them once, whichever way the model was made).
func (m *Model) scoring() ([]featStem, []featPost) {
	m.stemsOnce.Do(func() {
		m.nextBytes = make([][2]uint64, len(m.entries))
		for e := range m.entries {
			for _, pi := range m.entries[e].phrases {
				if want := m.phrases[pi].rest[0]; want != "" && want[0] < 128 {
					m.nextBytes[e][want[0]/64] |= 1 << (want[0] % 64)
				}
			}
		}
		m.orderPos = make([]int32, len(m.topics))
		for i, t := range m.order {
			m.orderPos[t] = int32(i)
		}
		fp := make([]featPost, len(m.features))
		for i := range m.features {
			f := &m.features[i]
			fp[i] = featPost{topic: -1, rank: f.rank}
			if len(f.post) == 1 {
				fp[i].topic, fp[i].weight = f.post[0].topic, f.post[0].weight
			}
		}
		m.posts = fp
		fs := make([]featStem, len(m.features))
		for i := range m.features {
			f := &m.features[i]
			fs[i] = featStem{head: f.head, mod: f.mod, modAlone: f.modAlone}
			switch {
			case len(f.stems) == 0:
				fs[i].kind = stemNone
			case len(f.stems) == 1 && len(f.stems[0]) > 0 && len(f.stems[0]) <= stemInline:
				st := f.stems[0]
				fs[i].kind = stemPlain
				if st[len(st)-1] == 0 {
					fs[i].kind = stemE
					st = st[:len(st)-1]
				}
				fs[i].n = uint8(copy(fs[i].b[:], st))
			default:
				fs[i].kind = stemSlow
			}
		}
		m.stems = fs
	})
	return m.stems, m.posts
}

// stemMatch is m.features[f].stemMatch(w, modifier), from fs when it can.
func (m *Model) stemMatch(fs []featStem, f int32, w []byte, modifier bool) bool {
	st := &fs[f]
	switch st.kind {
	case stemNone:
		return true
	case stemPlain:
		return len(w) >= int(st.n) && string(w[:st.n]) == string(st.b[:st.n])
	case stemE:
		if len(w) < int(st.n) || string(w[:st.n]) != string(st.b[:st.n]) {
			return false
		}
		rest := w[st.n:]
		return modifier || len(rest) == 0 || rest[0] == 'e' || len(rest) >= 2 && rest[0] == 'i' && rest[1] == 'n'
	}
	return m.features[f].stemMatch(w, modifier)
}
