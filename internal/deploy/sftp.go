package deploy

import (
	"context"
	"io/fs"
	"net/url"
	"os"
	"path"
	"strings"

	"github.com/pkg/sftp"
	"golang.org/x/crypto/ssh"

	"showcase/internal/config"
	"showcase/internal/lang"
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
	guard       *linkGuard // folders known to be real (no links) and to exist
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
		return nil, lang.Errorf("发布地址 %[1]s 缺少用户名或服务器名：请写成 sftp://用户名@服务器/网站文件夹",
			"deploy target %[1]s: write sftp://user@host[:port]/path", t.URL)
	}
	root := u.Path
	switch {
	case root == "" || root == "/":
		return nil, lang.Errorf("发布地址 %[1]s 没有写网站在服务器上的文件夹：请写成 sftp://用户名@服务器/var/www/site 这样",
			"deploy target %[1]s: name the site's folder, as in sftp://user@host/var/www/site", t.URL)
	case strings.HasPrefix(root, "/~/"):
		root = strings.TrimPrefix(root, "/~/") // relative to the login folder
	}
	root = path.Clean(root)
	if _, hasPassword := u.User.Password(); hasPassword {
		return nil, lang.Errorf("发布地址 %[1]s 里写了密码，这样不安全：请从地址中删去密码，改用密钥，或在提示时输入密码",
			"deploy target %[1]s: do not write a password in the URL; use a key, or type it when asked", redact(u))
	}
	conn, meter, err := dialSSH(ctx, u, t, c)
	if err != nil {
		return nil, err
	}
	client, err := sftp.NewClient(conn, sftpOptions...)
	if err != nil {
		conn.Close()
		return nil, lang.Errorf("已登录服务器 %[1]s，但无法开始传送文件（SFTP）：请联系服务器管理员开启 SFTP",
			"%[1]s: starting SFTP: %[2]v; the server must offer the sftp subsystem", u.Host, err)
	}
	target := &sftpTarget{url: redact(u), root: root, ssh: conn, client: client, meter: meter, stopAlive: keepAlive(conn)}
	_, target.posixRename = client.HasExtension("posix-rename@openssh.com")
	fi, err := client.Stat(root)
	if err != nil {
		target.Close()
		return nil, lang.Errorf("服务器 %[2]s 上找不到发布目标文件夹 %[1]s：请先建好这个文件夹，再发布",
			"deploy target folder %[1]s on %[2]s: %[3]v; create it first", root, u.Host, err)
	}
	if !fi.IsDir() {
		target.Close()
		return nil, lang.Errorf("服务器 %[2]s 上的发布目标 %[1]s 不是文件夹：请在发布地址中写网站所在的文件夹",
			"deploy target %[1]s on %[2]s is not a folder", root, u.Host)
	}
	// the root may be a link (/var/www/site -> /srv/site): resolve it once;
	// nothing below it may be one
	if target.root, err = client.RealPath(root); err != nil {
		target.Close()
		return nil, lang.Errorf("无法打开服务器 %[2]s 上的发布目标文件夹 %[1]s", "deploy target folder %[1]s on %[2]s: %[3]v", root, u.Host, err)
	}
	target.guard = &linkGuard{target: target.url, lstat: func(name string) (fs.FileInfo, error) {
		return client.Lstat(target.remote(name))
	}}
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

func (t *sftpTarget) CheckPath(name string) error { return t.guard.folders(name) }

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
