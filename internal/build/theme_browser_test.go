package build

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"showcase/internal/browsertest"
)

// AxeEnv names the file of axe-core (axe.min.js, from npm's axe-core) that
// TestThemeLayout runs in every page; .ci/run installs it. Without it the
// accessibility check is skipped, or fails under SHOWCASE_REQUIRE_ALL.
const AxeEnv = "SHOWCASE_AXE"

// ScreenshotEnv names a folder where TestThemeLayout saves a screenshot of
// every page at every width, to look at by eye.
const ScreenshotEnv = "SHOWCASE_SCREENSHOTS"

// themePages are the page types of the demo site, one page of each.
var themePages = []struct{ name, path string }{
	{"home", ""},
	{"section", "news/"},
	{"article", "news/2025-shuangchuang-jiaoliuhui/"},
	{"case", "cases/huanke-lvshui-qingshan/"},
	{"photos", "photos/"},
	{"album", "photos/2025-zhutidangri/"},
	{"profile", "branches/xinxi-xuesheng-diyi-zhibu/"},
	{"showcase", "branches/"},
	{"matrix", "branches/matrix/"},
	{"facet", "branches/kind/yang-ban-zhi-bu/"},
	{"search", "search/?q=支部"},
	{"tag", "tags/qi-ge-you-li/"},
	{"404", "404.html"},
}

// themeSizes are the windows pages are checked in: a phone (touch, no
// scroll bar, the viewport meta tag applied) and a desktop.
var themeSizes = []themeSize{{390, 844, true}, {1366, 900, false}}

type themeSize struct {
	w, h  int64
	phone bool
}

func (s themeSize) emulate() chromedp.Action[chromedp.Void] {
	if s.phone {
		return chromedp.EmulateViewport(s.w, s.h, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait)
	}
	return chromedp.EmulateViewport(s.w, s.h)
}

// layoutCheck runs in a page and lists what is wrong with its layout:
// horizontal overflow, a title or table cell wrapped one character a line,
// an image without width and height.
const layoutCheck = `(function () {
	var bad = [];
	var de = document.documentElement;
	if (de.scrollWidth > window.innerWidth) {
		var wide = [];
		document.querySelectorAll("body *").forEach(function (el) {
			var r = el.getBoundingClientRect();
			if (r.right > window.innerWidth + 1 && wide.length < 3) wide.push(el.tagName + "." + el.className);
		});
		bad.push("overflow: scrollWidth " + de.scrollWidth + " > " + window.innerWidth + " (" + wide.join(", ") + ")");
	}
	var sel = "h1, h2, h3, .site-title, .item-title, .card h3, th, td, .item-date, .meta span";
	document.querySelectorAll(sel).forEach(function (el) {
		if (!el.offsetParent && getComputedStyle(el).position !== "fixed") return; // not shown
		if (el.closest(".visually-hidden")) return;
		var tops = {}, chars = 0;
		var walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
		for (var n = walk.nextNode(); n; n = walk.nextNode()) {
			var s = n.data;
			for (var i = 0; i < s.length; i++) {
				if (/\s/.test(s[i])) continue;
				var r = document.createRange();
				r.setStart(n, i); r.setEnd(n, i + 1);
				var rect = r.getBoundingClientRect();
				if (!rect.width) continue;
				var top = Math.round(rect.top);
				tops[top] = (tops[top] || 0) + 1;
				chars++;
			}
		}
		var lines = Object.keys(tops).length;
		var most = 0, fewest = chars;
		for (var k in tops) { most = Math.max(most, tops[k]); fewest = Math.min(fewest, tops[k]); }
		if (chars >= 3 && lines >= 2 && most <= 2) {
			bad.push("wrapped " + most + " character(s) a line: <" + el.tagName.toLowerCase() + "> " + el.textContent.trim().slice(0, 30));
		}
		if (el.classList.contains("site-title") && lines >= 2 && fewest < 3) {
			bad.push("the site name breaks with " + fewest + " character(s) on a line: " + el.textContent.trim());
		}
	});
	document.querySelectorAll("img").forEach(function (img) {
		if (!img.hasAttribute("width") || !img.hasAttribute("height")) bad.push("img without width/height: " + img.getAttribute("src").slice(0, 60));
	});
	return bad;
})()`

// axeRun runs axe-core (loaded before) and lists its serious and critical
// violations.
const axeRun = `axe.run(document, {resultTypes: ["violations"]}).then(function (r) {
	return r.violations.filter(function (v) { return v.impact === "serious" || v.impact === "critical"; }).map(function (v) {
		return v.impact + " " + v.id + ": " + v.help + " — " + v.nodes.slice(0, 3).map(function (n) { return n.target.join(" "); }).join(" | ");
	});
})`

