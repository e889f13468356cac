package config

import (
	"regexp"
	"sort"
	"strings"

	"showcase/internal/diag"
	"showcase/internal/lang"
)

// Hugo's settings that shape a site's URLs and files, read as Hugo reads
// them:
//
//	uglyURLs = true              pages at /news/a.html, not /news/a/
//	ignoreFiles = ["\\.Rmd$"]    regular expressions; a file or folder of
//	                             content/ whose path ("content/cn/a.Rmd")
//	                             matches one is left out
//	disableKinds = ["taxonomy"]  outputs not written: taxonomy (the list of
//	                             a taxonomy's terms), term, rss, sitemap,
//	                             robotsTXT, 404
//	theme = "name"               Hugo's theme (or a list): the shortcodes
//	                             and static files of themes/name/ are used
//	                             (not its page templates)
//	[permalinks]                 the URL of a section's pages:
//	posts = "/:sections/:year/:month/:slug/"
//
// A permalink pattern may use :year, :month, :monthname, :day, :weekday,
// :weekdayname, :yearday, :section, :sections, :title, :slug,
// :slugorfilename, :filename, :contentbasename and
// :slugorcontentbasename (see content's doc). Patterns are read from
// [permalinks] and from [permalinks.page] (Hugo 0.112's form); those of
// [permalinks.section] place a section's list ("/articles/");
// [permalinks.term] and [permalinks.taxonomy] are not used (a warning
// says so).

// permalinkTokens are the tokens a permalink pattern may use.
var permalinkTokens = map[string]bool{
	"year": true, "month": true, "monthname": true, "day": true, "weekday": true, "weekdayname": true,
	"yearday": true, "section": true, "sections": true, "title": true, "slug": true, "slugorfilename": true,
	"filename": true, "contentbasename": true, "slugorcontentbasename": true,
}

var permalinkToken = regexp.MustCompile(`:([a-zA-Z]+)(\[[^\]]*\])?`)

// kinds are the outputs disableKinds may turn off, by Hugo's names in
// lower case (taxonomyterm is Hugo's name for taxonomy before 0.73).
var kinds = map[string]string{
	"taxonomy": "taxonomy", "taxonomyterm": "taxonomy", "term": "term", "rss": "rss",
	"sitemap": "sitemap", "robotstxt": "robotstxt", "404": "404",
}

