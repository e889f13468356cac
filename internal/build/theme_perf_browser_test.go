package build

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"showcase/internal/browsertest"
)

// firstViewBudget is what a phone may load for the first screen of a page
// (HTML, CSS, scripts and the images shown, uncompressed): 300 KB.
const firstViewBudget = 300 * 1000

// firstView measures, in a page just loaded, the bytes of the first screen
// (the document and every file fetched once the images on screen have
// loaded; lazy images below stay unfetched) and the Largest Contentful
// Paint and Cumulative Layout Shift as PerformanceObserver reports them.
const firstView = `(function () {
	var shown = Array.prototype.filter.call(document.images, function (img) {
		var r = img.getBoundingClientRect();
		return r.top < window.innerHeight && r.bottom > 0 && !img.complete;
	});
	return Promise.all(shown.map(function (img) {
		return new Promise(function (done) { img.addEventListener("load", done); img.addEventListener("error", done); });
	})).then(function () {
		return new Promise(function (done) {
			var cls = 0;
			new PerformanceObserver(function (list) {
				list.getEntries().forEach(function (e) { if (!e.hadRecentInput) cls += e.value; });
			}).observe({type: "layout-shift", buffered: true});
			new PerformanceObserver(function (list) {
				var all = list.getEntries(), last = all[all.length - 1];
				requestAnimationFrame(function () { requestAnimationFrame(function () {
					var files = performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"));
					var bytes = 0, images = 0;
					files.forEach(function (f) { bytes += f.encodedBodySize; if (f.initiatorType === "img") images++; });
					done({bytes: bytes, files: files.length, images: images, lcp: last.renderTime || last.startTime,
						lcpElement: last.element ? last.element.tagName.toLowerCase() + (last.element.className ? "." + last.element.className : "") : "", cls: cls});
				}); });
			}).observe({type: "largest-contentful-paint", buffered: true});
		});
	});
})()`

type firstViewFigures struct {
	Bytes      int     `json:"bytes"`
	Files      int     `json:"files"`
	Images     int     `json:"images"`
	LCP        float64 `json:"lcp"`
	LCPElement string  `json:"lcpElement"`
	CLS        float64 `json:"cls"`
}

// TestThemeFirstView loads, on a 390×844 phone, the demo site's home page
// and an article with three photos (the demo site plus one story), and
// holds each first screen to the budget of 300 KB. It logs the bytes,
// files, LCP and CLS at device pixel ratios 1 and 3; the bytes are the
// same on every run, LCP (a time) is only reported.
func TestThemeFirstView(t *testing.T) {
	root, _ := filepath.Abs("../..")
	src := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(src, os.DirFS(root)); err != nil {
		t.Fatal(err)
	}
	story := filepath.Join(src, "content", "news", "2024-01-sanzhang-zhaopian")
	if err := os.MkdirAll(story, 0o755); err != nil {
		t.Fatal(err)
	}
	md := "+++\ntitle = \"三张照片的报道\"\ndate = 2024-01-05\nreviewer = \"审核人\"\neditor = \"编辑\"\n+++\n" +
		"学院党委开展主题党日活动。\n\n![全体党员重温入党誓词](a.jpg)\n\n活动分三个环节进行，师生党员先后参观纪念馆、重温入党誓词、聆听微党课。\n\n" +
		"![教师党员讲授微党课](b.jpg)\n\n大家纷纷表示，要把学习成果转化为推动工作的实际行动。\n\n![活动现场](c.jpg)\n"
	files := map[string]string{"index.md": md, "a.jpg": "IMG_0001.jpg", "b.jpg": "IMG_0003.jpg", "c.jpg": "IMG_0004.jpg"}
	for name, from := range files {
		data := []byte(from)
		if name != "index.md" {
			var err error
			if data, err = os.ReadFile(filepath.Join(root, "content", "photos", "2025-zhutidangri", from)); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(story, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := buildDir(t, src, dest); err != nil {
		t.Fatalf("demo site: %v", err)
	}
	url := browsertest.Serve(t, dest, "/dangjian/")
	wait := 20 * time.Second
	for _, scale := range []float64{1, 3} {
		for _, pg := range []struct{ name, path string }{
			{"home", ""},
			{"article with three photos", "news/2024-01-sanzhang-zhaopian/"},
		} {
			ctx := browsertest.New(t) // a fresh browser: nothing cached
			browsertest.Step(t, ctx, wait, chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(scale), chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait))
			browsertest.Step(t, ctx, wait, chromedp.Navigate(url+pg.path))
			raw := browsertest.Step(t, ctx, wait, chromedp.Evaluate[json.RawMessage](firstView, chromedp.EvalAwaitPromise))
			var f firstViewFigures
			if err := json.Unmarshal(raw, &f); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s at 390 px, %gx: first view %.1f KB in %d files (%d images); LCP %.0f ms (%s); CLS %.3f",
				pg.name, scale, float64(f.Bytes)/1000, f.Files, f.Images, f.LCP, f.LCPElement, f.CLS)
			if f.Bytes > firstViewBudget {
				t.Errorf("%s at 390 px, %gx: the first view is %d bytes, over the budget of %d", pg.name, scale, f.Bytes, firstViewBudget)
			}
			if f.CLS > 0.1 {
				t.Errorf("%s at 390 px, %gx: layout shift %.3f, more than 0.1", pg.name, scale, f.CLS)
			}
		}
	}
}
