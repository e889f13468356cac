package build

import (
	"bytes"
	"html"
	"html/template"
	"io/fs"
	"strconv"
	"strings"
	"sync"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/lang"
	"showcase/internal/markdown"
	"showcase/internal/render"
	"showcase/internal/shortcode"
)

// Shortcodes: a page's Markdown may call Hugo shortcodes ({{< figure … >}},
// {{% note %}}…{{% /note %}}). Before goldmark sees the body, package
// shortcode finds the calls and this file runs them, innermost first, with
// the templates of render.Shortcodes (layouts/_shortcodes/: the site's
// own over the theme's built-in ones):
//
//   - the output of a {{< >}} call is HTML. It goes into the Markdown as a
//     token of letters and digits that goldmark passes through untouched
//     (Hugo's HAHAHUGOSHORTCODE), and replaces the token in the HTML
//     afterwards; a token alone in its paragraph takes the paragraph's
//     place. An output that is plain words (a URL from relref, a param)
//     goes into the Markdown as it is, so that it can be a link's
//     destination or a heading's id.
//   - the output of a {{% %}} call is Markdown and goes into the body as
//     such, its lines indented as the call was. The HTML tags its template
//     wrote become tokens too, so they survive goldmark even where raw HTML
//     is omitted; the page's own text inside it (.Inner) is Markdown like
//     the rest, raw HTML included or omitted as everywhere.
//   - .Inner is the text between the tags with the nested calls' output
//     in place (tokens for HTML). {{< >}} hands it to the template as
//     written: a template that wants it as Markdown says so
//     (.Page.RenderString .Inner, markdownify). A {{% %}} call nested in
//     another gets its .Inner rendered as Markdown and gives HTML, as in
//     Hugo: {{< tabs >}}{{% tab %}}**Markdown**{{% /tab %}}{{< /tabs >}}.
//
// An unknown shortcode is a warning; its tags are left out and the content
// between them, if any, is published as Markdown. A template that fails is
// an error at the call's line, naming the template's file and line; so is a
// ref to a page that does not exist. Lines of Markdown problems (a broken
// link) are mapped back to the body as written. Plain text, summary and
// table of contents get the text of the outputs.
type shortcodes struct {
	theme fs.FS
	cfg   *config.Config
	ix    *content.Index
	ph    *photos
	md    *markdown.Renderer
	site  *render.ShortcodeSite
	errs  *diag.List

	once sync.Once
	set  *render.Shortcodes
}

func newShortcodes(theme fs.FS, cfg *config.Config, ix *content.Index, ph *photos, md *markdown.Renderer, errs *diag.List) *shortcodes {
	return &shortcodes{theme: theme, cfg: cfg, ix: ix, ph: ph, md: md, site: render.NewShortcodeSite(cfg), errs: errs}
}

// templates loads the shortcode templates once, when a page first calls one.
func (sc *shortcodes) templates() *render.Shortcodes {
	sc.once.Do(func() {
		var images render.Images
		if sc.ph != nil {
			images = sc.ph
		}
		sc.set = render.LoadShortcodes(sc.theme, &render.Env{Config: sc.cfg, Images: images}, render.ShortcodeOptions{
			Markdownify: func(src string) (template.HTML, error) {
				res := sc.md.Render([]byte(src), markdown.Doc{})
				return template.HTML(inline(res.HTML)), nil
			},
			Warn: func(msg string) { sc.errs.Warnf("", 0, "%s", msg) },
		})
	})
	return sc.set
}

// hasCalls reports a body that may call shortcodes.
func hasCalls(body []byte) bool {
	return bytes.Contains(body, []byte("{{<")) || bytes.Contains(body, []byte("{{%"))
}

// render renders page p's Markdown with its shortcodes run; problems go to
// sc.errs at their line in p's file. It does not panic: a failure of its
// own is an error of the page, which is then rendered without running its
// shortcodes.
func (sc *shortcodes) render(p *content.Page, res markdownResolver) (r markdown.Result) {
	plain := func() markdown.Result {
		r := sc.md.Render(p.Body, markdown.Doc{Resolver: res, LineOffset: p.BodyLine - 1})
		for _, pr := range r.Problems {
			sc.errs.Errorf(p.File, pr.Line, "%s", pr.Msg)
		}
		return r
	}
	if !hasCalls(p.Body) {
		return plain()
	}
	defer func() {
		if v := recover(); v != nil {
			sc.errs.Errorf(p.File, p.BodyLine, "%s", lang.Sprintf("处理短代码时出现内部错误，请把这篇稿件发给技术人员", "shortcodes: internal error: %v", v))
			r = plain()
		}
	}()
	doc := shortcode.Parse(p.Body)
	x := &expansion{sc: sc, set: sc.templates(), page: p, res: res, prefix: tokenPrefix(p.Body)}
	x.dot = render.NewShortcodePage(p, sc.site, hooks{x})
	for _, pr := range doc.Problems {
		sc.errs.Warnf(p.File, x.fileLine(pr.Line), "%s", lang.Sprintf("%[1]s，已按原文保留", "%[2]s", pr.Zh, pr.Msg))
	}
	for _, c := range doc.InCode {
		if x.set.Has(c.Name) {
			sc.errs.Warnf(p.File, x.fileLine(c.Line), "%s", lang.Sprintf("代码中的短代码 %[1]s 按原文显示，不会执行；要显示它又不想看到这条提示，请写成 {{</* %[2]s */>}}",
				"shortcode %[2]s inside code is shown as written, not run (Hugo would run it)", c.Source, c.Name))
		}
	}
	var w rewriter
	ordinal := 0
	for _, part := range doc.Parts {
		w.line(part.Line)
		switch {
		case part.Call != nil:
			w.output(x.place(part.Call, x.run(part.Call, nil, ordinal)), part.Call.Line)
			ordinal++
		case part.Literal:
			w.output(x.token(html.EscapeString(part.Text)), part.Line)
		default:
			w.text(part.Text)
		}
	}
	r = sc.md.Render([]byte(w.b.String()), markdown.Doc{Resolver: res})
	for _, pr := range r.Problems {
		sc.errs.Errorf(p.File, x.fileLine(w.bodyLine(pr.Line)), "%s", pr.Msg)
	}
	for i := range r.Links { // lines of the file, as a page without calls has them
		r.Links[i].Line = x.fileLine(w.bodyLine(r.Links[i].Line))
	}
	x.finish(&r)
	return r
}

