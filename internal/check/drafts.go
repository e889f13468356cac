package check

import (
	"path"
	"strings"

	"showcase/internal/content"
	"showcase/internal/lang"
)

// markUnpublished marks the findings in pages that are not published, and
// in the files of their bundles (see Drafts): Draft set, and the message
// led by 草稿： or 待审稿件：. The review rule's own findings are left
// alone: they are what says a page is held. Marking twice changes nothing.
func markUnpublished(site *content.Site, findings []Finding) []Finding {
	if site == nil {
		return findings
	}
	why := map[string]string{} // page file or bundle folder → the prefix
	for _, p := range pagesOf(site) {
		prefix := ""
		switch {
		case p.Draft:
			prefix = lang.Say("草稿：", "draft: ")
		case heldForReview(p, site.Config.Review):
			prefix = lang.Say("待审稿件：", "awaiting review: ")
		default:
			continue
		}
		why[p.File] = prefix
		if p.Bundle != "" {
			why[p.Bundle] = prefix
		}
	}
	if len(why) == 0 {
		return findings
	}
	for i, f := range findings {
		if f.Draft || f.Rule == "review" {
			continue
		}
		prefix, ok := why[f.File]
		for dir := path.Dir(f.File); !ok && strings.HasPrefix(dir, "content/"); dir = path.Dir(dir) {
			prefix, ok = why[dir]
		}
		if ok {
			findings[i].Draft = true
			findings[i].Message = prefix + f.Message
		}
	}
	return findings
}

// unpublished reports a page that is not published (a draft, or a page
// held for review).
func (c *checker) unpublished(p *content.Page) bool {
	return p.Draft || heldForReview(p, c.site.Config.Review)
}
