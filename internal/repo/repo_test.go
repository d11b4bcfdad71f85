package repo

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRootOf(t *testing.T) {
	tmp := t.TempDir()
	mod := filepath.Join(tmp, "mod")
	deep := filepath.Join(mod, "a", "b")
	require.NoError(t, os.MkdirAll(deep, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module x\n"), 0o644))
	bare := filepath.Join(tmp, "bare")
	require.NoError(t, os.MkdirAll(bare, 0o755))
	tests := []struct{ name, dir, want string }{
		{"the module directory", mod, mod},
		{"below it", deep, mod},
		{"no go.mod above", bare, bare},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, rootOf(tt.dir))
		})
	}
}

func TestRootFindsThisModule(t *testing.T) {
	_, err := os.Stat(filepath.Join(Root(), "go.mod"))
	assert.NoError(t, err)
}

func TestShared(t *testing.T) {
	t.Setenv("ETIKETT_SHARED", "/data/shared")
	dir, explicit := Shared()
	assert.Equal(t, "/data/shared", dir)
	assert.True(t, explicit)

	t.Setenv("ETIKETT_SHARED", "")
	dir, explicit = Shared()
	assert.Equal(t, filepath.Join(Root(), "..", "shared"), dir)
	assert.False(t, explicit)
	assert.FileExists(t, filepath.Join(dir, "..", filepath.Base(Root()), "go.mod"), "next to the checkout")
}
