package build

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/markdown"
	"showcase/internal/sitefs"
)

// Session builds one site again and again, for the preview server. It keeps
// the last good build and, when published pages were edited, renders only
// what the edit touched, in place, instead of the whole site:
//   - the fast path: only the bodies changed (the front matter, and so
//     everything lists show of the pages, is byte for byte the same); it
//     renders just those pages;
//   - the middle path (rebuildListed): the front matter or a generated
//     summary of regular pages or profiles changed too, but each page stays
//     published at its URL; it assembles the site again (when the edit
//     moves or relinks anything) and renders the pages that show the
//     edited ones or whose lists changed.
//
// Both leave the search index to the indexer, behind the reload. Anything
// else (a new, deleted or renamed page, a template, static or config
// change, a section or home page's front matter, images) takes a full
// build. Either way the output is byte-identical to a full build of the
// same files. A site with layouts of its own always takes the full build,
// since its templates may show any page's body anywhere.
type Session struct {
	opts   Options
	last   *built
	stamps map[string]stamp
	md     *markdown.Renderer
	index  *indexer // writes the search index behind the fast rebuilds
}

type stamp struct {
	size int64
	mod  time.Time
}

// NewSession prepares builds of opts.Source into opts.Destination.
func NewSession(opts Options) *Session {
	if opts.Destination == "" {
		opts.Destination = filepath.Join(opts.Source, "public")
	}
	return &Session{opts: opts, index: newIndexer(opts.Destination)}
}

// Wait returns when the search index of the last fast rebuild is written,
// with its error if it failed.
func (s *Session) Wait() error {
	err := s.index.wait()
	if err != nil {
		s.last = nil // the next build starts afresh
	}
	return err
}

// Close ends the session: the search index being built behind is
// abandoned at its next step, and Close returns when nothing more is
// written into the destination (which the caller may then remove).
func (s *Session) Close() { s.index.close() }

// searchBehind leaves the search index of the last build to the indexer.
// The edited pages are in place: the preview can reload them now. The
// search index, which an edit also changes, is written behind; a full build
// (and Wait) waits for it, a fast rebuild replaces it with its own.
func (s *Session) searchBehind(opts Options) {
	s.index.start(s.last.site, s.last.set, opts)
}

// errSlowPath says the fast rebuild does not apply.
var errSlowPath = errors.New("full build needed")

// BuildChanged is Build for a caller that knows which source files changed
// (slash paths relative to the site folder, as the preview's watcher gives
// them): the fast path then stats only those instead of every file. A nil
// list means "unknown", as for Build.
func (s *Session) BuildChanged(changed []string) (*Result, error) {
	return s.build(changed)
}

// Build brings the destination up to date with the source. Result.Fast tells
// which way it went.
func (s *Session) Build() (*Result, error) { return s.build(nil) }

func (s *Session) build(changed []string) (*Result, error) {
	s.index.snapshotted() // the pages in memory are about to change
	if s.index.failed() {
		s.last = nil // a full build writes the search index again
	}
	opts := s.opts
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	var stamps map[string]stamp
	var err error
	known := false
	if s.last != nil && len(changed) > 0 {
		stamps, known = s.restamp(changed)
	}
	if !known {
		if stamps, err = scanSite(opts.Source); err != nil {
			return nil, err
		}
	}
	if s.last != nil {
		res, err := s.rebuildBodies(stamps, opts)
		if !errors.Is(err, errSlowPath) {
			if err == nil {
				s.stamps = stamps
			}
			return res, err
		}
	}
	if known { // the fast path did not apply: a full build sees every file
		if stamps, err = scanSite(opts.Source); err != nil {
			return nil, err
		}
	}
	// a full build swaps the destination and writes its own index: the one
	// behind the last rebuild is moot, and may not be written meanwhile
	s.index.abandon()
	res, b, err := fullBuild(opts)
	if err != nil {
		return res, err
	}
	s.index.written(b.searchFiles)
	s.last, s.stamps = b, stamps
	s.md = markdown.New(markdown.Options{Unsafe: b.site.Config.Unsafe})
	return res, nil
}

// edit is an edited page: the page of the last build, its new parse and
// its new Markdown.
type edit struct {
	page, fresh *content.Page
	res         markdown.Result
}

