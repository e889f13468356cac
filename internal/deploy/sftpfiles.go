package deploy

import (
	"errors"
	"io"
	"io/fs"
	"path"

	"showcase/internal/lang"
)

// The file operations of an sftp:// target. Each first asks the link guard
// (one Lstat per folder per deploy, then remembered), since SFTP offers no
// O_NOFOLLOW: a folder below the root that is a link is refused before the
// server is asked to write, rename or delete anything through it.

func (t *sftpTarget) ReadFile(name string) ([]byte, error) {
	if err := t.guard.file(name); err != nil {
		return nil, err
	}
	f, err := t.client.Open(t.remote(name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

func (t *sftpTarget) Size(name string) (int64, error) {
	if err := t.guard.folders(name); err != nil {
		return 0, err
	}
	fi, err := t.client.Lstat(t.remote(name))
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

func (t *sftpTarget) Open(name string) (io.ReadCloser, error) {
	if err := t.guard.file(name); err != nil {
		return nil, err
	}
	return t.client.Open(t.remote(name))
}

// Put writes the part file, then renames it into place: with
// posix-rename@openssh.com (OpenSSH) the replacement is atomic. Without it,
// the old file is removed first and the rename follows: for that short
// moment (one round trip) the path answers 404, but never with a part of a
// file. The part is created with O_EXCL, which does not follow a link; a
// rename replaces a link rather than following it.
func (t *sftpTarget) Put(name, part string, src io.Reader) error {
	if err := t.guard.folders(name); err != nil {
		return err
	}
	part = t.remote(part)
	f, err := t.client.OpenFile(part, partFlags)
	if errors.Is(err, fs.ErrNotExist) {
		if err = t.mkdirAll(path.Dir(name)); err == nil {
			f, err = t.client.OpenFile(part, partFlags)
		}
	}
	if err != nil {
		return err
	}
	if _, err := f.ReadFrom(src); err != nil {
		f.Close()
		t.client.Remove(part)
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return t.rename(part, t.remote(name))
}

// rename renames a file of the server, replacing the destination.
func (t *sftpTarget) rename(from, to string) error {
	if t.posixRename {
		return t.client.PosixRename(from, to)
	}
	if err := t.client.Remove(to); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return t.client.Rename(from, to)
}

// mkdirAll creates a folder of the target and its parents (the guard has
// looked at those that exist), remembering them.
func (t *sftpTarget) mkdirAll(dir string) error {
	if dir == "." {
		return nil
	}
	if _, ok := t.guard.real.Load(dir); ok {
		return nil
	}
	if err := t.client.MkdirAll(t.remote(dir)); err != nil {
		return err
	}
	t.guard.made(dir)
	return nil
}

func (t *sftpTarget) CreateExclusive(name string, data []byte) error {
	if err := t.guard.folders(name); err != nil {
		return err
	}
	p := t.remote(name)
	f, err := t.client.OpenFile(p, partFlags)
	if err != nil {
		// SFTP v3 has no "already exists" status: OpenSSH answers a
		// generic failure, so look.
		if _, serr := t.client.Lstat(p); serr == nil {
			return fs.ErrExist
		}
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func (t *sftpTarget) Create(name string) (io.WriteCloser, error) {
	if err := t.guard.file(name); err != nil {
		return nil, err
	}
	return t.client.OpenFile(t.remote(name), openWriteFlags)
}

func (t *sftpTarget) MakeDir(name string) error {
	if err := t.guard.folders(name); err != nil {
		return err
	}
	dir := t.remote(name)
	if err := t.client.Mkdir(dir); err != nil {
		// SFTP v3 has no "already exists" status: look
		fi, serr := t.client.Lstat(dir)
		if serr != nil {
			return err
		}
		if lerr := t.guard.noLink(name, fi); lerr != nil {
			return lerr
		}
		if !fi.IsDir() {
			return err
		}
	}
	t.guard.made(name)
	return nil
}

func (t *sftpTarget) Remove(name string) error {
	if err := t.guard.folders(name); err != nil {
		return err
	}
	p := t.remote(name)
	err := t.client.Remove(p) // a link itself is removed, never what it names
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		// OpenSSH reports a missing file as "no such file"; others may not
		if _, serr := t.client.Lstat(p); errors.Is(serr, fs.ErrNotExist) {
			return fs.ErrNotExist
		}
	}
	return err
}

func (t *sftpTarget) Rename(from, to string) error {
	if err := t.guard.folders(from); err != nil {
		return err
	}
	if err := t.guard.folders(to); err != nil {
		return err
	}
	return t.rename(t.remote(from), t.remote(to))
}

func (t *sftpTarget) RemoveEmptyDir(name string) error {
	if err := t.guard.folders(name); err != nil {
		return err
	}
	t.guard.removed(name)
	return t.client.RemoveDirectory(t.remote(name))
}
