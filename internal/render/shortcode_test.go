package render

import (
	"encoding/base64"
	"fmt"
	"html/template"
	"strings"
	"testing"
	"testing/fstest"

	"showcase/internal/config"
	"showcase/internal/content"
)

// fakeHooks stands in for the build's page hooks.
type fakeHooks struct{}

func (fakeHooks) RenderString(src string, block bool) (template.HTML, error) {
	if block {
		return template.HTML("<p>" + src + "</p>"), nil
	}
	return template.HTML("[" + src + "]"), nil
}
func (fakeHooks) Ref(ref string, abs bool) (string, error) {
	if abs {
		return "https://x/" + ref, nil
	}
	return "/" + ref, nil
}
func (fakeHooks) Image(src, alt string) (template.HTML, error) {
	return template.HTML(`<img src="` + src + `" alt="` + alt + `">`), nil
}
func (fakeHooks) Link(dest string) (string, error) { return "/resolved/" + dest, nil }

func testShortcodes(t *testing.T, files map[string]string) (*Shortcodes, *ShortcodePage) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	cfg, err := config.Default().WithBaseURL("https://www.example.edu.cn/dangjian/")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Title = "站名"
	cfg.Params = map[string]any{"Motto": "不忘初心", "social": map[string]any{"weibo": "wb"}}
	sc := LoadShortcodes(fsys, &Env{Config: cfg}, ShortcodeOptions{
		Markdownify: func(s string) (template.HTML, error) { return template.HTML("<em>" + s + "</em>"), nil },
	})
	page := &content.Page{File: "content/news/a/index.md", Title: "标题", Path: "news/a/", Params: map[string]any{"Venue": "礼堂"},
		Resources: []string{"a.jpg", "b.PNG", "doc.pdf"}}
	return sc, NewShortcodePage(page, NewShortcodeSite(cfg), fakeHooks{})
}

func TestShortcodeDot(t *testing.T) {
	sc, page := testShortcodes(t, map[string]string{
		"layouts/_shortcodes/pos.html":      `{{ .Get 0 }}|{{ .Get 1 }}|{{ .Get 5 }}|{{ .Get "x" }}|{{ .IsNamedParams }}|{{ len .Params }}|{{ .Inner }}|{{ .InnerDeindent }}`,
		"layouts/_shortcodes/named.html":    `{{ .Get "a" }}|{{ .Get 0 }}|{{ .IsNamedParams }}|{{ range $k, $v := .Params }}{{ $k }}={{ $v }};{{ end }}`,
		"layouts/_shortcodes/page.html":     `{{ .Page.Title }}|{{ .Page.RelPermalink }}|{{ .Page.Permalink }}|{{ .Page.Param "venue" }}|{{ .Page.Param "motto" }}|{{ .Page.Param "social.weibo" }}|{{ .Page.Params.venue }}|{{ .Site.Title }}|{{ .Site.Params.motto }}|{{ .Page.File.ContentBaseName }}|{{ .Page.File.Dir }}|{{ .Name }}|{{ .Position }}`,
		"layouts/_shortcodes/hooks.html":    `{{ .Page.RenderString "*a*" }}|{{ .Page.RenderString (dict "display" "block") "b" }}|{{ relref .Page "x.md" }}|{{ ref .Page (dict "path" "y.md") }}|{{ .RelRef "z.md" }}|{{ responsiveImage .Page "p.jpg" "图" }}|{{ resolveLink .Page "c.md" }}`,
		"layouts/_shortcodes/dir/deep.html": `deep`,
		"layouts/_shortcodes/res.html":      `{{ range .Page.Resources.ByType "image" }}{{ .RelPermalink }};{{ end }}{{ with .Page.Resources.GetMatch "*.PDF" }}{{ .Name }}{{ end }}|{{ (.Page.Resources.Get "a.jpg").Permalink }}`,
		"layouts/_shortcodes/old.html":      `new folder`,
		"layouts/shortcodes/old.html":       `older folder wins`,
		"layouts/partials/part.html":        `partial:{{ . }}`,
		"layouts/_shortcodes/usepart.html":  `{{ partial "part.html" "x" }}`,
	})
	dot := func(name string, params any, inner string) *Shortcode {
		return &Shortcode{Name: name, Page: page, Site: page.Site(), Params: params, Position: "content/news/a/index.md:3",
			IsNamedParams: func() bool { _, ok := params.(map[string]any); return ok }(), Inner: template.HTML(inner), InnerDeindent: template.HTML(strings.TrimSpace(inner))}
	}
	tests := []struct {
		name string
		dot  *Shortcode
		want string
	}{
		{"pos", dot("pos", []any{"a", 2}, "  in"), "a|2|||false|2|  in|in"},
		{"named", dot("named", map[string]any{"a": "1", "b": true}, ""), "1||true|a=1;b=true;"},
		{"page", dot("page", []any{}, ""), "标题|/dangjian/news/a/|https://www.example.edu.cn/dangjian/news/a/|礼堂|不忘初心|wb|礼堂|站名|不忘初心|a|news/a/|page|content/news/a/index.md:3"},
		{"hooks", dot("hooks", []any{}, ""), `[*a*]|<p>b</p>|/x.md|https://x/y.md|/z.md|<img src="p.jpg" alt="图">|/resolved/c.md`},
		{"dir/deep", dot("dir/deep", []any{}, ""), "deep"},
		{"res", dot("res", []any{}, ""), "/dangjian/news/a/a.jpg;/dangjian/news/a/b.PNG;doc.pdf|https://www.example.edu.cn/dangjian/news/a/a.jpg"},
		{"old", dot("old", []any{}, ""), "older folder wins"},
		{"usepart", dot("usepart", []any{}, ""), "partial:x"},
	}
	for _, tt := range tests {
		if !sc.Has(tt.name) {
			t.Errorf("no shortcode %q", tt.name)
			continue
		}
		got, err := sc.Execute(tt.name, tt.dot)
		if err != nil || got != tt.want {
			t.Errorf("%s = %q, %v\nwant %q", tt.name, got, err, tt.want)
		}
	}
	if sc.Has("nosuch") || sc.File("old") != "layouts/shortcodes/old.html" {
		t.Errorf("Has(nosuch) = %v, File(old) = %q", sc.Has("nosuch"), sc.File("old"))
	}
}

