package newsroom

import (
	"context"
	"fmt"
	"io"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"showcase"
	"showcase/internal/browsertest"
	"showcase/internal/build"
	"showcase/internal/server"
)

// editorSite starts the preview of a test site as showcase serve does, with
// the editor mounted; it returns the site folder and the editor's URL.
func editorSite(t *testing.T, extra map[string]string) (src, editURL string, n *Newsroom) {
	t.Helper()
	src = testSite(t, extra)
	editURL, n = startEditor(t, src, "/dj/")
	return src, editURL, n
}

// startEditor starts the preview of the site src under base, with the editor.
func startEditor(t testing.TB, src, base string) (editURL string, n *Newsroom) {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "site")
	opts := build.Options{Source: src, Destination: dest, Drafts: true, Future: true, Theme: showcase.Theme(),
		Preview: true, PreviewHead: server.PreviewHead(base)}
	session := build.NewSession(opts)
	var s *server.Server
	n, err := New(Options{Build: opts, BasePath: base, Archetypes: showcase.Archetypes(),
		Saved: func(rel string) { // as in showcase serve
			t0 := time.Now()
			s.Saved(rel)
			if savedLog != nil {
				fmt.Fprintf(savedLog, "saved %s in %dms\n", rel, time.Since(t0).Milliseconds())
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	s, err = server.New(server.Options{Source: src, Root: dest, BasePath: base, Editor: n,
		Rebuild: func(changed []string) (server.Result, error) {
			res, err := session.BuildChanged(changed)
			if err != nil {
				return server.Result{}, err
			}
			return server.Result{Changed: append([]string{}, res.Changed...), Summary: fmt.Sprintf("took %dms fast %v", res.Took.Milliseconds(), res.Fast)}, nil
		}, Log: buildLog})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	if err := s.Watch(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := s.HTTPServer(ln)
	go srv.Serve(ln)
	ran := make(chan struct{})
	go func() { s.Run(ctx); close(ran) }()
	t.Cleanup(func() {
		cancel()
		<-ran
		srv.Close()
		session.Close()
	})
	return "http://" + ln.Addr().String() + base + Path, n
}

// buildLog, when set, gets the preview's terminal lines (the benchmark
// reads the rebuilds' times from them).
var buildLog io.Writer

// savedLog, when set, gets a line for each save's rebuild by the preview.
var savedLog io.Writer

// waitUntil evaluates the condition (a value or a promise) until it holds,
// for at most 30 s; an evaluation that fails (a page loading) counts as not yet.
func waitUntil(t testing.TB, ctx context.Context, what, condition string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for time.Now().Before(deadline) {
		ectx, cancel := context.WithTimeout(ctx, 5*time.Second)
		ok, err := chromedp.Run(ectx, chromedp.Evaluate[bool]("Promise.resolve("+condition+").then(Boolean)", chromedp.EvalAwaitPromise))
		cancel()
		if err == nil && ok {
			return
		}
		<-tick.C
	}
	text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText.slice(0, 2000)`))
	t.Fatalf("timed out waiting until %s (%s); the page shows:\n%s", what, condition, text)
}

func run(t testing.TB, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(sctx, steps...); err != nil {
		t.Fatalf("browser: %v", err)
	}
}

const previewText = `(document.getElementById("preview").contentDocument || {body: null}).body`

// TestBrowserEditAndPreview: the dashboard lists the page; its edit view
// changes one front-matter line per field, and what is typed in the body
// shows in the real page beside it.
func TestBrowserEditAndPreview(t *testing.T) {
	ctx := browsertest.New(t)
	src, editURL, _ := editorSite(t, nil)
	run(t, ctx, chromedp.Navigate(editURL))
	waitUntil(t, ctx, "the dashboard lists the page", `document.querySelector('tr[data-file="content/news/a/index.md"]') && document.body.innerText.includes("待审")`)
	waitUntil(t, ctx, "the page is under its section's heading", `document.querySelector('section[data-section="news"] h2').textContent.includes("工作动态") && document.querySelector('section[data-section="news"] tr[data-file="content/news/a/index.md"]')`)
	run(t, ctx, chromedp.SetValue(chromedp.CSS(`input[type=search]`), "第一篇"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('input[type=search]').dispatchEvent(new Event("input", {bubbles: true}))`))
	waitUntil(t, ctx, "the search keeps only the section with a hit", `document.querySelectorAll("section.group").length === 1 && document.querySelector('section[data-section="news"]')`)
	run(t, ctx, chromedp.Click(chromedp.CSS(`tr[data-file="content/news/a/index.md"] a`)))
	waitUntil(t, ctx, "the edit view opens", `document.getElementById("body") && document.getElementById("body").value.includes("正文第一段")`)
	waitUntil(t, ctx, "the preview shows the page", previewText+` && `+previewText+`.innerText.includes("正文第一段")`)

	waitUntil(t, ctx, "the editor knows the page in the frame", `document.getElementById("preview").dataset.known === "1"`)
	run(t, ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("preview").contentWindow.notReloaded = true`))
	run(t, ctx, typeAtEnd("#body", "新加的一段话。"))
	waitUntil(t, ctx, "the preview shows what was typed", previewText+` && `+previewText+`.innerText.includes("新加的一段话。")`)
	if !browsertest.Step(t, ctx, 10*time.Second, chromedp.Evaluate[bool](`document.getElementById("preview").contentWindow.notReloaded === true`)) {
		t.Error("the preview frame reloaded after typing: its main was to be replaced in place")
	}

	run(t, ctx, chromedp.SetValue(chromedp.CSS(`input[name="title"]`), "改过的标题"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('input[name="title"]').dispatchEvent(new Event("input", {bubbles: true}))`))
	waitUntil(t, ctx, "the preview shows the new title", previewText+` && `+previewText+`.querySelector("h1") && `+previewText+`.querySelector("h1").textContent.includes("改过的标题")`)
	want := "+++\n# 工作动态\ntitle = \"改过的标题\"   # 标题\ndate = 2025-10-26T09:30:00+08:00\n" +
		"author = \"储德丹\"\ntags = [\"主题教育\"]\nreview = \"draft\"\n+++\n正文第一段。\n新加的一段话。"
	if got := readSite(t, src, "content/news/a/index.md"); got != want {
		t.Errorf("file:\n%s\nwant:\n%s", got, want)
	}

	// a list field shows its items; one more is picked from the list
	waitUntil(t, ctx, "the tags show", `document.querySelector('input[name="tags"]').value === "主题教育"`)
	run(t, ctx, chromedp.SendKeys(chromedp.CSS(`input[aria-label="从列表添加标签"]`), "双创\r"))
	waitUntil(t, ctx, "the tag is added", `document.querySelector('input[name="tags"]').value === "主题教育、双创"`)
	waitUntil(t, ctx, "the preview shows the new tag", previewText+` && `+previewText+`.innerText.includes("双创")`)
	if got := readSite(t, src, "content/news/a/index.md"); !strings.Contains(got, "\ntags = [\"主题教育\", \"双创\"]\n") {
		t.Errorf("file after adding a tag:\n%s", got)
	}
}

// TestBrowserConflict: a file changed on disk after it was opened is not
// overwritten by typing; the editor shows the conflict and the file as it is.
func TestBrowserConflict(t *testing.T) {
	ctx := browsertest.New(t)
	src, editURL, _ := editorSite(t, nil)
	run(t, ctx, chromedp.Navigate(editURL+"#/edit?file=content/news/a/index.md"))
	waitUntil(t, ctx, "the edit view opens", `document.getElementById("body") && document.getElementById("body").value.includes("正文第一段")`)
	theirs := "+++\ntitle = \"别人改的\"\ndate = 2025-10-26T09:30:00+08:00\n+++\n别人写的正文。\n"
	writeFileAtomic(t, filepath.Join(src, "content/news/a/index.md"), theirs)
	run(t, ctx, typeAtEnd("#body", "我的修改"))
	waitUntil(t, ctx, "the conflict shows", `document.body.innerText.includes("冲突") && document.body.innerText.includes("别人写的正文。")`)
	if got := readSite(t, src, "content/news/a/index.md"); got != theirs {
		t.Errorf("the other change was overwritten:\n%s", got)
	}
}

func writeFileAtomic(t *testing.T, name, text string) {
	t.Helper()
	if err := writeAtomic(name, []byte(text)); err != nil {
		t.Fatal(err)
	}
}

// typeAtEnd types text, key by key, at the end of the field sel.
func typeAtEnd(sel, text string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Evaluate[chromedp.Void](`(() => { const b = document.querySelector(`+"`"+sel+"`"+`); b.focus(); b.setSelectionRange(b.value.length, b.value.length) })()`),
		chromedp.KeyEvent(text))
}
