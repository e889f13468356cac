// Package config reads site.toml into a typed, validated Config.
//
// A Hugo site's own configuration is read as it is, when there is no
// site.toml: hugo.toml, hugo.yaml, hugo.json, then config.toml, config.yaml,
// config.json (Files; keys are case-insensitive, as in Hugo), with Hugo's
// permalinks, ignoreFiles, uglyURLs, disableKinds and menus (see hugo.go),
// or, without such a file, Hugo's folders config/_default/ and
// config/production/ (ParseFolder, see folder.go); a multilingual site's
// [languages] (see languages.go: each language is built on its own, with
// ForLanguage's configuration).
// Such a site is marked Hugo(): its layouts/ hold Hugo templates, which the
// build does not run.
//
// site.toml is Hugo's config.toml as a Chinese campus site writes it: baseURL
// (it may carry a sub-path such as https://www.example.edu.cn/dangjian/),
// title, languageCode, defaultContentLanguage, hasCJKLanguage, paginate or
// [pagination] pagerSize, [taxonomies], [params] and [[menu.main]]. Keys Hugo
// knows and we do not use are reported as warnings, never errors, so a Hugo
// site's config builds unchanged.
//
// On top of that the showcase reads:
//
//	[[criteria]]                 # 对标条目, per kind of project, as data
//	kind = "样板支部"
//	name = "七个有力"
//	items = [{ id = "qgyl-1", name = "教育党员有力" }, ...]
//
//	[slugs]                      # ASCII URL for a taxonomy term or facet value
//	"主题教育" = "theme-education"   # (otherwise its pinyin: zhu-ti-jiao-yu)
//
//	[pagination]
//	numbered = true              # list pages numbered as Hugo's (news/page/2/);
//	                             # by default they are named by date and stay put
//	                             # as articles come and go (news/page/2024-08-09/)
//
//	[markup.goldmark.renderer]
//	unsafe = true                # allow raw HTML in Markdown (off by default)
//
// When a site defines no [[criteria]], the programme's defaults are used
// (七个有力, 五个到位, 六个过硬; see defaults.toml).
package config

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"showcase/internal/diag"
	"showcase/internal/lang"
)

// Config is a site's configuration after defaults and validation.
type Config struct {
	File                   string // the file it was read from: site.toml, or Hugo's hugo.toml, config.yaml, …
	BaseURL                string // absolute, ends in "/" ("/" when none is set)
	BasePath               string // the URL path of the site, "/" or "/dangjian/"
	Title                  string
	LanguageCode           string
	DefaultContentLanguage string
	HasCJKLanguage         bool
	PagerSize              int
	NumberedPages          bool // [pagination] numbered: Hugo's page/2/, not dated pages
	SummaryLength          int  // characters of plain text in a generated summary
	Taxonomies             []Taxonomy
	Params                 map[string]any
	Menu                   []MenuEntry
	Criteria               []CriteriaSet
	Slugs                  map[string]string
	Unsafe                 bool
	Images                 Images
	Deploy                 Deploy
	Review                 Review
	Check                  Check // [check], see words.go

	// Hugo's settings a Hugo site brings along (see hugo.go)
	Themes       []string          // Hugo's theme, folders of themes/: their shortcodes and static files are used
	UglyURLs     bool              // pages at /news/a.html instead of /news/a/
	IgnoreFiles  []*regexp.Regexp  // content files left out, matched against "content/…"
	DisableKinds map[string]bool   // kinds of output not written: taxonomy, term, rss, sitemap, robotstxt, 404
	Permalinks   map[string]string // section → the URL pattern of its pages ("/:sections/:year/:slug/")
	// SectionPermalinks: section → the URL pattern of its list ([permalinks.section])
	SectionPermalinks map[string]string

	// Hugo's languages (see languages.go): none for a site in one language
	Languages                      []Language
	DefaultContentLanguageInSubdir bool
	Lang                           string // the language this configuration builds (ForLanguage)
	RootPath                       string // the site's base path, when BasePath is a language's
}

// Taxonomy is one way of classifying pages, such as tag → tags.
type Taxonomy struct {
	Singular, Plural string
}

// MenuEntry is a link of the main navigation. URL is site-relative
// ("/news/") or absolute ("https://www.example.edu.cn/", left as written);
// an entry with pageRef ("/news", "news/a.md") gets the URL of that page
// when the site is built.
type MenuEntry struct {
	Name       string `toml:"name"`
	URL        string `toml:"url"`
	PageRef    string `toml:"pageRef"`
	Weight     int    `toml:"weight"`
	Identifier string `toml:"identifier"`
	Parent     string `toml:"parent"` // Hugo's nested entries: not shown in the flat navigation
}

// CriteriaSet is the list of items a kind of project is judged against.
type CriteriaSet struct {
	Kind  string      `toml:"kind"`
	Name  string      `toml:"name"`
	Items []Criterion `toml:"items"`
}

// Criterion is one item of a CriteriaSet, named by pages through its stable ID.
type Criterion struct {
	ID   string `toml:"id"`
	Name string `toml:"name"`
}

// BranchTaxonomy is the plural of the taxonomy whose terms are the profiles
// under content/branches/.
const BranchTaxonomy = "branches"

