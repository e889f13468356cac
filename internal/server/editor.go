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
