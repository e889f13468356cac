// Package config reads site.toml into a typed, validated Config.
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
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"showcase/internal/diag"
)

// Config is a site's configuration after defaults and validation.
type Config struct {
	BaseURL                string // absolute, ends in "/" ("/" when none is set)
	BasePath               string // the URL path of the site, "/" or "/dangjian/"
	Title                  string
	LanguageCode           string
	DefaultContentLanguage string
	HasCJKLanguage         bool
	PagerSize              int
	SummaryLength          int // characters of plain text in a generated summary
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
}

// Taxonomy is one way of classifying pages, such as tag → tags.
type Taxonomy struct {
	Singular, Plural string
}

// MenuEntry is a link of the main navigation. URL is site-relative ("/news/").
type MenuEntry struct {
	Name   string `toml:"name"`
	URL    string `toml:"url"`
	Weight int    `toml:"weight"`
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

// Parse reads site.toml. Problems in the file are errors naming file and line;
// keys we do not know come back as warnings.
func Parse(data []byte, file string) (*Config, []*diag.Problem, error) {
	var raw rawConfig
	meta, err := toml.Decode(string(data), &raw)
	if err != nil {
		return nil, nil, tomlProblem(file, err)
	}
	var warnings []*diag.Problem
	for _, key := range meta.Undecoded() {
		if ignoredSilently(key) {
			continue
		}
		warnings = append(warnings, diag.Errorf(file, 0, "unknown key %q is ignored (未识别的配置项，已忽略)", key.String()))
	}
	if err := raw.checkNumbers(data, file); err != nil {
		return nil, warnings, err
	}
	cfg, err := raw.resolve(file)
	if err != nil {
		return nil, warnings, err
	}
	return cfg, warnings, nil
}

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
		return "", "", fmt.Errorf("baseURL %q: %v", base, err)
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		return "", "", fmt.Errorf("baseURL %q: the scheme must be http or https", base)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return "", "", fmt.Errorf("baseURL %q: a query or fragment is not allowed", base)
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	if strings.Contains(p, "/../") || strings.Contains(p, "/./") {
		return "", "", fmt.Errorf("baseURL %q 的路径中不能有“.”或“..”（the path must not contain \".\" or \"..\" segments）", base)
	}
	u.Path = p
	return u.String(), p, nil
}

func tomlProblem(file string, err error) error {
	var perr toml.ParseError
	if errors.As(err, &perr) {
		return diag.Errorf(file, perr.Position.Line, "%s", perr.Message)
	}
	return diag.Errorf(file, 0, "%v", err)
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
