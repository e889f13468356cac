//go:build unix

// Command indexstats builds the search index of a site and reports its
// time, memory and sizes: go run ./bench/search/indexstats -s SITE.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"syscall"
	"time"

	"showcase/internal/build"
	"showcase/internal/search"
)

// cpuTime is the CPU time (user and system) of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func main() {
	src := flag.String("s", ".", "site folder")
	prof := flag.String("cpuprofile", "", "write a CPU profile of the index build")
	memprof := flag.String("memprofile", "", "write an allocation profile of the index build")
	terms := flag.Bool("terms", false, "break the shards down by term length and column")
	edit := flag.Bool("edit", false, "then edit one page and build on the index just made, as the next build or the preview does")
	flag.Parse()
	s, _, err := build.Load(build.Options{Source: *src})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	docs, opts := build.SearchDocs(s)
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	if *prof != "" {
		f, err := os.Create(*prof)
		if err == nil {
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
	}
	cpu0 := cpuTime()
	start := time.Now()
	out := search.Build(docs, opts)
	took := time.Since(start)
	cpu := cpuTime() - cpu0
	if *memprof != "" {
		if f, err := os.Create(*memprof); err == nil {
			pprof.Lookup("allocs").WriteTo(f, 0)
			f.Close()
		}
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	fmt.Printf("docs %d terms %d dense %d buckets %d\n", out.Stats.Docs, out.Stats.Terms, out.Stats.Dense, out.Stats.Buckets)
	fmt.Printf("index build %v wall, %v CPU, allocated %d MB, heap in use after %d MB\n", took.Round(time.Millisecond), cpu.Round(time.Millisecond),
		(after.TotalAlloc-before.TotalAlloc)>>20, after.HeapInuse>>20)
	kinds := map[string][]int{}
	for name, data := range out.Files {
		k := name
		if i := strings.Index(name, "/"); i >= 0 {
			k = name[:i]
			if strings.HasPrefix(k, "s-") {
				rest := name[i+1:]
				if j := strings.Index(rest, "/"); j >= 0 {
					k = rest[:j]
				} else {
					k = rest
				}
			}
		}
		if strings.HasPrefix(k, "fold-") {
			k = "fold"
		}
		kinds[k] = append(kinds[k], len(data))
	}
	var names []string
	for k := range kinds {
		names = append(names, k)
	}
	sort.Strings(names)
	total := 0
	for _, k := range names {
		v := kinds[k]
		sort.Ints(v)
		sum := 0
		for _, x := range v {
			sum += x
		}
		total += sum
		fmt.Printf("%-12s files %6d  bytes %10d  median %6d  p95 %6d  max %6d\n", k, len(v), sum, v[len(v)/2], v[len(v)*95/100], v[len(v)-1])
	}
	fmt.Printf("total bytes %d\n", total)
	if *terms {
		termStats(out.Files, out.Stats.Docs)
	}
	if *edit {
		docs[len(docs)/2].Body += "本文有改动。"
		opts.Previous = func(name string) ([]byte, error) {
			if data, ok := out.Files[name]; ok {
				return data, nil
			}
			return nil, os.ErrNotExist
		}
		opts.PreviousManifest = out.Manifest
		start := time.Now()
		next := search.Build(docs, opts)
		fmt.Printf("one page edited: %v wall, %d files written (%d bytes), %d kept, %d recent pages\n", time.Since(start).Round(time.Millisecond),
			len(next.Files), sum(next.Files), len(next.Kept), next.Stats.Recent)
	}
}

func sum(files map[string][]byte) (n int) {
	for _, data := range files {
		n += len(data)
	}
	return n
}