// TestThemeLayout opens every page type of the demo site in headless
// Chromium on a phone (390×844) and a desktop (1366×900): nothing wider
// than the window, no title or table cell one character a line, every
// image with width and height (no layout shift), and no serious or
// critical axe-core violation.
func TestThemeLayout(t *testing.T) {
	root, _ := filepath.Abs("../..")
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := buildDir(t, root, dest); err != nil {
		t.Fatalf("demo site: %v", err)
	}
	var axe []byte
	if file := os.Getenv(AxeEnv); file != "" {
		var err error
		if axe, err = os.ReadFile(file); err != nil {
			t.Fatalf("%s: %v", AxeEnv, err)
		}
	} else if os.Getenv(browsertest.RequireAll) != "" {
		t.Errorf("axe-core is required (%s is set): set %s to axe.min.js (npm install axe-core)", browsertest.RequireAll, AxeEnv)
	} else {
		t.Logf("axe-core not checked: set %s to axe.min.js (npm install axe-core)", AxeEnv)
	}
	shots := os.Getenv(ScreenshotEnv)
	ctx := browsertest.New(t)
	url := browsertest.Serve(t, dest, "/dangjian/")
	wait := 20 * time.Second
	for _, size := range themeSizes {
		browsertest.Step(t, ctx, wait, size.emulate())
		for _, pg := range themePages {
			where := fmt.Sprintf("%s at %d px (%s)", pg.name, size.w, pg.path)
			browsertest.Step(t, ctx, wait, chromedp.Navigate(url+pg.path))
			if pg.name == "search" {
				browsertest.Step(t, ctx, wait, chromedp.WaitVisible(chromedp.CSS(".search-result")))
			}
			for _, problem := range browsertest.Step(t, ctx, wait, chromedp.Evaluate[[]string](layoutCheck)) {
				t.Errorf("%s: %s", where, problem)
			}
			if pg.name == "album" {
				checkLightboxOpaque(t, ctx, where)
			}
			if axe != nil {
				browsertest.Step(t, ctx, wait, chromedp.Evaluate[json.RawMessage](string(axe)+";true"))
				for _, v := range browsertest.Step(t, ctx, wait, chromedp.Evaluate[[]string](axeRun, chromedp.EvalAwaitPromise)) {
					t.Errorf("%s: axe: %s", where, v)
				}
			}
			if shots != "" {
				saveScreens(t, ctx, filepath.Join(shots, fmt.Sprintf("%s-%d", pg.name, size.w)))
			}
		}
	}
}

// saveScreens saves the first three screens of the page as name-1.png …
func saveScreens(t *testing.T, ctx context.Context, name string) {
	wait := 10 * time.Second
	for i := 1; i <= 3; i++ {
		png := browsertest.Step(t, ctx, wait, chromedp.CaptureScreenshot())
		if err := os.WriteFile(fmt.Sprintf("%s-%d.png", name, i), png, 0o644); err != nil {
			t.Fatal(err)
		}
		more := browsertest.Step(t, ctx, wait, chromedp.Evaluate[bool](`(function () {
			var y = window.scrollY; window.scrollTo(0, y + window.innerHeight - 40); return window.scrollY > y; })()`))
		if !more {
			break
		}
	}
	browsertest.Step(t, ctx, wait, chromedp.Evaluate[bool](`window.scrollTo(0, 0), true`))
}

// checkLightboxOpaque opens the album's lightbox: nothing of the page may
// show through it or its caption, then closes it.
func checkLightboxOpaque(t *testing.T, ctx context.Context, where string) {
	wait := 10 * time.Second
	browsertest.Step(t, ctx, wait, chromedp.Click(chromedp.CSS(".gallery li:first-child a")))
	browsertest.Step(t, ctx, wait, chromedp.WaitVisible(chromedp.CSS(".lightbox")))
	got := browsertest.Step(t, ctx, wait, chromedp.Evaluate[string](`[".lightbox", ".lightbox-caption"].map(function (sel) {
		return getComputedStyle(document.querySelector(sel)).backgroundColor; }).join("|")`))
	if got != "rgb(0, 0, 0)|rgb(0, 0, 0)" {
		t.Errorf("%s: the lightbox and its caption are %s, not opaque black", where, got)
	}
	browsertest.Step(t, ctx, wait, chromedp.Evaluate[bool](`document.dispatchEvent(new KeyboardEvent("keydown", {key: "Escape", bubbles: true}))`))
}
