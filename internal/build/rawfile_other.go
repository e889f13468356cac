//go:build !unix

package build

import "os"

// writeNewFile writes data to the file name, created or truncated.
func writeNewFile(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }

// openRead opens the file name for reading.
func openRead(name string) (*os.File, error) { return os.Open(name) }

// createFile creates or truncates the file name for writing.
func createFile(name string) (*os.File, error) { return os.Create(name) }
