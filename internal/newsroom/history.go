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

// keepVersion records the file rel as it now is: a git commit of that file
// alone when the site is in a git repository, else a copy under
// .showcase-history/<rel>/<time>.md. who names the person, for the commit.
func (n *Newsroom) keepVersion(rel, message string) error {
	if n.gitRepo() {
		return n.gitCommit(rel, message)
	}
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

// gitCommit commits rel alone (other staged changes stay staged). A file
// unchanged since the last commit makes no commit.
func (n *Newsroom) gitCommit(rel, message string) error {
	if _, err := n.git("add", "--", rel); err != nil {
		return err
	}
	if out, _ := n.git("status", "--porcelain", "--", rel); len(bytes.TrimSpace(out)) == 0 {
		return nil
	}
	args := []string{"commit", "--quiet", "--no-verify", "-m", message, "--only", "--", rel}
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
