package deploy

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"showcase/internal/lang"
	"showcase/internal/robustio"
)

// folderTarget is a file:// target: a local folder or a mounted share.
type folderTarget struct {
	url   string // as given, for messages
	root  string // the folder, its own links resolved
	guard *linkGuard
}

// openFolder opens a local target folder. The folder itself may be (or lie
// under) a symbolic link, which is resolved here; nothing below it may be.
func openFolder(root string) (*folderTarget, error) {
	if root == "" || !filepath.IsAbs(filepath.FromSlash(root)) {
		return nil, lang.Errorf("发布目标 %[1]s 写法不对：文件夹要写完整路径，例如 %[2]s",
			"deploy target %[1]s: the folder must be an absolute path, as in %[2]s", fileURLOf(root), exampleFolderURL())
	}
	given := filepath.Clean(filepath.FromSlash(root))
	fi, err := os.Stat(given)
	if err != nil {
		return nil, lang.Errorf("找不到发布目标文件夹 %[1]s：请先建好这个文件夹（或先连接共享盘），再发布",
			"deploy target folder %[1]s: %[2]v; create it (or mount the share) first", given, err)
	}
	if !fi.IsDir() {
		return nil, lang.Errorf("发布目标 %[1]s 不是文件夹：请在 site.toml 或 --target 中写网站所在的文件夹",
			"deploy target %[1]s is not a folder", given)
	}
	real, err := filepath.EvalSymlinks(given)
	if err != nil {
		return nil, lang.Errorf("无法打开发布目标文件夹 %[1]s", "deploy target folder %[1]s: %[2]v", given, err)
	}
	t := &folderTarget{url: fileURLOf(filepath.ToSlash(given)), root: real}
	t.guard = &linkGuard{target: t.url, lstat: func(name string) (fs.FileInfo, error) { return os.Lstat(t.local(name)) }}
	return t, nil
}

func (t *folderTarget) String() string { return t.url }

func (t *folderTarget) local(name string) string {
	return filepath.Join(t.root, filepath.FromSlash(name))
}

func (t *folderTarget) CheckPath(name string) error { return t.guard.folders(name) }

func (t *folderTarget) ReadFile(name string) ([]byte, error) {
	if err := t.guard.file(name); err != nil {
		return nil, err
	}
	return os.ReadFile(t.local(name))
}

func (t *folderTarget) Size(name string) (int64, error) {
	if err := t.guard.folders(name); err != nil {
		return 0, err
	}
	fi, err := os.Lstat(t.local(name))
	if err != nil {
		return 0, err
	}
	if err := t.guard.noLink(name, fi); err != nil {
		return 0, err
	}
	if !fi.Mode().IsRegular() {
		return 0, lang.Errorf("发布目标上的 %[1]s 不是普通文件", "%[1]s is not a regular file", name)
	}
	return fi.Size(), nil
}

func (t *folderTarget) Open(name string) (io.ReadCloser, error) {
	if err := t.guard.file(name); err != nil {
		return nil, err
	}
	return os.Open(t.local(name))
}

// partFlags create a part file, failing when one is there: O_EXCL never
// follows a link, so a link planted under a part's name cannot redirect
// the write.
const partFlags = os.O_WRONLY | os.O_CREATE | os.O_EXCL

// Put writes the part file and renames it over the old one (rename(2)
// replaces atomically within a folder, and replaces a link rather than
// following it).
func (t *folderTarget) Put(name, part string, src io.Reader) error {
	if err := t.guard.folders(name); err != nil {
		return err
	}
	part = t.local(part)
	f, err := os.OpenFile(part, partFlags, 0o644)
	if errors.Is(err, fs.ErrNotExist) {
		if err = os.MkdirAll(filepath.Dir(part), 0o755); err == nil {
			t.guard.made(path.Dir(name))
			f, err = os.OpenFile(part, partFlags, 0o644)
		}
	}
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, src); err != nil {
		f.Close()
		os.Remove(part)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(part)
		return err
	}
	return robustio.Rename(part, t.local(name))
}

func (t *folderTarget) CreateExclusive(name string, data []byte) error {
	if err := t.guard.folders(name); err != nil {
		return err
	}
	f, err := os.OpenFile(t.local(name), partFlags, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func (t *folderTarget) Create(name string) (io.WriteCloser, error) {
	if err := t.guard.file(name); err != nil {
		return nil, err
	}
	return os.OpenFile(t.local(name), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
}

func (t *folderTarget) MakeDir(name string) error {
	if err := t.guard.folders(name); err != nil {
		return err
	}
	err := os.Mkdir(t.local(name), 0o755)
	if errors.Is(err, fs.ErrExist) {
		fi, lerr := os.Lstat(t.local(name))
		if lerr != nil {
			return err
		}
		if err := t.guard.noLink(name, fi); err != nil {
			return err
		}
		if !fi.IsDir() {
			return err
		}
	} else if err != nil {
		return err
	}
	t.guard.made(name)
	return nil
}

func (t *folderTarget) Remove(name string) error {
	if err := t.guard.folders(name); err != nil {
		return err
	}
	return robustio.Remove(t.local(name)) // a link itself is removed, never what it names
}

func (t *folderTarget) Rename(from, to string) error {
	if err := t.guard.folders(from); err != nil {
		return err
	}
	if err := t.guard.folders(to); err != nil {
		return err
	}
	return robustio.Rename(t.local(from), t.local(to))
}

func (t *folderTarget) RemoveEmptyDir(name string) error {
	if err := t.guard.folders(name); err != nil {
		return err
	}
	t.guard.removed(name)
	// os.Remove of a folder is rmdir(2): it fails unless the folder is
	// empty, and on a link
	return os.Remove(t.local(name))
}

func (t *folderTarget) Walk(ctx context.Context, fn func(name string, size int64) error) error {
	return filepath.WalkDir(t.root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(t.root, p)
		if err != nil {
			return err
		}
		return fn(filepath.ToSlash(rel), fi.Size())
	})
}

func (t *folderTarget) Close() error { return nil }

// notOverlapping refuses a file:// target that is the build folder, or
// holds it, or lies inside it: a deploy would then publish into what it
// reads (or delete it).
func notOverlapping(t Target, source string) error {
	f, ok := t.(*folderTarget)
	if !ok {
		return nil
	}
	src, err := filepath.Abs(source)
	if err != nil {
		return err
	}
	if real, err := filepath.EvalSymlinks(src); err == nil {
		src = real // the target's root is resolved too
	}
	sep := string(filepath.Separator)
	if src == f.root || strings.HasPrefix(src+sep, f.root+sep) || strings.HasPrefix(f.root+sep, src+sep) {
		return lang.Errorf("发布目标 %[1]s 和生成的网站文件夹 %[2]s 是同一处或互相包含：请发布到另一个文件夹",
			"the target %[1]s and the build folder %[2]s overlap; publish to another folder", f, source)
	}
	return nil
}
