package build

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// alias7 is the alias of one page, whose redirect shows its title.
const alias7 = "aliases = [\"/old/n7/\"]\n"

// news writes the front matter and body of a news item.
func news(title, date, extra string) string {
	return fmt.Sprintf("+++\ntitle = %q\ndate = %s\nreviewer = \"王审\"\n%s+++\n%s的正文。\n", title, date, extra, title)
}

// TestSessionFrontMatterEdits edits front matter in every way that leaves
// the site's shape alone (titles, dates that reorder lists, tags that make
// and empty terms, branches, criteria, weights, summaries, bylines, two
// files at once): each takes the fast path and its output is
// byte-identical to a full build, and so do edits of profiles (a level, a
// kind, a title). Edits that change the shape (a slug, an alias, a page
// unpublished) take the full build.
func TestSessionFrontMatterEdits(t *testing.T) {
	files := map[string]string{
		"site.toml":                 "baseURL = \"https://example.edu.cn/dangjian/\"\ntitle = \"t\"\npaginate = 2\n",
		"content/branches/x.md":     "+++\ntitle = \"中文系教师党支部\"\nkind = \"样板支部\"\n+++\n简介。\n",
		"content/branches/y.md":     "+++\ntitle = \"化学系学生党支部\"\nkind = \"样板支部\"\n+++\n简介。\n",
		"content/cases/c1.md":       news("案例一", "2025-03-01", "tags = [\"党建\"]\nbranches = [\"x\"]\n"),
		"content/cases/c2.md":       news("案例二", "2025-03-02", ""),
		"content/photos/a/index.md": news("图集", "2025-02-01", "tags = [\"双创\"]\n"),
	}
	tags := []string{`["党建"]`, `["双创"]`, `["党建", "双创"]`, `["调研"]`, `["党建"]`, `["双创"]`, `["党建"]`}
	for i, tg := range tags {
		branch := []string{"x", "y"}[i%2]
		files[fmt.Sprintf("content/news/n%d.md", i+1)] = news(fmt.Sprintf("新闻%d", i+1), fmt.Sprintf("2025-01-%02d", i+1),
			fmt.Sprintf("tags = %s\nbranches = [%q]\ncriteria = [\"qgyl-%d\"]\n", tg, branch, i%5+1))
	}
	files["content/news/n7.md"] = news("新闻7", "2025-01-07", alias7+"tags = [\"党建\"]\nbranches = [\"x\"]\ncriteria = [\"qgyl-2\"]\n")
	r := newSessionRun(t, makeSite(t, files))
	step, write := r.step, r.write
	step("first build", false, nil)

	res := step("title", true, write("content/news/n3.md", news("新闻三改", "2025-01-03", "tags = [\"党建\", \"双创\"]\nbranches = [\"x\"]\ncriteria = [\"qgyl-3\"]\n")))
	if !slices.Contains(res.Changed, "news/n3/index.html") || slices.Contains(res.Changed, "cases/c2/index.html") {
		t.Errorf("a title edit changed %v: want news/n3/ and not cases/c2/, which shows nothing of it", res.Changed)
	}
	step("date moves it to the front", true, write("content/news/n5.md", news("新闻5", "2025-02-20", "tags = [\"党建\"]\nbranches = [\"x\"]\ncriteria = [\"qgyl-5\"]\n")))
	step("a new tag", true, write("content/news/n2.md", news("新闻2", "2025-01-02", "tags = [\"双创\", \"新标签\"]\nbranches = [\"y\"]\ncriteria = [\"qgyl-2\"]\n")))
	res = step("a tag's last page leaves it", true, write("content/news/n4.md", news("新闻4", "2025-01-04", "tags = [\"党建\"]\nbranches = [\"y\"]\ncriteria = [\"qgyl-4\"]\n")))
	if !slices.Contains(res.Changed, "tags/diao-yan/index.html") {
		t.Errorf("the empty term's page was not removed: changed %v", res.Changed)
	}
	step("another branch", true, write("content/news/n4.md", news("新闻4", "2025-01-04", "tags = [\"党建\"]\nbranches = [\"x\"]\ncriteria = [\"qgyl-4\"]\n")))
	step("other criteria", true, write("content/news/n4.md", news("新闻4", "2025-01-04", "tags = [\"党建\"]\nbranches = [\"x\"]\ncriteria = [\"qgyl-1\", \"qgyl-7\"]\n")))
	step("a weight pins it", true, write("content/news/n6.md", news("新闻6", "2025-01-06", "weight = 1\ntags = [\"双创\"]\nbranches = [\"y\"]\ncriteria = [\"qgyl-1\"]\n")))
	step("a summary", true, write("content/news/n1.md", news("新闻1", "2025-01-01", "summary = \"一句话摘要\"\ntags = [\"党建\"]\nbranches = [\"x\"]\ncriteria = [\"qgyl-1\"]\n")))
	step("a byline", true, write("content/news/n7.md", news("新闻七", "2025-01-07", alias7+"author = \"李通讯\"\ntags = [\"党建\"]\nbranches = [\"x\"]\ncriteria = [\"qgyl-2\"]\n")))
	step("two files at once", true, func() {
		write("content/cases/c2.md", news("案例二", "2025-03-02", "tags = [\"双创\"]\n"))()
		write("content/news/n2.md", news("新闻二", "2024-12-31", "tags = [\"双创\", \"新标签\"]\nbranches = [\"y\"]\n"))()
	})
	step("the end of a long list", true, write("content/news/n2.md", news("新闻二", "2024-12-31", "tags = [\"双创\", \"新标签\", \"党建\"]\nbranches = [\"y\"]\n")))
	step("a date that ties", true, write("content/news/n4.md", news("新闻4", "2025-01-07", "tags = [\"党建\"]\nbranches = [\"x\"]\ncriteria = [\"qgyl-1\", \"qgyl-7\"]\n")))
	step("a title that breaks the tie the other way", true, write("content/news/n4.md", news("新闻十", "2025-01-07", "tags = [\"党建\"]\nbranches = [\"x\"]\ncriteria = [\"qgyl-1\", \"qgyl-7\"]\n")))
	step("an album's title", true, write("content/photos/a/index.md", news("图集改", "2025-02-01", "tags = [\"双创\"]\n")))
	step("a generated summary", true, write("content/news/n7.md", strings.Replace(news("新闻七", "2025-01-07", alias7+"tags = [\"党建\"]\n"), "的正文", "的新正文", 1)))

	step("a slug", false, write("content/news/n3.md", news("新闻三改", "2025-01-03", "slug = \"three\"\n")))
	step("an alias", false, write("content/news/n3.md", news("新闻三改", "2025-01-03", "slug = \"three\"\naliases = [\"/old/three/\"]\n")))
	step("a draft", false, write("content/news/n3.md", news("新闻三改", "2025-01-03", "draft = true\n")))
	step("a profile's level: a new facet", true, write("content/branches/y.md", "+++\ntitle = \"化学系学生党支部\"\nkind = \"样板支部\"\nlevel = \"省级\"\n+++\n简介。\n"))
	step("a profile's kind: other criteria", true, write("content/branches/y.md", "+++\ntitle = \"化学系学生党支部\"\nkind = \"标杆院系\"\nlevel = \"省级\"\n+++\n简介。\n"))
	step("a page names a profile by title", true, write("content/cases/c2.md", news("案例二", "2025-03-02", "branches = [\"中文系教师党支部\"]\n")))
	// renaming the profile leaves that name unknown: an error, then a full build
	write("content/branches/x.md", "+++\ntitle = \"中文系教师第一党支部\"\nkind = \"样板支部\"\n+++\n简介。\n")()
	if _, err := r.sess.Build(); err == nil || !strings.Contains(err.Error(), "content/cases/c2.md:") {
		t.Fatalf("a page naming a renamed profile: err = %v", err)
	}
	step("the page names it by folder", false, write("content/cases/c2.md", news("案例二", "2025-03-02", "branches = [\"x\"]\n")))
	res = step("a profile's title", true, write("content/branches/x.md", "+++\ntitle = \"中文系教师党支部（样板）\"\nkind = \"样板支部\"\n+++\n简介。\n"))
	if !slices.Contains(res.Changed, "cases/c1/index.html") {
		t.Errorf("a page naming the profile by file name does not show its new title: changed %v", res.Changed)
	}
	step("a profile's slug", false, write("content/branches/x.md", "+++\ntitle = \"中文系教师第一党支部\"\nkind = \"样板支部\"\nslug = \"zwx\"\n+++\n简介。\n"))

	// an unknown branch fails and leaves the output; fixing it builds afresh
	before := readTree(t, r.dest)
	write("content/news/n1.md", news("新闻1", "2025-01-01", "branches = [\"nope\"]\n"))()
	if _, err := r.sess.Build(); err == nil || !strings.Contains(err.Error(), "content/news/n1.md:") {
		t.Fatalf("unknown branch: err = %v", err)
	}
	after := readTree(t, r.dest)
	for f, data := range before {
		if string(after[f]) != string(data) {
			t.Errorf("%s changed by a failed build", f)
		}
	}
	step("fixed", false, write("content/news/n1.md", news("新闻1", "2025-01-01", "branches = [\"y\"]\n")))
	step("and on again", true, write("content/news/n1.md", news("新闻一", "2025-01-01", "branches = [\"y\"]\n")))
	if _, err := os.Stat(filepath.Join(r.dest, "news/n1/index.html")); err != nil {
		t.Error(err)
	}
}
