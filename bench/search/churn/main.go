// Command churn measures what a deploy sends after ordinary edits: it
// copies a gencorpus site, builds it, then edits it build by build (a body
// sentence of one page, a new page, a deleted page, then one edited page
// per build) and reports, for each build, the output's files added,
// changed and removed and the bytes a deploy would send, for the whole
// output and for search/ alone:
//
//	go run ./bench/search/churn -s CORPUS -w WORKDIR [-edits 120] [-bulk 17] [-largest 10]
package main

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"showcase"
	"showcase/internal/build"
)

type file struct {
	sum  [32]byte
	size int64
}

func main() {
	src := flag.String("s", "", "gencorpus site (copied, not changed)")
	work := flag.String("w", "/tmp/churn", "work folder (emptied)")
	edits := flag.Int("edits", 120, "single-page edits after the add and the delete")
	bulk := flag.Int("bulk", 0, "then this many pages edited in one build (a merge into a delta), and one more edit")
	largest := flag.Int("largest", 0, "after each build, list this many of the largest files added or changed")
	flag.Parse()
	site, out := filepath.Join(*work, "site"), filepath.Join(*work, "public")
	check(os.RemoveAll(*work))
	check(os.MkdirAll(*work, 0o755))
	check(exec.Command("cp", "-r", *src, site).Run())
	pages := contentFiles(site)
	fmt.Printf("%-10s %6s %6s %6s %9s | %6s %6s %6s %9s  %s\n", "step", "added", "chg", "del", "sent", "s.add", "s.chg", "s.del", "s.sent", "build")
	prev := snapshot(out)
	step := func(name string) {
		start := time.Now()
		_, err := build.Build(build.Options{Source: site, Destination: out, Theme: showcase.Theme(), Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
		check(err)
		took := time.Since(start)
		cur := snapshot(out)
		all, idx := compare(prev, cur, ""), compare(prev, cur, "search/")
		fmt.Printf("%-10s %6d %6d %6d %9d | %6d %6d %6d %9d  %.2fs of %d files\n", name, all[0], all[1], all[2], all[3], idx[0], idx[1], idx[2], idx[3], took.Seconds(), len(cur))
		if name != "build" {
			printLargest(prev, cur, *largest)
		}
		prev = cur
	}
	step("build")
	edit(pages[0])
	step("edit")
	check(os.WriteFile(filepath.Join(site, "content/news/zz-new.md"), []byte("+++\ntitle = \"新增的一篇\"\ndate = 2026-11-30\nreviewers = [\"审核人\"]\n+++\n新增的页面，讲述新的工作。\n"), 0o644))
	step("add")
	check(os.Remove(unlinked(site, pages)))
	step("delete")
	for i := range *edits {
		edit(pages[2+i*7%(len(pages)-2)])
		step(fmt.Sprintf("edit %d", i+1))
	}
	if *bulk > 0 {
		for i := range *bulk {
			edit(pages[len(pages)-1-i*5])
		}
		step(fmt.Sprintf("bulk %d", *bulk))
		edit(pages[len(pages)/2])
		step("edit")
	}
}

// edit changes the last sentence of a page's body.
func edit(p string) {
	data, err := os.ReadFile(p)
	check(err)
	s := strings.TrimRight(string(data), "\n")
	check(os.WriteFile(p, []byte(s+"本文有改动。\n"), 0o644))
}

// unlinked returns a page no other page links to.
func unlinked(site string, pages []string) string {
	all := ""
	for _, p := range pages {
		data, _ := os.ReadFile(p)
		all += string(data)
	}
	for _, p := range pages[1:] {
		if !strings.Contains(all, filepath.Base(p)) {
			return p
		}
	}
	check(fmt.Errorf("every page is linked"))
	return ""
}

func contentFiles(site string) []string {
	var out []string
	filepath.WalkDir(filepath.Join(site, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, "_index.md") &&
			!strings.Contains(p, "/branches/") {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out
}

func snapshot(dir string) map[string]file {
	out := map[string]file{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(p)
		check(err)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = file{sha256.Sum256(data), int64(len(data))}
		return nil
	})
	return out
}

// compare counts files added, changed and removed below prefix, and the
// bytes of those added and changed.
func compare(a, b map[string]file, prefix string) [4]int64 {
	var n [4]int64
	for p, f := range b {
		if !strings.HasPrefix(p, prefix) {
			continue
		}
		if old, ok := a[p]; !ok {
			n[0]++
			n[3] += f.size
		} else if old.sum != f.sum {
			n[1]++
			n[3] += f.size
		}
	}
	for p := range a {
		if _, ok := b[p]; !ok && strings.HasPrefix(p, prefix) {
			n[2]++
		}
	}
	return n
}

// printLargest lists the n largest files added or changed from a to b.
func printLargest(a, b map[string]file, n int) {
	var sent []string
	for p, f := range b {
		if old, ok := a[p]; !ok || old.sum != f.sum {
			sent = append(sent, p)
		}
	}
	sort.Slice(sent, func(i, j int) bool { return b[sent[i]].size > b[sent[j]].size })
	for _, p := range sent[:min(n, len(sent))] {
		fmt.Printf("    %9d %s\n", b[p].size, p)
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
