// Command browser measures the built-in search and Pagefind side by side in
// headless Chromium, on the same corpus and queries.tsv:
//
//	go run ./bench/search/browser -ours PUBLIC -pf PAGEFIND_SITE -q queries.tsv
//
// Both sites are served under /dangjian/ by one server that gzips text
// (HTML, JS, CSS, JSON) as a web server would, sends no-store so every page
// load is cold, and counts the bytes it sends. For each query it reports:
// the results and their recall and precision against queries.tsv; the
// bytes of the first query in a fresh page (client, index, fragments of the
// first ten results; the HTML page and site.css apart); and the warm time
// from keystroke to rendered results (ours: the search page's own
// measurement, data-ms; Pagefind: search() plus data() of the first ten).
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"sort"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

type query struct {
	text  string
	truth map[string]bool
}

func main() {
	ours := flag.String("ours", "", "site built by showcase (with search/)")
	pf := flag.String("pf", "", "site indexed by Pagefind (with pagefind/); empty to skip")
	qfile := flag.String("q", "queries.tsv", "queries with ground truth")
	runs := flag.Int("runs", 5, "warm repetitions per query")
	flag.Parse()
	queries := readQueries(*qfile)
	if *ours != "" {
		srv := newServer(*ours)
		ts := httptest.NewServer(srv)
		ctx, stop := browser()
		report("showcase", measureOurs(ctx, srv, ts.URL+"/dangjian/", queries, *runs))
		stop()
		ts.Close()
	}
	if *pf != "" {
		writeHarness(*pf)
		srv := newServer(*pf)
		ts := httptest.NewServer(srv)
		ctx, stop := browser()
		report("pagefind", measurePagefind(ctx, srv, ts.URL+"/dangjian/", queries, *runs))
		stop()
		ts.Close()
	}
}

// result is what one engine gave for one query.
type result struct {
	query         string
	count, tp     int
	truth         int
	bytes         map[string]int // by kind, for the cold first query
	requests      int
	warm          []float64 // ms
	cold          float64   // ms, keystroke to results in a fresh page
	indexRequests []string
}

func report(engine string, rs []result) {
	fmt.Printf("\n## %s\n\n", engine)
	fmt.Println("| query | truth | results | recall | precision | first-query KB (client+index+fragments) | requests | cold ms | warm ms (median) |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
	var totalKB, warm, recall, precision []float64
	for _, r := range rs {
		rec, prec := ratio(r.tp, r.truth), ratio(r.tp, r.count)
		kb := float64(r.bytes["client"]+r.bytes["index"]+r.bytes["fragments"]) / 1024
		w := median(r.warm)
		fmt.Printf("| %s | %d | %d | %.3f | %.3f | %.1f (%.1f+%.1f+%.1f) | %d | %.0f | %.1f |\n", r.query, r.truth, r.count, rec, prec, kb,
			float64(r.bytes["client"])/1024, float64(r.bytes["index"])/1024, float64(r.bytes["fragments"])/1024, r.requests, r.cold, w)
		totalKB, warm, recall, precision = append(totalKB, kb), append(warm, w), append(recall, rec), append(precision, prec)
	}
	fmt.Printf("\nmedian first-query KB %.1f (max %.1f); median warm ms %.1f (max %.1f); mean recall %.3f, mean precision %.3f\n",
		median(totalKB), maxOf(totalKB), median(warm), maxOf(warm), mean(recall), mean(precision))
}

func readQueries(name string) []query {
	f, err := os.Open(name)
	check(err)
	defer f.Close()
	var out []query
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		q := query{text: cols[0], truth: map[string]bool{}}
		if len(cols) > 2 {
			for _, p := range strings.Fields(cols[2]) {
				p = strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(p, "content/"), ".md"), "/index")
				q.truth["/dangjian/"+p+"/"] = true
			}
		}
		out = append(out, q)
	}
	return out
}

// browser starts headless Chromium.
func browser() (context.Context, func()) {
	path := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		check(fmt.Errorf("no Chromium found"))
	}
	dir, _ := os.MkdirTemp("", "searchbench-")
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), chromedp.ExecPath(path),
		chromedp.Flag("headless", true), chromedp.Flag("no-sandbox", true), chromedp.Flag("disable-gpu", true),
		chromedp.Flag("no-first-run", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.UserDataDir(dir))
	ctx, cancel := chromedp.NewContext(actx)
	check(chromedp.Do(ctx))
	return ctx, func() { cancel(); cancelA(); os.RemoveAll(dir) }
}

func run[T any](ctx context.Context, timeout time.Duration, a chromedp.Action[T]) T {
	c, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	v, err := chromedp.Run(c, a)
	check(err)
	return v
}

func ratio(a, b int) float64 {
	if b == 0 {
		if a == 0 {
			return 1
		}
		return 0
	}
	return float64(a) / float64(b)
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64{}, v...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func maxOf(v []float64) float64 {
	m := 0.0
	for _, x := range v {
		m = max(m, x)
	}
	return m
}

func mean(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s / float64(max(1, len(v)))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
