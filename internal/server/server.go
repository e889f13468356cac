package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"showcase/internal/diag"
	"showcase/internal/lang"
)

// Rebuilder rebuilds the site into the served folder. changed lists the
// files of the site folder that changed since the last call (slash paths
// relative to it, such as "content/news/a.md", sorted; Classify tells what
// each is); nil means "everything": the first build, or events were lost.
//
// It must leave the served folder complete at every instant (build into a
// staging folder and swap it in), keep the previous site when it fails, and
// return a *diag.Failure (or any error) describing what is wrong.
type Rebuilder func(changed []string) (Result, error)

// Result is what a successful rebuild tells the server.
type Result struct {
	// Changed lists the files of the built site that were written, added or
	// removed, as slash paths relative to its root ("news/a/index.html",
	// "css/site.css"). Only the open pages among them reload, and a change
	// to stylesheets alone swaps them in place. Nil means unknown: every
	// open page reloads. An empty, non-nil list means nothing changed.
	Changed []string
	// Summary is a line for the terminal, such as "15 页，用时 0.1 秒".
	Summary string
	// Broken are the problems of pages the build left out for errors of
	// their own; the rest of the site was built, and each of those pages'
	// addresses shows its problems.
	Broken []*diag.Problem
}

// Options configure a Server.
type Options struct {
	Source   string        // the site folder, watched
	Root     string        // the folder of the built site, served
	BasePath string        // the site's path, "/dangjian/" or "/"
	Rebuild  Rebuilder     // called with each batch of changes
	Poll     time.Duration // when positive, look for changes this often instead of using events
	Quiet    time.Duration // the batching's quiet window; 0 means QuietWindow
	Log      io.Writer     // the terminal; nil for none
	Editor   http.Handler  // serves <base>/_edit/ (EditorPath) when set
}

// Server is the preview of one site: it serves the built folder, watches the
// site folder, rebuilds on changes and tells the open pages.
type Server struct {
	opts     Options
	base     string      // BasePath, starting and ending with "/"
	instance string      // tells this run of the server from the one before
	changes  chan string // paths from the watcher or the poller
	lost     chan struct{}
	clock    clock
	live     *hub
	buildMu  sync.Mutex // one rebuild at a time
	timeouts timeouts
	ping     time.Duration // how often an idle event stream gets a comment

	mu         sync.Mutex
	generation int            // successful builds so far
	failure    *failureReport // the last build's problems; nil after a success
	building   chan struct{}  // closed when the current rebuild ends; nil when idle

	savedMu sync.Mutex
	saved   map[string]fileStamp // pages the editor's Saved built (editor.go)
}

// New makes a Server; Watch, Rebuild and Run set it going.
func New(opts Options) (*Server, error) {
	if opts.Rebuild == nil {
		return nil, lang.Errorf("程序内部错误：预览没有生成网站的函数", "server: no Rebuild function")
	}
	if opts.Root == "" {
		return nil, lang.Errorf("程序内部错误：预览没有要提供的文件夹", "server: no folder to serve")
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Source != "" {
		abs, err := filepath.Abs(opts.Source)
		if err != nil {
			return nil, err
		}
		opts.Source = abs
	}
	return &Server{
		opts:     opts,
		base:     NormalizeBasePath(opts.BasePath),
		instance: newInstanceID(),
		changes:  make(chan string, 4096),
		lost:     make(chan struct{}, 1),
		clock:    realClock{},
		live:     newHub(),
		timeouts: defaultTimeouts,
		ping:     keepAlive,
	}, nil
}

// NormalizeBasePath returns p starting and ending with "/" ("" → "/").
func NormalizeBasePath(p string) string {
	p = strings.Trim(p, "/")
	if p == "" {
		return "/"
	}
	return "/" + p + "/"
}

// BasePath is the path the site is served under, "/dangjian/".
func (s *Server) BasePath() string { return s.base }

// Rebuild runs one rebuild of changed (nil: everything) now, then tells the
// open pages and the terminal. It returns the rebuild's error, which the
// server keeps showing in the pages until a rebuild succeeds.
func (s *Server) Rebuild(changed []string) error {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	s.beginBuild()
	start := time.Now()
	res, err := s.callRebuild(changed)
	s.endBuild(changed, res, err)
	s.logBuild(changed, res, err, time.Since(start))
	return err
}

// callRebuild calls the Rebuilder, turning a panic into an error so the
// preview keeps running.
func (s *Server) callRebuild(changed []string) (res Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = lang.Errorf("生成网站时程序内部出错，请把这段信息发给技术人员", "internal error while building: %v", r)
		}
	}()
	return s.opts.Rebuild(changed)
}

