package server

import (
	"net/http"
	"os"
	"path/filepath"
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
// sees the write a moment later: a batch whose files are all as Saved
// built them (the same size and time) is dropped, so the page is built
// and reloaded once. (Were it rebuilt, the build would write nothing new,
// since it compares the bytes it would write, and no page would reload;
// but it would hold the next save's rebuild up.) Other files (photos,
// data) take the watcher's way, batched with the events of the same write.
func (s *Server) Saved(rel string) {
	rel = cleanSlash(rel)
	if Classify(rel) != ContentPage {
		return
	}
	// the stamp first: the watcher's batch may fall due during the rebuild
	st, err := s.stat(rel)
	s.savedMu.Lock()
	if s.saved == nil {
		s.saved = map[string]fileStamp{}
	}
	if err == nil {
		s.saved[rel] = st
	}
	s.savedMu.Unlock()
	if s.Rebuild([]string{rel}) != nil { // built nothing: the watcher's batch builds again
		s.savedMu.Lock()
		delete(s.saved, rel)
		s.savedMu.Unlock()
	}
}

func (s *Server) stat(rel string) (fileStamp, error) {
	info, err := os.Stat(filepath.Join(s.opts.Source, filepath.FromSlash(rel)))
	if err != nil {
		return fileStamp{}, err
	}
	return fileStamp{info.Size(), info.ModTime()}, nil
}

// alreadyBuilt reports whether every path of a batch is a page Saved built
// and that has not changed since (nil, everything, never is).
func (s *Server) alreadyBuilt(paths []string) bool {
	if len(paths) == 0 {
		return false
	}
	s.savedMu.Lock()
	defer s.savedMu.Unlock()
	for _, p := range paths {
		want, ok := s.saved[p]
		if !ok {
			return false
		}
		if st, err := s.stat(p); err != nil || st.size != want.size || !st.modTime.Equal(want.modTime) {
			return false
		}
	}
	return true
}
