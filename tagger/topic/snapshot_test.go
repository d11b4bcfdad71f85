package topic

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestModelBinaryRoundTrip encodes compiled models, decodes them and checks
// that the result encodes to the same bytes and scores texts alike.
func TestModelBinaryRoundTrip(t *testing.T) {
	texts := []string{
		"Die Nato-Staaten beraten über Waffenlieferungen an die Ukraine.",
		"Der FC Bayern gewann das Bundesligaspiel gegen Dortmund mit 3:1.",
		"Die Inflation steigt, die Europäische Zentralbank erhöht die Zinsen.",
	}
	articles, _ := filepath.Glob("../../testdata/articles/*.txt")
	for _, a := range articles {
		data, err := os.ReadFile(a)
		require.NoError(t, err)
		texts = append(texts, string(data))
	}
	for _, tc := range []struct {
		name string
		opts Options
		load func(testing.TB, Options) *Model
	}{
		{"small", Options{}, smallModel},
		{"small/options", Options{MinScore: 0.05, MaxTopics: 2}, smallModel},
		{"default", Options{}, loadDefault},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := tc.load(t, tc.opts)
			data, err := m.AppendBinary(nil)
			require.NoError(t, err)
			got, err := DecodeModel(string(data), tc.opts)
			require.NoError(t, err)
			again, err := got.AppendBinary(nil)
			require.NoError(t, err)
			require.Equal(t, data, again, "encoding the decoded model gives other bytes")
			assert.Equal(t, m.heads, got.heads)
			assert.Equal(t, m.mods, got.mods)
			assert.Equal(t, m.features, got.features)
			assert.Equal(t, m.entries, got.entries)
			assert.Equal(t, m.phrases, got.phrases)
			assert.Equal(t, m.keys, got.keys)
			assert.Equal(t, m.cues, got.cues)
			assert.Equal(t, m.Stats(), got.Stats())
			assert.Equal(t, m.Topics(), got.Topics())
			for _, text := range texts {
				assert.Equal(t, m.ScoreText(text), got.ScoreText(text))
				ws := AppendWords(nil, text)
				cues := []Cue{{Text: "Nato", ID: "nato", Type: "ORG", Form: "name"}, {Text: "Trainer", Role: "sport"}}
				assert.Equal(t, m.Score(ws, cues), got.Score(ws, cues))
			}
		})
	}
}

// TestDecodeModelCorrupt feeds DecodeModel damaged data: every error must
// wrap ErrBadModel, and nothing may panic.
func TestDecodeModelCorrupt(t *testing.T) {
	m := smallModel(t, Options{})
	data, err := m.AppendBinary(nil)
	require.NoError(t, err)
	good := string(data)
	tests := []struct {
		name string
		data string
	}{
		{"empty", ""},
		{"other magic", "etikett topic model v0\n" + good[len(modelMagic):]},
		{"magic only", modelMagic},
		{"truncated", good[:len(good)/2]},
		{"one byte short", good[:len(good)-1]},
		{"trailing byte", good + "x"},
		{"huge count", modelMagic + "\xff\xff\xff\xff\x0f"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeModel(tt.data, Options{})
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrBadModel)
		})
	}
	// Every truncation, and every byte changed, gives an error or a model
	// that scores without panicking.
	for i := len(modelMagic); i < len(good); i++ {
		_, err := DecodeModel(good[:i], Options{})
		require.Error(t, err, "truncated at %d", i)
		b := []byte(good)
		b[i] ^= 0x5a
		if m, err := DecodeModel(string(b), Options{}); err == nil {
			m.ScoreText("Die Nato-Staaten beraten über Waffenlieferungen und Bundesligaspiele.")
		}
	}
}

// FuzzDecodeModel checks that no input makes DecodeModel, or scoring with
// what it returns, panic.
func FuzzDecodeModel(f *testing.F) {
	m := smallModel(f, Options{})
	data, err := m.AppendBinary(nil)
	require.NoError(f, err)
	f.Add(string(data))
	f.Add(string(data[:len(data)/2]))
	f.Fuzz(func(t *testing.T, data string) {
		if m, err := DecodeModel(data, Options{}); err == nil {
			m.ScoreText("Die Nato-Staaten beraten über Waffenlieferungen und Bundesligaspiele.")
		}
	})
}
