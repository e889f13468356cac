package build

import (
	"html/template"
	"io/fs"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/lang"
	"showcase/internal/markdown"
)

// renderMarkdown converts every page's body on all cores and fills its HTML,
// table of contents, plain text and summary. What the link resolver let
// through (content.LinkNote) is reported at the link's line: a warning, or
// with strict an error for a link or picture that leads nowhere.
// Shortcodes run first (see shortcodes.go), with the templates of theme
// (the site's layouts over the embedded ones). A dry run keeps what the
// pass saw of each page. The photos note the pages whose body shows
// images.
func renderMarkdown(cfg *config.Config, ix *content.Index, ph *photos, theme fs.FS, pages []*content.Page, errs *diag.List, dry *dryRun, strict bool) {
	md := markdown.New(markdown.Options{Unsafe: cfg.Unsafe})
	sc := newShortcodes(theme, cfg, ix, ph, md, errs)
	var next atomic.Int64 // the next page to take: no worker waits for another
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k := int(next.Add(1) - 1)
				if k >= len(pages) {
					return
				}
				p := pages[k]
				images := false
				rs := ix.Resolver(p)
				res := sc.render(p, markdownResolver{rs, ph, p, &images}) // problems go to errs
				for _, w := range res.Warnings {
					errs.Warnf(p.File, w.Line, "%s", w.Msg)
				}
				reportNotes(p, rs.Notes, res.Links, errs, strict)
				setRendered(p, res)
				ph.lines(p, res.Links)
				dry.saw(p, res)
				if p.Summary == "" {
					p.Summary = pageSummary(res, cfg.SummaryLength)
				}
				if images {
					ph.showsImages(p)
				}
			}
		}()
	}
	wg.Wait()
}

// pageSummary is the summary of a page without one in its front matter: the
// text before <!--more-->, else about n characters of its text.
func pageSummary(res markdown.Result, n int) string {
	if res.Summary != "" {
		return res.Summary
	}
	return summarize(res.Plain, n)
}

// summarize takes about n characters of plain text: whole sentences when the
// first ones fit, else a cut with "…".
func summarize(plain string, n int) string {
	// the words of plain joined by single spaces, as far as n+1 characters:
	// a page's whole text was split into words to keep a few hundred
	text := make([]byte, 0, min(len(plain), 4*(n+1)))
	count, space := 0, false
	for i, c := range plain {
		if unicode.IsSpace(c) {
			space = count > 0
			continue
		}
		if space {
			text, count, space = append(text, ' '), count+1, false
		}
		_, size := utf8.DecodeRuneInString(plain[i:])
		text, count = append(text, plain[i:i+size]...), count+1
		if count > n {
			break
		}
	}
	if count <= n {
		return string(text)
	}
	r := []rune(string(text))[:n]
	// end at the last sentence stop in the second half, if there is one
	for i := len(r) - 1; i > n/2; i-- {
		switch r[i] {
		case '。', '！', '？', '；', '.', '!', '?':
			return string(r[:i+1])
		}
	}
	return strings.TrimSpace(string(r)) + "…"
}

// setRendered gives a page what rendering its Markdown made.
func setRendered(p *content.Page, res markdown.Result) {
	p.Content = template.HTML(res.HTML)
	p.TOC, p.Plain = res.TOC, res.Plain
}

// reportNotes reports a page's link notes, each at the line of the first
// link (or picture) with its destination not yet given a note, or of the
// last one given a note (one picture may have two: no alt text, no file).
func reportNotes(p *content.Page, notes []content.LinkNote, links []markdown.Link, errs *diag.List, strict bool) {
	used := make([]bool, len(links))
	lastLine := map[string]int{}
	for _, n := range notes {
		if n.Line > 0 { // made by a shortcode: at its call
			report(p, n, n.Line, errs, strict)
			continue
		}
		line := lastLine[n.Dest]
		for i, l := range links {
			if !used[i] && l.Dest == n.Dest {
				used[i], line = true, l.Line
				break
			}
		}
		lastLine[n.Dest] = line
		report(p, n, line, errs, strict)
	}
}

// report files one note: a warning, or an error when strict and the note
// is of something broken.
func report(p *content.Page, n content.LinkNote, line int, errs *diag.List, strict bool) {
	if n.Strict && strict {
		errs.Errorf(p.File, line, "%s", n.Msg)
	} else {
		errs.Warnf(p.File, line, "%s", n.Msg)
	}
}

// lineNotes places the notes made since from, by a shortcode's hooks, at
// the line of the call running.
func (x *expansion) lineNotes(from int) {
	for i := from; i < len(x.res.Notes); i++ {
		if x.res.Notes[i].Line == 0 {
			x.res.Notes[i].Line = x.fileLine(x.line)
		}
	}
}

// checkCovers reports covers that name no file, with the page's line. Hugo
// publishes such a page without its cover, and so does the build, with a
// warning (an error with strict). A remote cover (https://…) is shown as it
// is; a root-relative one missing from static/ may be a file of the page's
// folder (content.Resolver.File).
func checkCovers(site fs.FS, ix *content.Index, pages []*content.Page, errs *diag.List, strict bool) {
	for _, p := range pages {
		if p.Cover == "" || content.Remote(p.Cover) {
			continue
		}
		rs := ix.Resolver(p)
		file, _, err := rs.File(p.Cover)
		if err == nil && strings.HasPrefix(file, "static/") {
			_, err = fs.Stat(site, file)
		}
		for _, n := range rs.Notes {
			errs.Warnf(p.File, p.KeyLine("cover"), "%s", n.Msg)
		}
		if err != nil {
			msg := lang.Sprintf("封面图片 %[1]q 找不到，本页发布时不显示封面", "cover %[1]q: %[2]v", p.Cover, err)
			if strict {
				errs.Errorf(p.File, p.KeyLine("cover"), "%s", msg)
			} else {
				errs.Warnf(p.File, p.KeyLine("cover"), "%s", msg)
				p.Cover = "" // published without it, as Hugo's themes do
			}
		}
	}
}
