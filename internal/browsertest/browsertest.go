// Package browsertest starts the real headless Chromium that browser tests
// drive with chromedp, and serves built sites to it.
//
// Tests call New(t) for a browser context. When Chromium is not installed the
// test is skipped, except when the environment variable SHOWCASE_REQUIRE_ALL
// is set (CI sets it in .ci/run): then a missing browser is a failure, so a
// green CI always means the browser tests ran. Require(t, what) applies the
// same rule to other real parts, such as sshd.
package browsertest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// RequireAll is the environment variable that turns skips into failures.
const RequireAll = "SHOWCASE_REQUIRE_ALL"

// Require skips the test, or fails it when RequireAll is set, because
// something it needs (named by what) is missing.
func Require(t testing.TB, what string, err error) {
	t.Helper()
	if os.Getenv(RequireAll) != "" {
		t.Fatalf("%s is required (%s is set): %v", what, RequireAll, err)
	}
	t.Skipf("%s is not available: %v", what, err)
}

// Chromium returns the path of the browser, or "" when none is installed.
func Chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// New starts headless Chromium for the test and returns a context for
// chromedp.Run; the browser stops when the test ends.
func New(t testing.TB) context.Context {
	t.Helper()
	path := Chromium()
	if path == "" {
		Require(t, "Chromium (apt-get install chromium)", exec.ErrNotFound)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	// start the browser now, without a deadline (a deadline would stop it)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return ctx
}

// Step runs one action with a timeout, failing the test on error.
func Step[T any](t testing.TB, ctx context.Context, timeout time.Duration, a chromedp.Action[T]) T {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	v, err := chromedp.Run(sctx, a)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	return v
}

// Serve serves the folder dir under basePath ("/dangjian/") on 127.0.0.1 and
// returns the site's URL (ending in basePath).
func Serve(t testing.TB, dir, basePath string) string {
	t.Helper()
	if !strings.HasSuffix(basePath, "/") {
		basePath += "/"
	}
	mux := http.NewServeMux()
	mux.Handle(basePath, http.StripPrefix(strings.TrimSuffix(basePath, "/"), http.FileServer(http.Dir(dir))))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL + basePath
}
