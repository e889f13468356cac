package check

import (
	"strings"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/lang"
)

// fieldNames are the Chinese names of the fields a section may require.
var fieldNames = map[string]string{
	"title": "标题", "subtitle": "副标题", "date": "日期", "reviewer": "审核人", "reviewers": "审核人",
	"editor": "编辑", "author": "通讯员", "writer": "通讯员", "photographer": "摄影", "source": "来源",
	"cover": "封面", "cover_alt": "封面说明", "summary": "摘要", "branches": "支部", "criteria": "对标条目",
	"tags": "标签", "categories": "栏目",
}

// heldForReview reports a page the review gate keeps out of the build: when
// site.toml requires review, a regular page (not a section, nor a branch
// profile) that has not passed review (content.Page.Reviewed). It is the
// rule build applies; check follows it so that it speaks of the same pages.
func heldForReview(p *content.Page, r config.Review) bool {
	return r.Required && p.Kind == content.KindPage && p.Profile == nil && !p.Reviewed()
}

// reviewState checks the review key of every page that is not a draft. (A
// value other than "draft" or "reviewed" is a front-matter error of the
// build, filed under this rule by FromProblems.)
func (c *checker) reviewState(pages []*content.Page) {
	required := c.site.Config.Review.Required
	for _, p := range pages {
		if p.Kind != content.KindPage || p.Profile != nil {
			continue
		}
		line := keyLine(p, "review")
		if claimsReviewed(p) {
			continue // signoffs.go
		}
		if p.Review == content.ReviewDone && len(p.Byline.Reviewers) == 0 {
			c.add("review", Error, p.File, line, lang.Sprintf(`标记为已审核，但没有填写审核人：请加上 reviewer = ["审核人姓名"]`, `review = "reviewed" but no reviewer is named: add reviewer = ["…"]`))
			continue
		}
		switch {
		case heldForReview(p, c.site.Config.Review):
			why, whyEn := "没有填写审核人", "no reviewer named"
			if p.Review == content.ReviewDraft {
				why, whyEn = `review = "draft"，待审`, `review = "draft"`
			}
			c.add("review", Warning, p.File, line, lang.Sprintf(`未审核，暂不发布（%[1]s）：审核通过后填写审核人，并把 review 改为 "reviewed"`,
				`held back until reviewed: %[2]s; it is not published before review = "reviewed"`, why, whyEn))
		case !required && p.Review == content.ReviewDraft:
			c.add("review", Error, p.File, line, lang.Sprintf(`待审稿件将被直接发布：审核后把 review 改为 "reviewed"，或在 site.toml 中设置 [review] required = true`,
				`review = "draft", yet site.toml does not require review, so this page would be published unreviewed: fix it and set review = "reviewed", or set [review] required = true`))
		}
	}
}

// requiredFields checks site.toml's [review] fields for each page's
// section and for "*".
func (c *checker) requiredFields() {
	fields := c.site.Config.Review.Fields
	for _, p := range c.pages {
		var want []string
		want = append(want, fields["*"]...)
		want = append(want, fields[p.Section]...)
		seen := map[string]bool{}
		for _, key := range want {
			key = strings.TrimSpace(key)
			if key == "" || seen[key] {
				continue
			}
			seen[key] = true
			if hasField(p, key) {
				continue
			}
			name := fieldNames[key]
			if name == "" {
				name = key
			}
			c.add("fields", Error, p.File, keyLine(p, key),
				lang.Sprintf("缺少必填字段：%[3]s（%[1]s），site.toml 的 [review] fields 要求 %[2]s 中的稿件填写", "%[1]s is required for %[2]s by site.toml [review] fields", key, sectionName(p.Section), name))
		}
	}
}

func sectionName(s string) string {
	if s == "" {
		return "the home page"
	}
	return s + "/"
}

// hasField reports whether a page gives a field a non-empty value.
func hasField(p *content.Page, key string) bool {
	switch key {
	case "title":
		return p.Title != ""
	case "date":
		return !p.Date.IsZero()
	case "reviewer", "reviewers":
		return len(p.Byline.Reviewers) > 0
	case "editor":
		return p.Byline.Editor != ""
	case "author", "writer":
		return p.Byline.Author != ""
	case "photographer":
		return p.Byline.Photographer != ""
	case "source":
		return p.Byline.Source != ""
	case "cover":
		return p.Cover != ""
	case "cover_alt", "coverAlt":
		return p.CoverAlt != ""
	case "criteria":
		return len(p.Criteria) > 0
	}
	if terms, ok := p.Terms[key]; ok {
		return len(terms) > 0
	}
	return nonEmpty(p.Params[key])
}

func nonEmpty(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case string:
		return strings.TrimSpace(v) != ""
	case []any:
		for _, e := range v {
			if nonEmpty(e) {
				return true
			}
		}
		return false
	case map[string]any:
		return len(v) > 0
	}
	return true
}

// keyLine is the line of a front-matter key, else the first line.
func keyLine(p *content.Page, key string) int {
	if n := p.KeyLine(key); n > 0 {
		return n
	}
	return 1
}
