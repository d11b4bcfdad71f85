package tagger

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/etikett-nlp/etikett/internal/token"
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
