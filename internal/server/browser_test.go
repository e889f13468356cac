package server

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"showcase"
	"showcase/internal/browsertest"
	"showcase/internal/build"
)

// previewSite writes a small site and starts its preview; it returns the
// site folder and the site's URL.
func previewSite(t *testing.T) (src, url string) {
	t.Helper()
	src = t.TempDir()
	writeFile(t, filepath.Join(src, "site.toml"), `baseURL = "https://www.example.edu.cn/dangjian/"
title = "测试党建网"
`)
	writeFile(t, filepath.Join(src, "content/_index.md"), "+++\ntitle = \"首页\"\n+++\n欢迎访问。\n")
	writeFile(t, filepath.Join(src, "content/news/_index.md"), "+++\ntitle = \"工作动态\"\n+++\n")
	writeFile(t, filepath.Join(src, "content/news/a.md"), newsPage("学校召开党建工作会议", "会议部署了下一阶段工作。"))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	stop := startPreview(t, src, filepath.Join(t.TempDir(), "site"), ln)
	t.Cleanup(stop)
	return src, "http://" + ln.Addr().String() + "/dangjian/"
}

// startPreview starts the preview of src on ln as showcase serve does:
// built by a build.Session with the embedded theme into dest, watched,
// rebuilt on changes.
// stop ends it: the watching, the pages' streams, the listener.
func startPreview(t *testing.T, src, dest string, ln net.Listener) (stop func()) {
	t.Helper()
	opts := build.Options{
		Source: src, Destination: dest, Drafts: true, Future: true, Theme: showcase.Theme(),
		Preview: true, PreviewHead: PreviewHead("/dangjian/"),
	}
	session := build.NewSession(opts)
	s, err := New(Options{Source: src, Root: dest, BasePath: "/dangjian/",
		Rebuild: func([]string) (Result, error) {
			res, err := session.Build()
			if err != nil {
				return Result{}, err
			}
			return Result{Changed: append([]string{}, res.Changed...)}, nil
		},
	})
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
	srv := &http.Server{Handler: s}
	go srv.Serve(ln)
	ran := make(chan struct{})
	go func() { s.Run(ctx); close(ran) }()
	stopped := false
	return func() {
		if !stopped {
			stopped = true
			cancel()
			<-ran // the pages' streams are closed
			srv.Close()
			session.Close() // the indexer writes nothing more into dest
		}
	}
}

// newsPage is a news page whose body is long enough to scroll.
func newsPage(title, first string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "+++\ntitle = %q\ndate = 2025-10-26T09:30:00+08:00\nreviewer = \"钱锐\"\n+++\n\n%s\n", title, first)
	for i := 1; i <= 60; i++ {
		fmt.Fprintf(&b, "\n第%d段：加强党的建设，推进“双创”工作。\n", i)
	}
	return b.String()
}

// waitUntil evaluates the condition (a value or a promise) until it holds,
// for at most 30 s; an evaluation that fails because the page is reloading
// counts as not yet.
func waitUntil(t *testing.T, ctx context.Context, what, condition string) {
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
	t.Fatalf("timed out waiting until %s (%s)", what, condition)
}

// TestBrowserLiveReload: in real headless Chromium, a page follows its
// Markdown file on disk without being touched: an edit reloads it (keeping
// the scroll position), a stylesheet change is swapped in without a
// reload, a broken front matter shows the overlay (also in a page opened
// meanwhile) over the last good site, and fixing it clears the overlay.
func TestBrowserLiveReload(t *testing.T) {
	ctx := browsertest.New(t)
	src, url := previewSite(t)
	page := filepath.Join(src, "content/news/a.md")
	const connected = `window.__showcase && window.__showcase.connected`
	h1 := `document.querySelector("h1.page-title").textContent`

	browsertest.Step(t, ctx, 20*time.Second, chromedp.Navigate(url+"news/a/"))
	waitUntil(t, ctx, "the page is connected", connected)
	if got := browsertest.Step(t, ctx, 5*time.Second, chromedp.Text(chromedp.CSS("h1.page-title"))); got != "学校召开党建工作会议" {
		t.Fatalf("title %q", got)
	}
	// "manual": the browser does not restore the scroll position by itself
	browsertest.Step(t, ctx, 5*time.Second, chromedp.Evaluate[int](`history.scrollRestoration = "manual"; window.scrollTo(0, 400); window.__mark = 1; window.scrollY`))

	// 1. an edit on disk reloads the page, at the same scroll position
	writeFile(t, page, newsPage("学校召开党建工作推进会", "会议强调要抓好落实。"))
	waitUntil(t, ctx, "the new title shows", h1+` === "学校召开党建工作推进会" && !window.__mark`)
	waitUntil(t, ctx, "the new text shows", `document.body.innerText.includes("会议强调要抓好落实。")`)
	waitUntil(t, ctx, "the scroll position is kept", `Math.abs(window.scrollY - 400) < 5`)

	// 2. a stylesheet change is swapped in without a reload
	waitUntil(t, ctx, "the page is connected again", connected)
	browsertest.Step(t, ctx, 5*time.Second, chromedp.Evaluate[int](`window.__mark = 2`))
	writeFile(t, filepath.Join(src, "static/css/site.css"), "body { background-color: rgb(1, 2, 3); }\n")
	waitUntil(t, ctx, "the new stylesheet applies", `getComputedStyle(document.body).backgroundColor === "rgb(1, 2, 3)"`)
	if mark := browsertest.Step(t, ctx, 5*time.Second, chromedp.Evaluate[int](`window.__mark || 0`)); mark != 2 {
		t.Error("the page reloaded for a stylesheet change")
	}

	// 3. a broken front matter: the overlay, over the last good page
	writeFile(t, page, "+++\ntitle = \n+++\n正文。\n")
	overlay := `document.getElementById("showcase-error")`
	waitUntil(t, ctx, "the overlay shows the file and line", overlay+` && `+overlay+`.innerText.includes("content/news/a.md:2")`)
	waitUntil(t, ctx, "the message shows in Chinese", overlay+`.innerText.includes("网站生成失败") && `+overlay+`.innerText.includes("前置元数据")`)
	if got := browsertest.Step(t, ctx, 5*time.Second, chromedp.Evaluate[string](h1)); got != "学校召开党建工作推进会" {
		t.Errorf("the last good page is gone: %q", got)
	}
	// a page opened while the site is broken shows the overlay too
	browsertest.Step(t, ctx, 20*time.Second, chromedp.Navigate(url))
	waitUntil(t, ctx, "the overlay shows on a new page", overlay+` && `+overlay+`.innerText.includes("content/news/a.md:2")`)

	// 4. fixing the file clears the overlay by itself
	writeFile(t, page, newsPage("学校召开党建工作总结会", "会议总结了全年工作。"))
	waitUntil(t, ctx, "the overlay goes", `!`+overlay+` && document.body.innerText.includes("学校召开党建工作总结会")`)
}

