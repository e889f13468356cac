package server

import (
	"bufio"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"showcase/internal/diag"
)

// stream is an open page's event stream, read over HTTP.
type stream struct {
	t    *testing.T
	resp *http.Response
	r    *bufio.Reader
}

func openStream(t *testing.T, url string) *stream {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", url+"/dangjian/__showcase/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream; charset=utf-8" || resp.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("headers %v", resp.Header)
	}
	return &stream{t, resp, bufio.NewReader(resp.Body)}
}

// next reads one event: its name and data. The reads end with the test's
// context deadline at the latest.
func (s *stream) next() (string, string) {
	s.t.Helper()
	var event, data string
	for {
		line, err := s.r.ReadString('\n')
		if err != nil {
			s.t.Fatalf("reading the stream: %v", err)
		}
		line = strings.TrimSuffix(line, "\n")
		switch {
		case line == "" && event != "":
			return event, data
		case strings.HasPrefix(line, "event: "):
			event = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			data = strings.TrimPrefix(line, "data: ")
		}
	}
}

func (s *stream) expect(event, contains string) {
	s.t.Helper()
	if e, d := s.next(); e != event || !strings.Contains(d, contains) {
		s.t.Fatalf("event %s %s, want %s containing %q", e, d, event, contains)
	}
}

// TestEvents: a page hears of each rebuild's outcome; a page that connects
// while the site is broken is told at once; the next success clears it.
func TestEvents(t *testing.T) {
	var fail error
	s := newTestServer(t, t.TempDir(), builtSite(t), func([]string) (Result, error) {
		return Result{Changed: []string{"news/a/index.html"}}, fail
	})
	srv := httptest.NewServer(s)
	defer srv.Close()
	defer s.live.close()
	s.Rebuild(nil)
	build := s.currentBuild()

	first := openStream(t, srv.URL)
	first.expect("hello", `{"build":"`+build+`","error":null}`)

	fail = &diag.Failure{Problems: []*diag.Problem{{File: "content/news/a.md", Line: 2, Msg: "TOML front matter: expected value (前置元数据格式错误)"}}}
	s.Rebuild([]string{"content/news/a.md"})
	first.expect("building", "{}")
	first.expect("error", `"file":"content/news/a.md","line":2,"message":"TOML front matter: expected value (前置元数据格式错误)"`)

	second := openStream(t, srv.URL) // a page opened while broken
	second.expect("hello", `"error":{"problems":[{"file":"content/news/a.md","line":2`)
	if s.currentBuild() != build {
		t.Error("a failed build changed the build id")
	}

	fail = nil
	s.Rebuild([]string{"content/news/a.md"})
	for _, page := range []*stream{first, second} {
		page.expect("building", "{}")
		page.expect("ok", `"build":"`)
		page.expect("reload", `"files":["/dangjian/news/a/"]`)
	}

	third := openStream(t, srv.URL)
	third.expect("hello", `"error":null`)
	if n := s.live.count(); n != 3 {
		t.Errorf("%d streams open, want 3", n)
	}
	s.live.close() // the server stops: every stream ends
	if _, err := third.r.ReadString('\n'); err == nil {
		if _, err := third.r.ReadString('\n'); err == nil {
			t.Error("stream still open after close")
		}
	}
}

// TestSlowPageDropped: a page that does not take its events is dropped
// instead of holding up the others; its browser reconnects.
func TestSlowPageDropped(t *testing.T) {
	h := newHub()
	slow := h.subscribe()
	for i := 0; i < 100; i++ {
		h.broadcast(message{event: "reload", data: []byte("{}")})
	}
	if h.count() != 0 {
		t.Fatal("slow page kept")
	}
	n := 0
	for range slow {
		n++
	}
	if n == 0 || n >= 100 {
		t.Errorf("slow page got %d events before being dropped", n)
	}
}

func TestFailureReport(t *testing.T) {
	r := newFailureReport(errors.New("disk full"))
	if len(r.Problems) != 1 || r.Problems[0].place() != "" || r.Raw != "disk full" {
		t.Errorf("plain error: %+v", r)
	}
	r = newFailureReport(diag.Errorf("site.toml", 0, "no baseURL"))
	if r.Problems[0].place() != "site.toml" {
		t.Errorf("problem: %+v", r)
	}
}

// BenchmarkSaveToReload times what the server adds between saving a page
// and the page's reload message, with a rebuild that does nothing: the file
// event, the batching's quiet window, and the event stream.
func BenchmarkSaveToReload(b *testing.B) {
	src := b.TempDir()
	page := src + "/content/news/a.md"
	if err := os.MkdirAll(src+"/content/news", 0o755); err != nil {
		b.Fatal(err)
	}
	s, err := New(Options{Source: src, Root: b.TempDir(), BasePath: "/dangjian/",
		Rebuild: func([]string) (Result, error) { return Result{Changed: []string{"news/a/index.html"}}, nil }})
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := s.Watch(ctx); err != nil {
		b.Fatal(err)
	}
	go s.Run(ctx)
	srv := httptest.NewServer(s)
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/dangjian/__showcase/events")
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	reloads := make(chan struct{})
	go func() {
		r := bufio.NewReader(resp.Body)
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			if line == "event: reload\n" {
				reloads <- struct{}{}
			}
		}
	}()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := os.WriteFile(page, []byte(strings.Repeat("改", i+1)), 0o644); err != nil {
			b.Fatal(err)
		}
		select {
		case <-reloads:
		case <-time.After(10 * time.Second):
			b.Fatal("no reload")
		}
	}
}
