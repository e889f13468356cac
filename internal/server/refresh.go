package server

import (
	"path"
	"sort"
	"strings"
)

// refresh is how the open pages catch up with a successful rebuild: reload
// every page, reload some pages, and/or swap stylesheets in place.
type refresh struct {
	reloadAll bool
	reload    []string // URL paths of the pages to reload ("/dangjian/news/a/")
	css       []string // URL paths of changed stylesheets; swapAllCSS when unknown
	swapCSS   bool
}

// pageAssets are the kinds of files pages embed; when one changes, the
// pages that show it are unknown, so every page reloads. Other files
// (feeds, sitemap, search shards) are not shown by open pages.
var pageAssets = map[string]bool{
	".js": true, ".mjs": true, ".png": true, ".jpg": true, ".jpeg": true, ".gif": true,
	".webp": true, ".avif": true, ".svg": true, ".ico": true, ".bmp": true,
	".woff": true, ".woff2": true, ".ttf": true, ".otf": true,
	".mp4": true, ".webm": true, ".mp3": true, ".pdf": true,
}

// refreshFor decides the refresh after a rebuild of the sources changed
// (nil: everything) that returned res.
func refreshFor(changed []string, res Result, base string) refresh {
	if res.Changed == nil {
		return refreshForSources(changed)
	}
	var r refresh
	for _, f := range res.Changed {
		f = cleanSlash(f)
		ext := strings.ToLower(path.Ext(f))
		switch {
		case ext == ".html" || ext == ".htm":
			r.reload = append(r.reload, PageURL(base, f))
		case ext == ".css":
			r.css = append(r.css, base+f)
			r.swapCSS = true
		case pageAssets[ext]:
			r.reloadAll = true
		}
	}
	if r.reloadAll {
		return refresh{reloadAll: true}
	}
	sort.Strings(r.reload)
	sort.Strings(r.css)
	return r
}

// refreshForSources decides when the rebuild did not say what it changed:
// stylesheets in static/ alone are swapped, anything else reloads all.
func refreshForSources(changed []string) refresh {
	if len(changed) == 0 {
		return refresh{reloadAll: true}
	}
	for _, c := range changed {
		if Classify(c) != Static || !strings.EqualFold(path.Ext(c), ".css") {
			return refresh{reloadAll: true}
		}
	}
	return refresh{swapCSS: true} // which output files is unknown: swap them all
}

// messages are the events that carry the refresh to the pages; build names
// the site after the rebuild.
func (r refresh) messages(build string) []message {
	var out []message
	if r.swapCSS && !r.reloadAll {
		out = append(out, message{event: "css", data: jsonData(struct {
			Build string   `json:"build"`
			Files []string `json:"files"`
		}{build, r.css})})
	}
	if r.reloadAll || len(r.reload) > 0 {
		files := r.reload
		if r.reloadAll {
			files = nil // every page
		}
		out = append(out, message{event: "reload", data: jsonData(struct {
			Build string   `json:"build"`
			Files []string `json:"files"`
		}{build, files})})
	}
	return out
}

// PageURL is the URL path of the built file f under base: a folder's
// index.html is the folder ("news/a/index.html" → "/dangjian/news/a/").
func PageURL(base, f string) string {
	f = cleanSlash(f)
	switch {
	case f == "index.html" || f == ".":
		return base
	case strings.HasSuffix(f, "/index.html"):
		return base + strings.TrimSuffix(f, "index.html")
	}
	return base + f
}
