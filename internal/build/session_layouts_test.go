package build

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// ownLayouts are a site's layouts over the theme that show other pages
// than the one rendered: each single page the three newest cases and the
// level of the branches it names, and its next page's summary; each list
// item its branches' titles (a cached partial); each profile the two
// newest news items; the home page the newest page's body.
var ownLayouts = map[string]string{
	"layouts/single.html": `{{ define "main" }}<h1>{{ .Page.Title }}</h1>{{ .Page.Content }}
<aside>最新案例：{{ range .Site.Recent "cases" 3 }}<a href="{{ url .Path }}">{{ .Title }}</a>（{{ date .Date }}）{{ end }}</aside>
<aside>支部：{{ range .Page.BranchPages }}{{ .Title }}（{{ .Profile.Level }}）{{ end }}</aside>
<aside>{{ with .Page.Next }}下一篇：{{ .Title }}，{{ .Summary }}{{ end }}</aside>
{{ end }}`,
	"layouts/_partials/item.html": `<li><a href="{{ url .Path }}">{{ .Title }}</a>{{ range .BranchPages }}【{{ .Title }}】{{ end }}</li>`,
	"layouts/profile.html": `{{ define "main" }}<h1>{{ .Page.Title }}</h1>
<p>最新动态：{{ with .Site.Section "news" }}{{ range $i, $p := .Pages }}{{ if lt $i 2 }}{{ $p.Title }}；{{ end }}{{ end }}{{ end }}</p>
{{ range .Evidence }}<h2>{{ .Name }}</h2><ul>{{ range .Pages }}{{ partialCached "item.html" . }}{{ end }}</ul>{{ end }}
{{ end }}`,
	"layouts/home.html": `{{ define "main" }}{{ range .Site.Recent "" 1 }}<article><h2>{{ .Title }}</h2>{{ .Content }}</article>{{ end }}{{ end }}`,
}

// caseText writes a case: a title, a date and a body.
func caseText(title, date string) string {
	return fmt.Sprintf("+++\ntitle = %q\ndate = %s\nsummary = \"案例摘要\"\n+++\n%s的正文。\n", title, date, title)
}

// TestSessionOwnLayouts: with layouts of the site's own that show other
// pages than the one rendered, front-matter and body edits take the
// preview's fast path, and the output stays byte-identical to a full
// build: the pages that show the edited one (as the newest case, as a
// branch, as the next page, as the home page's article) are rendered
// again, and pages that do not show it are not.
func TestSessionOwnLayouts(t *testing.T) {
	files := map[string]string{
		"site.toml":             "baseURL = \"https://example.edu.cn/dangjian/\"\ntitle = \"t\"\npaginate = 3\n",
		"content/branches/x.md": "+++\ntitle = \"中文系教师党支部\"\nkind = \"样板支部\"\nlevel = \"校级\"\n+++\n简介。\n",
		"content/branches/y.md": "+++\ntitle = \"化学系学生党支部\"\nkind = \"样板支部\"\n+++\n简介。\n",
	}
	for name, text := range ownLayouts {
		files[name] = text
	}
	for i := 1; i <= 5; i++ {
		files[fmt.Sprintf("content/cases/c%d.md", i)] = caseText(fmt.Sprintf("案例%d", i), fmt.Sprintf("2025-03-%02d", i))
	}
	for i := 1; i <= 6; i++ {
		branch := []string{"x", "y"}[i%2]
		files[fmt.Sprintf("content/news/n%d.md", i)] = news(fmt.Sprintf("新闻%d", i), fmt.Sprintf("2025-01-%02d", i),
			fmt.Sprintf("branches = [%q]\ncriteria = [\"qgyl-%d\"]\n", branch, i%3+1))
	}
	r := newSessionRun(t, makeSite(t, files))
	step, write := r.step, r.write
	shows := func(res *Result, want bool, files ...string) {
		t.Helper()
		for _, f := range files {
			if slices.Contains(res.Changed, f) != want {
				t.Errorf("changed %v: %s in it is %v, want %v", res.Changed, f, !want, want)
			}
		}
	}
	step("first build", false, nil)

	res := step("a newest case's title", true, write("content/cases/c5.md", caseText("案例五", "2025-03-05")))
	shows(res, true, "news/n1/index.html", "cases/c3/index.html")
	res = step("an old case's title", true, write("content/cases/c1.md", caseText("案例一", "2025-03-01")))
	shows(res, false, "news/n1/index.html", "news/n6/index.html")
	res = step("an old case becomes the newest", true, write("content/cases/c1.md", caseText("案例一", "2025-04-01")))
	shows(res, true, "news/n1/index.html")
	step("a case drops out of the newest three", true, write("content/cases/c4.md", caseText("案例4", "2024-12-01")))
	res = step("a profile's level", true, write("content/branches/x.md", "+++\ntitle = \"中文系教师党支部\"\nkind = \"样板支部\"\nlevel = \"省级\"\n+++\n简介。\n"))
	shows(res, true, "news/n2/index.html")
	shows(res, false, "news/n1/index.html") // n1 names y
	res = step("a profile's title: list items show it", true, write("content/branches/y.md", "+++\ntitle = \"化学系学生第一党支部\"\nkind = \"样板支部\"\n+++\n简介。\n"))
	shows(res, true, "news/index.html", "news/n1/index.html")
	res = step("the newest news item's date", true, write("content/news/n2.md", news("新闻2", "2025-02-01", "branches = [\"x\"]\ncriteria = [\"qgyl-3\"]\n")))
	shows(res, true, "branches/x/index.html", "branches/y/index.html") // each profile shows the two newest
	res = step("a body the home page shows", true, write("content/cases/c1.md", strings.Replace(caseText("案例一", "2025-04-01"), "的正文", "的新正文", 1)))
	shows(res, true, "index.html", "cases/c1/index.html")
	shows(res, false, "news/n1/index.html") // shows its title and date only
	res = step("a body the home page does not show", true, write("content/cases/c2.md", strings.Replace(caseText("案例2", "2025-03-02"), "的正文", "的新正文", 1)))
	shows(res, false, "index.html")
	res = step("a generated summary the previous page shows", true, write("content/news/n3.md", strings.Replace(news("新闻3", "2025-01-03", "branches = [\"y\"]\ncriteria = [\"qgyl-1\"]\n"), "的正文", "的新正文", 1)))
	shows(res, true, "news/n4/index.html")
	step("two edits at once", true, func() {
		write("content/cases/c3.md", caseText("案例三", "2025-05-01"))()
		write("content/news/n5.md", news("新闻五", "2025-01-05", "branches = [\"x\"]\ncriteria = [\"qgyl-3\"]\n"))()
	})
	step("a layout", false, write("layouts/home.html", `{{ define "main" }}{{ range .Site.Recent "" 2 }}<h2>{{ .Title }}</h2>{{ end }}{{ end }}`))
	res = step("a title the new home page shows", true, write("content/news/n5.md", news("新闻五改", "2025-01-05", "branches = [\"x\"]\ncriteria = [\"qgyl-3\"]\n")))
	shows(res, false, "index.html") // not among the two newest
	res = step("and one it shows", true, write("content/cases/c3.md", caseText("案例三改", "2025-05-01")))
	shows(res, true, "index.html")
}
