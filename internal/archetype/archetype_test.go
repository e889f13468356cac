package archetype

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"showcase"
	"showcase/internal/config"
	"showcase/internal/content"
)

var day = time.Date(2026, 3, 5, 9, 30, 0, 0, cst)

func parse(t *testing.T, file string, data []byte) *content.Page {
	t.Helper()
	cfg, _, err := config.Parse([]byte("title = \"t\"\nbaseURL = \"https://x.edu.cn/\"\n"), "site.toml")
	if err != nil {
		t.Fatal(err)
	}
	p, problems := content.ParsePage(file, data, cfg)
	for _, pr := range problems {
		t.Errorf("%s does not parse: %v\n%s", file, pr, data)
	}
	return p
}

// TestDefaultArchetypes renders each kind and parses the page the way a
// build would: valid TOML, every expected field, today's date.
func TestDefaultArchetypes(t *testing.T) {
	want := map[string][]string{
		"news":   {"reviewer = []", "editor = \"\"", "cover_alt", "photographer", "review = \"draft\""},
		"case":   {"## 主要做法", "## 特色经验", "## 建设成效", "reviewer = []"},
		"album":  {"[[resources]]", "src = \"IMG_0001.jpg\"", "title = \"书记领誓\"", "拍摄时间 2026-03-05 09:00"},
		"branch": {"[params]", "kind = \"样板支部\"", "doc_no", "year = 2026"},
	}
	for kind, lines := range want {
		p := Page{Kind: kind, Title: `他说"好"：“双创”推进会`, Date: day}
		if kind == "album" {
			p.Photos = []Photo{{Src: "IMG_0001.jpg", Title: "书记领誓", Taken: "2026-03-05 09:00"}}
		}
		data, err := Render(showcase.Archetypes(), p, "x")
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		section, _ := Section(kind)
		page := parse(t, "content/"+section+"/x/index.md", data)
		if page == nil {
			continue
		}
		if page.Title != p.Title || !page.Date.Equal(day) {
			t.Errorf("%s: title %q date %v", kind, page.Title, page.Date)
		}
		for _, l := range lines {
			if !strings.Contains(string(data), l) {
				t.Errorf("%s archetype lacks %q:\n%s", kind, l, data)
			}
		}
		if kind == "album" && (len(page.Photos) != 1 || page.Photos[0].Caption != "书记领誓") {
			t.Errorf("album photos = %+v", page.Photos)
		}
		if kind == "branch" && (page.Profile == nil || page.Profile.Kind != "样板支部") {
			t.Errorf("branch profile = %+v", page.Profile)
		}
	}
}

func TestCreateNeverOverwritesAndSiteOverrides(t *testing.T) {
	site := t.TempDir()
	layers := Layers(os.DirFS(site), showcase.Archetypes())
	p := Page{Kind: "news", Title: "学校召开党建“双创”工作推进会", Date: day}
	first, err := Create(site, layers, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Create(site, layers, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(first) != "xue-xiao-zhao-kai-dang-jian" || filepath.Base(second) != "xue-xiao-zhao-kai-dang-jian-2" {
		t.Errorf("folders %s and %s", first, second)
	}
	os.MkdirAll(filepath.Join(site, "archetypes"), 0o755)
	os.WriteFile(filepath.Join(site, "archetypes", "news.md"), []byte("+++\ntitle = {{ quote .Title }}\ndate = {{ .Date }}\n+++\n本校模板\n"), 0o644)
	os.WriteFile(filepath.Join(site, "archetypes", "notice.md"), []byte("+++\ntitle = {{ quote .Title }}\n+++\n通知\n"), 0o644)
	dir, err := Create(site, layers, Page{Kind: "news", Title: "x", Date: day, Slug: "own"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "index.md")); !strings.Contains(string(data), "本校模板") {
		t.Errorf("the site's archetype was not used:\n%s", data)
	}
	if dir, err := Create(site, layers, Page{Kind: "notice", Title: "停电通知", Date: day, Slug: "ting-dian"}, nil); err != nil || !strings.HasSuffix(dir, filepath.Join("content", "notice", "ting-dian")) {
		t.Errorf("a site kind: %s, %v", dir, err)
	}
	if _, err := Create(site, layers, Page{Kind: "nonsense", Title: "x"}, nil); err == nil {
		t.Error("an unknown kind made a page")
	}
	if _, err := os.Stat(filepath.Join(site, "content", "nonsense")); err == nil {
		t.Error("an unknown kind left a folder")
	}
}

func TestAlbumFromFolder(t *testing.T) {
	folder := fstest.MapFS{
		"b.jpg":    {Data: []byte("not a real jpeg b"), ModTime: day.Add(time.Hour)},
		"a.jpg":    {Data: []byte("not a real jpeg a"), ModTime: day.Add(2 * time.Hour)},
		"合影留念.png": {Data: []byte("png"), ModTime: day},
	}
	photos, first, err := AlbumPhotos(folder)
	if err != nil {
		t.Fatal(err)
	}
	if !first.Equal(day) || len(photos) != 3 || photos[0].Src != "photo-01.png" || photos[0].Title != "合影留念" || photos[1].From != "b.jpg" {
		t.Fatalf("photos %+v, first %v", photos, first)
	}
	site := t.TempDir()
	dir, err := Create(site, showcase.Archetypes(), Page{Kind: "album", Title: "主题党日", Date: first, Photos: photos}, folder)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"index.md", "photo-01.png", "a.jpg", "b.jpg"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s missing: %v", name, err)
		}
	}
	data, _ := os.ReadFile(filepath.Join(dir, "index.md"))
	page := parse(t, "content/photos/x/index.md", data)
	if page != nil && (len(page.Photos) != 3 || page.Photos[0].Src != "photo-01.png") {
		t.Errorf("album page photos %+v", page.Photos)
	}
	if _, _, err := AlbumPhotos(fstest.MapFS{"x.txt": {}}); err == nil {
		t.Error("a folder without photos made an album")
	}
}
