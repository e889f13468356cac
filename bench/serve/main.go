// Command serve measures the preview's save-to-reload latency: it starts
// `showcase serve` (or `hugo server`) on a corpus, listens for the reload
// message as an open page does (showcase's Server-Sent Events, Hugo's
// LiveReload WebSocket), then edits one page again and again and times each
// edit from the write to the reload message. It reports the median and the
// spread, the server's memory (RSS) along the edits, and the machine's load.
//
//	go run ./bench/serve -corpus /tmp/srv-corpus -tool showcase -edits 20
//	go run ./bench/serve -corpus /tmp/srv-corpus -tool hugo -edits 20
//	go run ./bench/serve -corpus /tmp/srv-corpus -tool showcase -edits 500 -every 100
//
// The edited page is restored afterwards. See README.md for the figures.
package main

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	corpus := flag.String("corpus", "", "the site folder (from gencorpus)")
	tool := flag.String("tool", "showcase", "showcase or hugo")
	edits := flag.Int("edits", 20, "how many edits to time")
	page := flag.String("page", "content/news/news-00001.md", "the page to edit, relative to the corpus")
	bin := flag.String("bin", "", "the showcase binary (default: built from this module)")
	hugo := flag.String("hugo", "hugo", "the hugo binary")
	theme := flag.String("theme", "", "the Hugo theme folder (default: bench/hugo-theme beside this folder)")
	timeout := flag.Duration("timeout", 2*time.Minute, "how long to wait for one reload message")
	every := flag.Int("every", 0, "print the server's memory every N edits (0: at the start and the end)")
	what := flag.String("edit", "body", "what each edit changes: body (a paragraph appended), title (lists, neighbours, related items and feeds show it) or tags (a new tag: term pages, related items)")
	pause := flag.Duration("pause", 0, "wait this long after each reload before the next edit (a person reads between saves; showcase writes the search index behind the reload)")
	flag.Parse()
	if *corpus == "" {
		fail("-corpus is required")
	}
	port := freePort()
	var cmd *exec.Cmd
	var base string
	switch *tool {
	case "showcase":
		if *bin == "" {
			*bin = filepath.Join(os.TempDir(), "serve-bench-showcase")
			build := exec.Command("go", "build", "-o", *bin, "./cmd/showcase")
			build.Dir = moduleRoot()
			build.Stdout, build.Stderr = os.Stderr, os.Stderr
			if err := build.Run(); err != nil {
				fail("building showcase: %v", err)
			}
		}
		cmd = exec.Command(*bin, "serve", "-s", *corpus, "-p", strconv.Itoa(port))
		base = "/dangjian/"
	case "hugo":
		if *theme == "" {
			*theme = filepath.Join(moduleRoot(), "bench", "hugo-theme")
		}
		cmd = exec.Command(*hugo, "server", "-s", *corpus, "--bind", "127.0.0.1", "-p", strconv.Itoa(port),
			"--config", filepath.Join(*corpus, "site.toml")+","+filepath.Join(*theme, "hugo-bench.toml"),
			"--themesDir", filepath.Dir(*theme), "--theme", filepath.Base(*theme), "--noBuildLock")
		cmd.Env = append(os.Environ(), "HUGO_RESOURCEDIR="+filepath.Join(os.TempDir(), "serve-bench-hugo-resources"))
		base = "/dangjian/"
	default:
		fail("-tool is showcase or hugo")
	}
	logFile, err := os.CreateTemp("", "serve-bench-*.log")
	if err != nil {
		fail("%v", err)
	}
	cmd.Stdout, cmd.Stderr = logFile, logFile
	pagePath := filepath.Join(*corpus, filepath.FromSlash(*page))
	original, err := os.ReadFile(pagePath)
	if err != nil {
		fail("%v", err)
	}
	restore = func() { os.WriteFile(pagePath, original, 0o644) }
	defer restore()

	load0 := loadAverage()
	started := time.Now()
	if err := cmd.Start(); err != nil {
		fail("starting %s: %v", *tool, err)
	}
	server = cmd
	defer stopServer()
	addr := "127.0.0.1:" + strconv.Itoa(port)
	if err := waitReady("http://"+addr+base, 10*time.Minute); err != nil {
		fail("%s did not come up: %v (log: %s)", *tool, err, logFile.Name())
	}
	fmt.Printf("%s: first build and ready in %s; log %s\n", *tool, time.Since(started).Round(time.Millisecond), logFile.Name())

	var reloads <-chan reloadMessage
	if *tool == "showcase" {
		reloads, err = listenSSE("http://" + addr + base + "__showcase/events")
	} else {
		// Hugo serves the endpoint under the site's path (and at the root in some versions)
		if reloads, err = listenLiveReload(addr, base+"livereload"); err != nil {
			reloads, err = listenLiveReload(addr, "/livereload")
		}
	}
	if err != nil {
		fail("connecting as a page: %v", err)
	}
	pageURL := "http://" + addr + base + strings.TrimSuffix(strings.TrimPrefix(*page, "content/"), ".md") + "/"
	if resp, err := http.Get(pageURL); err == nil { // the page is open (Hugo renders visited pages first)
		resp.Body.Close()
	}

	rss0 := rssKiB(cmd.Process.Pid)
	fmt.Printf("memory at start: %d MiB RSS\n", rss0/1024)
	var took []time.Duration
	for i := 1; i <= *edits; i++ {
		time.Sleep(*pause)
		drain(reloads)
		edited := fmt.Sprintf("%s\n\n第 %d 次修改：补充了一段新的内容。\n", original, i)
		switch *what {
		case "title":
			edited = strings.Replace(string(original), "title = \"", fmt.Sprintf("title = \"（第%d次修改）", i), 1)
		case "tags":
			edited = strings.Replace(string(original), "tags = [", fmt.Sprintf("tags = [\"第%d次\", ", i), 1)
		}
		if edited == string(original) {
			fail("-edit %s: no TOML %s line in %s", *what, *what, *page)
		}
		start := time.Now()
		if err := os.WriteFile(pagePath, []byte(edited), 0o644); err != nil {
			fail("%v", err)
		}
		select {
		case m := <-reloads:
			took = append(took, m.at.Sub(start))
			if *edits <= 50 {
				fmt.Printf("edit %d: %s\n", i, ms(m.at.Sub(start)))
			}
		case <-time.After(*timeout):
			fail("edit %d: no reload message (log: %s)", i, logFile.Name())
		}
		if *every > 0 && i%*every == 0 {
			fmt.Printf("memory after %d edits: %d MiB RSS\n", i, rssKiB(cmd.Process.Pid)/1024)
		}
		time.Sleep(50 * time.Millisecond) // let the server settle; a person types slower
	}
	if *every <= 0 || *edits%*every != 0 {
		fmt.Printf("memory after %d edits: %d MiB RSS\n", *edits, rssKiB(cmd.Process.Pid)/1024)
	}
	report(*tool, took)
	fmt.Printf("load average: %s before, %s after (%d cores)\n", load0, loadAverage(), numCPU())
}

