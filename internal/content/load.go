package content

import (
	"errors"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"showcase/internal/config"
	"showcase/internal/diag"
	"showcase/internal/lang"
)

// Tree is everything found under content/: the pages, and the other files
// (bundle resources and attachments), in path order.
type Tree struct {
	Pages []*Page
	Files []string // non-Markdown files, paths from the site root
}

// Load walks content/ in fsys (the site's folder) and parses every Markdown
// file on all cores. Problems are added to errs; pages that failed are left
// out of the tree.
func Load(fsys fs.FS, cfg *config.Config, errs *diag.List) *Tree {
	var mdFiles []string
	tree := &Tree{}
	err := fs.WalkDir(fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "content" && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			errs.Add(p, err)
			return nil
		}
		name := d.Name()
		if p != "content" && (Ignored(name) || cfg.IgnoredFile(p)) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			info, err := fs.Stat(fsys, p)
			if placed := (*diag.Problem)(nil); errors.As(err, &placed) {
				errs.Add(p, err) // the file system refused it and said why (a link leaving the site)
				return nil
			}
			if err != nil {
				errs.Errorf(p, 0, "%s", lang.Sprintf("这个符号链接（快捷方式）指向的文件不存在或循环指向自己，不会发布：请删除它或改为真实文件", "broken or looping symbolic link: %v", err))
				return nil
			}
			if info.IsDir() {
				errs.Warnf(p, 0, "%s", lang.Sprintf("这个符号链接指向一个文件夹，不会跟随，其中的稿件不会发布：请把文件夹本身放进 content/", "a symbolic link to a folder is not followed"))
				return nil
			}
		}
		if d.IsDir() {
			return nil
		}
		if strings.HasSuffix(strings.ToLower(name), ".md") {
			mdFiles = append(mdFiles, p)
		} else {
			tree.Files = append(tree.Files, p)
		}
		return nil
	})
	if err != nil {
		errs.Add("content", err)
	}
	mdFiles = leafResources(mdFiles, errs)
	if len(mdFiles) == 0 {
		errs.Errorf("content", 0, "%s", lang.Sprintf("content 文件夹中没有 Markdown 稿件（.md 文件）：可用 showcase new news 标题 新建一篇", "no Markdown files found under content/"))
		return tree
	}
	pages := make([]*Page, len(mdFiles))
	var next atomic.Int64 // the next file to take: no worker waits for another
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(mdFiles) {
					return
				}
				data, err := fs.ReadFile(fsys, mdFiles[i])
				if placed := (*diag.Problem)(nil); errors.As(err, &placed) {
					errs.Add(mdFiles[i], err)
					continue
				}
				if err != nil {
					errs.Errorf(mdFiles[i], 0, "%s", lang.Sprintf("无法读取这个文件：请检查它是否被其他程序占用或没有读取权限", "cannot read: %v", err))
					continue
				}
				p, problems := ParsePage(mdFiles[i], data, cfg)
				for _, pr := range problems {
					errs.Add(mdFiles[i], pr)
				}
				if len(problems) == 0 {
					pages[i] = p
				}
			}
		}()
	}
	wg.Wait()
	for _, p := range pages {
		if p != nil {
			tree.Pages = append(tree.Pages, p)
		}
	}
	attachResources(tree)
	return tree
}

// Ignored reports files that editors and operating systems leave behind
// (Word's ~$ locks, vim swap files, backups, .DS_Store, Windows' Thumbs.db
// and desktop.ini, macOS's __MACOSX in zip files): never site files.
func Ignored(name string) bool {
	switch lower := strings.ToLower(name); {
	case strings.HasPrefix(name, "."), strings.HasPrefix(name, "~$"), strings.HasPrefix(name, "#"),
		strings.HasSuffix(name, "~"), strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".tmp"),
		lower == "thumbs.db", lower == "ehthumbs.db", lower == "desktop.ini", name == "__MACOSX":
		return true
	}
	return false
}

// leafResources leaves out of the pages the Markdown files that Hugo takes
// for resources of a leaf bundle: every file below a folder with index.md
// but the index.md files themselves, with a warning each.
func leafResources(mdFiles []string, errs *diag.List) []string {
	leaves := map[string]bool{}
	for _, f := range mdFiles {
		if path.Base(f) == "index.md" {
			leaves[path.Dir(f)] = true
		}
	}
	pages := mdFiles[:0]
	for _, f := range mdFiles {
		if path.Base(f) != "index.md" {
			if leaf := leafOf(f, leaves); leaf != "" {
				errs.Warnf(f, 0, "%s", lang.Sprintf("%[1]s/index.md 所在的文件夹是一个页面（页面包），其中的其他 Markdown 文件按 Hugo 的规则是它的附件，不单独成页、不发布；要单独成页请移出该文件夹",
					"a Markdown file in the leaf bundle of %[1]s/index.md is a resource of that page, as in Hugo: not a page, not published", leaf))
				continue
			}
		}
		pages = append(pages, f)
	}
	return pages
}

// leafOf is the nearest folder above f (or its own) that holds index.md.
func leafOf(f string, leaves map[string]bool) string {
	for dir := path.Dir(f); dir != "content" && dir != "."; dir = path.Dir(dir) {
		if leaves[dir] {
			return dir
		}
	}
	return ""
}

// attachResources gives each bundle the list of its own files (not those of a
// nested bundle).
func attachResources(t *Tree) {
	bundles := map[string]*Page{}
	for _, p := range t.Pages {
		if p.Bundle != "" {
			bundles[p.Bundle] = p
		}
	}
	for _, f := range t.Files {
		for dir := path.Dir(f); dir != "content" && dir != "."; dir = path.Dir(dir) {
			if b, ok := bundles[dir]; ok {
				b.Resources = append(b.Resources, strings.TrimPrefix(f, dir+"/"))
				break
			}
		}
	}
	for _, b := range bundles {
		sort.Strings(b.Resources)
	}
}
