package newsroom

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// HistoryFolder keeps saved versions of a site that is not a git repository.
const HistoryFolder = ".showcase-history"

// keepVersion records the files rels as they now are: a git commit of
// those files alone when the site is in a git repository, else a copy of
// each under .showcase-history/<rel>/<time>.<ext>.
func (n *Newsroom) keepVersion(message string, rels ...string) error {
	if n.gitRepo() {
		return n.gitCommit(message, rels)
	}
	for _, rel := range rels {
		if err := n.copyVersion(rel); err != nil {
			return err
		}
	}
	return nil
}

func (n *Newsroom) copyVersion(rel string) error {
	data, err := n.readFile(rel)
	if err != nil {
		return err
	}
	dir := filepath.Join(n.source, HistoryFolder, filepath.FromSlash(rel))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	stamp := n.opts.Now().Format("20060102-150405.000000000")
	return writeAtomic(filepath.Join(dir, stamp+filepath.Ext(rel)), data)
}

func (n *Newsroom) gitRepo() bool {
	if _, err := exec.LookPath("git"); err != nil {
		return false
	}
	out, err := n.git("rev-parse", "--show-toplevel")
	return err == nil && len(bytes.TrimSpace(out)) > 0
}

// gitCommit commits rels alone (other staged changes stay staged). Files
// unchanged since the last commit make no commit.
func (n *Newsroom) gitCommit(message string, rels []string) error {
	if _, err := n.git(append([]string{"add", "--"}, rels...)...); err != nil {
		return err
	}
	if out, _ := n.git(append([]string{"status", "--porcelain", "--"}, rels...)...); len(bytes.TrimSpace(out)) == 0 {
		return nil
	}
	args := append([]string{"commit", "--quiet", "--no-verify", "-m", message, "--only", "--"}, rels...)
	if out, _ := n.git("config", "user.email"); len(bytes.TrimSpace(out)) == 0 {
		args = append([]string{"-c", "user.name=showcase 编辑器", "-c", "user.email=newsroom@localhost"}, args...)
	}
	_, err := n.git(args...)
	return err
}

func (n *Newsroom) git(args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = n.source
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return out, fmt.Errorf("保存版本记录失败（git %s: %v: %s）", args[0], err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}
