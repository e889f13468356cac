package importer

import (
	"strings"
	"time"

	"showcase/internal/bundle"
	"showcase/internal/dates"
)

// cst is China Standard Time: every date an import writes carries +08:00.
var cst = dates.CST

// pageHead is the front matter of an imported page.
type pageHead struct {
	title        string
	date         time.Time
	dateNote     string // why the date needs checking, "" when it came from the source or the caller
	byline       Byline
	needsReview  bool
	reviewReason string
	hints        bool   // leave commented hints for branches, criteria, cover
	source       string // the imported file's name
	sourceHash   string // sourceHash of its text, "" for none
}

// frontMatter writes TOML between +++ lines, one key a line, each with a
// Chinese comment for the correspondent who edits it next.
func (h pageHead) frontMatter() string {
	var b strings.Builder
	line := func(key, value, comment string) {
		entry := key + " = " + value
		if comment != "" {
			entry += strings.Repeat(" ", max(1, 30-displayWidth(entry))) + "# " + comment
		}
		b.WriteString(entry + "\n")
	}
	b.WriteString("+++\n")
	titleNote := "标题"
	if h.title == "" {
		titleNote = "标题：原稿中未找到，请填写 (title not found in the source: fill it in)"
	}
	line("title", bundle.TOMLString(h.title), titleNote)
	dateNote := "发布日期"
	if h.dateNote != "" {
		dateNote = h.dateNote
	}
	line("date", h.date.In(cst).Format(time.RFC3339), dateNote)
	if h.hints {
		line("# branches", `["农学院党委"]`, "涉及的支部（支部简介页标题）")
		line("# criteria", `["wgdw-1"]`, "对标条目编号，见 site.toml")
		line("# tags", `["双创"]`, "标签")
	}
	by := h.byline
	if len(by.Writers) > 0 {
		line("author", bundle.TOMLString(strings.Join(by.Writers, " ")), "通讯员 / 撰稿")
	}
	if len(by.Photographers) > 0 {
		line("photographer", bundle.TOMLString(strings.Join(by.Photographers, " ")), "摄影")
	}
	if len(by.Reviewers) > 0 {
		line("reviewer", bundle.TOMLList(by.Reviewers), "审核")
	} else {
		line("# reviewer", `[""]`, "审核：原稿未署名，发布前必须填写 (no reviewer in the source)")
	}
	if len(by.Editors) > 0 {
		line("editor", bundle.TOMLString(strings.Join(by.Editors, " ")), "编辑")
	}
	if len(by.Sources) > 0 {
		line("source", bundle.TOMLString(strings.Join(by.Sources, " ")), "来源")
	}
	if h.needsReview {
		b.WriteString("# " + h.reviewReason + "\n")
		line("review", bundle.TOMLString("draft"), "待审：处理完上面的问题后改为 \"reviewed\"")
	}
	if h.sourceHash != "" {
		b.WriteString(hashComment(h.source, h.sourceHash) + "\n")
	}
	b.WriteString("+++\n")
	return b.String()
}

// displayWidth counts columns in a monospaced editor: two for a Chinese
// character, one for the rest.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x1100 && (r <= 0x115f || r >= 0x2e80 && r <= 0xa4cf || r >= 0xac00 && r <= 0xd7a3 ||
			r >= 0xf900 && r <= 0xfaff || r >= 0xfe30 && r <= 0xfe4f || r >= 0xff00 && r <= 0xff60 ||
			r >= 0xffe0 && r <= 0xffe6 || r >= 0x20000) || r == '“' || r == '”' {
			n++
		}
	}
	return n
}
