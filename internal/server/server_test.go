package server

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"showcase/internal/diag"
)

func newTestServer(t *testing.T, src, root string, rebuild Rebuilder) *Server {
	t.Helper()
	if rebuild == nil {
		rebuild = func([]string) (Result, error) { return Result{}, nil }
	}
	s, err := New(Options{Source: src, Root: root, BasePath: "dangjian", Rebuild: rebuild})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// fakeClock is the time as the test says; each timer Run sets is handed to
// the test, which fires it.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	timers chan fakeTimer
}

type fakeTimer struct {
	d  time.Duration
	ch chan time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) After(d time.Duration) <-chan time.Time {
	ch := make(chan time.Time, 1)
	c.timers <- fakeTimer{d, ch}
	return ch
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// next is the timer Run set last: it is waiting on it.
func (c *fakeClock) next(t *testing.T) fakeTimer {
	t.Helper()
	select {
	case tm := <-c.timers:
		return tm
	case <-time.After(5 * time.Second):
		t.Fatal("Run set no timer")
	}
	return fakeTimer{}
}

// rebuildCall is one call of the fake Rebuilder; the test answers it.
type rebuildCall struct {
	changed []string
	answer  chan rebuildAnswer
}

type rebuildAnswer struct {
	res Result
	err error
}

// TestRunBatches drives Run with synthetic events and a fake clock: a
// burst with litter becomes one rebuild; events during a rebuild form the
// next batch; the pages hear of a rebuild only once it has returned.
func TestRunBatches(t *testing.T) {
	calls := make(chan rebuildCall)
	s := newTestServer(t, t.TempDir(), t.TempDir(), func(changed []string) (Result, error) {
		c := rebuildCall{changed, make(chan rebuildAnswer)}
		calls <- c
		a := <-c.answer
		return a.res, a.err
	})
	clk := &fakeClock{now: t0, timers: make(chan fakeTimer)}
	s.clock = clk
	s.changes = make(chan string) // unbuffered: a send returns once Run has the event
	page := s.live.subscribe()
	ctx, cancel := context.WithCancel(context.Background())
	ran := make(chan struct{})
	go func() { s.Run(ctx); close(ran) }()

	s.changes <- "content/news/a.md"
	if tm := clk.next(t); tm.d != QuietWindow {
		t.Fatalf("first timer %v", tm.d)
	}
	clk.advance(QuietWindow * 3 / 5)
	s.changes <- "content/news/.a.md.swp" // litter does not extend the window
	if tm := clk.next(t); tm.d != QuietWindow*2/5 {
		t.Fatalf("timer after litter: %v, want %v", tm.d, QuietWindow*2/5)
	}
	s.changes <- "content/news/b.md"
	tm := clk.next(t)
	if tm.d != QuietWindow {
		t.Fatalf("timer after b.md: %v", tm.d)
	}
	clk.advance(QuietWindow)
	tm.ch <- clk.Now()

	call := <-calls
	if want := []string{"content/news/a.md", "content/news/b.md"}; !reflect.DeepEqual(call.changed, want) {
		t.Fatalf("rebuild of %q, want %q", call.changed, want)
	}
	expectEvents(t, page, "building")
	s.changes <- "layouts/baseof.html" // during the rebuild
	select {
	case m := <-page:
		t.Fatalf("event %q before the rebuild returned", m.event)
	default:
	}
	call.answer <- rebuildAnswer{res: Result{Changed: []string{"news/a/index.html", "news/index.xml"}}}
	got := expectEvents(t, page, "ok", "reload")
	if !strings.Contains(string(got[1].data), `"files":["/dangjian/news/a/"]`) {
		t.Errorf("reload: %s", got[1].data)
	}

	// the next batch: the template changed during the first rebuild
	tm = clk.next(t)
	clk.advance(tm.d)
	tm.ch <- clk.Now()
	call = <-calls
	if want := []string{"layouts/baseof.html"}; !reflect.DeepEqual(call.changed, want) {
		t.Fatalf("second rebuild of %q, want %q", call.changed, want)
	}
	call.answer <- rebuildAnswer{err: &diag.Failure{Problems: []*diag.Problem{{File: "layouts/baseof.html", Line: 3, Msg: "unexpected EOF (模板语法错误)"}}}}
	got = expectEvents(t, page, "building", "error")
	var report failureReport
	if err := json.Unmarshal(got[1].data, &report); err != nil || len(report.Problems) != 1 || report.Problems[0].place() != "layouts/baseof.html:3" {
		t.Errorf("error event %s (%v)", got[1].data, err)
	}

	s.reportLost() // events were lost: everything is rebuilt
	tm = clk.next(t)
	clk.advance(tm.d)
	tm.ch <- clk.Now()
	call = <-calls
	if call.changed != nil {
		t.Fatalf("after lost events: rebuild of %q, want nil", call.changed)
	}
	call.answer <- rebuildAnswer{}
	expectEvents(t, page, "building", "ok", "reload")

	cancel()
	<-ran
	if _, open := <-page; open {
		t.Error("the page's stream was not closed")
	}
}

// expectEvents reads the next events of a page's stream.
func expectEvents(t *testing.T, page chan message, names ...string) []message {
	t.Helper()
	var got []message
	for _, name := range names {
		select {
		case m := <-page:
			if m.event != name {
				t.Fatalf("event %q, want %q", m.event, name)
			}
			got = append(got, m)
		case <-time.After(5 * time.Second):
			t.Fatalf("no %q event", name)
		}
	}
	return got
}

// TestRebuildPanics: a panicking build is reported as an error; the
// preview goes on.
func TestRebuildPanics(t *testing.T) {
	s := newTestServer(t, t.TempDir(), t.TempDir(), func([]string) (Result, error) { panic("boom") })
	var log strings.Builder
	s.opts.Log = &log
	err := s.Rebuild(nil)
	if err == nil || !strings.Contains(err.Error(), "boom") || !strings.Contains(log.String(), "生成失败") {
		t.Fatalf("err %v, log %q", err, log.String())
	}
}

func TestNew(t *testing.T) {
	if _, err := New(Options{Root: "x"}); err == nil {
		t.Error("no Rebuild accepted")
	}
	s := newTestServer(t, ".", "x", nil)
	if s.BasePath() != "/dangjian/" || NormalizeBasePath("") != "/" || NormalizeBasePath("/a/b") != "/a/b/" {
		t.Errorf("base paths: %q", s.BasePath())
	}
}
