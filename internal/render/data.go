package render

import (
	"html/template"

	"showcase/internal/content"
)

// Data is what a layout's dot is. Fields that do not apply to a kind are nil.
type Data struct {
	Kind string // home, list, single, taxonomy, term, profile, showcase, matrix, 404, alias
	Site *content.Site
	Page *content.Page // the page rendered, or the list's own page

	Title       string  // for <title> and the heading
	Description string  // meta description and og:description
	Canonical   string  // absolute URL of this output
	Crumbs      []Crumb // 当前位置：首页 > 工作动态 > 正文
	Pager       *content.Pager
	Section     *content.Section
	Taxonomy    *content.Taxonomy
	Term        *content.Term
	Facet       *content.Facet
	Value       *content.FacetValue
	Evidence    []content.Evidence
	Feed        string        // site-relative path of the RSS feed of this list, if any
	Target      string        // alias: the URL redirected to
	Preview     bool          // rendered by the preview server (drafts are marked 草稿)
	Head        template.HTML // extra markup for <head>, e.g. the preview's reload script
	// Languages link this output to the other languages of a multilingual
	// site (the language switcher, hreflang); nil for a site in one language.
	Languages []LangLink
}

// LangLink is a language of the site as the language switcher shows it:
// the translation of the output, or else that language's home page.
type LangLink struct {
	Code       string // "en"
	Name       string // "English"
	HrefLang   string // "en-US", for hreflang and lang
	URL        string // "/dangjian/en/news/a/"
	Abs        string // the absolute URL, for hreflang
	Current    bool   // the language of this output
	Translated bool   // URL is this output's translation, not a home page
	Default    bool   // the site's default language (hreflang="x-default")
}

// Crumb is one step of the breadcrumb. Path "" with Last set is the current page.
type Crumb struct {
	Title string
	Path  string
	Last  bool
}
