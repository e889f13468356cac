package check

import (
	"fmt"
	"strings"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/lang"
)

// Sign-offs (三审三校). With site.toml's
//
//	[review]
//	required = true
//	stages = ["初审", "复审", "终审"]
//
// a page is reviewed only when each stage is signed in its signoffs list,
// one "阶段 姓名 时间" a stage, as the editor (internal/newsroom) writes
// them:
//
//	signoffs = ["初审 钱锐 2026-12-03T10:00:00+08:00", "复审 姚文均 2026-12-03T11:30:00+08:00", "终审 陈静 2026-12-03T15:00:00+08:00"]
//
// review = "reviewed" typed by hand, or a reviewer named, is not enough:
// such a page is held back like a page not reviewed (the build leaves it
// out, the preview shows it marked), and check reports it as an error at
// its review line, so a deploy does not go on believing it published.

// SignoffsKey is the front-matter key of the sign-offs.
const SignoffsKey = "signoffs"

// Unsigned lists, in order, the stages of r that p's signoffs lack; nil
// when r requires none (not required, no stages) or p is not held by
// review (a section's list, a profile).
func Unsigned(p *content.Page, r config.Review) []string {
	if !r.Required || len(r.Stages) == 0 || p.Kind != content.KindPage || p.Profile != nil {
		return nil
	}
	signed := map[string]bool{}
	for _, s := range signoffList(p.Params[SignoffsKey]) {
		if f := strings.Fields(s); len(f) >= 2 {
			signed[f[0]] = true
		}
	}
	var missing []string
	for _, st := range r.Stages {
		if !signed[st] {
			missing = append(missing, st)
		}
	}
	return missing
}

// MarkUnsigned sets Unsigned on each page: a page lacking a stage is not
// Reviewed, for every reader of its review state (the build's gate, the
// preview's mark, check's rules, the editor's dashboard).
func MarkUnsigned(pages []*content.Page, r config.Review) {
	for _, p := range pages {
		p.Unsigned = Unsigned(p, r)
	}
}

// signoffList reads the signoffs value: a list of strings, or one string.
func signoffList(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []string:
		return v
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			out = append(out, fmt.Sprint(x))
		}
		return out
	}
	return nil
}

// claimsReviewed: the page says it passed review (review = "reviewed", or
// no review key and a reviewer named) while a stage is unsigned.
func claimsReviewed(p *content.Page) bool {
	if len(p.Unsigned) == 0 {
		return false
	}
	return p.Review == content.ReviewDone || (p.Review == "" && len(p.Byline.Reviewers) > 0)
}

// signoffs reports each page (not a draft) that says it passed review but
// lacks a stage's sign-off: it is held back, an error so a deploy stops.
func (c *checker) signoffs(pages []*content.Page) {
	for _, p := range pages {
		if !claimsReviewed(p) {
			continue
		}
		line := keyLine(p, "review")
		if p.Review == "" {
			line = keyLine(p, "reviewer")
		}
		c.add("review", Error, p.File, line, lang.Sprintf(`标记为已审核，但缺少审核阶段的签署：%[1]s。site.toml 要求 %[2]s 每个阶段都由审核人签署（signoffs），签齐之前不会发布；请在编辑部的“审核”里逐级签署`,
			`marked reviewed but not signed at stage(s) %[1]s: [review] stages %[2]s must each be signed in signoffs; held back until then`,
			strings.Join(p.Unsigned, "、"), strings.Join(c.site.Config.Review.Stages, "、")))
	}
}
