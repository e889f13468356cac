package main

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// server serves a built site under /dangjian/, gzipping text like a web
// server and counting what it sends.
type server struct {
	dir  string
	mu   sync.Mutex
	sent map[string]int // path → bytes sent since reset
}

func newServer(dir string) *server {
	return &server{dir: dir, sent: map[string]int{}}
}

func (s *server) reset() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.sent
	s.sent = map[string]int{}
	return old
}

var textTypes = map[string]string{
	".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
	".json": "application/json", ".xml": "application/xml",
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rest, ok := strings.CutPrefix(r.URL.Path, "/dangjian/")
	if !ok {
		http.NotFound(w, r)
		return
	}
	name := filepath.Join(s.dir, filepath.FromSlash(path.Clean("/"+rest)))
	if st, err := os.Stat(name); err == nil && st.IsDir() {
		name = filepath.Join(name, "index.html")
	}
	data, err := os.ReadFile(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	ext := path.Ext(name)
	if t, ok := textTypes[ext]; ok {
		w.Header().Set("Content-Type", t)
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			var buf bytes.Buffer
			z, _ := gzip.NewWriterLevel(&buf, 6)
			z.Write(data)
			z.Close()
			data = buf.Bytes()
			w.Header().Set("Content-Encoding", "gzip")
		}
	} else {
		// binary files as a static server sends them, ranges included
		// (fragment packs are read by ranges)
		if ext == ".wasm" {
			w.Header().Set("Content-Type", "application/wasm")
		} else {
			w.Header().Set("Content-Type", "application/octet-stream")
		}
		cw := &countingWriter{ResponseWriter: w}
		http.ServeContent(cw, r, "", time.Time{}, bytes.NewReader(data))
		s.count(r.URL.Path, cw.n)
		return
	}
	w.Write(data)
	s.count(r.URL.Path, len(data))
}

func (s *server) count(p string, n int) {
	s.mu.Lock()
	s.sent[p] += n
	s.mu.Unlock()
}

// countingWriter counts the bytes of a response's body.
type countingWriter struct {
	http.ResponseWriter
	n int
}

func (w *countingWriter) Write(b []byte) (int, error) {
	w.n += len(b)
	return w.ResponseWriter.Write(b)
}

// classify sorts the files a page fetched: the page itself (HTML and the
// site's CSS), the search client (scripts, its CSS, wasm), the index, and
// the fragments shown.
func classify(p string) string {
	switch {
	case strings.HasSuffix(p, ".html") || strings.HasSuffix(p, "/") || strings.HasSuffix(p, "site.css"):
		return "page"
	case strings.HasSuffix(p, ".js") || strings.HasSuffix(p, ".css") || strings.Contains(p, "wasm."):
		return "client"
	case strings.Contains(p, "/fragment/") || strings.Contains(p, "/search/f/") || strings.Contains(p, "/f/"):
		return "fragments"
	}
	return "index"
}

func tally(sent map[string]int) (map[string]int, int, []string) {
	by := map[string]int{}
	var names []string
	for p, n := range sent {
		k := classify(p)
		by[k] += n
		if k == "index" {
			names = append(names, p)
		}
	}
	return by, len(sent), names
}
