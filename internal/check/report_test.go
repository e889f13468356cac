package check

import (
	"strings"
	"testing"

	"showcase/internal/diag"
	"showcase/internal/lang"
)

// TestReportInBothLanguages: the text report's headings, labels and
// closing line are Chinese for staff, and English alone with --lang en. No
// test of this package runs in parallel, so none reads a message while the
// language is English.
func TestReportInBothLanguages(t *testing.T) {
	findings := []Finding{
		{Rule: "fields", Severity: Error, File: "content/news/a.md", Line: 1, Message: "缺少必填字段：编辑 (editor is required)"},
		{Rule: "dates", Severity: Warning, File: "content/news/a.md", Line: 3, Message: "日期在将来 (the date is in the future)"},
	}
	report := func() string {
		var b strings.Builder
		WriteText(&b, findings)
		return b.String()
	}
	want := "== 必填字段 (required fields) ==\n" +
		"content/news/a.md:1: 错误: 缺少必填字段：编辑 (editor is required)\n\n" +
		"== 日期 (dates) ==\n" +
		"content/news/a.md:3: 警告: 日期在将来 (the date is in the future)\n\n" +
		"检查完毕：共 1 处错误、1 个警告；改正全部错误后才能发布\n"
	if got := report(); got != want {
		t.Errorf("Chinese report:\n%s\nwant\n%s", got, want)
	}
	for _, c := range []struct {
		findings []Finding
		want     string
	}{
		{nil, "检查完毕：没有发现问题，可以发布"},
		{findings[1:], "检查完毕：共 1 个警告，没有错误，可以发布；警告最好也处理一下"},
	} {
		if got := Summary(c.findings); got != c.want {
			t.Errorf("Summary: %q, want %q", got, c.want)
		}
	}

	lang.SetEnglish(true)
	t.Cleanup(func() { lang.SetEnglish(false) })
	want = "== required fields ==\n" +
		"content/news/a.md:1: error: 缺少必填字段：编辑 (editor is required)\n\n" +
		"== dates ==\n" +
		"content/news/a.md:3: warning: 日期在将来 (the date is in the future)\n\n" +
		"check: 1 error(s), 1 warning(s): fix the errors before publishing\n"
	if got := report(); got != want {
		t.Errorf("English report:\n%s\nwant\n%s", got, want)
	}
	if got := Summary(nil); got != "check: no problems found" {
		t.Errorf("English Summary: %q", got)
	}
}

// TestRuleOfEitherLanguage: a build message is filed under the same rule
// whether it reads Chinese first or English alone.
func TestRuleOfEitherLanguage(t *testing.T) {
	for _, c := range []struct{ rule, zh, en string }{
		{"links", "链接指向的页面不存在 (link to content/news/b.md, which does not exist)", "link to content/news/b.md, which does not exist"},
		{"images", "content/news/a/b.jpg: 图片文件已损坏或不完整 (the image is damaged or truncated (EOF))", "image b.jpg does not exist"},
		{"taxonomy", "未找到该支部的简介页 (branches: \"一支部\" is not a profile)", "branches: \"一支部\" is not a profile"},
		{"review", "审核状态应为 draft 或 reviewed (review must be \"draft\" or \"reviewed\")", "review must be \"draft\" or \"reviewed\""},
		{"keys", "项目名“photografer”网站不认识 (unknown front-matter key \"photografer\")", "unknown front-matter key \"photografer\""},
		{"build", "这是指向网站文件夹以外的符号链接（symlink to /etc/shadow leaves the site folder）", "template: page.html:3: unexpected EOF"},
	} {
		for _, msg := range []string{c.zh, c.en} {
			got := FromProblems([]*diag.Problem{{File: "content/news/a.md", Line: 2, Msg: msg}}, nil)
			if len(got) != 1 || got[0].Rule != c.rule {
				t.Errorf("%q filed under %+v, want %s", msg, got, c.rule)
			}
		}
	}
}
