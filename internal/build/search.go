package build

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"sort"
	"sync"

	"showcase/internal/content"
	"showcase/internal/render"
	"showcase/internal/search"
)

// searchFolder is where the search page and its index live, below the base.
const searchFolder = "search/"

// startSearch starts indexing every published page (issue 4) beside the
// rendering of the pages, which the index does not depend on: the index
// has serial steps, whose time the pages fill. The function it returns
// waits for the index, for writeSearchIndex.
func startSearch(s *content.Site, opts Options) func() *search.Output {
	done := make(chan *search.Output, 1)
	go func() {
		docs, sopts := SearchDocs(s)
		done <- buildSearch(docs, sopts, opts.Destination, nil)
	}()
	return func() *search.Output { return <-done }
}

// searchMemory is the memory a build of so many pages aims to stay within
// while it indexes: Hugo's for the same pages (0.99 GB at 10,000), at least
// 800 MiB.
func searchMemory(pages int) int64 { return max(800<<20, int64(pages)*80<<10) }

// buildSearch builds the index on the one in dest's search/ folder, the
// last build's, so that an edit changes a few of its files, not all
// (internal/search: the merge policy). Should a file it keeps be missing
// there, the index is made afresh.
func buildSearch(docs []search.Doc, sopts search.Options, dest string, stop func() bool) *search.Output {
	// the postings are the build's largest live data: meanwhile garbage is
	// collected as usual until the heap nears searchMemory, and more often
	// then (GOGC 50 throughout, as before, cost 7 % more CPU on a blog of
	// 2,000 pages; at 10,000 pages it peaked at 0.93–1.01 GB, this at 0.83)
	if limit := searchMemory(len(docs)); limit < debug.SetMemoryLimit(-1) {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(limit))
	}
	defer lessGC()()
	sopts.Stop = stop
	dir := filepath.Join(dest, filepath.FromSlash(searchFolder))
	prev := onPrevious(sopts, dir)
	idx := search.Build(docs, prev)
	if idx == nil || prev.Previous == nil {
		return idx
	}
	for name := range idx.Kept {
		if info, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(name))); err != nil || !info.Mode().IsRegular() {
			return search.Build(docs, sopts)
		}
	}
	return idx
}

// gcWhileIndexing is GOGC while an index is built: the postings, the
// build's largest live data, are made once and kept to the end, so that
// collecting at every doubling of the heap mostly scans them again (a
// blog of 1,472 posts: 0.25 CPU-s less a build for 30-50 MB more at the
// peak). The memory limit above still bounds the heap: 10,000 pages peak
// at 0.83 GB either way.
const gcWhileIndexing = 200

var indexing struct {
	sync.Mutex
	n     int // indexes being built
	saved int // GOGC before the first
}

// lessGC sets GOGC to gcWhileIndexing until the function it returns is
// called, when no other index is being built.
func lessGC() func() {
	indexing.Lock()
	defer indexing.Unlock()
	if indexing.n++; indexing.n == 1 {
		indexing.saved = debug.SetGCPercent(gcWhileIndexing)
	}
	return func() {
		indexing.Lock()
		defer indexing.Unlock()
		if indexing.n--; indexing.n == 0 {
			debug.SetGCPercent(indexing.saved)
		}
	}
}

// onPrevious points sopts at the index in dir, whose manifest is the one
// m-*.bin there; with none, or several, the index is made afresh.
func onPrevious(sopts search.Options, dir string) search.Options {
	manifests, _ := filepath.Glob(filepath.Join(dir, "m-*.bin"))
	if len(manifests) != 1 {
		return sopts
	}
	sopts.PreviousManifest = filepath.Base(manifests[0])
	sopts.Previous = func(name string) ([]byte, error) {
		clean := path.Clean(name)
		if !fs.ValidPath(clean) {
			return nil, fmt.Errorf("%s: not a path below search/", name)
		}
		file := filepath.Join(dir, filepath.FromSlash(clean))
		if info, err := os.Lstat(file); err != nil || !info.Mode().IsRegular() {
			return nil, fmt.Errorf("%s: not a file of the last index", name)
		}
		return os.ReadFile(file)
	}
	return sopts
}

// writeSearchIndex writes a built index and the search page that names its
// manifest. The files kept from the last index stay where they are in an
// in-place output (the preview's); a new output gets them from the last one.
func writeSearchIndex(s *content.Site, set *render.Set, idx *search.Output, out *output, opts Options, fail func(string, error)) {
	names := make([]string, 0, len(idx.Files)+len(idx.Kept))
	for name := range idx.Files {
		names = append(names, name)
	}
	for name := range idx.Kept {
		names = append(names, name)
	}
	sort.Strings(names)
	// one at a time: the files are many and small, and most are in one
	// folder, t/, where two writers wait for each other in the system
	// (ext4: 1,223 files of 8 KB made in 28 ms on one core, in 43-197 ms
	// and 77-335 ms of CPU on two; the blog's build spent 0.49 CPU-s opening
	// its index's files on two cores, 0.28 on one, for the same time)
	for _, name := range names {
		rel := searchFolder + name
		data, ok := idx.Files[name]
		var err error
		switch {
		case ok:
			err = out.Write(rel, "the search index", data)
		case out.inPlace:
			err = out.claim(rel, "the search index")
		default:
			if data, err = os.ReadFile(filepath.Join(out.dest, filepath.FromSlash(out.prefix+rel))); err == nil {
				err = out.Write(rel, "the search index", data)
			}
		}
		if err != nil {
			fail(rel, err)
		}
	}
	page := &content.Page{Kind: "search", Title: render.T(s.Config.Lang, "siteSearch"), Path: searchFolder, File: "layouts/search.html",
		Params: map[string]any{"searchIndex": searchFolder + idx.Manifest}}
	if own := s.Search; own != nil { // the site's own content/search page: its title and text
		page.Content, page.File = own.Content, own.File
		if own.Title != "" {
			page.Title = own.Title
		}
	}
	d := &render.Data{Kind: "search", Site: s, Page: page, Title: page.Title, Preview: opts.Preview,
		Description: "在" + s.Config.Title + "中搜索新闻、案例、图集和支部。",
		Crumbs:      crumbs(crumb(page.Title, "")), Canonical: absURL(s, searchFolder)}
	if opts.PreviewHead != "" {
		d.Head = safeHead(opts.PreviewHead)
	}
	if opts.lang != nil {
		d.Languages = opts.lang.links("search")
		if render.English(opts.lang.code) {
			d.Description = "Search " + s.Config.Title + "."
			d.Crumbs = translateCrumbs(opts.lang.code, d.Crumbs)
		}
	}
	html, _, err := set.Execute("search", "", d)
	if err != nil {
		fail(page.File, err)
		return
	}
	if err := out.Write(outputFile(searchFolder), "the search page", html); err != nil {
		fail(page.File, err)
	}
}

// firstSegment is the section a menu URL points to: "/news/" → "news".
func firstSegment(u string) string {
	for len(u) > 0 && u[0] == '/' {
		u = u[1:]
	}
	for i := 0; i < len(u); i++ {
		if u[i] == '/' {
			return u[:i]
		}
	}
	return u
}