// Criterion returns the set and item with the given ID.
func (c *Config) Criterion(id string) (CriteriaSet, Criterion, bool) {
	for _, set := range c.Criteria {
		for _, it := range set.Items {
			if it.ID == id {
				return set, it, true
			}
		}
	}
	return CriteriaSet{}, Criterion{}, false
}

// CriteriaFor returns the set for a kind of project (样板支部 → 七个有力).
func (c *Config) CriteriaFor(kind string) (CriteriaSet, bool) {
	for _, set := range c.Criteria {
		if set.Kind == kind {
			return set, true
		}
	}
	return CriteriaSet{}, false
}

// Param returns a string from [params], or "".
func (c *Config) Param(key string) string {
	if v, ok := c.Params[key]; ok {
		return fmt.Sprint(v)
	}
	return ""
}

// Parse reads a site's configuration: site.toml, or Hugo's hugo.toml,
// hugo.yaml, hugo.json, config.toml, config.yaml or config.json as it is
// (the format follows file's extension). Problems in the file are errors
// naming file and line; keys we do not use come back as warnings, one per
// key.
func Parse(data []byte, file string) (*Config, []*diag.Problem, error) {
	format := formatOf(file)
	text := data
	if format != "toml" {
		var err error
		if text, err = asTOML(data, file, format); err != nil {
			return nil, nil, err
		}
	}
	return parse(text, data, file, format)
}

// parse reads a configuration written as TOML text; data is the file as
// written, in its format, for the lines of problems (nil: no lines).
func parse(text, data []byte, file, format string) (*Config, []*diag.Problem, error) {
	var raw rawConfig
	meta, err := toml.Decode(string(text), &raw)
	if err != nil {
		return nil, nil, tomlProblem(file, err)
	}
	warnings := unknownKeys(meta, data, file, format)
	if err := raw.checkNumbers(data, file, format); err != nil {
		return nil, warnings, err
	}
	cfg, more, err := raw.resolve(data, file, format)
	warnings = append(warnings, more...)
	if err != nil {
		return nil, warnings, err
	}
	cfg.File = file
	return cfg, warnings, nil
}

// Hugo reports whether the site is set up by Hugo's configuration file
// (hugo.toml, config.yaml, …) rather than site.toml: a Hugo site brought
// along as it is.
func (c *Config) Hugo() bool { return c.File != "" && c.File != "site.toml" }

// Default returns the configuration of a site without site.toml.
func Default() *Config {
	cfg, _, err := Parse(nil, "site.toml")
	if err != nil {
		panic(err) // the defaults are part of the program
	}
	return cfg
}

// WithBaseURL returns a copy of c whose baseURL is replaced (the -b flag).
func (c *Config) WithBaseURL(base string) (*Config, error) {
	out := *c
	u, p, err := normalizeBaseURL(base)
	if err != nil {
		return nil, err
	}
	out.BaseURL, out.BasePath = u, p
	return &out, nil
}

func normalizeBaseURL(base string) (string, string, error) {
	if base == "" {
		return "/", "/", nil
	}
	u, err := url.Parse(base)
	if err != nil {
		return "", "", lang.Errorf("网站地址 baseURL 写法有误：%[1]q；请写成 https://域名/ 的形式", "baseURL %[1]q: %[2]v", base, err)
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		return "", "", lang.Errorf("网站地址 baseURL 应以 https:// 或 http:// 开头，而不是 %[1]q", "baseURL %[1]q: the scheme must be http or https", base)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return "", "", lang.Errorf("网站地址 baseURL %[1]q 里不能有 ? 或 #；请只写到网站的路径为止", "baseURL %[1]q: a query or fragment is not allowed", base)
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	if strings.Contains(p, "/../") || strings.Contains(p, "/./") {
		return "", "", lang.Errorf("网站地址 baseURL %[1]q 的路径中不能有“.”或“..”", "baseURL %[1]q: the path must not contain \".\" or \"..\" segments", base)
	}
	u.Path = p
	return u.String(), p, nil
}

func tomlProblem(file string, err error) error {
	var perr toml.ParseError
	if errors.As(err, &perr) && strings.HasPrefix(perr.Message, "invalid UTF-8") { // saved as GBK by Notepad
		return diag.Wordf(file, perr.Position.Line, "文件不是 UTF-8 编码，可能是 GBK：请用记事本打开，选“另存为”，把“编码”改为“UTF-8”后保存",
			"the file is not UTF-8 text (probably GBK/GB18030): save it as UTF-8 (%s)", perr.Message)
	}
	if errors.As(err, &perr) {
		return diag.Wordf(file, perr.Position.Line, "配置文件这一行写法有误：请检查引号、方括号是否配对，值是否用英文引号包起来", "%s", perr.Message)
	}
	return diag.Wordf(file, 0, "配置文件写法有误", "%v", err)
}

func sortTaxonomies(t []Taxonomy) {
	sort.Slice(t, func(i, j int) bool { return t[i].Plural < t[j].Plural })
}

// SetFor returns the criteria set of a kind of project, or nil; for templates.
func (c *Config) SetFor(kind string) *CriteriaSet {
	for i := range c.Criteria {
		if c.Criteria[i].Kind == kind {
			return &c.Criteria[i]
		}
	}
	return nil
}
