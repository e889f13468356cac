package build

import (
	"io/fs"
	"os"
	"path/filepath"
)

// removeTree removes a folder and everything in it. When os.RemoveAll
// fails, it tries again one entry at a time, deepest first, with the
// plainest calls (unlink, rmdir; on Windows DeleteFile, RemoveDirectory):
// os.RemoveAll on Windows deletes through NtSetInformationFile with POSIX
// semantics, which some file systems and network shares and Wine 8 refuse
// ("Invalid function") in ways Go's own fallback does not catch.
func removeTree(dir string) error {
	if err := os.RemoveAll(dir); err == nil {
		return nil
	}
	return removeOneByOne(dir)
}

// removeOneByOne removes dir's entries children first, then dir; it
// reports the first entry it could not remove.
func removeOneByOne(dir string) error {
	var all []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		all = append(all, p) // a folder comes before what it holds
		return nil
	})
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	var first error
	for i := len(all) - 1; i >= 0; i-- {
		if err := os.Remove(all[i]); err != nil && !os.IsNotExist(err) && first == nil {
			first = err
		}
	}
	return first
}
