package newsroom

import (
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"showcase/internal/build"
	"showcase/internal/check"
	"showcase/internal/diag"
	"showcase/internal/sitefs"
)

// checkResults keeps the problems "showcase check" finds, by page file,
// checking again behind the dashboard after saves.
type checkResults struct {
	mu      sync.Mutex
	byFile  map[string][]string
	at      time.Time
	stale   bool
	running chan struct{} // closed when the run under way ends
}

// staleAfter: problems older than this are checked again on the next look
// (files may change outside the editor).
const staleAfter = 10 * time.Second

// autoCheckPages: on larger sites the check (every page rendered) runs
// only when asked for (?run=1), so that it does not slow the preview.
const autoCheckPages = 2000

func (n *Newsroom) serveProblems(w http.ResponseWriter, r *http.Request) {
	c := &n.checks
	asked := r.URL.Query().Get("run") == "1"
	if !asked && n.index.count() > autoCheckPages {
		c.mu.Lock()
		defer c.mu.Unlock()
		reply(w, http.StatusOK, map[string]any{"problems": c.byFile, "checking": c.running != nil, "onRequest": true})
		return
	}
	c.mu.Lock()
	if c.running == nil && (asked || c.byFile == nil || c.stale || time.Since(c.at) > staleAfter) {
		c.running = make(chan struct{})
		go n.runCheck()
	}
	have, running := c.byFile != nil, c.running
	c.mu.Unlock()
	if !have && running != nil {
		select {
		case <-running:
		case <-r.Context().Done():
			return
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	reply(w, http.StatusOK, map[string]any{"problems": c.byFile, "checking": c.running != nil})
}

func (n *Newsroom) runCheck() {
	byFile := map[string][]string{}
	for _, f := range n.check() {
		msg := f.Message
		if f.Line > 0 {
			msg = fmt.Sprintf("第 %d 行：%s", f.Line, msg)
		}
		byFile[f.File] = append(byFile[f.File], msg)
	}
	c := &n.checks
	c.mu.Lock()
	defer c.mu.Unlock()
	c.byFile, c.at, c.stale = byFile, time.Now(), false
	close(c.running)
	c.running = nil
}

// check runs what "showcase check" runs: the build's dry run and the rules.
func (n *Newsroom) check() []check.Finding {
	now := n.opts.Now()
	res, err := build.Check(build.Options{Source: n.source, BaseURL: n.opts.Build.BaseURL, Theme: n.opts.Build.Theme, Now: now, Strict: true})
	if err != nil {
		var failure *diag.Failure
		if errors.As(err, &failure) {
			return check.All(nil, nil, failure.Problems, nil, check.Options{})
		}
		return nil
	}
	return check.All(res.Site, res.Docs, res.Errors, res.Warnings, check.Options{Now: now, Site: sitefs.New(n.source), MaxFileSize: check.DefaultMaxFileSize})
}

// markStale: a save happened; check again on the next look.
func (c *checkResults) markStale() {
	c.mu.Lock()
	c.stale = true
	c.mu.Unlock()
}
