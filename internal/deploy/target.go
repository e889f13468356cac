package deploy

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"io"
	"io/fs"
	"net/url"
	"path"
	"strings"

	"showcase/internal/config"
	"showcase/internal/lang"
)

// Target is a place a site is published to: a folder on an SFTP server or a
// local (or mounted) folder. Names are slash-separated paths relative to the
// target's root, valid in the sense of fs.ValidPath. Everything Deploy does
// (manifest, journal, lock, order) is written once against this interface.
//
// No method follows a symbolic link below the root: each refuses, with a
// *SymlinkError, a name one of whose folders is a link, and those that open
// a file also one that is itself a link (see linkGuard).
type Target interface {
	// String names the target for messages (its URL, without secrets).
	String() string
	// ReadFile returns the whole content of a file; fs.ErrNotExist when
	// there is none.
	ReadFile(name string) ([]byte, error)
	// Size returns a file's size; fs.ErrNotExist when there is none.
	Size(name string) (int64, error)
	// Open opens a file for reading.
	Open(name string) (io.ReadCloser, error)
	// Put writes the bytes of src to part, a temporary name in the file's
	// own folder (creating folders as needed), and renames it into place,
	// so a reader sees the old file or the new one, never a part of one.
	Put(name, part string, src io.Reader) error
	// CreateExclusive creates a file holding data, failing with
	// fs.ErrExist when it already exists.
	CreateExclusive(name string, data []byte) error
	// Create creates or truncates a file for sequential writing (the
	// journal).
	Create(name string) (io.WriteCloser, error)
	// MakeDir creates a folder whose parent exists; a folder already there
	// is no error.
	MakeDir(name string) error
	// Remove removes a file; fs.ErrNotExist when there was none.
	Remove(name string) error
	// Rename renames a file within its folder, replacing any file of the
	// new name.
	Rename(from, to string) error
	// CheckPath refuses a name one of whose existing folders is a link.
	CheckPath(name string) error
	// RemoveEmptyDir removes a folder if it is empty (and fails otherwise).
	RemoveEmptyDir(name string) error
	// Walk calls fn for every regular file under the root.
	Walk(ctx context.Context, fn func(name string, size int64) error) error
	// Close ends the connection.
	Close() error
}

// The target's own files, kept in its root beside the site.
const (
	ManifestName = ".showcase-manifest.json"  // what the target holds: path, size, SHA-256
	JournalName  = ".showcase-deploy-journal" // a deploy under way: what it changes and what is done
	LockName     = ".showcase-deploy.lock"    // who is deploying
	partPrefix   = ".showcase-part."          // a file being written, before its rename
)

// outputMarker is the file a build leaves at the top of its output to say
// that showcase made the folder (so that a later build may replace it): it
// is not part of the site and is never published.
const outputMarker = ".showcase-output"

// isControl reports whether name is one of deploy's own files (never part of
// a site, never pruned, never sent).
func isControl(name string) bool {
	return name == ManifestName || name == JournalName || name == LockName || name == outputMarker ||
		strings.HasPrefix(path.Base(name), partPrefix)
}

// partName is the temporary name a file is written under before its
// rename: in the same folder (so the rename stays within one file system),
// and named after the deploy (run), so a rerun can find what an
// interrupted deploy left, and a server still finishing the requests of a
// dropped connection can never rename a rerun's half-written part.
func partName(name, run string) string {
	dir, base := path.Split(name)
	return dir + partPrefix + run + "." + base
}