// expansion is the running of one page's calls.
type expansion struct {
	sc      *shortcodes
	set     *render.Shortcodes
	page    *content.Page
	res     markdownResolver
	dot     *render.ShortcodePage
	prefix  string   // of this page's tokens, found nowhere in its body
	outputs []string // HTML by token number
	line    int      // body line of the call running, for its hooks' problems
	images  int      // images the calls have shown
}

// fileLine is the line in the page's file of a body line.
func (x *expansion) fileLine(bodyLine int) int { return bodyLine + x.page.BodyLine - 1 }

// callOutput is a call's output and what it is.
type callOutput struct {
	text     string
	markdown bool   // Markdown (a {{% %}} call, or the inner content of an unknown one)
	authored bool   // the page's own Markdown (an unknown call's content): no tokens for its tags
	inner    string // the .Inner the template saw, which stays Markdown
}

// run runs call c (its nested calls first).
func (x *expansion) run(c *shortcode.Call, parent *render.Shortcode, ordinal int) callOutput {
	if !x.set.Has(c.Name) {
		if !c.Paired() {
			x.sc.errs.Warnf(x.page.File, x.fileLine(c.Line), "%s", lang.Sprintf("未知的短代码 %[1]s：网站和主题都没有 layouts/_shortcodes/%[2]s.html，已从页面中略去",
				"unknown shortcode %[2]q: no layouts/_shortcodes/%[2]s.html; left out", callTag(c), c.Name))
			return callOutput{markdown: true, authored: true}
		}
		x.sc.errs.Warnf(x.page.File, x.fileLine(c.Line), "%s", lang.Sprintf("未知的短代码 %[1]s：网站和主题都没有 layouts/_shortcodes/%[2]s.html，已略去它的标签，标签之间的内容照常发布",
			"unknown shortcode %[2]q: no layouts/_shortcodes/%[2]s.html; its tags are left out, the content between them is kept", callTag(c), c.Name))
		return callOutput{text: x.inner(c, nil), markdown: true, authored: true}
	}
	dot := &render.Shortcode{Name: c.Name, Page: x.dot, Site: x.sc.site, Parent: parent, Ordinal: ordinal,
		Position: x.page.File + ":" + strconv.Itoa(x.fileLine(c.Line)), IsNamedParams: c.Named, Params: params(c)}
	// A {{% %}} call inside another call has its inner content rendered
	// before the template sees it, and its output is HTML, as in Hugo
	// (one line of content loses its <p>).
	nested := c.Markdown && parent != nil
	inner := ""
	if c.Paired() {
		inner = x.inner(c, dot) // runs the nested calls, which set x.line
		if nested {
			x.line = c.Line
			h, _ := hooks{x}.RenderString(inner, strings.Contains(inner, "\n"))
			inner = string(h)
		}
		dot.Inner, dot.InnerDeindent = template.HTML(inner), template.HTML(deindent(inner))
	}
	x.line = c.Line // for the problems of the hooks it calls
	out, err := x.set.Execute(c.Name, dot)
	markdown := c.Markdown && !nested
	if err != nil {
		x.sc.errs.Errorf(x.page.File, x.fileLine(c.Line), "%s", lang.Sprintf("短代码 %[1]s 出错，请检查参数或模板", "shortcode %[2]s: %[3]v", callTag(c), c.Name, err))
		return callOutput{markdown: markdown}
	}
	return callOutput{text: out, markdown: markdown, inner: inner}
}

// inner is the content of a paired call with its nested calls run.
func (x *expansion) inner(c *shortcode.Call, dot *render.Shortcode) string {
	var b strings.Builder
	ordinal := 0
	for _, part := range c.Inner {
		switch {
		case part.Call != nil:
			b.WriteString(x.place(part.Call, x.run(part.Call, dot, ordinal)))
			ordinal++
		case part.Literal:
			b.WriteString(x.token(html.EscapeString(part.Text)))
		default:
			b.WriteString(part.Text)
		}
	}
	return b.String()
}

// params are a call's arguments as the template sees them.
func params(c *shortcode.Call) any {
	if c.Named {
		m := make(map[string]any, len(c.Params))
		for _, p := range c.Params {
			m[p.Name] = p.Value
		}
		return m
	}
	list := make([]any, len(c.Params))
	for i, p := range c.Params {
		list[i] = p.Value
	}
	return list
}

// callTag is how a message shows a call: {{< name >}}.
func callTag(c *shortcode.Call) string {
	if c.Markdown {
		return "{{% " + c.Name + " %}}"
	}
	return "{{< " + c.Name + " >}}"
}

// deindent removes the indentation all non-blank lines of s share.
func deindent(s string) string {
	lines := strings.Split(s, "\n")
	common := ""
	first := true
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		ind := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if first || !strings.HasPrefix(ind, common) {
			if first {
				common = ind
			} else {
				for !strings.HasPrefix(ind, common) {
					common = common[:len(common)-1]
				}
			}
		}
		first = false
	}
	if common == "" {
		return s
	}
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, common)
	}
	return strings.Join(lines, "\n")
}