// resolveHugo reads uglyURLs, ignoreFiles, disableKinds and permalinks.
func (r *rawConfig) resolveHugo(c *Config, data []byte, file, format string) ([]*diag.Problem, error) {
	var warnings []*diag.Problem
	warn := func(line int, zh, en string, args ...any) {
		warnings = append(warnings, diag.Errorf(file, line, "%s", lang.Sprintf(zh, en, args...)))
	}
	c.UglyURLs = r.UglyURLs
	switch t := r.Theme.(type) {
	case string:
		c.Themes = []string{t}
	case []any:
		for _, name := range t {
			if s, ok := name.(string); ok {
				c.Themes = append(c.Themes, s)
			}
		}
	}
	for _, t := range c.Themes {
		if t == "" || t == "." || t == ".." || strings.ContainsAny(t, `/\`) {
			return warnings, diag.Errorf(file, lineOf(data, format, "", "theme"), "%s",
				lang.Sprintf("theme 应为 themes/ 中的一个文件夹名，而不是 %[1]q", "theme %[1]q: the name of a folder of themes/", t))
		}
	}
	for _, expr := range r.IgnoreFiles {
		re, err := regexp.Compile(expr)
		if err != nil {
			return warnings, diag.Errorf(file, lineOf(data, format, "", "ignoreFiles"), "%s",
				lang.Sprintf("ignoreFiles 中的正则表达式 %[1]q 写法有误", "ignoreFiles: %[1]q: %[2]v", expr, err))
		}
		c.IgnoreFiles = append(c.IgnoreFiles, re)
	}
	c.DisableKinds = map[string]bool{}
	for _, k := range r.DisableKinds {
		if kind, ok := kinds[strings.ToLower(k)]; ok {
			c.DisableKinds[kind] = true
			continue
		}
		warn(lineOf(data, format, "", "disableKinds"), "disableKinds 中的 %[1]q 本程序不支持，这类页面照常生成",
			"disableKinds: %[1]q is not supported; those pages are built", k)
	}
	c.Permalinks = map[string]string{}
	c.SectionPermalinks = map[string]string{}
	var sections []string
	for k := range r.Permalinks {
		sections = append(sections, k)
	}
	sort.Strings(sections)
	for _, section := range sections {
		switch v := r.Permalinks[section].(type) {
		case string:
			r.permalink(c.Permalinks, section, v, data, format, warn)
		case map[string]any:
			if section == "section" {
				for _, s := range sortedKeys(v) {
					if pattern, ok := v[s].(string); ok {
						r.permalink(c.SectionPermalinks, s, pattern, data, format, warn)
					}
				}
				continue
			}
			if section != "page" {
				warn(lineOf(data, format, "permalinks", section), "[permalinks.%[1]s] 本程序不使用，只读取文章的网址格式",
					"[permalinks.%[1]s] is not used; only the patterns of pages are", section)
				continue
			}
			for _, s := range sortedKeys(v) {
				if pattern, ok := v[s].(string); ok {
					r.permalink(c.Permalinks, s, pattern, data, format, warn)
				}
			}
		}
	}
	return warnings, nil
}

// permalink checks one pattern and records it for its section.
func (r *rawConfig) permalink(into map[string]string, section, pattern string, data []byte, format string, warn func(int, string, string, ...any)) {
	for _, m := range permalinkToken.FindAllStringSubmatch(pattern, -1) {
		name := strings.ToLower(m[1])
		if !permalinkTokens[name] || m[2] != "" && name != "sections" {
			warn(lineOf(data, format, "permalinks", section), "网址格式 %[1]q 中的 %[2]s 本程序不认识，栏目 %[3]s 使用默认网址",
				"permalinks: %[3]s = %[1]q: %[2]s is not supported; the section keeps its default URLs", pattern, m[0], section)
			return
		}
	}
	into[strings.Trim(section, "/")] = pattern
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// mainMenu is the flat main navigation from Hugo's [[menu.main]] entries:
// by weight; an entry with a parent is not shown, and an entry without a
// URL of its own links where its first child does.
func mainMenu(all []MenuEntry) []MenuEntry {
	children := map[string][]MenuEntry{}
	var top []MenuEntry
	for _, m := range all {
		if m.Parent != "" {
			children[m.Parent] = append(children[m.Parent], m)
		} else {
			top = append(top, m)
		}
	}
	byWeight := func(ms []MenuEntry) {
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].Weight < ms[j].Weight })
	}
	var out []MenuEntry
	for _, m := range top {
		if m.URL == "" && m.PageRef == "" {
			id := m.Identifier
			if id == "" {
				id = m.Name
			}
			kids := children[id]
			byWeight(kids)
			for _, k := range kids {
				if k.URL != "" || k.PageRef != "" {
					m.URL, m.PageRef = k.URL, k.PageRef
					break
				}
			}
		}
		if m.URL == "" && m.PageRef == "" {
			continue // a heading of entries that are not shown
		}
		out = append(out, m)
	}
	byWeight(out)
	return out
}

// External reports whether a menu URL leads to another site
// ("https://…", "//…", "mailto:…"): it is used as written.
func (m MenuEntry) External() bool {
	u := m.URL
	if strings.HasPrefix(u, "//") {
		return true
	}
	i := strings.Index(u, ":")
	if i <= 0 {
		return false
	}
	for _, c := range u[:i] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// IgnoredFile reports whether ignoreFiles leaves out a file or folder of
// the site, given by its path from the site's folder ("content/cn/a.Rmd").
func (c *Config) IgnoredFile(p string) bool {
	for _, re := range c.IgnoreFiles {
		if re.MatchString(p) {
			return true
		}
	}
	return false
}

// Disabled reports whether disableKinds turns off an output: "taxonomy",
// "term", "rss", "sitemap", "robotstxt" or "404".
func (c *Config) Disabled(kind string) bool { return c.DisableKinds[kind] }
