package deploy

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"strings"
	"sync"

	"github.com/pkg/sftp"
	"golang.org/x/crypto/ssh"

	"showcase/internal/config"
)

// sftpTarget is an sftp:// target: one SSH connection, one SFTP session,
// shared by the parallel transfers (pkg/sftp multiplexes requests).
type sftpTarget struct {
	url    string
	root   string
	ssh    *ssh.Client
	client *sftp.Client
	// posixRename: the server offers posix-rename@openssh.com, which
	// replaces the destination atomically; without it a rename onto an
	// existing file fails (SFTP v3) and the old file must be removed first.
	posixRename bool
	dirs        sync.Map // folders known to exist
	meter       *meteredConn
	stopAlive   func()
}

// Traffic is the bytes sent and received on the connection so far,
// encryption and protocol included.
func (t *sftpTarget) Traffic() (sent, received int64) {
	return t.meter.sent.Load(), t.meter.received.Load()
}

// openWriteFlags open a file for writing from its start, creating it.
const openWriteFlags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC

// sftpOptions tune pkg/sftp: writes of one file pipelined (several requests
// in flight), on top of the files sent in parallel by Deploy.
var sftpOptions = []sftp.ClientOption{
	sftp.UseConcurrentWrites(true),
	sftp.MaxConcurrentRequestsPerFile(16),
}

func dialSFTP(ctx context.Context, u *url.URL, t config.DeployTarget, c Connect) (*sftpTarget, error) {
	if u.Hostname() == "" || u.User.Username() == "" {
		return nil, fmt.Errorf("deploy target %s: write sftp://user@host[:port]/path (SFTP 地址须包含用户名与主机)", t.URL)
	}
	root := u.Path
	switch {
	case root == "" || root == "/":
		return nil, fmt.Errorf("deploy target %s: name the site's folder, as in sftp://user@host/var/www/site (请写明网站目录)", t.URL)
	case strings.HasPrefix(root, "/~/"):
		root = strings.TrimPrefix(root, "/~/") // relative to the login folder
	}
	root = path.Clean(root)
	if _, hasPassword := u.User.Password(); hasPassword {
		return nil, fmt.Errorf("deploy target %s: do not write a password in the URL; use a key, or type it when asked (请勿在地址中写密码)", redact(u))
	}
	conn, meter, err := dialSSH(ctx, u, t, c)
	if err != nil {
		return nil, err
	}
	client, err := sftp.NewClient(conn, sftpOptions...)
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("%s: starting SFTP: %v (the server must offer the sftp subsystem) (无法启动 SFTP)", u.Host, err)
	}
	target := &sftpTarget{url: redact(u), root: root, ssh: conn, client: client, meter: meter, stopAlive: keepAlive(conn)}
	_, target.posixRename = client.HasExtension("posix-rename@openssh.com")
	fi, err := client.Stat(root)
	if err != nil {
		target.Close()
		return nil, fmt.Errorf("deploy target folder %s on %s: %v; create it first (目标目录不存在)", root, u.Host, err)
	}
	if !fi.IsDir() {
		target.Close()
		return nil, fmt.Errorf("deploy target %s on %s is not a folder (目标不是目录)", root, u.Host)
	}
	return target, nil
}

// redact drops any password from a URL for messages.
func redact(u *url.URL) string {
	c := *u
	if c.User != nil {
		c.User = url.User(c.User.Username())
	}
	return c.String()
}

func (t *sftpTarget) String() string { return t.url }

func (t *sftpTarget) remote(name string) string { return path.Join(t.root, name) }

func (t *sftpTarget) ReadFile(name string) ([]byte, error) {
	f, err := t.client.Open(t.remote(name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

func (t *sftpTarget) Size(name string) (int64, error) {
	fi, err := t.client.Stat(t.remote(name))
	if err != nil {
		return 0, err
	}
	if !fi.Mode().IsRegular() {
		return 0, fmt.Errorf("%s is not a regular file (不是普通文件)", name)
	}
	return fi.Size(), nil
}

func (t *sftpTarget) Open(name string) (io.ReadCloser, error) {
	return t.client.Open(t.remote(name))
}

// Put writes the part file, then renames it into place: with
// posix-rename@openssh.com (OpenSSH) the replacement is atomic. Without it,
// the old file is removed first and the rename follows: for that short
// moment (one round trip) the path answers 404, but never with a part of a
// file.
func (t *sftpTarget) Put(name, part string, src io.Reader) error {
	part = t.remote(part)
	f, err := t.client.OpenFile(part, openWriteFlags)
	if errors.Is(err, fs.ErrNotExist) {
		if err = t.mkdirAll(path.Dir(part)); err == nil {
			f, err = t.client.OpenFile(part, openWriteFlags)
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
	dest := t.remote(name)
	if t.posixRename {
		return t.client.PosixRename(part, dest)
	}
	if err := t.client.Remove(dest); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return t.client.Rename(part, dest)
}

// mkdirAll creates a folder and its parents, remembering those that exist.
func (t *sftpTarget) mkdirAll(dir string) error {
	if _, ok := t.dirs.Load(dir); ok {
		return nil
	}
	if err := t.client.MkdirAll(dir); err != nil {
		return err
	}
	t.dirs.Store(dir, true)
	return nil
}

func (t *sftpTarget) CreateExclusive(name string, data []byte) error {
	p := t.remote(name)
	f, err := t.client.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL)
	if err != nil {
		// SFTP v3 has no "already exists" status: OpenSSH answers a
		// generic failure, so look.
		if _, serr := t.client.Stat(p); serr == nil {
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
	return t.client.OpenFile(t.remote(name), openWriteFlags)
}

func (t *sftpTarget) MakeDir(name string) error {
	dir := t.remote(name)
	if err := t.client.Mkdir(dir); err != nil {
		// SFTP v3 has no "already exists" status: look
		if fi, serr := t.client.Stat(dir); serr != nil || !fi.IsDir() {
			return err
		}
	}
	t.dirs.Store(dir, true)
	return nil
}

func (t *sftpTarget) Remove(name string) error {
	p := t.remote(name)
	err := t.client.Remove(p)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		// OpenSSH reports a missing file as "no such file"; others may not
		if _, serr := t.client.Lstat(p); errors.Is(serr, fs.ErrNotExist) {
			return fs.ErrNotExist
		}
	}
	return err
}

func (t *sftpTarget) RemoveEmptyDir(name string) error {
	dir := t.remote(name)
	t.dirs.Delete(dir)
	return t.client.RemoveDirectory(dir)
}

func (t *sftpTarget) Walk(ctx context.Context, fn func(name string, size int64) error) error {
	w := t.client.Walk(t.root)
	for w.Step() {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := w.Err(); err != nil {
			return err
		}
		fi := w.Stat()
		if !fi.Mode().IsRegular() {
			continue
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(w.Path(), t.root), "/")
		if err := fn(rel, fi.Size()); err != nil {
			return err
		}
	}
	return nil
}

func (t *sftpTarget) Close() error {
	t.stopAlive()
	t.client.Close()
	return t.ssh.Close()
}
