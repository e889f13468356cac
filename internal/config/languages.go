package config

import (
	"sort"
	"strings"

	"showcase/internal/diag"
	"showcase/internal/lang"
)

// Hugo's languages, read as Hugo reads them:
//
//	defaultContentLanguage = "zh"          the language at the site's root
//	defaultContentLanguageInSubdir = false true: it too under /zh/
//	[languages.zh]
//	languageName = "中文"                   shown in the language switcher
//	weight = 1                             order of the languages
//	contentDir = "content/zh"              its pages (else content/, where
//	                                       a.en.md is the en page of a.md)
//	title = "党建网"                        the site's title in it
//	languageCode = "zh-CN"                 <html lang>, hreflang, feeds
//	[languages.zh.params]                  over the site's [params]
//	[[languages.zh.menus.main]]            its own main menu (menu too)
//	disabled = true                        not built (or disableLanguages = ["zh"])
//
// A site with languages is built once per language (ForLanguage), each
// under its prefix ("en/"), the default language at the root.

// Language is one language of a multilingual site.
type Language struct {
	Code         string // "en", the key of [languages], lower case
	Name         string // languageName, "English"; the code when not set
	LanguageCode string // "en-US"; the code when not set
	Title        string
	Weight       int
	ContentDir   string // "content/en"; "" when the pages are in content/ (a.en.md)
	Params       map[string]any
	Menu         []MenuEntry // nil: the site's menu
	// Prefix is the language's folder below the site's base path: "en/",
	// "" for the default language at the root.
	Prefix string
}

// rawLanguage mirrors [languages.CODE].
type rawLanguage struct {
	LanguageName      string                 `toml:"languageName"`
	LanguageCode      string                 `toml:"languageCode"`
	LanguageDirection string                 `toml:"languageDirection"`
	Title             string                 `toml:"title"`
	Weight            int                    `toml:"weight"`
	ContentDir        string                 `toml:"contentDir"`
	Disabled          bool                   `toml:"disabled"`
	Params            map[string]any         `toml:"params"`
	Menu              map[string][]MenuEntry `toml:"menu"`
	Menus             map[string][]MenuEntry `toml:"menus"`
}

// resolveLanguages reads [languages]: none, or one only, is a site in one
// language, built as before.
func (r *rawConfig) resolveLanguages(c *Config, data []byte, file, format string) ([]*diag.Problem, error) {
	var warnings []*diag.Problem
	var langs []Language
	for code, rl := range r.Languages {
		code = strings.ToLower(code)
		if rl.Disabled || r.disabledLanguage(code) {
			continue
		}
		if code == "" || strings.ContainsAny(code, `/\ .`) {
			return warnings, diag.Errorf(file, lineOf(data, format, "languages", code), "%s",
				lang.Sprintf("languages 中的语言代码 %[1]q 写法有误，应如 zh、en、zh-cn", "languages: %[1]q is not a language code such as zh or en", code))
		}
		l := Language{Code: code, Name: rl.LanguageName, LanguageCode: rl.LanguageCode, Title: rl.Title, Weight: rl.Weight,
			ContentDir: strings.Trim(strings.TrimPrefix(rl.ContentDir, "./"), "/"), Params: rl.Params}
		if l.Name == "" {
			l.Name = code
		}
		if l.LanguageCode == "" {
			l.LanguageCode = code
			if strings.HasPrefix(strings.ToLower(c.LanguageCode), code) {
				l.LanguageCode = c.LanguageCode
			}
		}
		if l.ContentDir == "content" {
			l.ContentDir = ""
		}
		if l.ContentDir != "" && (strings.Contains(l.ContentDir, "..") || strings.HasPrefix(l.ContentDir, "/")) {
			return warnings, diag.Errorf(file, lineOf(data, format, "languages."+code, "contentDir"), "%s",
				lang.Sprintf("语言 %[1]s 的 contentDir %[2]q 应为网站文件夹中的文件夹，如 content/en", "languages.%[1]s.contentDir %[2]q: a folder of the site such as content/en", code, rl.ContentDir))
		}
		if all := append(rl.Menu["main"], rl.Menus["main"]...); len(all) > 0 {
			l.Menu = mainMenu(all)
		}
		langs = append(langs, l)
	}
	if len(langs) < 2 {
		if len(langs) == 1 { // one language: its title and params are the site's
			l := langs[0]
			if l.Title != "" {
				c.Title = l.Title
			}
			c.Params = mergeParams(c.Params, l.Params)
			if l.Menu != nil {
				c.Menu = l.Menu
			}
		}
		return warnings, nil
	}
	sort.Slice(langs, func(i, j int) bool {
		if langs[i].Weight != langs[j].Weight {
			return langs[i].Weight < langs[j].Weight
		}
		return langs[i].Code < langs[j].Code
	})
	def := strings.ToLower(r.DefaultContentLanguage)
	found := false
	for _, l := range langs {
		found = found || l.Code == def
	}
	if !found {
		if def != "" {
			warnings = append(warnings, diag.Errorf(file, lineOf(data, format, "", "defaultContentLanguage"), "%s",
				lang.Sprintf("defaultContentLanguage %[1]q 不在 languages 中，以 %[2]s 为默认语言", "defaultContentLanguage %[1]q is not among the languages; %[2]s is", def, langs[0].Code)))
		}
		def = langs[0].Code
	}
	c.DefaultContentLanguage = def
	for i := range langs {
		if langs[i].Code != def || r.InSubdir {
			langs[i].Prefix = langs[i].Code + "/"
		}
	}
	c.Languages = langs
	return warnings, nil
}

