package newsroom

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"showcase/internal/browsertest"
)

// TestEditorPageOnlyToNavigations: the page carrying the CSRF token is
// given to a top-level navigation only, never to a script's fetch or a
// frame, and no API answer carries the token.
func TestEditorPageOnlyToNavigations(t *testing.T) {
	n := testNewsroom(t, testSite(t, nil), "")
	for _, c := range []struct {
		dest, mode string
		ok         bool
	}{
		{"document", "navigate", true},
		{"", "", true}, // a program, or a browser without Sec-Fetch headers: no page's script
		{"empty", "cors", false},
		{"empty", "same-origin", false},
		{"iframe", "navigate", false},
		{"object", "no-cors", false},
	} {
		w := n.do(t, call{header: map[string]string{"Sec-Fetch-Dest": c.dest, "Sec-Fetch-Mode": c.mode}}, nil)
		if got := strings.Contains(w.Body.String(), n.csrf); got != c.ok || (w.Code == http.StatusOK) != c.ok {
			t.Errorf("Sec-Fetch-Dest %q Mode %q: status %d, token in it %v; want it only to navigations", c.dest, c.mode, w.Code, got)
		}
		h := w.Result().Header
		if h.Get("Cross-Origin-Opener-Policy") != "same-origin" || h.Get("Cross-Origin-Resource-Policy") != "same-origin" ||
			h.Get("X-Frame-Options") != "DENY" || !strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
			t.Errorf("isolation headers missing: %v", h)
		}
	}
	for _, p := range []string{"api/pages", "api/page?file=content/news/a/index.md", "api/options", "api/ledger", "ledger.csv", "app.js"} {
		if w := n.do(t, call{path: p}, nil); strings.Contains(w.Body.String(), n.csrf) {
			t.Errorf("%s carries the CSRF token", p)
		}
	}
}

// stealer is a page whose raw HTML script tries to get the editor's CSRF
// token: from the editor's page when it is framed there, and by fetching
// the editor's page. It reports what it got to the editor (postMessage)
// or, opened on its own, in its title.
const stealer = "+++\ntitle = \"第一篇\"\ndate = 2025-10-26T09:30:00+08:00\nreview = \"draft\"\n+++\n正文第一段。\n\n" +
	`<script>
(async () => {
  const out = {};
  try { out.parent = parent.document.querySelector("meta[name=csrf-token]").content; } catch (e) { out.parent = "blocked"; }
  try { const r = await fetch("/dj/_edit/"); out.fetch = r.status + " " + (await r.text()); } catch (e) { out.fetch = "blocked"; }
  const msg = "stolen:" + JSON.stringify(out);
  if (parent !== window) parent.postMessage(msg, "*"); else document.title = msg;
})();
</script>
`

// TestBrowserPreviewScriptCannotReadToken: with raw HTML allowed, a
// page's script, in the editor's preview frame or opened on its own,
// does not get the editor's token.
func TestBrowserPreviewScriptCannotReadToken(t *testing.T) {
	ctx := browsertest.New(t)
	_, editURL, n := editorSite(t, map[string]string{
		"site.toml": "baseURL = \"https://www.example.edu.cn/dj/\"\ntitle = \"测试党建网\"\n" +
			"[markup.goldmark.renderer]\nunsafe = true\n",
		"content/news/a/index.md": stealer,
	})
	run(t, ctx, chromedp.Navigate(editURL))
	waitUntil(t, ctx, "the dashboard", `document.getElementById("main").dataset.ready === "1"`)
	run(t, ctx, chromedp.Evaluate[chromedp.Void](`window.addEventListener("message", (e) => { window.got = String(e.data); }); location.hash = "#/edit?file=content/news/a/index.md"`))
	waitUntil(t, ctx, "the framed page's script reports", `typeof window.got === "string"`)
	got := browsertest.Step(t, ctx, 10*time.Second, chromedp.Evaluate[string](`window.got`))
	sandbox := browsertest.Step(t, ctx, 10*time.Second, chromedp.Evaluate[string](`document.getElementById("preview").getAttribute("sandbox") || "none"`))
	if strings.Contains(got, n.csrf) || !strings.Contains(got, "stolen:") {
		t.Errorf("the framed page's script got %s (the frame's sandbox: %q)", got, sandbox)
	}
	if strings.Contains(sandbox, "allow-same-origin") || sandbox == "none" {
		t.Errorf("preview frame sandbox %q, want one without allow-same-origin", sandbox)
	}

	run(t, ctx, chromedp.Navigate(strings.TrimSuffix(editURL, Path)+"news/a/"))
	waitUntil(t, ctx, "the page's script reports", `document.title.startsWith("stolen:")`)
	title := browsertest.Step(t, ctx, 10*time.Second, chromedp.Evaluate[string](`document.title`))
	if strings.Contains(title, n.csrf) {
		t.Errorf("the page opened on its own fetched the editor's token: %.300s", title)
	}
}
