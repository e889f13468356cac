// Package check is the review gate (先审后发、不审不发): the rules a site must
// pass before it is published. "showcase check" runs them, after a dry run
// of the build (build.Check) whose problems it reports too, and prints
// what it found; deploy and "build --strict" run the same and refuse to go
// on while there are errors.
//
// # The rules
//
//	links       every relative link reaches a page, and every #anchor an
//	            ID of that page (or of the page itself): a heading's ID as
//	            the build makes it, a footnote, or (unsafe = true) an id
//	            written in raw HTML; links to the author's disk
//	            (file:///C:/…) are errors. The links are those the
//	            build's Markdown pass saw (Run's docs), autolinks too
//	images      every picture has alt text (a caption), a cover has
//	            cover_alt, album photos have captions; pictures on the
//	            author's disk (file:///C:/…) are errors, pictures on other
//	            sites warnings
//	fields      the fields site.toml's [review] fields require per section
//	            are filled (default: a news item needs title, date,
//	            reviewer and editor)
//	keys        a front-matter key that looks like a slip for a known one
//	            (photografer, 摄影): a warning, an error for build --strict
//	review      the review state: review = "draft" | "reviewed" (see below)
//	taxonomy    branches and criteria a page names exist (a build reports
//	            these; check repeats them in its own format)
//	duplicates  two pages with the same title on the same day
//	size        originals larger than Options.MaxFileSize (5 MB): too heavy
//	            for readers on phones; an error when [images]
//	            publishOriginals publishes them as they are
//	dates       dates in the future (the page waits until then), or far in
//	            the future or past (a typing mistake); a date an import
//	            guessed whose comment still says 请核对 (dates.Unconfirmed)
//	            is an error until a person checks it and deletes the mark
//	privacy     what looks like a mainland mobile number (1[3-9] and nine
//	            digits) or a resident ID number (18 characters whose check
//	            digit is right), in the text or the front matter
//	garbled     mojibake: U+FFFD, 锟斤拷, UTF-8 read as GBK (鈥滃弻鍒涒€,
//	            told by pairs: 鈥 alone is a real character) are errors;
//	            a lone "?" beside Chinese text a warning
//	typography  half-width punctuation among Chinese characters (, : ; ( )
//	            ? ! and a sentence-ending .) and spaces beside full-width
//	            marks, one warning a line; "showcase check --fix" corrects
//	            them in the body (internal/proofread says where it looks)
//	words       site.toml's [check.words]: forbidden words (errors),
//	            sensitive words (warnings), fixed phrasings written wrong
//	            (errors) and the built-in standard forms (著力 → 着力,
//	            warnings); --fix corrects the last two in the body
//
// Errors stop a deploy; warnings are shown and let it go on.
//
// # Drafts
//
// Pages that are not published yet are checked too, so that problems show
// before review: drafts (draft = true) and, when review is required,
// pages held for review. Their findings are marked (Finding.Draft, and
// the message starts with 草稿： or 待审稿件：) and do not stop a deploy:
// Errors does not count them. Pages dated in the future or expired are
// checked as any other: they are published by a later build.
//
// # Review state
//
// A page says where it stands with review = "draft" (待审, not yet
// reviewed) or review = "reviewed" (审核通过). When site.toml has
//
//	[review]
//	required = true
//
// only reviewed news items, cases and albums are published: review =
// "reviewed", or no review key and at least one reviewer named (branch
// profiles are not held). check reports each page held back as a warning
// and checks nothing else in it until it is reviewed; a page marked
// reviewed that names no reviewer is an error. When review is not
// required, a page still marked "draft" (as "showcase new" and a troubled
// import leave it) is an error: it would be published unreviewed. A page
// held for review is checked like a draft (see Drafts). With [review]
// stages, a page is reviewed only when each stage is signed in its
// signoffs; one that says it is reviewed without them is held back and an
// error (signoffs.go).
package check

import (
	"io/fs"
	"sort"
	"time"

	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/markdown/outline"
)

// Severity says whether a finding stops publication.
type Severity string

// The severities.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Finding is one problem: a rule, a place and a message in Chinese and
// English.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	File     string   `json:"file"` // from the site folder, "content/news/a.md"
	Line     int      `json:"line"` // 0 when the whole file is meant
	Message  string   `json:"message"`
	// Draft marks a finding in a page that is not published: a draft, or
	// a page held for review. It does not stop publication.
	Draft bool `json:"draft,omitempty"`
}

// Options tune Run.
type Options struct {
	Now         time.Time // default time.Now
	Site        fs.FS     // the site folder, for file sizes; nil skips the size rule
	MaxFileSize int64     // default DefaultMaxFileSize
}

// DefaultMaxFileSize is the size above which an original is reported.
const DefaultMaxFileSize = 5 << 20

