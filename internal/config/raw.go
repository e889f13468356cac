package config

import (
	_ "embed"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"

	"showcase/internal/diag"
)

//go:embed defaults.toml
var defaultsTOML string

// rawConfig mirrors site.toml as written.
type rawConfig struct {
	BaseURL                string `toml:"baseURL"`
	Title                  string `toml:"title"`
	LanguageCode           string `toml:"languageCode"`
	DefaultContentLanguage string `toml:"defaultContentLanguage"`
	HasCJKLanguage         *bool  `toml:"hasCJKLanguage"`
	Paginate               int    `toml:"paginate"`
	Pagination             struct {
		PagerSize int  `toml:"pagerSize"`
		Numbered  bool `toml:"numbered"`
	} `toml:"pagination"`
	SummaryLength int                    `toml:"summaryLength"`
	Taxonomies    map[string]string      `toml:"taxonomies"`
	Params        map[string]any         `toml:"params"`
	Menu          map[string][]MenuEntry `toml:"menu"`
	Menus         map[string][]MenuEntry `toml:"menus"`
	Criteria      []CriteriaSet          `toml:"criteria"`
	Slugs         map[string]string      `toml:"slugs"`
	Images        Images                 `toml:"images"`
	Deploy        Deploy                 `toml:"deploy"`
	Review        Review                 `toml:"review"`
	Check         rawCheck               `toml:"check"`
	Theme         any                    `toml:"theme"` // Hugo's: a name or a list
	UglyURLs      bool                   `toml:"uglyURLs"`
	IgnoreFiles   []string               `toml:"ignoreFiles"`
	DisableKinds  []string               `toml:"disableKinds"`
	Permalinks    map[string]any         `toml:"permalinks"`
	Languages     map[string]rawLanguage `toml:"languages"`
	InSubdir      bool                   `toml:"defaultContentLanguageInSubdir"`
	DisableLangs  []string               `toml:"disableLanguages"`
	Markup        struct {
		Goldmark struct {
			Renderer struct {
				Unsafe bool `toml:"unsafe"`
			} `toml:"renderer"`
		} `toml:"goldmark"`
	} `toml:"markup"`
}

var (
	criterionID = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
	asciiSlug   = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
)

func (r *rawConfig) resolve(data []byte, file, format string) (*Config, []*diag.Problem, error) {
	c := &Config{
		Title:                  r.Title,
		LanguageCode:           r.LanguageCode,
		DefaultContentLanguage: r.DefaultContentLanguage,
		HasCJKLanguage:         true,
		PagerSize:              10,
		SummaryLength:          120,
		Params:                 r.Params,
		Criteria:               r.Criteria,
		Slugs:                  r.Slugs,
		Unsafe:                 r.Markup.Goldmark.Renderer.Unsafe,
	}
	var err error
	if c.BaseURL, c.BasePath, err = normalizeBaseURL(r.BaseURL); err != nil {
		return nil, nil, diag.Errorf(file, lineOf(data, format, "", "baseURL"), "%v", err)
	}
	if c.Title == "" {
		c.Title = "党建工作网"
	}
	if c.LanguageCode == "" {
		c.LanguageCode = "zh-CN"
	}
	if c.DefaultContentLanguage == "" {
		c.DefaultContentLanguage = "zh"
	}
	if r.HasCJKLanguage != nil {
		c.HasCJKLanguage = *r.HasCJKLanguage
	}
	switch { // checkNumbers refused any value out of range
	case r.Pagination.PagerSize > 0:
		c.PagerSize = r.Pagination.PagerSize
	case r.Paginate > 0:
		c.PagerSize = r.Paginate
	}
	c.NumberedPages = r.Pagination.Numbered
	if r.SummaryLength > 0 {
		c.SummaryLength = r.SummaryLength
	}
	if c.Params == nil {
		c.Params = map[string]any{}
	}
	c.Taxonomies = taxonomies(r.Taxonomies)
	c.Menu = mainMenu(append(r.Menu["main"], r.Menus["main"]...))
	if len(c.Criteria) == 0 {
		var d rawConfig
		if _, err := toml.Decode(defaultsTOML, &d); err != nil {
			panic(err)
		}
		c.Criteria = d.Criteria
	}
	if err := checkCriteria(c.Criteria, file); err != nil {
		return nil, nil, err
	}
	if err := r.resolveSections(c, file); err != nil {
		return nil, nil, diag.Errorf(file, 0, "%s", strings.TrimPrefix(err.Error(), file+": "))
	}
	if c.Check, err = r.Check.resolve(file); err != nil {
		return nil, nil, err
	}
	for term, slug := range c.Slugs {
		if !asciiSlug.MatchString(slug) {
			return nil, nil, diag.Wordf(file, lineOf(data, format, "slugs", term), "[slugs] 中“%[1]s”的网址别名 %[2]q 只能用小写英文字母、数字、- 和 _，如 dangjian", "[slugs] %[1]q = %[2]q: a slug is lower-case ASCII letters, digits, - and _", term, slug)
		}
	}
	warnings, err := r.resolveHugo(c, data, file, format)
	if err != nil {
		return nil, warnings, err
	}
	c.DefaultContentLanguageInSubdir = r.InSubdir
	more, err := r.resolveLanguages(c, data, file, format)
	warnings = append(warnings, more...)
	if err != nil {
		return nil, warnings, err
	}
	return c, warnings, nil
}

// taxonomies returns the configured taxonomies; tags and categories by default,
// and branches always, since profiles are its terms.
func taxonomies(m map[string]string) []Taxonomy {
	if m == nil {
		m = map[string]string{"tag": "tags", "category": "categories"}
	}
	var out []Taxonomy
	hasBranches := false
	for singular, plural := range m {
		if plural == BranchTaxonomy {
			hasBranches = true
		}
		out = append(out, Taxonomy{Singular: singular, Plural: plural})
	}
	if !hasBranches {
		out = append(out, Taxonomy{Singular: "branch", Plural: BranchTaxonomy})
	}
	sortTaxonomies(out)
	return out
}

func checkCriteria(sets []CriteriaSet, file string) error {
	seen := map[string]string{}
	for _, set := range sets {
		if set.Kind == "" || set.Name == "" {
			return diag.Wordf(file, 0, "每个 [[criteria]]（对标条目集）都要写 kind（项目类别）和 name（名称）", "[[criteria]] needs kind and name")
		}
		for _, it := range set.Items {
			if !criterionID.MatchString(it.ID) {
				return diag.Wordf(file, 0, "对标条目集“%[1]s”中的条目编号 %[2]q 只能用小写英文字母、数字和 -，如 qgyl-1", "criteria %[1]s: item id %[2]q must be lower-case ASCII such as qgyl-1", set.Name, it.ID)
			}
			if prev, dup := seen[it.ID]; dup {
				return diag.Wordf(file, 0, "条目编号 %[1]q 在“%[2]s”和“%[3]s”中都用了；请给其中一个另取编号", "criteria item id %[1]q is used by both %[2]s and %[3]s", it.ID, prev, set.Name)
			}
			seen[it.ID] = set.Name
			if strings.TrimSpace(it.Name) == "" {
				return diag.Wordf(file, 0, "对标条目 %[1]q 没写 name（条目名称）", "criteria item %[1]q has no name", it.ID)
			}
		}
	}
	return nil
}

func ignoredSilently(key toml.Key) bool {
	// [params] is free-form; [permalinks] tables are read, their patterns checked one by one
	return len(key) == 0 || key[0] == "params" || key[0] == "permalinks" && len(key) > 2
}
