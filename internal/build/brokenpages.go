package build

import (
	"errors"
	"fmt"
	"html"
	"sort"
	"strings"

	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/lang"
	"showcase/internal/sitefs"
)

// The preview never goes blank. A build stops at any error, since nothing
// broken may be published; the preview instead leaves out the pages whose
// own files have errors, builds every other page, and puts at each left-out
// page's address a page that names the problems (file:line and what to
// change), still live-reloading, so the fix shows as soon as it is saved.
// An error outside content/ (site.toml, a layout, a static file) still
// stops the preview's build: the last good site stays, under the overlay.

// brokenPages are the content files a preview build leaves out, with
// their problems and the address each page would have.
type brokenPages struct {
	problems map[string][]*diag.Problem // file → its problems, as first found
	paths    map[string]string          // file → URL path below the base
}

// maxBrokenRounds bounds how often a preview build retries: leaving a page
// out can break another (one that shows it), which is then left out too.
const maxBrokenRounds = 5

// loadPreview is load for the preview: on errors that all belong to
// content files it loads again without those pages, until the rest loads.
func loadPreview(site *sitefs.FS, opts Options, errs *diag.List) (*contentSite, error) {
	broken := &brokenPages{problems: map[string][]*diag.Problem{}, paths: map[string]string{}}
	opts.broken = broken
	var first error
	var firstWarnings []*diag.Problem
	for round := 0; round < maxBrokenRounds; round++ {
		var list diag.List
		s, ix, ph, err := load(site, opts, &list)
		if err == nil {
			for _, w := range list.Warnings() {
				errs.Warn(w)
			}
			return &contentSite{s, ix, ph, broken}, nil
		}
		if first == nil {
			first, firstWarnings = err, list.Warnings()
		}
		var f *diag.Failure
		if !errors.As(err, &f) || !broken.take(f.Problems) {
			break
		}
	}
	for _, w := range firstWarnings {
		errs.Warn(w)
	}
	return nil, first
}

// contentSite is what load returns, with the pages a preview left out.
type contentSite struct {
	site   *content.Site
	ix     *content.Index
	ph     *photos
	broken *brokenPages
}

// take records problems of content files not yet left out; it says false
// when any problem belongs elsewhere (or to nothing new), which no
// leaving out can mend.
func (b *brokenPages) take(problems []*diag.Problem) bool {
	fresh := map[string][]*diag.Problem{}
	for _, p := range problems {
		if _, known := b.problems[p.File]; known {
			continue
		}
		if !strings.HasPrefix(p.File, "content/") || !strings.HasSuffix(strings.ToLower(p.File), ".md") {
			return false
		}
		fresh[p.File] = append(fresh[p.File], p)
	}
	if len(fresh) == 0 {
		return false
	}
	for file, ps := range fresh {
		b.problems[file] = ps
		b.paths[file] = content.PathOfFile(file)
	}
	return true
}

// failure is errs.Err() without the problems of the pages left out.
func (b *brokenPages) failure(errs *diag.List) error {
	if b == nil {
		return errs.Err()
	}
	var rest []*diag.Problem
	for _, p := range errs.Errors() {
		if !b.skips(p.File) {
			rest = append(rest, p)
		}
	}
	if len(rest) == 0 {
		return nil
	}
	return &diag.Failure{Problems: rest}
}

// skips says whether the page is left out; nil leaves out nothing.
func (b *brokenPages) skips(file string) bool {
	if b == nil {
		return false
	}
	_, ok := b.problems[file]
	return ok
}

// place records the address a left-out page that was read would have.
func (b *brokenPages) place(p *content.Page) {
	if b.skips(p.File) && p.Path != "" {
		b.paths[p.File] = p.Path
	}
}

// errs is every problem of the left-out pages, in file order.
func (b *brokenPages) errs() []*diag.Problem {
	if b == nil {
		return nil
	}
	var files []string
	for f := range b.problems {
		files = append(files, f)
	}
	sort.Strings(files)
	var out []*diag.Problem
	for _, f := range files {
		out = append(out, b.problems[f]...)
	}
	return out
}

// write puts an error page at the address of each left-out page whose
// address no other page took.
func (b *brokenPages) write(out *output, head string) {
	if b == nil {
		return
	}
	for file, problems := range b.problems {
		_ = out.Write(b.paths[file]+"index.html", file, brokenPage(file, problems, head))
	}
}

// brokenPage is the preview's page for a page that has errors.
func brokenPage(file string, problems []*diag.Problem, head string) []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>这篇稿件有错误</title>` + head + `</head>
<body style="font-family: system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif; max-width: 44em; margin: 2em auto; padding: 0 1em; line-height: 1.7">
<h1 style="color: #a31c1c">这篇稿件有错误，暂时无法显示</h1>
<p>`)
	b.WriteString(html.EscapeString(lang.Say("请按下面的提示修改 %s 并保存，改好后本页会自动刷新。网站的其他页面照常预览。",
		"Fix %s as described below and save it: this page reloads when it builds. The rest of the site previews as usual.", file)))
	b.WriteString("</p>\n<ul>\n")
	for _, p := range problems {
		fmt.Fprintf(&b, "<li><code>%s</code>：%s</li>\n", html.EscapeString(placeOf(p)), html.EscapeString(p.Msg))
	}
	b.WriteString("</ul>\n</body>\n</html>\n")
	return []byte(b.String())
}

// placeOf is "file:line", or the file.
func placeOf(p *diag.Problem) string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return p.File
}