// newRunID names a deploy.
func newRunID() string {
	var b [4]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// Connect says how to reach an SFTP target; it is ignored for file:// ones.
type Connect struct {
	// Home is the folder holding .ssh/ (default: the user's home).
	Home string
	// Prompt asks for a password or a key's passphrase. Nil means never
	// ask: the CLI sets it only when standard input is a terminal.
	Prompt func(question string) (string, error)
	// Agent is the ssh-agent socket (default: $SSH_AUTH_SOCK); "-" means
	// use no agent.
	Agent string
}

// Open connects to the target t. Its URL is sftp://user@host[:port]/path
// (an absolute path; /~/path is relative to the login folder),
// file:///path, or object storage: s3://bucket/prefix?endpoint=…&region=…,
// oss://bucket/prefix?region=…, cos://bucket-appid/prefix?region=…. The target folder must exist: a missing mount or a typo is
// reported, never created.
func Open(ctx context.Context, t config.DeployTarget, c Connect) (Target, error) {
	if folder, ok := plainFolder(t.URL, onWindows); ok {
		return openFolder(folder)
	}
	u, err := url.Parse(t.URL)
	if err != nil {
		return nil, lang.Errorf("发布地址 %[1]q 写法不对：请写成 sftp://用户名@服务器/网站文件夹 或 file:///文件夹", "deploy target %[1]q: %[2]v", t.URL, err)
	}
	switch u.Scheme {
	case "file":
		folder, ok := folderOfURL(u.Host, u.Path, onWindows)
		if !ok {
			return nil, lang.Errorf("发布地址 %[1]s 写法不对：file:// 地址指本机上的文件夹，要写三个斜杠，例如 file:///mnt/www/site",
				"deploy target %[1]s: a file:// URL names a local folder, as in file:///mnt/www/site", t.URL)
		}
		return openFolder(folder)
	case "sftp":
		return dialSFTP(ctx, u, t, c)
	case "s3", "oss", "cos":
		return dialS3(ctx, u, nil, 0)
	}
	return nil, lang.Errorf("发布地址 %[1]q 应以 sftp://、file://，或对象存储的 s3://、oss://、cos:// 开头",
		"deploy target %[1]q: use sftp://user@host/path or file:///path, or object storage: s3://bucket/prefix (oss://, cos://)", t.URL)
}

// ChooseTarget picks the target a deploy goes to: the configured target
// named want, or want itself when it is a URL, or the only configured target
// when want is empty.
func ChooseTarget(targets []config.DeployTarget, want string) (config.DeployTarget, error) {
	if want == "" {
		switch len(targets) {
		case 1:
			return targets[0], nil
		case 0:
			return config.DeployTarget{}, lang.Errorf("还没有设置发布目标：请在 site.toml 中加上 [[deploy.targets]]（写 name 和 url），或用 --target 写出发布地址",
				"no deploy target: add [[deploy.targets]] with name and url to site.toml, or pass --target URL")
		}
		return config.DeployTarget{}, lang.Errorf("site.toml 中有 %[1]d 个发布目标（%[2]s）：请用 --target 名称 指定发布到哪一个",
			"site.toml names %[1]d deploy targets (%[2]s): choose one with --target NAME", len(targets), targetNames(targets))
	}
	for _, t := range targets {
		if t.Name == want {
			return t, nil
		}
	}
	if _, folder := plainFolder(want, onWindows); folder || strings.Contains(want, "://") {
		return config.DeployTarget{Name: want, URL: want}, nil
	}
	return config.DeployTarget{}, lang.Errorf("site.toml 中没有名为 %[1]q 的发布目标（已有：%[2]s）", "no deploy target named %[1]q in site.toml (known: %[2]s)", want, targetNames(targets))
}

func targetNames(targets []config.DeployTarget) string {
	if len(targets) == 0 {
		return "none"
	}
	names := make([]string, len(targets))
	for i, t := range targets {
		names[i] = t.Name
	}
	return strings.Join(names, ", ")
}

// checkName refuses a path from the target's manifest or journal that would
// reach outside the target's root.
func checkName(name string) error {
	if !fs.ValidPath(name) || name == "." || strings.Contains(name, "\\") {
		return lang.Errorf("路径 %[1]q 指到网站文件夹以外，不能使用", "%[1]q is not a path inside the site", name)
	}
	return nil
}
