package deploy

import (
	"os"
	"strings"
)

// A file renamed only in case (通知.TXT → 通知.txt, a photo's .JPG made
// .jpg) is one file on a case-insensitive target folder: Windows, macOS, a
// Windows share. Sending the new name replaced the old file there, so
// deleting the old name afterwards would delete what was just sent, while
// the manifest says it is published. The deletions skip such a name when
// the target says both names are one file.

// sameFiler is a target that can tell two names of one file.
type sameFiler interface {
	SameFile(a, b string) bool
}

// caseTwins maps each local file's name in lower case to the name.
func caseTwins(local Files) map[string]string {
	folded := make(map[string]string, len(local))
	for name := range local {
		folded[strings.ToLower(name)] = name
	}
	return folded
}

// renamedInCase reports a name to delete that the target keeps as the
// same file as a local name differing from it only in case.
func renamedInCase(t Target, folded map[string]string, name string) bool {
	st, ok := t.(sameFiler)
	if !ok {
		return false
	}
	twin, ok := folded[strings.ToLower(name)]
	return ok && twin != name && st.SameFile(name, twin)
}

// SameFile says a and b name one file of the folder.
func (t *folderTarget) SameFile(a, b string) bool {
	if t.guard.folders(a) != nil || t.guard.folders(b) != nil {
		return false
	}
	fa, err := os.Lstat(t.local(a))
	if err != nil {
		return false
	}
	fb, err := os.Lstat(t.local(b))
	return err == nil && os.SameFile(fa, fb)
}
