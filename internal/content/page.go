package content

import (
	"html/template"
	"reflect"
	"slices"
	"time"

	"showcase/internal/diag"
	"showcase/internal/markdown/outline"
)

// Kind says what a page is.
type Kind string

// The kinds of page.
const (
	KindHome     Kind = "home"
	KindSection  Kind = "section"  // a section's list, from _index.md or implied by a folder
	KindPage     Kind = "page"     // a news item, case, album or profile
	KindTaxonomy Kind = "taxonomy" // the list of a taxonomy's terms (/tags/)
	KindTerm     Kind = "term"     // the pages of one term (/tags/zhu-ti-jiao-yu/)
)

// Page is one content file with its front matter decoded and, after Render,
// its HTML.
type Page struct {
	File    string // path from the site root, "content/news/a.md"
	Kind    Kind
	Section string // first folder under content/, "" for the home page
	Bundle  string // folder of a page bundle ("content/photos/x"), else ""

	Title, Subtitle                        string
	Date, Lastmod, PublishDate, ExpiryDate time.Time
	Draft                                  bool
	Weight                                 int
	Slug                                   string
	Aliases                                []string
	Summary                                string              // plain text
	Terms                                  map[string][]string // taxonomy plural → terms as written
	Criteria                               []string
	Cover, CoverAlt                        string
	Byline                                 Byline
	Review                                 string   // "draft", "reviewed" or "" (then reviewers decide)
	Unsigned                               []string // [review] stages not signed yet (check.MarkUnsigned): not reviewed
	Profile                                *Profile // set for a branch or department profile
	Photos                                 []Photo  // album photos, in order
	Resources                              []string // files of the bundle, relative to it, sorted
	Params                                 map[string]any
	Unknown                                []UnknownKey    // keys that look like slips for known ones
	Warnings                               []*diag.Problem // what was read leniently (draft: yes, a key set twice)

	src      Source // for the line of a front-matter key
	Body     []byte // Markdown
	BodyLine int    // file line of the first body line

	// Path is the URL path below the site's base, "news/a/" ("" for home).
	Path string

	// Filled by Render.
	Content template.HTML
	TOC     []outline.Heading
	Plain   string

	// Filled by Assemble.
	Prev, Next  *Page   // neighbours within the section, in list order
	Related     []*Page // pages sharing branches or tags
	Links       []TermLink
	BranchPages []*Page // the profiles this page names
}

// Byline is the closing credit of a news item: who wrote, photographed,
// reviewed and edited it. Reviewers are required before publication.
type Byline struct {
	Author       string // 通讯员 / 撰稿
	Photographer string // 摄影
	Reviewers    []string
	Editor       string // 编辑
	Source       string // 来源
}

// Profile is a branch's or department's programme record (支部风采).
type Profile struct {
	Kind      string // 样板支部 / 标杆院系 / 示范高校
	Level     string // 全国 / 省级 / 校级
	Year      int
	Batch     string
	DocNo     string // 立项文号
	Status    string // 培育创建 / 中期评估 / 通过验收 …
	College   string // 所属院系
	Secretary string
	Brand     string // 党建品牌
	Members   int
	Honours   []string
}

// Photo is one image of an album.
type Photo struct {
	Src          string // file in the bundle
	Caption      string
	Photographer string
}

// TermLink is a taxonomy term a page is listed under, with its URL path.
type TermLink struct {
	Taxonomy, Name, Path string
}

// Published reports whether p belongs in a build with the given flags at now.
func (p *Page) Published(drafts, future, expired bool, now time.Time) bool {
	if p.Draft && !drafts {
		return false
	}
	if !future {
		if !p.PublishDate.IsZero() && p.PublishDate.After(now) {
			return false
		}
		if p.PublishDate.IsZero() && p.Date.After(now) {
			return false
		}
	}
	if !expired && !p.ExpiryDate.IsZero() && !p.ExpiryDate.After(now) {
		return false
	}
	return true
}

// KeyLine is the line of the file on which a front-matter key is written.
func (p *Page) KeyLine(key string) int { return p.src.KeyLine(key) }

// Empty reports whether the byline names nobody.
func (b Byline) Empty() bool {
	return b.Author == "" && b.Photographer == "" && len(b.Reviewers) == 0 && b.Editor == "" && b.Source == ""
}

// Review states (先审后发). A page with review = "draft" is not reviewed even
// when it names reviewers; without the field, naming a reviewer is enough.
const (
	ReviewDraft = "draft"
	ReviewDone  = "reviewed"
)

// Reviewed reports whether the page passed review.
func (p *Page) Reviewed() bool {
	if len(p.Unsigned) > 0 {
		return false
	}
	switch p.Review {
	case ReviewDraft:
		return false
	case ReviewDone:
		return true
	}
	return len(p.Byline.Reviewers) > 0
}

// FrontMatter is the page's front matter as written, without delimiters.
func (p *Page) FrontMatter() []byte { return p.src.Front }

// AssemblesLike says whether Assemble, given q in the place of p among
// pages (q a newer parse of p's file), orders and links every page as it
// did with p: q has p's date, weight, terms and criteria, and p's title
// unless another page has p's date (titles break ties of dates), and p is
// not a profile (profiles are named by title, sorted by kind, and make
// the facets). A caller that then gives p the fields of q need not
// assemble the site again. TestAssemblesLike changes each field of a page
// in turn and checks the answer against Assemble.
func (p *Page) AssemblesLike(q *Page, pages []*Page) bool {
	if p.Profile != nil || q.Profile != nil {
		return false
	}
	if !q.Date.Equal(p.Date) || q.Weight != p.Weight || !reflect.DeepEqual(q.Terms, p.Terms) || !slices.Equal(q.Criteria, p.Criteria) {
		return false
	}
	if q.Title != p.Title {
		for _, o := range pages {
			if o != p && o.Date.Equal(p.Date) {
				return false
			}
		}
	}
	return true
}
