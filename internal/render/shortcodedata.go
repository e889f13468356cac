package render

import (
	"fmt"
	"html/template"
	"path"
	"strings"

	"showcase/internal/config"
	"showcase/internal/content"
)

// Shortcode is the dot of a shortcode template, as in Hugo:
//
//	.Get 0, .Get "src"    an argument by position or name; nil when absent
//	.Params               the arguments: []any or map[string]any
//	.IsNamedParams        whether they are key=value
//	.Inner                the content between the tags (nested calls already run)
//	.InnerDeindent        the same without the indentation its lines share
//	.Name .Ordinal .Parent .Position
//	.Page .Site           see ShortcodePage and ShortcodeSite
type Shortcode struct {
	Name          string
	Page          *ShortcodePage
	Site          *ShortcodeSite
	Parent        *Shortcode // the enclosing call, or nil
	Ordinal       int        // 0-based, among the calls of the same parent
	Position      string     // "content/news/a.md:12"
	IsNamedParams bool
	Params        any // []any or map[string]any
	Inner         template.HTML
	InnerDeindent template.HTML
}

// Get returns an argument: by position (an int) or by name (a string);
// nil when the call has no such argument.
func (s *Shortcode) Get(key any) any {
	switch ps := s.Params.(type) {
	case []any:
		if i, ok := toInt(key); ok && i >= 0 && i < len(ps) {
			return ps[i]
		}
	case map[string]any:
		if k, ok := key.(string); ok {
			return ps[k]
		}
	}
	return nil
}

// RelRef and Ref are .Page.RelRef and .Page.Ref.
func (s *Shortcode) RelRef(ref any) (string, error) { return s.Page.RelRef(ref) }

// Ref is .Page.Ref.
func (s *Shortcode) Ref(ref any) (string, error) { return s.Page.Ref(ref) }

func toInt(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case float64:
		return int(n), n == float64(int(n))
	}
	return 0, false
}

// PageHooks is what a shortcode's page needs from the build: Markdown
// rendered as the page's, references to other pages, its images.
type PageHooks interface {
	// RenderString renders Markdown with the page's links and images;
	// block false drops a single paragraph's <p>.
	RenderString(src string, block bool) (template.HTML, error)
	// Ref finds a page by Hugo reference ("news/a.md", "/news/a",
	// "#anchor") and returns its URL: absolute, or with the base path.
	Ref(ref string, absolute bool) (string, error)
	// Image is the page's image src (a file of the bundle, in static/, or
	// remote) as the HTML of a Markdown image: a responsive <picture>.
	Image(src, alt string) (template.HTML, error)
	// Link resolves a link destination as a Markdown link of the page.
	Link(dest string) (string, error)
}

// ShortcodePage is .Page in a shortcode: the page's fields (.Title, .Date,
// .Section, .Summary …) and the Hugo methods shortcodes use: .Params and
// .Param "key" (case-insensitive, the site's [params] behind the page's),
// .RelPermalink, .Permalink, .RenderString, .Ref and .RelRef, .File (.Dir,
// .BaseFileName, .ContentBaseName …), .Resources (ByType, Match, GetMatch,
// Get) and .Site. What Hugo has besides (image processing, .Content, other
// pages' lists) is not there: a template using it fails with the field's
// name.
type ShortcodePage struct {
	*content.Page
	site  *ShortcodeSite
	hooks PageHooks
}

// NewShortcodePage is the .Page of shortcodes called in p.
func NewShortcodePage(p *content.Page, site *ShortcodeSite, hooks PageHooks) *ShortcodePage {
	return &ShortcodePage{Page: p, site: site, hooks: hooks}
}

// Site is .Site.
func (p *ShortcodePage) Site() *ShortcodeSite { return p.site }

// RelPermalink is the page's URL path with the base path, "/dangjian/news/a/".
func (p *ShortcodePage) RelPermalink() string { return p.site.Config.BasePath + p.Path }