func TestShortcodeFuncs(t *testing.T) {
	sc, page := testShortcodes(t, map[string]string{
		"layouts/_shortcodes/f.html": `{{ default "d" "" }}|{{ default "d" "v" }}|{{ in (slice "a" "b") "b" }}|{{ in "abc" "z" }}|{{ delimit (slice 1 2 3) ", " " 和 " }}|` +
			`{{ strings.TrimSpace "  x " }}|{{ (urls.Parse "https://a.b/c?d").Path }}|{{ replaceRE "(\\d+)" "<$1>" "a1b22" }}|{{ lower "AB" }}|{{ title "hello world" }}|` +
			`{{ markdownify "m" }}|{{ plainify "<p>x<b>y</b></p>" }}|{{ safeHTML "<i>s</i>" }}|{{ "<i>e</i>" }}|{{ int "42" }}|{{ path.Base "a/b.jpg" }}|{{ urlize "主题 教育" }}|{{ cond true 1 2 }}|{{ isset (dict "k" 1) "k" }}`,
		"layouts/_shortcodes/raise.html":   `{{ errorf "缺少 %s" "src" }}`,
		"layouts/_shortcodes/bad.html":     `{{ if }}`,
		"layouts/_shortcodes/field.html":   "x\n{{ .Page.Nope }}",
		"layouts/_shortcodes/param.html":   `{{ requiredParam .Page "nowhere" }}`,
		"layouts/_shortcodes/panicky.html": `{{ index .Params 3 }}`,
	})
	d := &Shortcode{Name: "f", Page: page, Site: page.Site(), Params: []any{}}
	got, err := sc.Execute("f", d)
	want := `d|v|true|false|1, 2 和 3|x|/c|a&lt;1&gt;b&lt;22&gt;|ab|Hello World|<em>m</em>|xy|<i>s</i>|&lt;i&gt;e&lt;/i&gt;|42|b.jpg|zhu-ti-jiao-yu|1|true`
	if err != nil || got != want {
		t.Errorf("funcs = %q, %v\nwant %q", got, err, want)
	}
	for name, want := range map[string]string{
		"raise":   "缺少 src",
		"bad":     "layouts/_shortcodes/bad.html:1:",
		"field":   "layouts/_shortcodes/field.html:2:",
		"param":   `"nowhere"`,
		"panicky": "layouts/_shortcodes/panicky.html",
	} {
		_, err := sc.Execute(name, &Shortcode{Name: name, Page: page, Site: page.Site(), Params: []any{}})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want it to contain %q", name, err, want)
		}
		if name == "raise" && err != nil && err.Error() != "缺少 src" {
			t.Errorf("errorf's message is not alone: %q", err)
		}
	}
}