// TestBrowserReconnect: a page in a background tab lets its stream go and
// catches up when shown again; when the server restarts, the open page
// reconnects by itself and reloads once the server is back.
func TestBrowserReconnect(t *testing.T) {
	ctx := browsertest.New(t)
	src := t.TempDir()
	writeFile(t, filepath.Join(src, "site.toml"), "baseURL = \"https://www.example.edu.cn/dangjian/\"\ntitle = \"测试党建网\"\n")
	writeFile(t, filepath.Join(src, "content/_index.md"), "+++\ntitle = \"首页\"\n+++\n欢迎访问。\n")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	stop := startPreview(t, src, filepath.Join(t.TempDir(), "site"), ln)
	t.Cleanup(func() { stop() })

	browsertest.Step(t, ctx, 20*time.Second, chromedp.Navigate("http://"+addr+"/dangjian/"))
	waitUntil(t, ctx, "the page is connected", `window.__showcase && window.__showcase.connected`)
	// a page in a background tab lets its stream go; back in front, it
	// reconnects and reloads, since the site was rebuilt meanwhile
	setVisibility := func(state string) {
		browsertest.Step(t, ctx, 5*time.Second, chromedp.Evaluate[chromedp.Void](`Object.defineProperty(document, "visibilityState", {value: "`+state+`", configurable: true}); document.dispatchEvent(new Event("visibilitychange"))`))
	}
	browsertest.Step(t, ctx, 5*time.Second, chromedp.Evaluate[int](`window.__mark = 1`))
	setVisibility("hidden")
	waitUntil(t, ctx, "the hidden page lets its stream go", `!window.__showcase.connected`)
	writeFile(t, filepath.Join(src, "content/_index.md"), "+++\ntitle = \"首页\"\n+++\n后台时修改的内容。\n")
	waitUntil(t, ctx, "the rebuild", `fetch(location.href).then(r => r.text()).then(t => t.includes("后台时修改的内容。"))`)
	if got := browsertest.Step(t, ctx, 5*time.Second, chromedp.Evaluate[int](`window.__mark || 0`)); got != 1 {
		t.Fatal("a hidden page reloaded")
	}
	setVisibility("visible")
	waitUntil(t, ctx, "the page, visible again, reloads", `!window.__mark && document.body.innerText.includes("后台时修改的内容。")`)

	waitUntil(t, ctx, "the page is connected", `window.__showcase && window.__showcase.connected`)
	browsertest.Step(t, ctx, 5*time.Second, chromedp.Evaluate[int](`window.__mark = 1`))
	stop()
	waitUntil(t, ctx, "the page sees the server gone", `!window.__showcase.connected`)

	// the server comes back on the same address, in a new build folder
	writeFile(t, filepath.Join(src, "content/_index.md"), "+++\ntitle = \"首页\"\n+++\n服务器重启后的内容。\n")
	ln, err = net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	stop = startPreview(t, src, filepath.Join(t.TempDir(), "site"), ln)
	waitUntil(t, ctx, "the page reloads", `!window.__mark && window.__showcase && window.__showcase.connected`)
	waitUntil(t, ctx, "the new content shows", `document.body.innerText.includes("服务器重启后的内容。")`)
}
