package render

import (
	"fmt"
	"html/template"
	"io/fs"
	"strings"
	"time"
	"unicode/utf8"

	"showcase/internal/config"
)

// Env is what template functions need from the build: the configuration
// and the photo pipeline.
type Env struct {
	Config *config.Config
	Images Images // may be nil: pictures are then the original files
	// Site is the site's own folder, under the theme; when given, a layout
	// of it that is a symbolic link to nothing is an error.
	Site fs.FS
}

var cst = time.FixedZone("CST", 8*3600)

// funcs are the template functions:
//
//	url "news/"            site-relative path → "/dangjian/news/" (under the base path);
//	                       an absolute URL ("https://…") is left as written
//	absURL "news/"         → "https://www.example.edu.cn/dangjian/news/"
//	                       (a static file of a language's page: under the site's root)
//	date .Date             → "2025年10月26日" (China Standard Time; "October 26, 2025" in English)
//	i18n "home"            → the word in the page's language: 首页, Home (see i18n.go), or
//	                       the site's own (i18n/en.toml, see i18nfiles.go); i18n "count" 3
//	                       gives the word {{ .Count }} = 3
//	isoDate .Date          → "2025-10-26"; datetime → RFC 3339
//	partial "x.html" .     runs layouts/_partials/x.html
//	partialCached "x.html" .Page   the same, once per build for each page (list items)
//	partialCached "x.html" . .NavKey   once per build for each variant (as Hugo's): the
//	                       theme's header by its current menu entries, the footer once
//	truncate 60 "…"        at most n characters, with "…" when cut
//	param "icp"            a [params] value of site.toml as text
//	criterion "qgyl-1"     the item's wording, "教育党员有力" ("五个到位第1条" when
//	                       the set is unverified, see funcs_theme.go)
//	dict "k" v …           a map, to pass several values to a partial
//	add, sub               integer arithmetic; seq n → 1…n
//	join ", " list         joins strings
//	active "/news/" .Page.Path  whether a menu entry is the current column
//	picture .Page "a.jpg"  responsive variants of a page's image: .Src .Srcset .Large .Width .Height
//	fill .Page "a.jpg" 480 360   a centred crop: .Src .Width .Height
func (e *Env) funcs(s *Set) template.FuncMap {
	cfg := e.Config
	m := themeFuncs(cfg)
	for k, f := range e.baseFuncs(s) {
		m[k] = f
	}
	return m
}

func (e *Env) baseFuncs(s *Set) template.FuncMap {
	cfg := e.Config
	return template.FuncMap{
		"url": func(p string) string {
			if (config.MenuEntry{URL: p}).External() {
				return p // another site's address, as Hugo's relURL leaves it
			}
			p = strings.TrimPrefix(p, "/")
			if cfg.RootPath != "" && (s.static(p) || cfg.LanguagePath(p)) {
				return cfg.RootPath + p // a static file, or a language's page written with its prefix: at the site's root
			}
			return cfg.BasePath + p
		},
		"absURL": func(p string) string {
			if cfg.BasePath != "/" {
				p = strings.TrimPrefix(p, cfg.BasePath) // a URL that carries the base path already
			}
			return cfg.BaseURL + strings.TrimPrefix(p, "/")
		},
		"date":     func(t time.Time) string { return dateIn(cfg.Lang, t) },
		"dateSpan": func(from, to time.Time) string { return dateSpanIn(cfg.Lang, from, to) },
		"i18n":     s.say,
		"isoDate": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.In(cst).Format("2006-01-02")
		},
		"datetime": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.In(cst).Format(time.RFC3339)
		},
		"partial":       s.partial,
		"partialCached": s.partialCached,
		"truncate":      truncate,
		"param":         cfg.Param,
		"criterion":     func(id string) string { return criterionName(cfg, id) },
		"dict": func(kv ...any) (map[string]any, error) {
			if len(kv)%2 != 0 {
				return nil, fmt.Errorf("dict needs key-value pairs")
			}
			m := map[string]any{}
			for i := 0; i < len(kv); i += 2 {
				k, ok := kv[i].(string)
				if !ok {
					return nil, fmt.Errorf("dict key %v is not text", kv[i])
				}
				m[k] = kv[i+1]
			}
			return m, nil
		},
		"add": func(a, b int) int { return a + b },
		"sub": func(a, b int) int { return a - b },
		"seq": func(n int) []int {
			out := make([]int, 0, n)
			for i := 1; i <= n; i++ {
				out = append(out, i)
			}
			return out
		},
		"join": func(sep string, list []string) string { return strings.Join(list, sep) },
		"picture": func(v *pageView, src string) (*Picture, error) {
			if v == nil {
				return nil, fmt.Errorf("picture: no page (没有页面)")
			}
			p := v.contentPage
			if e.Images == nil {
				u := cfg.BasePath + p.Path + src
				return &Picture{Src: u, Large: u}, nil
			}
			return e.Images.Picture(p, src)
		},
		"fill": func(v *pageView, src string, w, h int) (*Thumb, error) {
			if v == nil {
				return nil, fmt.Errorf("fill: no page (没有页面)")
			}
			p := v.contentPage
			if e.Images == nil {
				return &Thumb{Src: cfg.BasePath + p.Path + src, Width: w, Height: h}, nil
			}
			return e.Images.Fill(p, src, w, h)
		},
		"active": active,
	}
}

// truncate is str cut to n characters, with "…", if it is longer. The cut
// is found without turning the whole text into characters (a page's
// description is truncated twice on every page).
func truncate(n int, str string) string {
	if n < 0 {
		return truncateChars(n, str)
	}
	end := 0
	for count := 0; end < len(str) && count < n; count++ {
		_, size := utf8.DecodeRuneInString(str[end:])
		end += size
	}
	if end == len(str) {
		return str
	}
	if !utf8.ValidString(str[:end]) {
		return truncateChars(n, str) // as []rune writes what is not UTF-8
	}
	return strings.TrimSpace(str[:end]) + "…"
}

// truncateChars is truncate on the text's characters, as it was.
func truncateChars(n int, str string) string {
	if utf8.RuneCountInString(str) <= n {
		return str
	}
	r := []rune(str)
	return strings.TrimSpace(string(r[:n])) + "…"
}
