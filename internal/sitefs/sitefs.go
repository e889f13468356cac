// Package sitefs opens a folder (the site, a photographer's folder, the
// folder of an imported page) as an fs.FS that never reads through a
// symbolic link leading out of it.
//
// A symbolic link whose target stays inside the folder is followed as the
// operating system would (relative or absolute, to a file or a folder). A
// path that passes through a link leaving the folder is refused with a
// *LinkError naming the link, so `ln -s /etc/shadow content/news/x/n.txt`
// is an error of the build, of `showcase check` and of the preview instead
// of a published file. Broken links and link loops keep the operating
// system's own errors.
//
// Every call checks each component of the path with lstat; the folder is
// the site's own, so a link swapped in between the check and the read (a
// race with another local user) is not defended against. For as long as
// one build reads the folder, Remember lets the calls trust the folders
// they found to be folders, not links (a build reads thousands of files
// in a few dozen folders): each is looked at once a build, not once for
// every file below it. A folder made a link after that is seen by the
// next build, or by the next read after forget.
package sitefs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"showcase/internal/diag"
)

// FS is a folder read only through links that stay inside it.
type FS struct {
	dir  string // the folder as given
	abs  string // its absolute path, for messages
	real string // its real path, every link resolved; "" when it cannot be resolved
	base fs.FS  // os.DirFS(dir)
	// known are the folders (slash paths) found to be real folders, not
	// links, while Remember is in force; nil otherwise
	known atomic.Pointer[sync.Map]
}

// Remember makes the calls until forget trust what they found of the
// folders on their way: a path component once seen to be a folder, not a
// symbolic link, is not looked at again. A build calls it for its own
// duration, so that a folder swapped for a link is seen by the next build.
// The calls of the links themselves and of files are not remembered.
func (f *FS) Remember() (forget func()) {
	f.known.Store(new(sync.Map))
	return func() { f.known.Store(nil) }
}

// New opens dir. A folder that does not exist gives the same errors as
// os.DirFS would, from each call.
func New(dir string) *FS {
	f := &FS{dir: dir, abs: dir, base: os.DirFS(dir)}
	if abs, err := filepath.Abs(dir); err == nil {
		f.abs = abs
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			f.real = real
		}
	}
	return f
}

// Open opens name after checking the links on its way.
func (f *FS) Open(name string) (fs.File, error) {
	if err := f.check("open", name); err != nil {
		return nil, err
	}
	return f.base.Open(name)
}

// ReadFile reads name after checking the links on its way.
func (f *FS) ReadFile(name string) ([]byte, error) {
	if fs.ValidPath(name) && name != "." {
		// the folders on the way checked, the file itself opened only if it
		// is not a link (readNoFollow); a link or an error takes the
		// general way, for its check and the operating system's own errors
		if err := f.checkFolders(name); err == nil {
			if data, ok := readNoFollow(filepath.Join(f.dir, filepath.FromSlash(name))); ok {
				return data, nil
			}
		}
	}
	if err := f.check("read", name); err != nil {
		return nil, err
	}
	return fs.ReadFile(f.base, name)
}

// ReadDir lists name after checking the links on its way. The entries are
// not followed: a link among them is reported as a link.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	if err := f.check("readdir", name); err != nil {
		return nil, err
	}
	return fs.ReadDir(f.base, name)
}

// Stat describes name (following links) after checking the links on its way.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	if err := f.check("stat", name); err != nil {
		return nil, err
	}
	return fs.Stat(f.base, name)
}

// Lstat describes name itself, a link as a link, after checking the links
// on the way to it.
func (f *FS) Lstat(name string) (fs.FileInfo, error) {
	if err := f.check("lstat", name); err != nil && !isLink(err, name) {
		return nil, err
	}
	return fs.Lstat(f.base, name)
}

// ReadLink returns a link's target as written, after checking the links on
// the way to it.
func (f *FS) ReadLink(name string) (string, error) {
	if err := f.check("readlink", name); err != nil && !isLink(err, name) {
		return "", err
	}
	return fs.ReadLink(f.base, name)
}

