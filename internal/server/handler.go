package server

import (
	"bytes"
	_ "embed"
	"html"
	"io"
	"net/http"
	"os"
	"path"
	"strings"
	"time"

	"showcase/internal/lang"
)

// ReservedPath is the folder, under the site's base path, of what the
// preview itself serves (the live-reload script and event stream). It is
// never part of a build.
const ReservedPath = "__showcase/"

//go:embed livereload.js
var liveReloadScript []byte

// marker is the attribute of the script tag that the server fills in, as it
// serves each page, with the build and the file the page comes from.
const marker = `data-showcase=""`

// PreviewHead is the markup a preview build adds to every page's <head>:
// the live-reload script of the server at base.
func PreviewHead(base string) string {
	return `<script src="` + html.EscapeString(NormalizeBasePath(base)+ReservedPath) + `livereload.js" ` + marker + ` defer></script>`
}

// ServeHTTP serves the built site under the base path, the live-reload
// script and events, a redirect from "/" to the base path, and the site's
// 404.html for anything else.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if s.serveEditor(w, r) {
		return
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, s.base) {
		if p == "/" || p+"/" == s.base {
			http.Redirect(w, r, s.base, http.StatusFound)
			return
		}
		s.serveNotFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, lang.Sprintf("只支持 GET 和 HEAD 请求", "method not allowed"), http.StatusMethodNotAllowed)
		return
	}
	rel := strings.TrimPrefix(p, s.base)
	switch rel {
	case ReservedPath + "livereload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		http.ServeContent(w, r, "livereload.js", time.Time{}, bytes.NewReader(liveReloadScript))
		return
	case ReservedPath + "events":
		s.serveEvents(w, r)
		return
	}
	s.serveSite(w, r, rel)
}

// lookup outcomes
type outcome int

const (
	found outcome = iota
	notFound
	addSlash // a folder asked for without its trailing slash
	noSite   // nothing built yet (or the folder is being swapped)
)

// serveSite serves the file of the built site at rel (the URL path under
// the base, already percent-decoded).
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request, rel string) {
	name, ok := siteFileName(rel)
	if !ok {
		s.serveNotFound(w, r)
		return
	}
	file, f, result := s.lookup(name, rel == "" || strings.HasSuffix(rel, "/"))
	if result == notFound || result == noSite {
		// mid-rebuild the folder may be being swapped: look again after it
		if s.waitForBuild(r.Context()) {
			s.extendWrite(w)
			file, f, result = s.lookup(name, rel == "" || strings.HasSuffix(rel, "/"))
		}
	}
	switch result {
	case addSlash:
		target := s.base + rel + "/"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
	case notFound:
		s.serveNotFound(w, r)
	case noSite:
		s.serveNoSite(w, r)
	case found:
		defer f.Close()
		s.serveFile(w, r, file, f, http.StatusOK, PageURL(s.base, file))
	}
}

// siteFileName checks rel and returns the file name to open in the built
// folder ("." for its root). Anything that could leave the folder or name
// a file in more than one way is refused: "..", ".", empty segments (and so
// absolute paths), backslashes, colons (Windows drives and streams) and NUL.
func siteFileName(rel string) (string, bool) {
	trimmed := strings.TrimSuffix(rel, "/")
	if trimmed == "" {
		return ".", rel == ""
	}
	if strings.ContainsAny(trimmed, "\\:\x00") {
		return "", false
	}
	for _, seg := range strings.Split(trimmed, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return "", false
		}
	}
	return trimmed, true
}

// lookup opens name in the built folder through an os.Root, which also
// refuses symbolic links that lead out of it. A folder is served by its
// index.html and never listed. It returns the served file's slash path.
func (s *Server) lookup(name string, folderURL bool) (string, *os.File, outcome) {
	root, err := os.OpenRoot(s.opts.Root)
	if err != nil {
		return "", nil, noSite
	}
	defer root.Close()
	info, err := root.Stat(name)
	if err != nil {
		return "", nil, notFound
	}
	if info.IsDir() {
		index := path.Join(name, "index.html")
		if _, err := root.Stat(index); err != nil {
			return "", nil, notFound
		}
		if !folderURL {
			return "", nil, addSlash
		}
		name = index
	} else if folderURL {
		return "", nil, notFound
	}
	f, err := root.Open(name)
	if err != nil {
		return "", nil, notFound
	}
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		f.Close()
		return "", nil, notFound
	}
	return name, f, found
}

// serveFile sends a file of the built site. Pages are never cached and get
// their live-reload script tag stamped with the build they come from; other
// files are revalidated on each use.
// pageURL is what the page's script compares with the pages a rebuild
// changed; "" makes it reload after every rebuild that changed a page.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, name string, f *os.File, status int, pageURL string) {
	info, err := f.Stat()
	if err != nil {
		http.Error(w, lang.Sprintf("读取文件失败", "cannot read the file"), http.StatusInternalServerError)
		return
	}
	if !isHTML(name) {
		w.Header().Set("Cache-Control", "no-cache")
		http.ServeContent(w, r, name, info.ModTime(), f)
		return
	}
	// the build id is read before the file: a page is never newer than its stamp says
	build := s.currentBuild()
	data, err := io.ReadAll(f)
	if err != nil {
		http.Error(w, lang.Sprintf("读取文件失败", "cannot read the file"), http.StatusInternalServerError)
		return
	}
	s.writePage(w, r, status, stampPage(data, build, pageURL))
}

// writePage sends an HTML page with the given status.
func (s *Server) writePage(w http.ResponseWriter, r *http.Request, status int, page []byte) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	if status == http.StatusOK {
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(page))
		return
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(page)
	}
}

// stampPage fills in the script tag's marker with the build and the page's
// URL path, which the script compares with the events it receives.
func stampPage(page []byte, build, url string) []byte {
	stamp := `data-showcase-build="` + html.EscapeString(build) + `" data-showcase-file="` + html.EscapeString(url) + `"`
	return bytes.Replace(page, []byte(marker), []byte(stamp), 1)
}

// serveNotFound sends the site's 404.html with status 404.
func (s *Server) serveNotFound(w http.ResponseWriter, r *http.Request) {
	if _, f, result := s.lookup("404.html", false); result == found {
		defer f.Close()
		// any changed page may be the one that was missing
		s.serveFile(w, r, "404.html", f, http.StatusNotFound, "")
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	http.Error(w, lang.Sprintf("404 页面未找到", "404 page not found"), http.StatusNotFound)
}

// serveNoSite answers while no build has succeeded yet: a page with the
// live-reload script, so the errors show and the page reloads once fixed.
func (s *Server) serveNoSite(w http.ResponseWriter, r *http.Request) {
	page := `<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>网站尚未生成</title>` + PreviewHead(s.base) + `</head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto; padding: 0 1em; line-height: 1.7">
<h1>网站尚未生成成功</h1>
<p>请按照提示修改文件并保存，网站生成成功后本页会自动刷新。</p>
</body>
</html>
`
	s.writePage(w, r, http.StatusServiceUnavailable, stampPage([]byte(page), "", ""))
}

func isHTML(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".html" || ext == ".htm"
}