// disabledLanguage reports a language of disableLanguages.
func (r *rawConfig) disabledLanguage(code string) bool {
	for _, d := range r.DisableLangs {
		if strings.EqualFold(d, code) {
			return true
		}
	}
	return false
}

// mergeParams is the site's params with a language's over them.
func mergeParams(site, over map[string]any) map[string]any {
	if len(over) == 0 {
		return site
	}
	out := make(map[string]any, len(site)+len(over))
	for k, v := range site {
		out[k] = v
	}
	for k, v := range over {
		out[k] = v
	}
	return out
}

// Multilingual reports a site of several languages, built once for each.
func (c *Config) Multilingual() bool { return len(c.Languages) > 1 }

// Language is the language this configuration builds (ForLanguage), or nil.
func (c *Config) Language() *Language {
	for i := range c.Languages {
		if c.Languages[i].Code == c.Lang {
			return &c.Languages[i]
		}
	}
	return nil
}

// ForLanguage is the configuration of one language of a multilingual
// site: its title, params and menu, its base path and URL with its prefix
// ("/dangjian/en/"); RootPath keeps the site's, where static files are.
func (c *Config) ForLanguage(l Language) *Config {
	out := *c
	out.Lang = l.Code
	out.RootPath = c.BasePath
	if l.Title != "" {
		out.Title = l.Title
	}
	out.LanguageCode = l.LanguageCode
	out.Params = mergeParams(c.Params, l.Params)
	if l.Menu != nil {
		out.Menu = l.Menu
	}
	out.Menu = append([]MenuEntry(nil), out.Menu...)
	out.BasePath += l.Prefix
	out.BaseURL += l.Prefix
	return &out
}

// LanguagePath reports a path below the site's root that starts with a
// language's prefix ("en/about/", as a menu of a Hugo site writes the
// URL of an English page): it needs no prefix of the language it is
// shown in.
func (c *Config) LanguagePath(p string) bool {
	for _, l := range c.Languages {
		if l.Prefix != "" && (strings.HasPrefix(p, l.Prefix) || p+"/" == l.Prefix) {
			return true
		}
	}
	return false
}

// Root is the site's base path, where its static files are: BasePath
// but for a language's configuration (ForLanguage).
func (c *Config) Root() string {
	if c.RootPath != "" {
		return c.RootPath
	}
	return c.BasePath
}

// English reports a configuration that builds an English language of a
// multilingual site ("en", "en-us"): its default names (of sections,
// taxonomies, the theme's words) are English ones.
func (c *Config) English() bool {
	return c.Lang == "en" || strings.HasPrefix(c.Lang, "en-")
}

// Locale is the language as og:locale writes it: "en_US", "zh_CN".
func (l *Language) Locale() string {
	code := strings.ReplaceAll(l.LanguageCode, "-", "_")
	if i := strings.IndexByte(code, '_'); i > 0 {
		return strings.ToLower(code[:i]) + "_" + strings.ToUpper(code[i+1:])
	}
	return code
}
