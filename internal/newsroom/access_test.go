package newsroom

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"strings"
	"testing"
)

func TestLoopbackOnlyWithoutToken(t *testing.T) {
	dir := testSite(t, nil)
	n := testNewsroom(t, dir, "")
	if w := n.do(t, call{path: "api/pages"}, nil); w.Code != http.StatusOK {
		t.Errorf("loopback: %d %s", w.Code, w.Body)
	}
	if w := n.do(t, call{path: "api/pages", remote: "[::1]:5000"}, nil); w.Code != http.StatusOK {
		t.Errorf("IPv6 loopback: %d", w.Code)
	}
	if w := n.do(t, call{path: "api/pages", remote: "192.168.1.20:5000"}, nil); w.Code != http.StatusForbidden {
		t.Errorf("another computer without a token configured: %d", w.Code)
	}
}

func TestTokenFromOtherComputers(t *testing.T) {
	dir := testSite(t, nil)
	n := testNewsroom(t, dir, "s3cret")
	lan := "192.168.1.20:5000"
	save := call{method: "POST", path: "api/save", remote: lan, csrf: true,
		body: `{"file":"content/news/a/index.md","version":"x","fields":[{"key":"title","type":"text","value":"改"}]}`}
	before := readSite(t, dir, "content/news/a/index.md")
	if w := n.do(t, save, nil); w.Code != http.StatusForbidden || !strings.Contains(w.Body.String(), "令牌") {
		t.Errorf("a write without the token from another computer: %d %s", w.Code, w.Body)
	}
	if readSite(t, dir, "content/news/a/index.md") != before {
		t.Fatal("the refused write changed the file")
	}
	if w := n.do(t, call{path: "api/pages", remote: lan, header: map[string]string{"Cookie": cookieName + "=wrong"}}, nil); w.Code != http.StatusForbidden {
		t.Errorf("a wrong token: %d", w.Code)
	}
	w := n.do(t, call{path: "?token=s3cret", remote: lan}, nil)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != n.prefix || !strings.Contains(w.Header().Get("Set-Cookie"), "HttpOnly") {
		t.Fatalf("opening the address with the token: %d %q %q", w.Code, w.Header().Get("Location"), w.Header().Get("Set-Cookie"))
	}
	if w := n.do(t, call{path: "api/pages", remote: lan, header: map[string]string{"Cookie": cookieName + "=s3cret"}}, nil); w.Code != http.StatusOK {
		t.Errorf("with the token's cookie: %d %s", w.Code, w.Body)
	}
}

func TestWritesNeedCSRF(t *testing.T) {
	dir := testSite(t, nil)
	n := testNewsroom(t, dir, "")
	var page pageReply
	n.do(t, call{path: "api/page?file=content/news/a/index.md"}, &page)
	body := `{"file":"content/news/a/index.md","version":"` + page.Version + `","fields":[{"key":"title","type":"text","value":"改"}]}`
	if w := n.do(t, call{method: "POST", path: "api/save", body: body}, nil); w.Code != http.StatusForbidden {
		t.Errorf("no CSRF token: %d", w.Code)
	}
	for _, origin := range []string{"http://evil.example", "null", "http://127.0.0.1:1313.evil.example"} {
		if w := n.do(t, call{method: "POST", path: "api/save", body: body, csrf: true, header: map[string]string{"Origin": origin}}, nil); w.Code != http.StatusForbidden {
			t.Errorf("origin %s: %d", origin, w.Code)
		}
	}
	if strings.Contains(readSite(t, dir, "content/news/a/index.md"), "改") {
		t.Fatal("a refused write changed the file")
	}
	if w := n.do(t, call{method: "POST", path: "api/save", body: body, csrf: true, header: map[string]string{"Origin": "http://127.0.0.1:1313"}}, nil); w.Code != http.StatusOK {
		t.Errorf("same origin with the token: %d %s", w.Code, w.Body)
	}
}

func TestShellCarriesCSRFAndHeaders(t *testing.T) {
	n := testNewsroom(t, testSite(t, nil), "")
	w := n.do(t, call{path: ""}, nil)
	if !strings.Contains(w.Body.String(), n.csrf) {
		t.Error("the page lacks the CSRF token")
	}
	if w.Header().Get("Content-Security-Policy") == "" || w.Header().Get("X-Frame-Options") != "DENY" {
		t.Error("security headers missing")
	}
	if w := n.do(t, call{method: "DELETE", path: "api/pages"}, nil); w.Code != http.StatusMethodNotAllowed {
		t.Errorf("DELETE: %d", w.Code)
	}
}

// TestAssetsSmall: the editor's JavaScript and CSS stay under 150 KB gzipped.
func TestAssetsSmall(t *testing.T) {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	css, _ := assets.ReadFile("assets/app.css")
	zw.Write(script)
	zw.Write(css)
	zw.Close()
	if b.Len() > 150<<10 || len(script) == 0 {
		t.Errorf("the editor's JS and CSS are %d bytes gzipped", b.Len())
	}
}
