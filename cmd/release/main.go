// Command release makes the archives that publicity offices download: one
// per platform, each holding the showcase binary, a short Chinese guide
// (使用说明.txt), the editorial workflow (编辑工作流程.md) and the demo site
// as a starting point (示例网站/), stamped with the version, the commit and
// its date.
//
//	go run ./cmd/release              # all platforms, into dist/
//	go run ./cmd/release -o DIR -only linux/amd64
//
// Windows and macOS get .zip archives (Windows Explorer and macOS Finder
// open them without other software), Linux .tar.gz. The binaries are
// built with CGO_ENABLED=0 and -trimpath, so they run on any machine of
// their platform without installing anything. Archives are reproducible:
// every file in them carries the commit's time.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"showcase/internal/lang"
)

// platforms are the release targets, in the order they are listed.
var platforms = []string{
	"windows/amd64", "windows/arm64", "darwin/arm64", "darwin/amd64", "linux/amd64", "linux/arm64",
}

func main() {
	// messages Chinese first, English alone when the locale is English
	english, _ := lang.Choose("", os.Getenv)
	lang.SetEnglish(english)
	out := flag.String("o", "dist", "the folder the archives are written to")
	only := flag.String("only", "", "comma-separated platforms (os/arch) to make instead of all")
	flag.Parse()
	if err := run(*out, *only); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

func run(out, only string) error {
	root, err := repoRoot()
	if err != nil {
		return err
	}
	stamp, err := readStamp(root)
	if err != nil {
		return err
	}
	targets := platforms
	if only != "" {
		targets = strings.Split(only, ",")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, target := range targets {
		goos, goarch, ok := strings.Cut(target, "/")
		if !ok {
			return lang.Errorf("平台 %[1]q 写法不对：请写成 系统/架构，例如 windows/amd64", "platform %[1]q: want os/arch, as windows/amd64", target)
		}
		name, err := release(root, out, goos, goarch, stamp)
		if err != nil {
			return fmt.Errorf("%s: %w", target, err)
		}
		fmt.Println(lang.Say("已生成 %s", "made %s", name))
	}
	return nil
}

// beijing is China Standard Time, in which dates are shown.
var beijing = time.FixedZone("CST", 8*3600)

// stamp is what a release is stamped with.
type stamp struct {
	Version string    // showcase.Version
	Commit  string    // 12 hex digits, "+" when the work tree has changes
	Date    time.Time // the commit's time
}

// readStamp reads the version from showcase.go and the commit from git.
func readStamp(root string) (stamp, error) {
	var s stamp
	src, err := os.ReadFile(filepath.Join(root, "showcase.go"))
	if err != nil {
		return s, err
	}
	_, rest, ok := strings.Cut(string(src), "const Version = \"")
	if s.Version, _, _ = strings.Cut(rest, "\""); !ok || s.Version == "" {
		return s, lang.Errorf("showcase.go 中找不到版本号（const Version = \"…\"）", "showcase.go: no Version constant")
	}
	commit, err := git(root, "rev-parse", "--short=12", "HEAD")
	if err != nil {
		return s, err
	}
	when, err := git(root, "log", "-1", "--format=%cI")
	if err != nil {
		return s, err
	}
	if s.Date, err = time.Parse(time.RFC3339, when); err != nil {
		return s, err
	}
	if changes, err := git(root, "status", "--porcelain", "--untracked-files=no"); err != nil {
		return s, err
	} else if changes != "" {
		commit += "+"
	}
	s.Commit = commit
	return s, nil
}

func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%s: %w", lang.Say("无法运行 git %s", "git %s", strings.Join(args, " ")), err)
	}
	return strings.TrimSpace(string(out)), nil
}

// repoRoot finds the module's folder, so the tool runs from anywhere in it.
func repoRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("%s: %w", lang.Say("无法运行 go env GOMOD", "go env GOMOD"), err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", lang.Errorf("请在 showcase 的代码仓库中运行", "run this inside the showcase repository")
	}
	return filepath.Dir(mod), nil
}
