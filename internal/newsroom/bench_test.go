package newsroom

import (
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"showcase/internal/browsertest"
)

// BenchmarkKeystrokeToPreview10k measures, in Chromium, the time from a
// keystroke in the body to the real page beside it showing the new text
// (the editor's pause before saving, the save with the preview's rebuild,
// the page put in place in the frame), and the dashboard's opening, on a copy of the 10,000-page
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
	var log lockedBuffer
	buildLog, savedLog = &log, &log
	defer func() { buildLog, savedLog = nil, nil }()
	started := time.Now()
	editURL, _ := startEditor(b, src, "/dangjian/")
	firstBuild := time.Since(started)

	// keystrokes first: the dashboard starts the site check behind it,
	// which would compete for the processors
	run(b, ctx, chromedp.Navigate(editURL+"#/edit?file=content/news/news-06605.md"))
	waitUntil(b, ctx, "the preview", `document.getElementById("preview") && document.getElementById("preview").contentDocument && document.getElementById("preview").contentDocument.querySelector("h1")`)
	var took, saved []float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ms := browsertest.Step(b, ctx, 60*time.Second, chromedp.Evaluate[[]float64](`new Promise(resolve => {
			const word = "键入测试`+strconv.Itoa(i)+`号";
			const f = document.getElementById("preview");
			const b = document.getElementById("body");
			const t0 = performance.now();
			let t1 = 0;
			document.addEventListener("page-saved", () => { t1 = performance.now() - t0 }, {once: true});
			const check = () => {
				const d = f.contentDocument;
				if (d && d.body && d.body.textContent.includes(word)) {
					f.removeEventListener("load", check);
					document.removeEventListener("preview-updated", check);
					resolve([performance.now() - t0, t1]);
				}
			};
			f.addEventListener("load", check);
			document.addEventListener("preview-updated", check);
			b.focus();
			b.setRangeText(" " + word, b.value.length, b.value.length, "end");
			b.dispatchEvent(new Event("input", {bubbles: true}));
		})`, chromedp.EvalAwaitPromise))
		took, saved = append(took, ms[0]), append(saved, ms[1])
	}
	b.StopTimer()

	var dashboard []float64
	for i := range 2 {
		t0 := time.Now()
		res, err := http.Get(editURL + "api/pages")
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		dashboard = append(dashboard, float64(time.Since(t0).Milliseconds()))
		run(b, ctx, chromedp.Navigate(editURL+"?fresh="+strconv.Itoa(i)+"#/"))
		waitUntil(b, ctx, "the dashboard", `document.getElementById("main").dataset.ready === "1" && document.querySelector("tbody tr")`)
		dashboard = append(dashboard, browsertest.Step(b, ctx, 10*time.Second, chromedp.Evaluate[float64](`performance.now()`)))
	}
	var rebuilds []float64
	for _, m := range regexp.MustCompile(`took (\d+)ms fast true`).FindAllStringSubmatch(log.String(), -1) {
		ms, _ := strconv.Atoi(m[1])
		rebuilds = append(rebuilds, float64(ms))
	}
	var hooks []float64
	for _, m := range regexp.MustCompile(`saved \S+ in (\d+)ms`).FindAllStringSubmatch(log.String(), -1) {
		ms, _ := strconv.Atoi(m[1])
		hooks = append(hooks, float64(ms))
	}
	if len(hooks) > 0 {
		b.ReportMetric(percentile(hooks, 50), "saved-rebuild-median-ms")
		b.ReportMetric(percentile(hooks, 95), "saved-rebuild-p95-ms")
	}
	b.ReportMetric(float64(strings.Count(log.String(), "fast false")), "full-rebuilds")
	if len(rebuilds) > 0 {
		b.ReportMetric(percentile(rebuilds, 50), "rebuild-median-ms")
		b.ReportMetric(float64(len(rebuilds)), "fast-rebuilds")
	}
	b.ReportMetric(firstBuild.Seconds(), "first-build-s")
	b.ReportMetric(percentile(took, 50), "keystroke-median-ms")
	b.ReportMetric(percentile(took, 95), "keystroke-p95-ms")
	b.ReportMetric(percentile(saved, 50), "saved-median-ms")
	b.ReportMetric(dashboard[0], "api-pages-cold-ms")
	b.ReportMetric(dashboard[1], "dashboard-cold-ms")
	b.ReportMetric(dashboard[2], "api-pages-warm-ms")
	b.ReportMetric(dashboard[3], "dashboard-warm-ms")
}

func percentile(v []float64, p int) float64 {
	v = slices.Clone(v)
	sort.Float64s(v)
	return v[min(len(v)-1, len(v)*p/100)]
}

type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
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
