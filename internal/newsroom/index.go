package newsroom

import (
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"showcase/internal/build"
	"showcase/internal/check"
	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/sitefs"
)

// Review states as the dashboard shows them.
const (
	StateDraft     = "草稿"  // draft = true
	StatePending   = "待审"  // not reviewed yet
	StateReviewed  = "已审"  // reviewed, but not published now (a future or past date)
	StatePublished = "已发布" // reviewed and published by the build's rules
)

// SignoffKey is the front-matter list of a page's review sign-offs.
const SignoffKey = "signoffs"

// pageInfo is one page as the dashboard lists it.
type pageInfo struct {
	File      string   `json:"file"`
	Title     string   `json:"title"`
	Section   string   `json:"section"`
	State     string   `json:"state"`
	Author    string   `json:"author"`
	Date      string   `json:"date"`
	URL       string   `json:"url"`
	Tags      []string `json:"tags,omitempty"`
	Branches  []string `json:"branches,omitempty"`
	Reviewers []string `json:"reviewers,omitempty"`
	Signoffs  []string `json:"signoffs,omitempty"`
	Error     string   `json:"error,omitempty"` // the page does not parse
	People    []string `json:"-"`               // everyone the byline names
}

type stamped struct {
	size int64
	mod  time.Time
	info pageInfo
}

// pageIndex keeps every page's listing, parsing again only the files whose
// size or time changed since the last look.
type pageIndex struct {
	n     *Newsroom
	mu    sync.Mutex
	files map[string]stamped
}

func newPageIndex(n *Newsroom) *pageIndex {
	return &pageIndex{n: n, files: map[string]stamped{}}
}

// count is how many pages the last look found.
func (x *pageIndex) count() int {
	x.mu.Lock()
	defer x.mu.Unlock()
	return len(x.files)
}

// config reads the site's configuration as the build does.
func (n *Newsroom) config() (*config.Config, error) {
	cfg, err := build.LoadConfig(sitefs.New(n.source), &diag.List{})
	if err != nil {
		return nil, err
	}
	if n.opts.Build.BaseURL != "" {
		return cfg.WithBaseURL(n.opts.Build.BaseURL)
	}
	return cfg, nil
}

// pages lists every page under content/, sorted newest first.
func (x *pageIndex) pages() ([]pageInfo, *config.Config, error) {
	cfg, err := x.n.config()
	if err != nil {
		return nil, nil, err
	}
	site := sitefs.New(x.n.source)
	type todo struct {
		file string
		info fs.FileInfo
	}
	var work []todo
	seen := map[string]bool{}
	x.mu.Lock()
	err = fs.WalkDir(site, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // an unreadable folder is the build's to report
		}
		name := d.Name()
		if p != "content" && (strings.HasPrefix(name, ".") || content.Ignored(name)) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !strings.EqualFold(path.Ext(name), ".md") {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		seen[p] = true
		if old, ok := x.files[p]; ok && old.size == info.Size() && old.mod.Equal(info.ModTime()) {
			return nil
		}
		work = append(work, todo{p, info})
		return nil
	})
	x.mu.Unlock()
	if err != nil {
		return nil, nil, err
	}
	now := x.n.opts.Now()
	parsed := make([]stamped, len(work))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				parsed[i] = stamped{size: work[i].info.Size(), mod: work[i].info.ModTime(), info: x.n.describe(site, work[i].file, cfg, now)}
			}
		}()
	}
	for i := range work {
		next <- i
	}
	close(next)
	wg.Wait()

	x.mu.Lock()
	defer x.mu.Unlock()
	for i, w := range work {
		x.files[w.file] = parsed[i]
	}
	out := make([]pageInfo, 0, len(seen))
	for f, s := range x.files {
		if !seen[f] {
			delete(x.files, f)
			continue
		}
		out = append(out, s.info)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date > out[j].Date
		}
		return out[i].File < out[j].File
	})
	return out, cfg, nil
}

// describe parses one page into its listing.
func (n *Newsroom) describe(site fs.FS, file string, cfg *config.Config, now time.Time) pageInfo {
	info := pageInfo{File: file, Section: sectionOf(file), Title: path.Base(file)}
	data, err := fs.ReadFile(site, file)
	if err != nil {
		info.Error = err.Error()
		return info
	}
	p, problems := content.ParsePage(file, data, cfg)
	if p == nil {
		if len(problems) > 0 {
			info.Error = problems[0].Error()
		}
		return info
	}
	return pageInfoOf(p, cfg, now)
}

func pageInfoOf(p *content.Page, cfg *config.Config, now time.Time) pageInfo {
	check.MarkUnsigned([]*content.Page{p}, cfg.Review) // a stage unsigned: 待审
	info := pageInfo{File: p.File, Section: sectionOf(p.File), Title: p.Title, Author: p.Byline.Author,
		Reviewers: p.Byline.Reviewers, Tags: p.Terms["tags"], Branches: p.Terms[config.BranchTaxonomy],
		URL: cfg.BasePath + content.URLPath(p), Signoffs: stringList(p.Params[SignoffKey])}
	b := p.Byline
	for _, name := range append([]string{b.Author, b.Photographer, b.Editor}, b.Reviewers...) {
		if name != "" {
			info.People = append(info.People, name)
		}
	}
	if info.Title == "" {
		info.Title = path.Base(p.File)
	}
	if !p.Date.IsZero() {
		info.Date = p.Date.Format("2006-01-02 15:04")
	}
	switch {
	case p.Draft:
		info.State = StateDraft
	case p.Kind == content.KindPage && p.Profile == nil && !p.Reviewed():
		info.State = StatePending
	case !p.Published(false, false, false, now):
		info.State = StateReviewed
	default:
		info.State = StatePublished
	}
	return info
}

func sectionOf(file string) string {
	rest := strings.TrimPrefix(file, "content/")
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		return rest[:i]
	}
	return ""
}

// stringList reads a front-matter list (or a single text) as strings.
func stringList(v any) []string {
	switch v := v.(type) {
	case string:
		if v != "" {
			return []string{v}
		}
	case []any:
		var out []string
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