func (s *Server) beginBuild() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.building == nil {
		s.building = make(chan struct{})
	}
	s.live.broadcast(message{event: "building", data: []byte("{}")})
}

// endBuild records the outcome and tells the open pages, in one step, so a
// page connecting meanwhile gets either the old state and the news or the
// new state.
func (s *Server) endBuild(changed []string, res Result, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.failure = newFailureReport(err)
		s.live.broadcast(s.failure.message())
	} else {
		s.generation++
		s.failure = nil
		s.live.broadcast(message{event: "ok", data: jsonData(map[string]string{"build": s.buildIDLocked()})})
		for _, m := range refreshFor(changed, res, s.base).messages(s.buildIDLocked()) {
			s.live.broadcast(m)
		}
	}
	close(s.building)
	s.building = nil
}

// buildIDLocked names the site being served: this run and the count of
// successful builds; "" before the first success.
func (s *Server) buildIDLocked() string {
	if s.generation == 0 {
		return ""
	}
	return fmt.Sprintf("%s-%d", s.instance, s.generation)
}

// currentBuild returns the build id and whether a site has been built.
func (s *Server) currentBuild() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buildIDLocked()
}

// waitForBuild waits until the rebuild in progress, if any, has ended (or
// ctx ends); it reports whether there was one.
func (s *Server) waitForBuild(ctx context.Context) bool {
	s.mu.Lock()
	ch := s.building
	s.mu.Unlock()
	if ch == nil {
		return false
	}
	select {
	case <-ch:
	case <-ctx.Done():
	}
	return true
}

// Run rebuilds the site on each batch of changes reported by Watch until
// ctx ends; then it closes the open pages' event streams.
func (s *Server) Run(ctx context.Context) error {
	defer s.live.close()
	pending := newBatch(s.opts.Quiet, LongestWait)
	finished := make(chan struct{}, 1)
	building := false
	for {
		var timer <-chan time.Time
		if at, ok := pending.due(); ok && !building {
			timer = s.clock.After(at.Sub(s.clock.Now()))
		}
		select {
		case <-ctx.Done():
			if building {
				<-finished
			}
			return nil
		case rel := <-s.changes:
			pending.add(rel, s.clock.Now())
		case <-s.lost:
			pending.addEverything(s.clock.Now())
		case <-timer:
			if paths, ok := pending.take(s.clock.Now()); ok && !s.alreadyBuilt(paths) {
				building = true
				go func() {
					s.Rebuild(paths)
					finished <- struct{}{}
				}()
			}
		case <-finished:
			building = false
		}
	}
}

// report hands a changed path to Run (from the watcher or the poller).
func (s *Server) report(rel string) { s.changes <- rel }

// reportLost tells Run that events were lost, so everything is rebuilt.
func (s *Server) reportLost() {
	select {
	case s.lost <- struct{}{}:
	default:
	}
}

func newInstanceID() string {
	var b [4]byte
	if _, err := rand.Read(b[:]); err != nil {
		return fmt.Sprintf("%x", time.Now().UnixNano())
	}
	return hex.EncodeToString(b[:])
}

// clock is the time as Run sees it; tests replace it.
type clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
}

type realClock struct{}

func (realClock) Now() time.Time                         { return time.Now() }
func (realClock) After(d time.Duration) <-chan time.Time { return time.After(d) }