func TestQR(t *testing.T) {
	img, err := QR("https://www.example.edu.cn/", "high", 3)
	if err != nil {
		t.Fatal(err)
	}
	data, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(string(img.Src()), "data:image/svg+xml;base64,"))
	if err != nil || !strings.HasPrefix(string(data), "<svg") || !strings.Contains(string(data), `<path d="M`) {
		t.Errorf("not an SVG data URL: %.80s (%v)", data, err)
	}
	if img.Width != img.Height || img.Width%3 != 0 || img.Width < 21*3 {
		t.Errorf("size %dx%d", img.Width, img.Height)
	}
	// it scans: the SVG's modules, drawn as pixels, decode to the text,
	// from version 1 to 12 at every level (a fixed mask, as rsc.io/qr
	// draws, failed ZXing on 58 of 1,920 such texts: the mask matters)
	texts := []string{"https://www.example.edu.cn/", "党建工作会议"}
	for n := 6; n <= 72; n += 6 {
		texts = append(texts, fmt.Sprintf("https://www.example.edu.cn/dangjian/%0*d/", n, n))
	}
	for _, text := range texts {
		for _, level := range []string{"low", "medium", "quartile", "high"} {
			img, err := QR(text, level, 2)
			if err != nil {
				t.Fatal(err)
			}
			if got := scanQR(t, img); got != text {
				t.Errorf("QR(%q, %s) scans as %q", text, level, got)
			}
		}
	}
	for _, bad := range [][3]any{{"", "", ""}, {"x", "extreme", ""}, {"x", "", 1}, {"x", "", "big"}} {
		if _, err := QR(bad[0], bad[1], bad[2]); err == nil {
			t.Errorf("QR%v: no error", bad)
		}
	}
}

// SrcAttr is src="{{ .Src }}" as html/template writes it, for every
// character of base64 (+ among them, which it escapes)
func TestQRSrcAttrIsSrcEscaped(t *testing.T) {
	both := template.Must(template.New("").Parse(`<img src="{{ .Src }}">|<img {{ .SrcAttr }}>`))
	for _, text := range []string{"https://yihui.org/cn/2019/01/copss-6/", "党建工作会议", strings.Repeat("+/=", 50)} {
		img, err := QR(text, "medium", 3)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		if err := both.Execute(&b, img); err != nil {
			t.Fatal(err)
		}
		viaSrc, viaAttr, _ := strings.Cut(b.String(), "|")
		if viaSrc != viaAttr || !strings.Contains(viaSrc, "&#43;") {
			t.Errorf("QR(%q): src=\"{{ .Src }}\" gives %.80s…, {{ .SrcAttr }} %.80s…", text, viaSrc, viaAttr)
		}
	}
}

func TestPlainText(t *testing.T) {
	for in, want := range map[string]string{
		"<p>学深<b>悟透</b></p><p>做实</p>":   "学深悟透 做实",
		"a &amp; b<script>x()</script>": "a & b",
		"plain  words\n":                "plain words",
		"<style>p{}</style><br>x":       "x",
	} {
		if got := PlainText(in); got != want {
			t.Errorf("PlainText(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestShortcodeSubstrReadDir: Hugo's substr (runes, negative start and
// length) and readDir (a folder of the site, nothing outside it), which
// Hugo themes' shortcodes use.
func TestShortcodeSubstrReadDir(t *testing.T) {
	sc, page := testShortcodes(t, map[string]string{
		"layouts/_shortcodes/s.html":   `{{ substr "@spf13" 0 1 }}|{{ substr "@spf13" 1 }}|{{ substr "党建工作网" -2 }}|{{ substr "abcdef" 1 -2 }}|{{ substr "ab" 5 }}`,
		"layouts/_shortcodes/dir.html": `{{ range readDir "static/css/" }}{{ .Name }}:{{ .Size }};{{ end }}`,
		"layouts/_shortcodes/out.html": `{{ readDir "../etc" }}`,
		"static/css/a.css":             "body{}",
		"static/css/b.css":             "p{}\n",
	})
	for name, want := range map[string]string{"s": "@|spf13|作网|bcd|", "dir": "a.css:6;b.css:4;"} {
		got, err := sc.Execute(name, &Shortcode{Name: name, Page: page, Site: page.Site(), Params: []any{}})
		if err != nil || got != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
	if _, err := sc.Execute("out", &Shortcode{Name: "out", Page: page, Site: page.Site(), Params: []any{}}); err == nil {
		t.Error("readDir read outside the site")
	}
}
