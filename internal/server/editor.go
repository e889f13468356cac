package server

import (
	"net/http"
	"strings"
)

// EditorPath is the folder under the base path where Options.Editor (the
// browser editor, internal/newsroom) is served. Everything else the
// preview serves stays read-only (GET and HEAD).
const EditorPath = "_edit/"

// serveEditor hands the editor's requests to Options.Editor, after the
// Host check every request passes; it reports whether it did.
func (s *Server) serveEditor(w http.ResponseWriter, r *http.Request) bool {
	if s.opts.Editor == nil {
		return false
	}
	p := r.URL.Path
	if p+"/" != s.base+EditorPath && !strings.HasPrefix(p, s.base+EditorPath) {
		return false
	}
	s.opts.Editor.ServeHTTP(w, r)
	return true
}

// Saved is the editor's hook after it wrote the file rel (a slash path
// from the site folder): a page's text is rebuilt at once, before Saved
// returns, rather than after the watcher's quiet window, so the editor can
// show the new page as soon as its save is answered. The watcher still
// sees the write and rebuilds it again a moment later; the build then
// writes nothing new (it compares the bytes it would write), so the open
// pages are told to reload once. Other files (photos, data) take the
// watcher's way, batched with the events of the same write.
func (s *Server) Saved(rel string) {
	if Classify(rel) != ContentPage {
		return
	}
	s.Rebuild([]string{cleanSlash(rel)})
}
