package newsroom

import (
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"showcase/internal/browsertest"
)

// BenchmarkKeystrokeToPreview10k measures, in Chromium, the time from a
// keystroke in the body to the real page beside it showing the new text
// (the editor's pause before saving, the save, the preview's rebuild, the
// page's reload), and the dashboard's opening, on a copy of the 10,000-page
// corpus (SHOWCASE_CORPUS, default /tmp/corpus10k, made by gencorpus).
// Run it once: go test -run XXX -bench KeystrokeToPreview10k -benchtime 30x ./internal/newsroom
func BenchmarkKeystrokeToPreview10k(b *testing.B) {
	corpus := os.Getenv("SHOWCASE_CORPUS")
	if corpus == "" {
		corpus = "/tmp/corpus10k"
	}
	if _, err := os.Stat(filepath.Join(corpus, "site.toml")); err != nil {
		b.Skip("no corpus at " + corpus)
	}
	src := filepath.Join(b.TempDir(), "site")
	copyTree(b, corpus, src)
	ctx := browsertest.New(b)
	started := time.Now()
	editURL, _ := startEditor(b, src, "/dangjian/")
	b.ReportMetric(float64(time.Since(started).Milliseconds()), "first-build-ms")

	for i, what := range []string{"dashboard-cold-ms", "dashboard-warm-ms"} {
		t0 := time.Now()
		res, err := http.Get(editURL + "api/pages")
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		b.ReportMetric(float64(time.Since(t0).Milliseconds()), "api-pages-"+what)
		run(b, ctx, chromedp.Navigate(editURL+"#/?"+strconv.Itoa(i)))
		waitUntil(b, ctx, "the dashboard", `document.getElementById("main").dataset.ready === "1" && document.querySelector("tbody tr")`)
		ms := browsertest.Step(b, ctx, 10*time.Second, chromedp.Evaluate[float64](`performance.now()`))
		b.ReportMetric(ms, "page-"+what)
	}

	run(b, ctx, chromedp.Navigate(editURL+"#/edit?file=content/news/news-06605.md"))
	waitUntil(b, ctx, "the preview", `document.getElementById("preview") && document.getElementById("preview").contentDocument && document.getElementById("preview").contentDocument.querySelector("h1")`)
	var took []float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ms := browsertest.Step(b, ctx, 30*time.Second, chromedp.Evaluate[float64](`new Promise(resolve => {
			const word = "键入测试`+strconv.Itoa(i)+`号";
			const f = document.getElementById("preview");
			const b = document.getElementById("body");
			const t0 = performance.now();
			const check = () => {
				const d = f.contentDocument;
				if (d && d.body && d.body.innerText.includes(word)) resolve(performance.now() - t0); else setTimeout(check, 2);
			};
			b.focus();
			b.setRangeText(" " + word, b.value.length, b.value.length, "end");
			b.dispatchEvent(new Event("input", {bubbles: true}));
			check();
		})`, chromedp.EvalAwaitPromise))
		took = append(took, ms)
	}
	b.StopTimer()
	sort.Float64s(took)
	b.ReportMetric(took[len(took)/2], "keystroke-median-ms")
	b.ReportMetric(took[min(len(took)-1, len(took)*95/100)], "keystroke-p95-ms")
}

func copyTree(b *testing.B, from, to string) {
	b.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		b.Fatal(err)
	}
}
