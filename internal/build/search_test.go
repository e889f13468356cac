package build

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"showcase"
	"showcase/internal/search"
)

// searchSite is a site whose pages trap a search that is not exact: names,
// two-character terms, “十四五”, 2025年, Go语言, Traditional script,
// full-width letters, a long branch name split across a page.
var searchSite = map[string]string{
	"site.toml": `baseURL = "https://www.example.edu.cn/dangjian/"
title = "测试党建网"
[taxonomies]
category = "categories"
branch = "branches"
`,
	"content/news/_index.md":  "+++\ntitle = \"工作动态\"\n+++\n",
	"content/cases/_index.md": "+++\ntitle = \"经验交流\"\n+++\n",
	"content/news/shiwei.md": "+++\ntitle = \"时伟同志讲党课\"\ndate = 2025-03-01\ncategories = [\"新闻动态\"]\nbranches = [\"zhongwen\"]\n+++\n" +
		"本网讯（通讯员 李明）3月1日，时伟同志为师生讲授专题党课，强调加强**党建**工作。\n\n## 深入学习“十四五”规划\n\n会议要求学习贯彻“十四五”规划纲要。\n",
	"content/news/shidai.md":             "+++\ntitle = \"伟大时代的青年\"\ndate = 2025-03-02\n+++\n新时代伟大成就，党的建设取得新进展。十四届五中全会精神。\n",
	"content/news/fanti.md":              "+++\ntitle = \"學院黨建工作會議\"\ndate = 2024-05-01\n+++\n加強黨建，時偉書記講話。\n",
	"content/news/go.md":                 "+++\ntitle = \"Go语言编程培训\"\ndate = 2025-01-10\n+++\n举办Go语言培训班，使用ＰＰＴ课件。Golang语言不是本次内容。\n",
	"content/cases/plan.md":              "+++\ntitle = \"2025年工作要点\"\ndate = 2025-02-01\n+++\n2025年党建工作要点：推进“双创”。2025-2026学年安排另行通知。\n",
	"content/cases/split.md":             "+++\ntitle = \"会议纪要\"\ndate = 2024-01-01\n+++\n人文学院召开会议。中文系教工大会。教师党支部书记讲话。\n",
	"content/branches/zhongwen/index.md": "+++\ntitle = \"人文学院中文系教师党支部\"\n[params]\nkind = \"样板支部\"\n+++\n人文学院中文系教师党支部是样板支部培育创建单位。\n",
}

// Twenty-four pages more, so that the four-unit pieces of 教师党支部开展主题
// are in more than ten pages and its check goes through their positions:
// twelve pages hold it, twelve hold its pieces apart.
func init() {
	for i := 0; i < 24; i++ {
		body := "人文学院中文系教师党支部开展主题党日活动。"
		if i%2 == 1 {
			body = "教师党支部书记讲话。支部开展主要工作。开展主题党日。"
		}
		searchSite[fmt.Sprintf("content/cases/day-%02d.md", i)] = fmt.Sprintf("+++\ntitle = \"主题党日%d\"\ndate = 2023-%02d-%02d\n+++\n%s\n", i, i%12+1, i/12+1, body)
	}
}

func buildSearchSite(t *testing.T) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := buildDir(t, makeSite(t, searchSite), dest); err != nil {
		t.Fatal(err)
	}
	return dest
}

// openIndex opens the index a built site's search page points to.
func openIndex(t *testing.T, dest string) *search.Index {
	t.Helper()
	page, err := os.ReadFile(filepath.Join(dest, "search", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`data-index="/dangjian/search/([^"]+)"`).FindSubmatch(page)
	if m == nil {
		t.Fatalf("search page has no data-index under /dangjian/search/")
	}
	ix, err := search.Open(func(name string) ([]byte, error) {
		return os.ReadFile(filepath.Join(dest, "search", filepath.FromSlash(name)))
	}, string(m[1]))
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// TestSearchPage: the search page, the header box and the index are written
// under the base path, and the page works without JavaScript.
func TestSearchPage(t *testing.T) {
	dest := buildSearchSite(t)
	page, err := os.ReadFile(filepath.Join(dest, "search", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<noscript>`, `href="/dangjian/news/"`, `id="search-results"`, `data-count="0"`,
		`<script src="/dangjian/js/search.min.js">`, `<title>站内搜索 - 测试党建网</title>`,
		`<link rel="canonical" href="https://www.example.edu.cn/dangjian/search/">`} {
		if !strings.Contains(string(page), want) {
			t.Errorf("search page lacks %s", want)
		}
	}
	for _, name := range search.Scripts { // the scripts the page loads, stripped from the theme's
		src, err := fs.ReadFile(showcase.Theme(), "static/js/"+name+".js")
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(dest, "js", name+".min.js"))
		if err != nil || !bytes.Equal(got, search.StripScript(src)) || len(got) >= len(src) {
			t.Errorf("js/%s.min.js is not %s.js stripped (%v)", name, name, err)
		}
	}
	news, err := os.ReadFile(filepath.Join(dest, "news", "shiwei", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<form class="searchbox" action="/dangjian/search/" method="get" role="search">`, `name="q"`,
		`<script src="/dangjian/js/highlight.js" defer></script>`} {
		if !strings.Contains(string(news), want) {
			t.Errorf("a page lacks %s", want)
		}
	}
	ix := openIndex(t, dest)
	for q, want := range map[string]string{
		"时伟":           "news/shiwei/ news/fanti/", // the title first
		"十四五":          "news/shiwei/",
		"2025年":        "cases/plan/",
		"Go语言":         "news/go/",
		"ppt":          "news/go/",
		"人文学院中文系教师党支部": "branches/zhongwen/ " + days(0),
		"教师党支部开展主题":    days(0),
	} {
		res, err := ix.Search(q)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.URL)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%s: %v, want %s", q, got, want)
		}
	}
}

// days lists the URLs of the day pages holding the long query, newest
// first (page i is dated month i%12+1, day i/12+1).
func days(int) string {
	var out []string
	for month := 11; month >= 1; month -= 2 {
		out = append(out, fmt.Sprintf("cases/day-%02d/ cases/day-%02d/", month+11, month-1))
	}
	return strings.Join(out, " ")
}

// TestSearchDocs: the filters come from the content model.
func TestSearchDocs(t *testing.T) {
	s, _, err := Load(Options{Source: makeSite(t, searchSite), Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	docs, opts := SearchDocs(s)
	if len(docs) != 31 {
		t.Fatalf("%d docs, want 31", len(docs))
	}
	var names []string
	for _, sec := range opts.Sections {
		names = append(names, sec.Name)
	}
	if got := strings.Join(names, ","); got != "cases,news,branches," && got != "branches,cases,news," {
		t.Errorf("sections %s", got)
	}
	for _, d := range docs {
		if d.URL == "news/shiwei/" {
			if d.Facets["branches"][0] != "人文学院中文系教师党支部" || d.Facets["categories"][0] != "新闻动态" || len(d.Headings) != 1 {
				t.Errorf("doc %+v", d)
			}
		}
	}
}
