package build

import (
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"showcase/internal/config"
)

// langFS is a site's folder as one language of a multilingual site sees
// it: its content/ holds that language's pages only, so that the whole
// pipeline builds the language as a site of its own. A language with a
// contentDir ("content/en") sees that folder as content/; without one,
// content/ holds every language, a.en.md being the en page of a.md
// (a file without a language of its own is the default language's), and
// each language sees its files under their names without the language
// ("a.md", "_index.md", "index.md"). Files other than Markdown (a
// bundle's pictures) are every language's. Everything else of the site
// reads as it is.
type langFS struct {
	site  fs.FS
	lang  config.Language
	def   string          // the default language's code
	codes map[string]bool // every language's code
	other map[string]bool // the contentDirs of the other languages, hidden from this one
	// suffixed: no language has a contentDir, content/ has them all
	suffixed bool
	mu       sync.Mutex
	real     map[string]string // a name shown → the site's file, for renamed files
}

func newLangFS(site fs.FS, cfg *config.Config, l config.Language) *langFS {
	v := &langFS{site: site, lang: l, def: cfg.DefaultContentLanguage, codes: map[string]bool{}, other: map[string]bool{}, real: map[string]string{}, suffixed: true}
	for _, o := range cfg.Languages {
		v.suffixed = v.suffixed && o.ContentDir == ""
		v.codes[o.Code] = true
		if o.Code != l.Code && o.ContentDir != "" && o.ContentDir != l.ContentDir {
			v.other[o.ContentDir] = true
		}
	}
	return v
}

// contentRoot is where this language's content/ is in the site.
func (v *langFS) contentRoot() string {
	if v.lang.ContentDir != "" {
		return v.lang.ContentDir
	}
	return "content"
}

// siteName is the site's file behind a name of the view.
func (v *langFS) siteName(name string) string {
	if name != "content" && !strings.HasPrefix(name, "content/") {
		return name
	}
	v.mu.Lock()
	r, ok := v.real[name]
	v.mu.Unlock()
	if ok {
		return r
	}
	return v.contentRoot() + strings.TrimPrefix(name, "content")
}

// RealName is the site's file behind a name of the view
// ("content/news/a.md" → "content/en/news/a.md" or "content/news/a.en.md").
func (v *langFS) RealName(name string) string { return v.siteName(name) }

func (v *langFS) Open(name string) (fs.File, error) {
	if v.hidden(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return v.site.Open(v.siteName(name))
}

// hidden reports a name of the view that is another language's.
func (v *langFS) hidden(name string) bool {
	if name != "content" && !strings.HasPrefix(name, "content/") {
		return false
	}
	real := v.siteName(name)
	for dir := range v.other {
		if real == dir || strings.HasPrefix(real, dir+"/") {
			return true
		}
	}
	if v.suffixed && isMarkdown(name) {
		if _, code := splitLang(path.Base(real), v.codes); code != "" && code != v.lang.Code || code == "" && v.lang.Code != v.def {
			return true
		}
	}
	return false
}

func (v *langFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if v.hidden(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	real := v.siteName(name)
	entries, err := fs.ReadDir(v.site, real)
	if name != "content" && !strings.HasPrefix(name, "content/") {
		return entries, err
	}
	var kept []fs.DirEntry
	for _, e := range entries {
		realFile := path.Join(real, e.Name())
		if v.other[realFile] {
			continue
		}
		if !e.IsDir() && v.suffixed && isMarkdown(e.Name()) {
			base, code := splitLang(e.Name(), v.codes)
			switch {
			case code == v.lang.Code:
				v.mu.Lock()
				v.real[path.Join(name, base)] = realFile
				v.mu.Unlock()
				e = renamed{e, base}
			case code != "" || v.lang.Code != v.def:
				continue // another language's page
			}
		}
		kept = append(kept, e)
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].Name() < kept[j].Name() })
	return kept, err
}

func isMarkdown(name string) bool { return strings.HasSuffix(strings.ToLower(name), ".md") }

// splitLang splits a Markdown file's language off its name:
// "a.en.md" → "a.md", "en"; "a.md" → "a.md", "".
func splitLang(name string, codes map[string]bool) (string, string) {
	stem := name[:len(name)-len(path.Ext(name))]
	code := strings.ToLower(strings.TrimPrefix(path.Ext(stem), "."))
	if code == "" || !codes[code] {
		return name, ""
	}
	return stem[:len(stem)-len(code)-1] + path.Ext(name), code
}

// renamed is a directory entry under the name the view gives it.
type renamed struct {
	fs.DirEntry
	name string
}

func (r renamed) Name() string { return r.name }