// Permalink is the page's absolute URL.
func (p *ShortcodePage) Permalink() string { return p.site.Config.BaseURL + p.Path }

// Param is a page parameter, else the site's: case does not matter and a
// dotted key ("social.weibo") reaches into tables.
func (p *ShortcodePage) Param(key any) any {
	k := toString(key)
	if v := lookup(p.Page.Params, k); v != nil {
		return v
	}
	return lookup(p.site.Params, k)
}

// Params are the page's parameters, also under lower-case keys as Hugo
// has them.
func (p *ShortcodePage) Params() map[string]any { return lowerKeys(p.Page.Params) }

// RenderString renders Markdown as the page's: .Page.RenderString .Inner,
// or with options first, (dict "display" "block").
func (p *ShortcodePage) RenderString(args ...any) (template.HTML, error) {
	if len(args) == 0 || len(args) > 2 {
		return "", fmt.Errorf("RenderString takes [options] markup")
	}
	block := false
	if len(args) == 2 {
		if m, ok := args[0].(map[string]any); ok {
			block = toString(m["display"]) == "block"
		}
	}
	return p.hooks.RenderString(toString(args[len(args)-1]), block)
}

// RelRef is the URL path of another page: .Page.RelRef "news/a.md".
func (p *ShortcodePage) RelRef(ref any) (string, error) { return p.hooks.Ref(refPath(ref), false) }

// Ref is the absolute URL of another page.
func (p *ShortcodePage) Ref(ref any) (string, error) { return p.hooks.Ref(refPath(ref), true) }

// refPath reads a reference: a string, or Hugo's (dict "path" "…").
func refPath(ref any) string {
	switch r := ref.(type) {
	case map[string]any:
		return toString(r["path"])
	case []any:
		if len(r) > 0 {
			return toString(r[0])
		}
		return ""
	}
	return toString(ref)
}

// File is .Page.File: the content file's names.
func (p *ShortcodePage) File() *PageFile {
	rel := strings.TrimPrefix(p.Page.File, "content/")
	base := path.Base(rel)
	return &PageFile{
		Path: rel, Filename: p.Page.File, Dir: strings.TrimSuffix(path.Dir(rel), ".") + "/",
		LogicalName: base, BaseFileName: strings.TrimSuffix(base, path.Ext(base)), Ext: strings.TrimPrefix(path.Ext(base), "."),
		ContentBaseName: contentBaseName(rel),
	}
}

func contentBaseName(rel string) string {
	base := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	if base == "index" || base == "_index" {
		return path.Base(path.Dir(rel))
	}
	return base
}

// PageFile is Hugo's .File of a page; paths are relative to content/.
type PageFile struct {
	Path, Filename, Dir, LogicalName, BaseFileName, Ext, ContentBaseName string
}

// ShortcodeSite is .Site in a shortcode: the configuration as Hugo names it.
type ShortcodeSite struct {
	Title        string
	BaseURL      string
	LanguageCode string
	Params       map[string]any // also under lower-case keys
	Config       *config.Config
}

// NewShortcodeSite is the .Site of shortcodes.
func NewShortcodeSite(cfg *config.Config) *ShortcodeSite {
	return &ShortcodeSite{Title: cfg.Title, BaseURL: cfg.BaseURL, LanguageCode: cfg.LanguageCode,
		Params: lowerKeys(cfg.Params), Config: cfg}
}

// lowerKeys is m with every key also in lower case (keys written so win).
func lowerKeys(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[strings.ToLower(k)] = v
	}
	for k, v := range m {
		out[k] = v
	}
	return out
}

// lookup finds a dotted key in nested tables, ignoring case.
func lookup(m map[string]any, key string) any {
	var cur any = m
	for _, part := range strings.Split(key, ".") {
		t, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		v, found := t[part]
		if !found {
			for k, x := range t {
				if strings.EqualFold(k, part) {
					v, found = x, true
					break
				}
			}
		}
		if !found {
			return nil
		}
		cur = v
	}
	return cur
}
