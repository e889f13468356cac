package render

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"showcase/internal/config"
	"showcase/internal/content"
)

func testSet(t *testing.T, files map[string]string) *Set {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	cfg, err := config.Default().WithBaseURL("https://www.example.edu.cn/dangjian/")
	if err != nil {
		t.Fatal(err)
	}
	set, err := Load(fsys, &Env{Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// TestFuncs runs each template function through a real layout.
func TestFuncs(t *testing.T) {
	set := testSet(t, map[string]string{
		"layouts/baseof.html":         `{{ block "main" . }}{{ end }}`,
		"layouts/_partials/item.html": `[{{ .Title }}]`,
		"layouts/single.html": `{{ define "main" -}}
{{ url "news/" }}|{{ absURL "news/a/" }}|{{ absURL "/dangjian/img/x.jpg" }}|{{ date .Page.Date }}|{{ isoDate .Page.Date }}|{{ truncate 4 "学习贯彻会议精神" }}|{{ truncate 10 "短句" }}|{{ criterion "qgyl-1" }}|{{ active "/news/" .Page.Path }}|{{ active "/" .Page.Path }}|{{ join "、" .Page.Byline.Reviewers }}|{{ partialCached "item.html" .Page }}{{ partialCached "item.html" .Page }}|{{ with dict "a" 1 }}{{ .a }}{{ end }}|{{ range seq 3 }}{{ . }}{{ end }}
{{- end }}`,
	})
	p := &content.Page{Title: "标题", Path: "news/a/", Date: time.Date(2025, 10, 25, 20, 0, 0, 0, time.UTC),
		Byline: content.Byline{Reviewers: []string{"钱锐", "姚文均"}}}
	out, _, err := set.Execute("single", "news", &Data{Page: p})
	if err != nil {
		t.Fatal(err)
	}
	want := "/dangjian/news/|https://www.example.edu.cn/dangjian/news/a/|https://www.example.edu.cn/dangjian/img/x.jpg|" +
		"2025年10月26日|2025-10-26|学习贯彻…|短句|教育党员有力|true|false|钱锐、姚文均|[标题][标题]|1|123"
	if string(out) != want {
		t.Errorf("got  %s\nwant %s", out, want)
	}
}

// TestErrors: a broken layout names its file and line; a panic in a
// function is an error of the layout; a missing kind is a missing layout.
func TestErrors(t *testing.T) {
	_, err := Load(fstest.MapFS{
		"layouts/baseof.html":           {Data: []byte(`{{ block "main" . }}{{ end }}`)},
		"layouts/_partials/broken.html": {Data: []byte("ok\n{{ if }}")},
	}, &Env{Config: config.Default()})
	if err == nil || !strings.Contains(err.Error(), "layouts/_partials/broken.html:2:") {
		t.Errorf("parse error: %v", err)
	}
	set := testSet(t, map[string]string{
		"layouts/baseof.html": `{{ block "main" . }}{{ end }}`,
		"layouts/list.html":   `{{ define "main" }}{{ range seq -1 }}{{ end }}{{ end }}`,
	})
	if _, _, err := set.Execute("list", "", &Data{Page: &content.Page{}}); err == nil || !strings.Contains(err.Error(), "layouts/list.html") {
		t.Errorf("panic: %v", err)
	}
	if _, _, err := set.Execute("term", "", &Data{}); err == nil || !strings.Contains(err.Error(), "missing layout") {
		t.Errorf("missing layout: %v", err)
	}
}

// TestLookup: a section's own layout wins over the general one; a layout
// without a main block runs on its own.
func TestLookup(t *testing.T) {
	set := testSet(t, map[string]string{
		"layouts/baseof.html":        `<body>{{ block "main" . }}{{ end }}</body>`,
		"layouts/single.html":        `{{ define "main" }}general{{ end }}`,
		"layouts/photos/single.html": `{{ define "main" }}album{{ end }}`,
		"layouts/alias.html":         `<meta http-equiv="refresh" content="0; url={{ .Target }}">`,
	})
	for _, c := range []struct{ kind, section, want string }{
		{"single", "news", "<body>general</body>"},
		{"single", "photos", "<body>album</body>"},
		{"alias", "", `<meta http-equiv="refresh" content="0; url=/x/">`},
	} {
		out, _, err := set.Execute(c.kind, c.section, &Data{Page: &content.Page{}, Target: "/x/"})
		if err != nil || string(out) != c.want {
			t.Errorf("%s/%s = %q, %v; want %q", c.section, c.kind, out, err, c.want)
		}
	}
}

// TestPagePhoto checks which picture stands for a page in lists and share
// cards: the cover, the first album photo, the first photo of the bundle
// its Markdown shows, or none.
func TestPagePhoto(t *testing.T) {
	rec := newRecorder()
	for _, tt := range []struct {
		page *content.Page
		want string
	}{
		{&content.Page{Cover: "c.jpg", Photos: []content.Photo{{Src: "p.jpg"}}}, "c.jpg"},
		{&content.Page{Photos: []content.Photo{{Src: "p.jpg"}}}, "p.jpg"},
		{&content.Page{Resources: []string{"a.jpg", "b.png", "doc.pdf"}, Body: []byte("正文\n\n![外链](https://x.cn/y.jpg)\n\n![图](./b.png \"题\")\n\n![图](a.jpg)")}, "./b.png"},
		{&content.Page{Resources: []string{"b.jpg"}, Body: []byte(`{{< figure src="b.jpg" title="现场" >}}`)}, "b.jpg"},
		{&content.Page{Resources: []string{"b.jpg"}, Body: []byte("![不在包里](../x/b.jpg)")}, ""},
		{&content.Page{Body: []byte("![图](a.jpg)")}, ""},
	} {
		if got := pagePhoto(rec.page(tt.page)); got != tt.want {
			t.Errorf("photo of %+v = %q, want %q", tt.page, got, tt.want)
		}
	}
}

func FuzzTruncate(f *testing.F) {
	for _, s := range []string{"", "党建", "  学深悟透，做实  ", "abc def", "bad \xff\xfe bytes", strings.Repeat("新闻 ", 50)} {
		for _, n := range []int{0, 1, 2, 5, 120} {
			f.Add(n, s)
		}
	}
	f.Fuzz(func(t *testing.T, n int, s string) {
		n %= 200
		got, gotPanic := catch(func() string { return truncate(n, s) })
		want, wantPanic := catch(func() string { return truncateChars(n, s) })
		if got != want || gotPanic != wantPanic {
			t.Fatalf("truncate(%d, %q) = %q (panic %v), on characters %q (panic %v)", n, s, got, gotPanic, want, wantPanic)
		}
	})
}

func catch(f func() string) (s string, panicked bool) {
	defer func() { panicked = recover() != nil }()
	return f(), false
}