// report prints the median and the spread of the latencies.
func report(tool string, took []time.Duration) {
	if len(took) == 0 {
		return
	}
	sorted := append([]time.Duration(nil), took...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	at := func(q float64) time.Duration { return sorted[int(q*float64(len(sorted)-1)+0.5)] }
	fmt.Printf("%s save→reload over %d edits: median %s (min %s, p10 %s, p90 %s, max %s)\n", tool, len(sorted),
		ms(at(0.5)), ms(sorted[0]), ms(at(0.1)), ms(at(0.9)), ms(sorted[len(sorted)-1]))
}

func ms(d time.Duration) string { return d.Round(time.Millisecond).String() }

func waitReady(url string, within time.Duration) error {
	deadline := time.Now().Add(within)
	var err error
	for time.Now().Before(deadline) {
		var resp *http.Response
		resp, err = http.Get(url)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
			err = fmt.Errorf("status %d", resp.StatusCode)
		}
		time.Sleep(100 * time.Millisecond)
	}
	return err
}

func drain(ch <-chan reloadMessage) {
	for {
		select {
		case <-ch:
		default:
			return
		}
	}
}

func freePort() int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fail("%v", err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// moduleRoot is the showcase module's folder (this command runs from it or below).
func moduleRoot() string {
	dir, _ := os.Getwd()
	for d := dir; d != filepath.Dir(d); d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
	}
	return dir
}

// rssKiB is the resident memory of a process, from /proc (Linux).
func rssKiB(pid int) int {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			n, _ := strconv.Atoi(f[1])
			return n
		}
	}
	return 0
}

func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Join(strings.Fields(string(data))[:3], " ")
}

func numCPU() int {
	data, _ := os.ReadFile("/proc/cpuinfo")
	return strings.Count(string(data), "processor\t:")
}

// server is the preview server under test; restore puts the edited page back.
var (
	server  *exec.Cmd
	restore = func() {}
)

// stopServer stops the server under test and waits for it.
func stopServer() {
	if server != nil && server.Process != nil {
		server.Process.Signal(syscall.SIGINT)
		server.Wait()
		server = nil
	}
}

// fail stops the server, restores the page and exits.
func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "serve-bench: "+format+"\n", args...)
	stopServer()
	restore()
	os.Exit(1)
}
