package deploy

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh/knownhosts"
)

// TestHostKeyChecked: a server whose key known_hosts does not hold, or
// holds differently, is refused before logging in, with a message that
// tells how to add it; nothing reaches the target.
func TestHostKeyChecked(t *testing.T) {
	srv := startSSHD(t)
	root := t.TempDir()
	_, port, _ := net.SplitHostPort(srv.addr)
	other := writeKey(t, filepath.Join(t.TempDir(), "other"))

	cases := []struct {
		name, knownHosts string // "" means a file that does not exist
		kind             string
		says             []string
	}{
		{"unknown, no known_hosts", "", "unknown", []string{
			"is not in", "ssh-keyscan -p " + port + " 127.0.0.1 >> ", "ssh -p " + port + " 127.0.0.1", "SHA256:"}},
		{"unknown, other hosts known", knownhosts.Line([]string{"[10.0.0.9]:" + port}, other) + "\n", "unknown", []string{
			"未知主机"}},
		{"changed", knownhosts.Line([]string{knownhosts.Normalize(srv.addr)}, other) + "\n", "changed", []string{
			"has CHANGED", "ssh-keygen -R [127.0.0.1]:" + port, "主机密钥已变更"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			target := srv.target(root)
			target.KnownHosts = filepath.Join(t.TempDir(), "known_hosts")
			if c.knownHosts != "" {
				mustWrite(t, target.KnownHosts, c.knownHosts)
			}
			tg, err := Open(context.Background(), target, srv.connect())
			if err == nil {
				tg.Close()
				t.Fatal("connected to a server known_hosts does not vouch for")
			}
			var hk *HostKeyError
			if !errors.As(err, &hk) || hk.Kind != c.kind {
				t.Fatalf("want a host key error (%s), got %v", c.kind, err)
			}
			for _, s := range c.says {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("the message lacks %q: %v", s, err)
				}
			}
		})
	}
	if entries, _ := os.ReadDir(root); len(entries) != 0 {
		t.Errorf("a refused deploy wrote %d files", len(entries))
	}
}

// TestLoginRefused: a key the server does not accept is a clear error.
func TestLoginRefused(t *testing.T) {
	srv := startSSHD(t)
	target := srv.target(t.TempDir())
	target.IdentityFile = filepath.Join(t.TempDir(), "id_ed25519")
	writeKey(t, target.IdentityFile)
	_, err := Open(context.Background(), target, srv.connect())
	if err == nil || !strings.Contains(err.Error(), "refused to log in") || !strings.Contains(err.Error(), target.IdentityFile) {
		t.Fatalf("want a login error naming the key tried, got %v", err)
	}
}

// TestMissingTargetFolder: a deploy never creates the site's folder (a
// missing mount or a typo must not become a new empty site).
func TestMissingTargetFolder(t *testing.T) {
	srv := startSSHD(t)
	gone := filepath.Join(t.TempDir(), "no-such-folder")
	for _, url := range []string{srv.target(gone).URL, "file://" + filepath.ToSlash(gone)} {
		target := srv.target(gone)
		target.URL = url
		_, err := Open(context.Background(), target, srv.connect())
		if err == nil || !strings.Contains(err.Error(), "create it") {
			t.Errorf("%s: want an error about the missing folder, got %v", url, err)
		}
		if _, err := os.Stat(gone); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s: the folder was created", url)
		}
	}
}
