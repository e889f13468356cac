package newsroom

import (
	"net/http"
	"strings"
	"testing"

	"showcase/internal/build"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/sitefs"
)

func TestSignEveryStage(t *testing.T) {
	dir := testSite(t, nil)
	n := testNewsroom(t, dir, "")
	page := openPage(t, n, "content/news/a/index.md")
	sign := func(stage, name string, version string) (pageReply, int) {
		var out pageReply
		w := n.do(t, call{method: "POST", path: "api/sign", csrf: true, body: jsonText(signRequest{File: page.File, Version: version, Stage: stage, Name: name})}, &out)
		return out, w.Code
	}
	if _, code := sign("复审", "钱锐", page.Version); code != http.StatusBadRequest {
		t.Errorf("signing 复审 before 初审: %d", code)
	}
	v := page.Version
	for i, s := range [][2]string{{"初审", "钱锐"}, {"复审", "姚文均"}, {"终审", "钱锐"}} {
		out, code := sign(s[0], s[1], v)
		if code != http.StatusOK {
			t.Fatalf("signing %s: %d", s[0], code)
		}
		v = out.Version
		want := StatePending
		if i == 2 {
			want = StatePublished
		}
		if out.Info.State != want {
			t.Errorf("after %s: state %s, want %s", s[0], out.Info.State, want)
		}
	}
	if _, code := sign("终审", "钱锐", v); code != http.StatusBadRequest {
		t.Errorf("signing after every stage: %d", code)
	}
	text := readSite(t, dir, page.File)
	for _, line := range []string{
		`title = "第一篇"   # 标题`,
		`review = "reviewed"`,
		`signoffs = ["初审 钱锐 2026-12-03T12:00:00+08:00", "复审 姚文均 2026-12-03T12:00:00+08:00", "终审 钱锐 2026-12-03T12:00:00+08:00"]`,
		`reviewer = ["钱锐", "姚文均"]`,
	} {
		if !strings.Contains(text, line+"\n") {
			t.Errorf("page lacks %s:\n%s", line, text)
		}
	}
	cfg, _ := build.LoadConfig(sitefs.New(dir), &diag.List{})
	p, problems := content.ParsePage(page.File, []byte(text), cfg)
	if len(problems) > 0 || len(p.Unknown) > 0 || !p.Reviewed() {
		t.Errorf("the signed page: problems %v, unknown keys %v, reviewed %v", problems, p.Unknown, p.Reviewed())
	}
	ledger := readSite(t, dir, LedgerFile)
	want := "\ufeff时间,页面文件,标题,审核阶段,审核人\n" +
		"2026-12-03 12:00:00,content/news/a/index.md,第一篇,初审,钱锐\n" +
		"2026-12-03 12:00:00,content/news/a/index.md,第一篇,复审,姚文均\n" +
		"2026-12-03 12:00:00,content/news/a/index.md,第一篇,终审,钱锐\n"
	if ledger != want {
		t.Errorf("ledger:\n%q\nwant\n%q", ledger, want)
	}
	w := n.do(t, call{path: "ledger.csv"}, nil)
	if w.Code != http.StatusOK || w.Body.String() != want || !strings.Contains(w.Header().Get("Content-Disposition"), "attachment") {
		t.Errorf("export: %d %q", w.Code, w.Body.String())
	}
}

func TestSignRefusesBadNames(t *testing.T) {
	dir := testSite(t, nil)
	n := testNewsroom(t, dir, "")
	page := openPage(t, n, "content/news/a/index.md")
	for _, name := range []string{"", "钱 锐", "a,b", strings.Repeat("名", 30)} {
		w := n.do(t, call{method: "POST", path: "api/sign", csrf: true, body: jsonText(signRequest{File: page.File, Version: page.Version, Stage: "初审", Name: name})}, nil)
		if w.Code != http.StatusBadRequest {
			t.Errorf("name %q: %d", name, w.Code)
		}
	}
}

func TestNewPageFromArchetype(t *testing.T) {
	dir := testSite(t, nil)
	n := testNewsroom(t, dir, "")
	var out struct{ File string }
	req := newRequest{Kind: "news", Title: "学校召开党建工作会议", Date: "2026-12-01T09:30",
		Fields: []field{{Key: "author", Type: "text", Value: "储德丹"}, {Key: "tags", Type: "list", Value: []any{"主题教育"}}}}
	if w := n.do(t, call{method: "POST", path: "api/new", csrf: true, body: jsonText(req)}, &out); w.Code != http.StatusOK {
		t.Fatalf("new: %d %s", w.Code, w.Body)
	}
	if !strings.HasPrefix(out.File, "content/news/") || !strings.HasSuffix(out.File, "/index.md") {
		t.Fatalf("file %q", out.File)
	}
	text := readSite(t, dir, out.File)
	for _, line := range []string{`title = "学校召开党建工作会议"`, `date = 2026-12-01T09:30:00+08:00`,
		`author = "储德丹"                        # 通讯员 / 撰稿`, `tags = ["主题教育"]                          # 标签`} {
		if !strings.Contains(text, line) {
			t.Errorf("new page lacks %q:\n%s", line, text)
		}
	}
	if w := n.do(t, call{method: "POST", path: "api/new", csrf: true, body: `{"kind":"news","title":" "}`}, nil); w.Code != http.StatusBadRequest {
		t.Errorf("no title: %d", w.Code)
	}
}
