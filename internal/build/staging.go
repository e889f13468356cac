package build

import (
	"os"
	"path/filepath"
	"strings"
)

// A build writes into a staging folder beside the destination,
// ".public.building-123456", and at the swap moves the previous output
// aside to ".public.building-123456.old" for the moment it takes to put the
// new one in place. A build that is killed leaves these behind, in a folder
// a web server may be serving; the next build of the same destination
// removes them. A build holds a lock on its own folders while it runs (on
// Unix; see lockDir), so two builds of one destination at the same time
// never remove each other's.

// stagingPrefix begins the names of the staging folders of dest.
func stagingPrefix(dest string) string { return "." + filepath.Base(dest) + ".building-" }

// isStaging reports a name that a build of dest gave a staging folder or a
// previous output set aside: the prefix, the digits os.MkdirTemp chose, and
// ".old" for the latter.
func isStaging(dest, name string) bool {
	rest, ok := strings.CutPrefix(name, stagingPrefix(dest))
	if !ok {
		return false
	}
	rest = strings.TrimSuffix(rest, ".old")
	if rest == "" {
		return false
	}
	for _, r := range rest {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// cleanStaging removes the staging folders that killed builds of dest left
// beside it, skipping any that a running build holds. It reports what it
// could not remove only by leaving it: a build does not fail for it.
func cleanStaging(dest string) {
	parent := filepath.Dir(dest)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !isStaging(dest, e.Name()) { // a symlink is not a folder a build made
			continue
		}
		dir := filepath.Join(parent, e.Name())
		unlock, ok := lockDir(dir)
		if !ok {
			continue // a build is using it now
		}
		removeTree(dir)
		unlock()
	}
}