// Rules lists the rule names with their titles, in report order.
var Rules = []struct{ Name, Title string }{
	{"build", "构建错误 (build errors)"},
	{"taxonomy", "支部与对标条目 (branches and criteria)"},
	{"fields", "必填字段 (required fields)"},
	{"keys", "项目名拼写 (misspelt front-matter keys)"},
	{"review", "审核状态 (review state)"},
	{"links", "链接与锚点 (links and anchors)"},
	{"images", "图片与替代文本 (images and alt text)"},
	{"privacy", "个人信息 (personal identifiers)"},
	{"garbled", "乱码 (mojibake)"},
	{"typography", "中文标点 (Chinese punctuation)"},
	{"words", "用词 (wording)"},
	{"duplicates", "重复标题 (duplicate titles)"},
	{"dates", "日期 (dates)"},
	{"size", "原图过大 (oversized originals)"},
}

// All is what "showcase check" reports: the problems of the build's dry
// run (build.Check: errors and warnings, each filed under its rule by
// FromProblems) and the findings of Run, those of unpublished pages marked
// (see Drafts), sorted.
func All(site *content.Site, docs map[string]outline.Doc, errs, warnings []*diag.Problem, opts Options) []Finding {
	return AllSites([]*content.Site{site}, docs, errs, warnings, opts)
}

// AllSites is All for a multilingual site: the rules run on each
// language's site (build.Checked.Sites), whose pages are named by the
// site's files (content/en/news/a.md); docs hold every language's pages.
func AllSites(sites []*content.Site, docs map[string]outline.Doc, errs, warnings []*diag.Problem, opts Options) []Finding {
	findings := FromProblems(errs, warnings)
	for _, site := range sites {
		findings = append(findings, Run(site, docs, opts)...)
	}
	for _, site := range sites {
		findings = markUnpublished(site, findings)
	}
	return Sort(findings)
}

// Run applies every rule to the site's pages and returns the findings
// sorted by rule, file and line, those of unpublished pages marked. site
// holds every page, published or not; docs holds, by page file, what the
// Markdown pass saw in each page (build.Check returns both): the links
// and pictures checked, and the anchors a #fragment may reach. It never
// panics on odd content: a page it cannot read is skipped by the rule that
// cannot read it.
func Run(site *content.Site, docs map[string]outline.Doc, opts Options) []Finding {
	if site == nil {
		return nil
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	c := &checker{site: site, docs: docs, opts: opts, pages: pagesOf(site)}
	var notDrafts []*content.Page
	for _, p := range c.pages {
		if !p.Draft {
			notDrafts = append(notDrafts, p)
		}
	}
	MarkUnsigned(c.pages, site.Config.Review)
	c.reviewState(notDrafts)
	c.signoffs(notDrafts)
	c.requiredFields()
	c.linksAndImages()
	c.personalIdentifiers()
	c.proofreading()
	c.duplicateTitles()
	c.dates()
	c.fileSizes()
	return Sort(markUnpublished(site, c.findings))
}

// checker carries one run.
type checker struct {
	site     *content.Site
	docs     map[string]outline.Doc // by page file
	opts     Options
	pages    []*content.Page // regular pages and profiles, drafts and pages held for review too
	findings []Finding
}

func (c *checker) add(rule string, sev Severity, file string, line int, msg string) {
	c.findings = append(c.findings, Finding{Rule: rule, Severity: sev, File: file, Line: line, Message: msg})
}

// pagesOf returns the pages to check: regular pages and profiles, in file
// order.
func pagesOf(s *content.Site) []*content.Page {
	var out []*content.Page
	for _, list := range [][]*content.Page{s.Pages, s.Profiles} {
		out = append(out, list...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out
}

// Sort orders findings by rule (in Rules order), then file, line and
// message, and drops exact repeats.
func Sort(fs []Finding) []Finding {
	rank := map[string]int{}
	for i, r := range Rules {
		rank[r.Name] = i
	}
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if rank[a.Rule] != rank[b.Rule] {
			return rank[a.Rule] < rank[b.Rule]
		}
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Message < b.Message
	})
	var out []Finding
	for _, f := range fs {
		if n := len(out); n > 0 && out[n-1] == f {
			continue
		}
		out = append(out, f)
	}
	return out
}

// Errors counts the findings that stop publication: errors, not in
// unpublished pages.
func Errors(fs []Finding) int {
	n := 0
	for _, f := range fs {
		if f.Severity == Error && !f.Draft {
			n++
		}
	}
	return n
}

// Drafts counts the findings in unpublished pages.
func Drafts(fs []Finding) int {
	n := 0
	for _, f := range fs {
		if f.Draft {
			n++
		}
	}
	return n
}
