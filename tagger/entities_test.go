package tagger

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/etikett-nlp/etikett/internal/token"
	"github.com/etikett-nlp/etikett/tagger/internal/match"
)

// wordWork and mayBeCompound say which tokens word has work at, and at
// which of them it asks for a closed compound.
func TestWordWork(t *testing.T) {
	tests := []struct {
		name     string
		kind     token.Kind
		flags    token.Flags
		bits     uint32
		keyLen   int
		work     bool
		compound bool
	}{
		{"lower-case word", token.Word, 0, 0, 8, false, false},
		{"short capitalized word", token.Word, token.Cap, 0, 5, false, false},
		{"long capitalized word", token.Word, token.Cap, 0, 6, true, true},
		{"derived word", token.Word, 0, bDeriv, 9, true, false},
		{"capitalized derived word", token.Word, token.Cap, bDeriv, 9, true, false},
		{"hyphenated word", token.Word, token.Cap | token.Hyphen, 0, 12, true, false},
		{"truncated word", token.Word, token.Cap | token.Truncated, bDeriv, 9, false, false},
		{"number", token.Number, token.Cap, bDeriv, 9, false, false},
	}
	for _, tt := range tests {
		tok := &token.Token{Kind: tt.kind, Flags: tt.flags}
		assert.Equal(t, tt.work, wordWork(tok, tt.bits, tt.keyLen), tt.name)
		assert.Equal(t, tt.compound, mayBeCompound(tok, tt.bits, tt.keyLen), tt.name)
	}
}

func TestCompoundCode(t *testing.T) {
	assert.Equal(t, int32(-1), compoundCode(7, 4, false))
	assert.Equal(t, int32(1), compoundCode(0, 4, true))
	assert.Equal(t, int32(8), compoundCode(7, 4, true))
}

// orderKey orders mentions by their start, the longer first.
func TestOrderKey(t *testing.T) {
	tests := []struct {
		name string
		a, b mention // a comes first
	}{
		{"earlier start", mention{bstart: 3, bend: 5}, mention{bstart: 4, bend: 20}},
		{"same start, longer", mention{bstart: 3, bend: 9}, mention{bstart: 3, bend: 5}},
		{"at the text's start", mention{bstart: 0, bend: 1}, mention{bstart: 1, bend: 2}},
		{"large offsets", mention{bstart: 1 << 30, bend: math.MaxInt32}, mention{bstart: 1 << 30, bend: 1<<30 + 1}},
	}
	for _, tt := range tests {
		assert.Less(t, orderKey(&tt.a), orderKey(&tt.b), tt.name)
	}
	m := mention{bstart: 7, bend: 12}
	assert.Equal(t, orderKey(&m), orderKey(&mention{bstart: 7, bend: 12, entry: 3}))
}

// rootCaseMasks are match.CaseMask's bits where scratch.bits holds them.
func TestRootCaseMasks(t *testing.T) {
	for _, f := range []token.Flags{0, token.Cap, token.Cap | token.AllCaps, token.AllCaps} {
		tc := match.TokCase(f)
		for cases := range uint32(8) {
			bits := cases << bRootCasesShift
			assert.Equal(t, bits>>bRootCasesShift&uint32(match.CaseMask(tc)) != 0, bits&rootCaseMasks[tc&3] != 0, "flags %v, cases %03b", f, cases)
		}
	}
}
