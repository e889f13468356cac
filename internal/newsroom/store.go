package newsroom

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"showcase/internal/content"
	"showcase/internal/sitefs"
)

// errConflict: the file changed on disk since the editor opened it.
var errConflict = errors.New("conflict")

// version names a file's bytes: saving needs the version it was opened at.
func version(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:12])
}

// checkPagePath checks a page's path from the site folder
// ("content/news/a/index.md"): a clean slash path under content/, a
// Markdown file, no part hidden or left behind by editors.
func checkPagePath(rel string) error {
	if err := checkContentPath(rel); err != nil {
		return err
	}
	if !strings.EqualFold(path.Ext(rel), ".md") {
		return fmt.Errorf("只能编辑 .md 文件（%s is not a Markdown file）", rel)
	}
	return nil
}

// checkContentPath checks any path the editor writes: inside content/.
func checkContentPath(rel string) error {
	bad := func() error {
		return fmt.Errorf("只能写入网站 content 文件夹内的文件（%q is not a file under content/）", rel)
	}
	if rel == "" || strings.ContainsAny(rel, "\\\x00:") || path.Clean(rel) != rel || !strings.HasPrefix(rel, "content/") {
		return bad()
	}
	for _, part := range strings.Split(rel, "/") {
		if part == ".." || part == "." || strings.HasPrefix(part, ".") || content.Ignored(part) {
			return bad()
		}
	}
	return nil
}

// readFile reads a file of the site through sitefs (no link leading out).
func (n *Newsroom) readFile(rel string) ([]byte, error) {
	return sitefs.New(n.source).ReadFile(rel)
}

// writeChecked writes data to rel when the file is still at version want
// ("" for a file that must not exist yet). The folders on the way must
// not be links leading out of the site; missing ones are made.
func (n *Newsroom) writeChecked(rel, want string, data []byte) error {
	site := sitefs.New(n.source)
	old, err := site.ReadFile(rel)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if want != "" {
			return errConflict
		}
	case err != nil:
		return err
	case version(old) != want:
		return errConflict
	}
	dir := path.Dir(rel)
	if err := n.makeFolder(dir); err != nil {
		return err
	}
	if info, err := site.Lstat(rel); err == nil && !info.Mode().IsRegular() {
		return fmt.Errorf("%s 不是普通文件，不能写入（not a regular file）", rel)
	}
	return writeAtomic(filepath.Join(n.source, filepath.FromSlash(rel)), data)
}

// makeFolder makes the folders of rel under the site, refusing links.
func (n *Newsroom) makeFolder(rel string) error {
	site := sitefs.New(n.source)
	parts := strings.Split(rel, "/")
	for i := range parts {
		sub := strings.Join(parts[:i+1], "/")
		info, err := site.Lstat(sub)
		if errors.Is(err, fs.ErrNotExist) {
			if err := os.Mkdir(filepath.Join(n.source, filepath.FromSlash(sub)), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
				return err
			}
			continue
		}
		if err != nil {
			return err
		}
		if !info.IsDir() {
			return fmt.Errorf("%s 不是文件夹（not a folder; links are not followed here）", sub)
		}
	}
	return nil
}

// writeAtomic writes a temporary file beside name and renames it over
// name, keeping name's permissions when it exists.
func writeAtomic(name string, data []byte) error {
	mode := os.FileMode(0o644)
	if info, err := os.Stat(name); err == nil {
		mode = info.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(name), ".showcase-save-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, mode)
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
