package deploy

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"showcase/internal/lang"
)

// A CDN in front of a target keeps copies of its files; after a deploy it
// must drop those of the files that changed. Deploy cannot know the CDN
// (Aliyun, Tencent, a campus one), so it writes the changed URLs to a file
// and hands the file to a command of the operator's (site.toml's
// [deploy.targets.cdn] refresh), which calls the CDN's CLI or API. This
// works for every kind of target, though it is made for object storage.

// ChangedURLs lists the public URLs a plan changes: each file it replaces
// or deletes, under base (the site's public address, ending in "/"),
// percent-encoded, and
// for an index.html also its folder's URL (…/news/x/), which readers use.
// New files are left out: no cache holds them, and CDNs limit how many
// URLs may be refreshed a day.
func ChangedURLs(p *Plan, base string) []string {
	var paths []string
	for _, c := range p.Send {
		if !c.New {
			paths = append(paths, c.Path)
		}
	}
	for _, d := range p.Delete {
		paths = append(paths, d.Path)
	}
	var urls []string
	for _, name := range paths {
		urls = append(urls, base+escapePath(name))
		if name == "index.html" {
			urls = append(urls, base)
		} else if dir, ok := strings.CutSuffix(name, "/index.html"); ok {
			urls = append(urls, base+escapePath(dir)+"/")
		}
	}
	sort.Strings(urls)
	return urls
}

// escapePath writes a path as a URL does: 附件/通知.pdf becomes
// %E9%99%84%E4%BB%B6/%E9%80%9A%E7%9F%A5.pdf, the form CDNs match.
func escapePath(name string) string {
	return (&url.URL{Path: name}).EscapedPath()
}

// CDNRefresh hands the changed URLs of a deploy to the CDN.
type CDNRefresh struct {
	// File is where the list is written, one URL a line. URLs of a deploy
	// that stopped wait in File+".pending" and join the next list, so that
	// what a cut deploy changed is refreshed by the rerun.
	File string
	// Command is run with the list (site.toml [deploy.targets.cdn]
	// refresh): its words, split at spaces ("…" and '…' keep spaces), where
	// {file} stands for the list's path; without {file}, the path is the
	// last argument. No shell is involved. Empty: only the file is written.
	Command        string
	Stdout, Stderr io.Writer
}

// Remember keeps the URLs of a deploy that stopped for the next refresh.
func (c CDNRefresh) Remember(urls []string) error {
	all := union(readURLs(c.File+".pending"), urls)
	if len(all) == 0 {
		return nil
	}
	return writeURLs(c.File+".pending", all)
}

// Run writes the list (with the URLs waiting from a stopped deploy) and
// runs the command when there is one and the list is not empty. It
// returns the URLs handed over.
func (c CDNRefresh) Run(ctx context.Context, urls []string) ([]string, error) {
	all := union(readURLs(c.File+".pending"), urls)
	if err := writeURLs(c.File, all); err != nil {
		return all, err
	}
	if c.Command == "" || len(all) == 0 {
		os.Remove(c.File + ".pending")
		return all, nil
	}
	args, err := commandWords(c.Command, c.File)
	if err != nil {
		return all, err
	}
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.Stdout, cmd.Stderr = c.Stdout, c.Stderr
	if err := cmd.Run(); err != nil {
		writeURLs(c.File+".pending", all) // for the next deploy to try again
		return all, lang.Errorf("网站已发布，但刷新 CDN 缓存的命令 %[1]q 运行失败：CDN 上可能还有 %[2]d 个网址是旧内容。网址清单在 %[3]s，可手动刷新；下次发布会再刷新一次",
			"the site is deployed, but the CDN refresh command %[1]q failed (%[4]v): %[2]d URL(s) may be stale; the list is in %[3]s, and the next deploy retries them",
			c.Command, len(all), c.File, err)
	}
	os.Remove(c.File + ".pending")
	return all, nil
}

// commandWords splits the refresh command into its words, {file} replaced.
func commandWords(command, file string) ([]string, error) {
	var words []string
	var word strings.Builder
	inWord, quote := false, rune(0)
	for _, r := range command {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			word.WriteRune(r)
		case r == '"' || r == '\'':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			if inWord {
				words = append(words, word.String())
				word.Reset()
				inWord = false
			}
		default:
			word.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 || len(words) == 0 && !inWord {
		return nil, lang.Errorf("site.toml 中 CDN 刷新命令 refresh = %[1]q 写法不对（引号没有配对，或是空的）",
			"[deploy.targets.cdn] refresh = %[1]q: unbalanced quotes or empty", command)
	}
	if inWord {
		words = append(words, word.String())
	}
	found := false
	for i, w := range words {
		if strings.Contains(w, "{file}") {
			words[i], found = strings.ReplaceAll(w, "{file}", file), true
		}
	}
	if !found {
		words = append(words, file)
	}
	return words, nil
}

func readURLs(file string) []string {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	return strings.Fields(string(data))
}

func writeURLs(file string, urls []string) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	var b strings.Builder
	for _, u := range urls {
		fmt.Fprintln(&b, u)
	}
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		return lang.Errorf("无法写入 CDN 刷新网址清单 %[1]s", "writing the CDN refresh list %[1]s: %[2]v", file, err)
	}
	return nil
}

// union is the sorted set of the URLs of both lists.
func union(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, u := range append(append([]string(nil), a...), b...) {
		if !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	sort.Strings(out)
	return out
}
