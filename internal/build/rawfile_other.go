//go:build !unix

package build

import (
	"io"
	"os"
)

// writeNewFile writes data to the file name, created or truncated.
func writeNewFile(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }

// openRead opens the file name for reading.
func openRead(name string) (*os.File, error) { return os.Open(name) }

// copyNewFile copies the rest of the open file in to dst (created or
// truncated).
func copyNewFile(dst string, in *os.File) error {
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err1 := out.Close(); err == nil {
		err = err1
	}
	return err
}
