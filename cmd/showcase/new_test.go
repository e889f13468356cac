package main

import (
	"bytes"
	"os"
	"path/filepath"
	"showcase"
	"showcase/internal/build"
	"strings"
	"testing"
	"time"
)

func TestNewNewsTwice(t *testing.T) {
	site := workflowSite(t)
	var out, errOut bytes.Buffer
	for i := 0; i < 2; i++ {
		if code := runNew([]string{"news", "学校召开", "党建工作推进会", "-s", site, "--date", "2025-10-26 09:30"}, &out, &errOut); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
	}
	for _, dir := range []string{"xue-xiao-zhao-kai-dang-jian-gong", "xue-xiao-zhao-kai-dang-jian-gong-2"} {
		data, err := os.ReadFile(filepath.Join(site, "content", "news", dir, "index.md"))
		if err != nil {
			t.Fatal(err)
		}
		p := parseWorkflowPage(t, data)
		if p.Title != "学校召开 党建工作推进会" || p.Date.Format(time.RFC3339) != "2025-10-26T09:30:00+08:00" || p.Review != "draft" {
			t.Errorf("%s: title %q date %v review %q", dir, p.Title, p.Date, p.Review)
		}
	}
	if code := runNew([]string{"case", "稻香先锋", "-s", site, "--slug", "dao-xiang"}, &out, &errOut); code != 0 {
		t.Fatalf("case: exit %d: %s", code, errOut.String())
	}
	data, _ := os.ReadFile(filepath.Join(site, "content", "cases", "dao-xiang", "index.md"))
	for _, h := range []string{"## 主要做法", "## 特色经验", "## 建设成效"} {
		if !strings.Contains(string(data), h) {
			t.Errorf("case lacks %s", h)
		}
	}
	if code := runNew([]string{"news", "x", "-s", site, "--slug", "Not Valid"}, &out, &errOut); code != 1 {
		t.Errorf("an invalid slug: exit %d", code)
	}
}

func TestNewAlbumFromPhotoFolder(t *testing.T) {
	site := workflowSite(t)
	folder := filepath.Join(t.TempDir(), "主题党日活动")
	os.MkdirAll(folder, 0o755)
	base := time.Date(2025, 6, 27, 10, 0, 0, 0, time.UTC)
	for i, name := range []string{"b.jpg", "a.jpg", "c.png"} {
		p := filepath.Join(folder, name)
		os.WriteFile(p, []byte("photo "+name), 0o644)
		os.Chtimes(p, base.Add(time.Duration(i)*time.Hour), base.Add(time.Duration(i)*time.Hour))
	}
	var out, errOut bytes.Buffer
	if code := runNew([]string{"album", folder, "-s", site, "--slug", "zhu-ti-dang-ri"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	dir := filepath.Join(site, "content", "photos", "zhu-ti-dang-ri")
	data, err := os.ReadFile(filepath.Join(dir, "index.md"))
	if err != nil {
		t.Fatal(err)
	}
	p := parseWorkflowPage(t, data)
	if p.Title != "主题党日活动" || !p.Date.Equal(base) || len(p.Photos) != 3 || p.Photos[0].Src != "b.jpg" || p.Photos[2].Src != "c.png" {
		t.Errorf("album: title %q date %v photos %+v", p.Title, p.Date, p.Photos)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "a.jpg")); string(b) != "photo a.jpg" {
		t.Error("photos not copied")
	}
}

// TestNewPagesBuild makes a page of every kind, built-in and the site's
// own, and builds the site as "build -D" and as the preview does: a page
// fresh from "showcase new" must never break the preview.
func TestNewPagesBuild(t *testing.T) {
	site := workflowSite(t)
	os.MkdirAll(filepath.Join(site, "archetypes"), 0o755)
	os.WriteFile(filepath.Join(site, "archetypes", "notice.md"), []byte("+++\ntitle = {{ quote .Title }}\ndate = {{ .Date }}\n# 通知正文写在下面\n+++\n"), 0o644)
	pages := map[string]string{
		"news":   "news/xue-yuan-zhao-kai-zhu-ti",
		"case":   "cases/dao-xiang-xian-feng",
		"album":  "photos/zhu-ti-dang-ri-tu-ji",
		"branch": "branches/shi-fan-dang-zhi-bu",
		"notice": "notice/guan-yu-kai-zhan",
	}
	titles := map[string]string{"news": "学院召开主题党日活动", "case": "稻香先锋工作法", "album": "主题党日图集",
		"branch": "示范党支部", "notice": "关于开展活动的通知"}
	var out, errOut bytes.Buffer
	for kind, dir := range pages {
		slug := filepath.Base(dir)
		if code := runNew([]string{kind, titles[kind], "-s", site, "--slug", slug, "--date", "2025-10-26 09:30"}, &out, &errOut); code != 0 {
			t.Fatalf("new %s: exit %d: %s", kind, code, errOut.String())
		}
	}
	for _, preview := range []bool{false, true} {
		dest := filepath.Join(t.TempDir(), "public")
		opts := build.Options{Source: site, Destination: dest, Drafts: true, Theme: showcase.Theme(),
			Preview: preview, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
		var err error
		if preview {
			s := build.NewSession(opts)
			_, err = s.Build()
			s.Close()
		} else {
			_, err = build.Build(opts)
		}
		if err != nil {
			t.Fatalf("preview %v: a site with fresh pages fails: %v", preview, err)
		}
		for kind, dir := range pages {
			page, err := os.ReadFile(filepath.Join(dest, dir, "index.html"))
			if err != nil {
				t.Errorf("preview %v: the new %s page is not built: %v", preview, kind, err)
				continue
			}
			if !strings.Contains(string(page), titles[kind]) {
				t.Errorf("preview %v: the new %s page lacks its title", preview, kind)
			}
		}
	}
}
