package server

import (
	"fmt"
	"net/http"
	"sync"
	"time"
)

// The live-reload channel: each open page holds one Server-Sent Events
// stream. The events, each with one line of JSON:
//
//	hello     on connecting: {"build": id, "error": report or null}
//	building  a rebuild started
//	ok        a rebuild succeeded: {"build": id}
//	reload    {"build": id, "files": [URL paths] or null for every page}
//	css       {"build": id, "files": [stylesheet URL paths] or null for all}
//	error     a rebuild failed: {"problems": [{file, line, message}], "raw": text}
//
// "build" names the site served ("" before the first success). A page
// knows the build it was served from; when hello names another one (the
// server restarted, or a rebuild finished while the page was loading or
// disconnected), the page reloads.

// retryMillis is how soon a page reconnects after losing the stream.
const retryMillis = 1000

// keepAlive is how often an idle stream gets a comment, so proxies and
// phones do not drop it.
const keepAlive = 20 * time.Second

// hub fans the events out to the open pages.
type hub struct {
	mu      sync.Mutex
	clients map[chan message]struct{}
	done    chan struct{}
	closed  bool
}

func newHub() *hub {
	return &hub{clients: map[chan message]struct{}{}, done: make(chan struct{})}
}

// subscribe adds a page whose stream starts with first.
func (h *hub) subscribe(first ...message) chan message {
	ch := make(chan message, 16+len(first))
	for _, m := range first {
		ch <- m
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		close(ch)
		return ch
	}
	h.clients[ch] = struct{}{}
	return ch
}

func (h *hub) unsubscribe(ch chan message) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.clients[ch]; ok {
		delete(h.clients, ch)
		close(ch)
	}
}

// broadcast sends m to every page. A page too slow to take it is dropped:
// its browser reconnects and, seeing a newer build, reloads.
func (h *hub) broadcast(m message) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.clients {
		select {
		case ch <- m:
		default:
			delete(h.clients, ch)
			close(ch)
		}
	}
}

// count is the number of open streams.
func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

// close ends every stream (the server is stopping).
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return
	}
	h.closed = true
	close(h.done)
	for ch := range h.clients {
		delete(h.clients, ch)
		close(ch)
	}
}

// helloMessage is the first event of a stream: the current build and error.
func (s *Server) helloMessage() message {
	return message{event: "hello", data: jsonData(struct {
		Build string         `json:"build"`
		Error *failureReport `json:"error"`
	}{s.buildIDLocked(), s.failure})}
}

// serveEvents streams the live-reload events to one page.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	// A stream lasts as long as the page: a write deadline for each event
	// rather than the server's one for the whole response, so that the
	// stream outlives it while a page gone silent is still let go. (The
	// server clears the read deadline itself once the request is read.)
	rc := http.NewResponseController(w)
	deadline := func() { rc.SetWriteDeadline(time.Now().Add(s.timeouts.event)) }
	deadline()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	if _, err := fmt.Fprintf(w, "retry: %d\n\n", retryMillis); err != nil {
		return
	}
	// the state and the subscription in one step: no event falls between
	s.mu.Lock()
	ch := s.live.subscribe(s.helloMessage())
	s.mu.Unlock()
	defer s.live.unsubscribe(ch)
	ping := time.NewTicker(s.ping)
	defer ping.Stop()
	for {
		if err := rc.Flush(); err != nil {
			return
		}
		select {
		case m, ok := <-ch:
			if !ok {
				return
			}
			deadline()
			if _, err := w.Write(m.encode()); err != nil {
				return
			}
		case <-ping.C:
			deadline()
			if _, err := w.Write([]byte(": ping\n\n")); err != nil {
				return
			}
		case <-r.Context().Done():
			return
		case <-s.live.done:
			return
		}
	}
}
