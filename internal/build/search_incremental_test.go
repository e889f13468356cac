package build

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// searchDiff lists the files of search/ a build added, removed and
// changed, with fragments as "f/" and manifests as "m-".
func searchDiff(before, after map[string][]byte) string {
	var out []string
	short := func(f string) string {
		f = strings.TrimPrefix(f, "search/")
		switch {
		case strings.HasPrefix(f, "f/"):
			return "f/"
		case strings.HasPrefix(f, "m-"):
			return "m-"
		case strings.HasPrefix(f, "r-"):
			return "r-"
		}
		return f
	}
	for f, data := range after {
		if !strings.HasPrefix(f, "search/") {
			continue
		}
		if old, ok := before[f]; !ok {
			out = append(out, "+"+short(f))
		} else if string(old) != string(data) {
			out = append(out, "~"+short(f))
		}
	}
	for f := range before {
		if _, ok := after[f]; !ok && strings.HasPrefix(f, "search/") {
			out = append(out, "-"+short(f))
		}
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// siteFinds checks that the index of the output in dest finds, for each
// query, exactly the pages whose text holds it.
func siteFinds(t *testing.T, step, dest string, queries map[string][]string) {
	t.Helper()
	ix := openIndex(t, dest)
	for q, want := range queries {
		got, partial := goResults(t, ix, q)
		if partial {
			got = nil
		}
		slices.Sort(got)
		slices.Sort(want)
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s, %s: %v, want %v", step, q, got, want)
		}
	}
}

func editFile(t *testing.T, src, rel, old, new string) {
	t.Helper()
	p := filepath.Join(src, filepath.FromSlash(rel))
	data, err := os.ReadFile(p)
	if err != nil || !strings.Contains(string(data), old) {
		t.Fatalf("%s: %v, or no %q in it", rel, err, old)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSearchIncremental builds a site, then edits, adds and deletes a page
// with a build after each: the index keeps its files but for the manifest
// and the page's fragment, and finds the page's new words, not its old
// ones. Edits of more pages pass a tenth of the index: a new base, with
// the same pages as a fresh build's. (internal/search tests the deltas.)
func TestSearchIncremental(t *testing.T) {
	src := makeSite(t, searchSite)
	dest := filepath.Join(t.TempDir(), "public")
	rebuild := func(step, wantDiff string) {
		t.Helper()
		before := map[string][]byte{}
		if _, err := os.Stat(dest); err == nil {
			before = readTree(t, dest)
		}
		if _, err := buildDir(t, src, dest); err != nil {
			t.Fatal(err)
		}
		if got := searchDiff(before, readTree(t, dest)); wantDiff != "" && got != wantDiff {
			t.Errorf("%s: search/ %s, want %s", step, got, wantDiff)
		}
	}
	rebuild("first build", "")
	const shiwei = "/dangjian/news/shiwei/"
	editFile(t, src, "content/news/shiwei.md", "强调加强**党建**工作", "强调加强**廉政**建设")
	rebuild("edit", "+f/ +m- +r- -m- ~index.html")
	siteFinds(t, "edit", dest, map[string][]string{"廉政建设": {shiwei}, "加强党建": {"/dangjian/news/fanti/"}, "时伟同志": {shiwei}})

	os.WriteFile(filepath.Join(src, "content/news/new.md"), []byte("+++\ntitle = \"新增一篇\"\ndate = 2025-04-01\n+++\n新增的页面讲廉政。\n"), 0o644)
	rebuild("add", "+f/ +m- +r- -m- ~index.html")
	siteFinds(t, "add", dest, map[string][]string{"廉政": {shiwei, "/dangjian/news/new/"}, "新增一篇": {"/dangjian/news/new/"}})

	os.Remove(filepath.Join(src, "content/news/go.md"))
	rebuild("delete", "+m- -m- -r- ~index.html")
	siteFinds(t, "delete", dest, map[string][]string{"go语言": nil, "廉政": {shiwei, "/dangjian/news/new/"}})

	// nine more pages changed
	for i := range 9 {
		editFile(t, src, fmt.Sprintf("content/cases/day-%02d.md", i), "开展", "组织")
		rebuild(fmt.Sprintf("day %d", i), "")
		finds := map[string][]string{"廉政": {shiwei, "/dangjian/news/new/"}, "教师党支部组织主题": nil, "支部组织主要工作": nil, "支部开展主要工作": nil}
		for j := range 24 {
			day := fmt.Sprintf("/dangjian/cases/day-%02d/", j)
			switch {
			case j <= i && j%2 == 0:
				finds["教师党支部组织主题"] = append(finds["教师党支部组织主题"], day)
			case j <= i:
				finds["支部组织主要工作"] = append(finds["支部组织主要工作"], day)
			case j%2 == 1:
				finds["支部开展主要工作"] = append(finds["支部开展主要工作"], day)
			}
		}
		siteFinds(t, fmt.Sprintf("day %d", i), dest, finds)
	}
	full := filepath.Join(t.TempDir(), "full")
	if _, err := buildDir(t, src, full); err != nil {
		t.Fatal(err)
	}
	pages, fresh := treePages(t, readTree(t, dest)), treePages(t, readTree(t, full))
	if !maps.Equal(pages, fresh) {
		t.Errorf("after the edits the index holds %d pages, a fresh one %d", len(pages), len(fresh))
	}
}

// TestSearchStaleFiles: a build removes exactly the files of the last index
// that the new one no longer uses, and a reader of the last manifest finds
// its files until a merge.
func TestSearchStaleFiles(t *testing.T) {
	src := makeSite(t, searchSite)
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := buildDir(t, src, dest); err != nil {
		t.Fatal(err)
	}
	old := openIndex(t, dest)
	oldFiles, _ := old.Files()
	editFile(t, src, "content/news/shiwei.md", "强调加强**党建**工作", "强调加强**廉政**建设")
	if _, err := buildDir(t, src, dest); err != nil {
		t.Fatal(err)
	}
	var gone []string
	for _, f := range oldFiles {
		if _, err := os.Stat(filepath.Join(dest, "search", f)); err != nil {
			gone = append(gone, f)
		}
	}
	if len(gone) != 1 || !strings.HasPrefix(gone[0], "m-") {
		t.Errorf("an edit removed %v of the last index, want its manifest only", gone)
	}
	// the reader of the last manifest (held in memory) still works
	res, err := old.Search("党建工作")
	if err != nil || len(res.Hits) == 0 {
		t.Errorf("the last manifest's reader: %v, %v", res, err)
	}
}

// TestSearchPreviewEdit: the preview's indexer builds on its last index too:
// a body edit writes the page's fragment and a manifest, nothing else of
// search/ but the search page.
func TestSearchPreviewEdit(t *testing.T) {
	r := newSessionRun(t, makeSite(t, searchSite))
	r.step("first build", false, nil)
	before := readTree(t, r.dest)
	r.step("body edit", true, r.write("content/news/go.md", "+++\ntitle = \"Go语言编程培训\"\ndate = 2025-01-10\n+++\n举办Go语言培训班，讲廉政。\n"))
	if got := searchDiff(before, readTree(t, r.dest)); got != "+f/ +m- +r- -m- ~index.html" {
		t.Errorf("an edit in the preview: search/ %s", got)
	}
	siteFinds(t, "preview", r.dest, map[string][]string{"讲廉政": {"/dangjian/news/go/"}, "ＰＰＴ": nil})
}