// isLink reports an error about name itself being a link that leaves: what
// Lstat and ReadLink, which do not follow it, may look at.
func isLink(err error, name string) bool {
	var le *LinkError
	return errors.As(err, &le) && le.Name == name
}

// Outside lists the links under the folders dirs (slash paths from the
// folder; a missing one is skipped) whose targets lie outside, in path
// order, so that one pass reports them all before anything is read.
func (f *FS) Outside(dirs ...string) []*LinkError {
	var found []*LinkError
	for _, dir := range dirs {
		fs.WalkDir(f, dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.Type()&fs.ModeSymlink != 0 {
				_, err = f.Stat(p)
			}
			var link *LinkError
			if errors.As(err, &link) {
				found = append(found, link)
			}
			return nil
		})
	}
	return found
}

// check refuses a name that is not a valid fs path or that passes through a
// symbolic link whose target lies outside the folder. A component that
// cannot be looked at (missing, a broken link, a loop) is left for the
// operation itself to report.
func (f *FS) check(op, name string) error {
	if !fs.ValidPath(name) {
		return &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	if name == "." {
		return nil
	}
	if err := f.checkFolders(name); err != nil {
		return err
	}
	_, err := f.checkOne(name)
	return err
}

// checkFolders checks the components of name but the last, a valid path
// other than ".": each a folder remembered, or looked at (checkOne).
func (f *FS) checkFolders(name string) error {
	known := f.known.Load()
	for i := 0; i < len(name); i++ {
		if name[i] != '/' {
			continue
		}
		rel := name[:i]
		if known != nil {
			if _, ok := known.Load(rel); ok {
				continue
			}
		}
		folder, err := f.checkOne(rel)
		if err != nil {
			return err
		}
		if folder && known != nil {
			known.Store(rel, true)
		}
	}
	return nil
}

// checkOne looks at the component rel (a slash path from the folder): an
// error if it is a link leaving the folder. It reports whether rel is a
// folder itself, not a link (what Remember may remember).
func (f *FS) checkOne(rel string) (folder bool, err error) {
	full := filepath.Join(f.dir, filepath.FromSlash(rel))
	info, err := os.Lstat(full)
	if err != nil {
		return false, nil
	}
	if info.Mode()&fs.ModeSymlink == 0 {
		return info.IsDir(), nil
	}
	target, err := filepath.EvalSymlinks(full)
	if err != nil {
		return false, nil
	}
	if !f.inside(target) {
		return false, &LinkError{Name: rel, Target: target, Folder: f.abs}
	}
	return false, nil
}

// inside reports a resolved path within the folder's real path.
func (f *FS) inside(target string) bool {
	if f.real == "" {
		return false
	}
	return target == f.real || strings.HasPrefix(target, f.real+string(filepath.Separator))
}

// ErrOutside is what every *LinkError matches with errors.Is.
var ErrOutside = errors.New("symbolic link leaves the folder")

// LinkError is a path through a symbolic link whose target lies outside the
// folder. Name is the link, relative to the folder.
type LinkError struct {
	Name, Target, Folder string
}

func (e *LinkError) Error() string {
	return e.Name + ": " + e.message()
}

func (e *LinkError) message() string {
	return fmt.Sprintf("这是指向“%s”文件夹以外的符号链接，为安全起见不会读取，也不会发布；请把文件本身复制进来（symbolic link to %s leaves the folder %s）",
		filepath.Base(e.Folder), e.Target, e.Folder)
}

// Unwrap makes errors.Is(err, ErrOutside) true.
func (e *LinkError) Unwrap() error { return ErrOutside }

// As lets a diag.List file the error under the link itself, whichever file
// was being read when it was found.
func (e *LinkError) As(target any) bool {
	if p, ok := target.(**diag.Problem); ok {
		*p = &diag.Problem{File: e.Name, Msg: e.message()}
		return true
	}
	return false
}
