package build

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"showcase/internal/browsertest"
)

func tinyJPEG(t *testing.T, c color.RGBA) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	for y := 0; y < 30; y++ {
		for x := 0; x < 40; x++ {
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestLightbox opens an album in headless Chromium: a click on a thumbnail
// shows the large photo in the lightbox, → and ← move, Esc closes and gives
// the focus back to the thumbnail.
func TestLightbox(t *testing.T) {
	src := makeSite(t, map[string]string{
		"site.toml": "baseURL = \"https://www.example.edu.cn/dangjian/\"\ntitle = \"t\"\n",
		"content/photos/day/index.md": "+++\ntitle = \"主题党日\"\ndate = 2025-05-01\n" +
			"[[resources]]\nsrc = \"a.jpg\"\ntitle = \"第一张\"\n[[resources]]\nsrc = \"b.jpg\"\ntitle = \"第二张\"\n[[resources]]\nsrc = \"c.jpg\"\ntitle = \"第三张\"\n+++\n",
		"content/photos/day/a.jpg": tinyJPEG(t, color.RGBA{200, 0, 0, 255}),
		"content/photos/day/b.jpg": tinyJPEG(t, color.RGBA{0, 200, 0, 255}),
		"content/photos/day/c.jpg": tinyJPEG(t, color.RGBA{0, 0, 200, 255}),
	})
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := buildDir(t, src, dest); err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t)
	url := browsertest.Serve(t, dest, "/dangjian/")
	wait := 15 * time.Second
	browsertest.Step(t, ctx, wait, chromedp.Navigate(url+"photos/day/"))
	browsertest.Step(t, ctx, wait, chromedp.WaitReady(chromedp.CSS(".gallery a")))
	browsertest.Step(t, ctx, wait, chromedp.Click(chromedp.CSS(".gallery li:nth-child(2) a")))
	browsertest.Step(t, ctx, wait, chromedp.WaitVisible(chromedp.CSS(".lightbox")))
	state := func() string {
		return browsertest.Step(t, ctx, wait, chromedp.Evaluate[string](
			`document.querySelector(".lightbox-counter").textContent + "|" + document.querySelector(".lightbox-caption").textContent + "|" + new URL(document.querySelector(".lightbox-img").src).pathname`))
	}
	// the lightbox shows the large variant: /dangjian/photos/day/b_40w_<hash>.jpg
	if got, want := state(), "2 / 3|第二张|/dangjian/photos/day/b_40w_"; !strings.HasPrefix(got, want) {
		t.Errorf("after click: %q, want %q…", got, want)
	}
	key := func(k string) {
		browsertest.Step(t, ctx, wait, chromedp.Evaluate[bool](`document.dispatchEvent(new KeyboardEvent("keydown", {key: "`+k+`", bubbles: true}))`))
	}
	key("ArrowRight")
	if got := state(); !strings.HasPrefix(got, "3 / 3|第三张|/dangjian/photos/day/c_40w_") {
		t.Errorf("after →: %q", got)
	}
	key("ArrowRight")
	if got := state(); !strings.HasPrefix(got, "1 / 3|第一张|/dangjian/photos/day/a_40w_") {
		t.Errorf("after → at the end: %q (it wraps around)", got)
	}
	key("ArrowLeft")
	if got := state(); !strings.HasPrefix(got, "3 / 3|第三张|/dangjian/photos/day/c_40w_") {
		t.Errorf("after ←: %q", got)
	}
	// a swipe to the left on a phone shows the next photo, to the right the previous
	swipe := func(from, to int) {
		browsertest.Step(t, ctx, wait, chromedp.Evaluate[bool](fmt.Sprintf(`(function () {
			var box = document.querySelector(".lightbox");
			var at = function (x) { return new Touch({identifier: 1, target: box, clientX: x, clientY: 200}); };
			box.dispatchEvent(new TouchEvent("touchstart", {touches: [at(%d)], changedTouches: [at(%d)], bubbles: true}));
			return box.dispatchEvent(new TouchEvent("touchend", {touches: [], changedTouches: [at(%d)], bubbles: true}));
		})()`, from, from, to)))
	}
	swipe(300, 100)
	if got := state(); !strings.HasPrefix(got, "1 / 3|第一张|") {
		t.Errorf("after a swipe to the left: %q", got)
	}
	swipe(100, 300)
	if got := state(); !strings.HasPrefix(got, "3 / 3|第三张|") {
		t.Errorf("after a swipe to the right: %q", got)
	}
	swipe(200, 190) // too short to count
	if got := state(); !strings.HasPrefix(got, "3 / 3|") {
		t.Errorf("after a tap: %q", got)
	}
	key("Escape")
	closed := browsertest.Step(t, ctx, wait, chromedp.Evaluate[string](
		`document.querySelector(".lightbox").hidden + "|" + (document.activeElement.closest("li") === document.querySelector(".gallery li:nth-child(2)"))`))
	if closed != "true|true" {
		t.Errorf("after Esc: hidden|focus back = %q", closed)
	}
}
