package newsroom

import (
	"crypto/rand"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing/fstest"
	"time"

	"showcase/internal/build"
)

// Path is the editor's folder under the site's base path.
const Path = "_edit/"

//go:embed assets
var assets embed.FS

// Options configure a Newsroom.
type Options struct {
	Build    build.Options // the preview's build options: Source is the site folder
	BasePath string        // the site's base path, "/dangjian/"
	// Token, when set, lets requests from other computers in (see the
	// package documentation); when empty they are refused.
	Token string
	// Saved is called after a file was written, with its path from the
	// site folder, before the write is answered; nil for none. showcase
	// serve passes the preview's Server.Saved, which rebuilds a page at
	// once, so the answer to a save means the preview has the new page.
	Saved func(rel string)
	// Archetypes are the built-in archetypes (showcase.Archetypes), under
	// the site's own archetypes/; nil for the site's alone.
	Archetypes fs.FS
	Log        io.Writer
	Now        func() time.Time // nil: time.Now
}

// Newsroom serves the editor. It is an http.Handler for the paths under
// <base>/_edit/.
type Newsroom struct {
	opts       Options
	source     string
	prefix     string // "/dangjian/_edit/"
	csrf       string
	mu         sync.Mutex // one write at a time
	index      *pageIndex
	checks     checkResults
	publishing publishJob
}

// New makes a Newsroom for the site in opts.Build.Source.
func New(opts Options) (*Newsroom, error) {
	if opts.Build.Source == "" {
		return nil, errors.New("newsroom: no site folder")
	}
	src, err := filepath.Abs(opts.Build.Source)
	if err != nil {
		return nil, err
	}
	opts.Build.Source = src
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Archetypes == nil {
		opts.Archetypes = fstest.MapFS{}
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	base := "/" + strings.Trim(opts.BasePath, "/") + "/"
	if base == "//" {
		base = "/"
	}
	n := &Newsroom{opts: opts, source: src, prefix: base + Path, csrf: RandomToken()}
	n.index = newPageIndex(n)
	return n, nil
}

// Prefix is the editor's URL path, "/dangjian/_edit/".
func (n *Newsroom) Prefix() string { return n.prefix }

// RandomToken returns 128 random bits in hex, for the editor's token.
func RandomToken() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return hex.EncodeToString(b[:])
}

// ServeHTTP checks the request (access.go) and routes it.
func (n *Newsroom) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	isolationHeaders(h) // isolation.go
	if r.URL.Path+"/" == n.prefix {
		http.Redirect(w, r, n.prefix, http.StatusFound)
		return
	}
	rel, ok := strings.CutPrefix(r.URL.Path, n.prefix)
	if !ok {
		http.NotFound(w, r)
		return
	}
	if !n.admit(w, r) {
		return
	}
	if r.Method == http.MethodPost {
		if !n.checkWrite(w, r) {
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
		n.servePost(w, r, rel)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD, POST")
		fail(w, http.StatusMethodNotAllowed, "不支持这种请求（method not allowed）")
		return
	}
	n.serveGet(w, r, rel)
}

func (n *Newsroom) serveGet(w http.ResponseWriter, r *http.Request, rel string) {
	if h, ok := getRoutes[rel]; ok {
		h(n, w, r)
		return
	}
	fail(w, http.StatusNotFound, "没有这个地址（not found）")
}

func (n *Newsroom) servePost(w http.ResponseWriter, r *http.Request, rel string) {
	if h, ok := postRoutes[rel]; ok {
		h(n, w, r)
		return
	}
	fail(w, http.StatusNotFound, "没有这个地址（not found）")
}

type route = func(*Newsroom, http.ResponseWriter, *http.Request)

// getRoutes and postRoutes are the editor's addresses under its prefix.
var getRoutes = map[string]route{
	"":             (*Newsroom).serveShell,
	"app.js":       (*Newsroom).serveAsset,
	"app.css":      (*Newsroom).serveAsset,
	"api/pages":    (*Newsroom).servePages,
	"api/page":     (*Newsroom).servePage,
	"api/options":  (*Newsroom).serveOptions,
	"api/problems": (*Newsroom).serveProblems,
	"api/ledger":   (*Newsroom).serveLedger,
	"ledger.csv":   (*Newsroom).serveLedgerCSV,
	"api/publish":  (*Newsroom).servePublishState,
}

var postRoutes = map[string]route{
	"api/save":    (*Newsroom).serveSave,
	"api/new":     (*Newsroom).serveNew,
	"api/sign":    (*Newsroom).serveSign,
	"api/photo":   (*Newsroom).servePhoto,
	"api/import":  (*Newsroom).serveImport,
	"api/publish": (*Newsroom).servePublish,
}

// reply sends v as JSON.
func reply(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// fail sends {"error": msg}.
func fail(w http.ResponseWriter, status int, msg string) {
	reply(w, status, map[string]string{"error": msg})
}

// readJSON decodes the request's JSON body into v, answering 400 on error.
func readJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	if err := json.NewDecoder(r.Body).Decode(v); err != nil {
		fail(w, http.StatusBadRequest, "请求内容无法读取（bad request body: "+err.Error()+"）")
		return false
	}
	return true
}
