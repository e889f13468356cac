package build

import (
	"html/template"
	"io/fs"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/markdown"
)

// renderMarkdown converts every page's body on all cores and fills its HTML,
// table of contents, plain text and summary. Broken links are errors with
// the page's file and line. The photos note the pages whose body shows
// images.
func renderMarkdown(cfg *config.Config, ix *content.Index, ph *photos, pages []*content.Page, errs *diag.List) {
	md := markdown.New(markdown.Options{Unsafe: cfg.Unsafe})
	jobs := make(chan *content.Page)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				images := false
				res := md.Render(p.Body, markdown.Doc{Resolver: newMarkdownResolver(ix, ph, p, &images), LineOffset: p.BodyLine - 1})
				for _, pr := range res.Problems {
					errs.Errorf(p.File, pr.Line, "%s", pr.Msg)
				}
				setRendered(p, res)
				if p.Summary == "" {
					p.Summary = pageSummary(res, cfg.SummaryLength)
				}
				if images {
					ph.showsImages(p)
				}
			}
		}()
	}
	for _, p := range pages {
		jobs <- p
	}
	close(jobs)
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
	text := strings.Join(strings.Fields(strings.ReplaceAll(plain, "\n", " ")), " ")
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	r := []rune(text)[:n]
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

// checkCovers reports covers that name no file, with the page's line.
func checkCovers(site fs.FS, ix *content.Index, pages []*content.Page, errs *diag.List) {
	for _, p := range pages {
		if p.Cover == "" || content.Remote(p.Cover) {
			continue
		}
		file, _, err := ix.Resolver(p).File(p.Cover)
		if err == nil && strings.HasPrefix(file, "static/") {
			_, err = fs.Stat(site, file)
		}
		if err != nil {
			errs.Errorf(p.File, p.KeyLine("cover"), "cover: %v (封面图片有误)", err)
		}
	}
}