// rebuildBodies is the fast path; it returns errSlowPath when it cannot apply.
func (s *Session) rebuildBodies(stamps map[string]stamp, opts Options) (*Result, error) {
	start := time.Now()
	var changed []string
	for name, st := range stamps {
		if strings.HasPrefix(name, "layouts/") {
			return nil, errSlowPath
		}
		if old, ok := s.stamps[name]; !ok || old != st {
			changed = append(changed, name)
		}
	}
	for name := range s.stamps {
		if _, ok := stamps[name]; !ok {
			return nil, errSlowPath // a file was deleted
		}
	}
	sort.Strings(changed)
	var edits []edit
	listed := false // an edit changed what lists and other pages show
	var errs diag.List
	cfg := s.last.site.Config
	for _, name := range changed {
		page := s.last.ix.Pages[name]
		if page == nil || !strings.HasSuffix(name, ".md") {
			return nil, errSlowPath
		}
		data, err := fs.ReadFile(sitefs.New(opts.Source), name)
		if err != nil {
			return nil, errSlowPath
		}
		fresh, problems := content.ParsePage(name, data, cfg)
		for _, p := range problems {
			errs.Add(name, p)
		}
		if len(problems) > 0 {
			continue
		}
		if hasImages(fresh.Body) || hasImages(page.Body) || hasCalls(fresh.Body) || hasCalls(page.Body) {
			return nil, errSlowPath // images add and drop variant files; shortcodes run in a full build
		}
		if !bytes.Equal(fresh.FrontMatter(), page.FrontMatter()) {
			listed = true // lists show front matter
		}
		rs := s.last.ix.Resolver(page)
		res := s.md.Render(fresh.Body, markdown.Doc{Resolver: markdownResolver{rs, s.last.photos, page}, LineOffset: fresh.BodyLine - 1})
		for _, pr := range res.Problems {
			errs.Errorf(name, pr.Line, "%s", pr.Msg)
		}
		reportNotes(page, rs.Notes, res.Links, &errs, opts.Strict)
		if fresh.Summary == "" && pageSummary(res, cfg.SummaryLength) != page.Summary {
			listed = true // the lists show a summary made from the body
		}
		edits = append(edits, edit{page, fresh, res})
	}
	if err := errs.Err(); err != nil {
		return &Result{Warnings: errs.Warnings()}, err
	}
	if listed {
		return s.rebuildListed(edits, opts, start)
	}
	touched := map[*content.Page]bool{}
	for _, e := range edits {
		e.page.TakeBody(e.fresh)
		setRendered(e.page, e.res)
		touched[e.page] = true
	}
	var jobs []job
	for _, j := range s.last.jobs {
		if touched[j.data.Page] {
			jobs = append(jobs, j)
		}
	}
	out := newInPlaceOutput(opts.Destination)
	fail := func(file string, err error) { errs.Add(file, err) }
	renderPages(s.last.set, jobs, out, opts.PreviewHead, fail)
	return s.commit(out, &errs, opts, start)
}

// commit ends a rebuild in place. On errors the output stays as it was and,
// since the pages in memory are already the edited ones, the next build
// starts afresh. Otherwise the changed files are written, and the search
// index is left to be written behind.
func (s *Session) commit(out *output, errs *diag.List, opts Options, start time.Time) (*Result, error) {
	if err := errs.Err(); err != nil {
		s.last = nil
		return &Result{Warnings: errs.Warnings()}, err
	}
	if err := out.Commit(); err != nil {
		s.last = nil
		return nil, err
	}
	s.searchBehind(opts)
	site := s.last.site
	return &Result{
		Pages: len(site.Pages) + len(site.Profiles), Written: int(out.written.Load()),
		Linked: int(out.linked.Load()), Changed: out.Changed(), Fast: true, Took: time.Since(start),
	}, nil
}

// restamp is the last build's stamps with the changed files stat'ed again.
// It says false when a change is more than an edit of a known file (a new,
// deleted or renamed file, a folder): then only a full scan can tell.
func (s *Session) restamp(changed []string) (map[string]stamp, bool) {
	stamps := make(map[string]stamp, len(s.stamps))
	for k, v := range s.stamps {
		stamps[k] = v
	}
	for _, name := range changed {
		if _, ok := s.stamps[name]; !ok {
			return nil, false
		}
		info, err := os.Stat(filepath.Join(s.opts.Source, filepath.FromSlash(name)))
		if err != nil || info.IsDir() {
			return nil, false
		}
		stamps[name] = stamp{info.Size(), info.ModTime()}
	}
	return stamps, true
}

// scanSite stamps every file a build reads: site.toml (or Hugo's names),
// content/, layouts/, static/, data/.
func scanSite(source string) (map[string]stamp, error) {
	stamps := map[string]stamp{}
	for _, name := range []string{"site.toml", "hugo.toml", "config.toml"} {
		if info, err := os.Stat(filepath.Join(source, name)); err == nil {
			stamps[name] = stamp{info.Size(), info.ModTime()}
		}
	}
	fsys := os.DirFS(source)
	for _, dir := range []string{"content", "layouts", "static", "data"} {
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == dir && errors.Is(err, fs.ErrNotExist) {
					return fs.SkipAll
				}
				return err
			}
			if d.IsDir() || content.Ignored(d.Name()) {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			stamps[p] = stamp{info.Size(), info.ModTime()}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return stamps, nil
}

// hasImages reports a Markdown body that may show images.
func hasImages(body []byte) bool {
	return bytes.Contains(body, []byte("![")) || bytes.Contains(bytes.ToLower(body), []byte("<img"))
}
