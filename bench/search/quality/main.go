// Command quality checks the search index of a built site against a
// corpus's queries.tsv with the Go reader (the browser's algorithm):
// go run ./bench/search/quality -d PUBLIC -q queries.tsv.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"showcase/internal/search"
)

func main() {
	dir := flag.String("d", "public", "built site")
	queries := flag.String("q", "queries.tsv", "queries with ground truth")
	base := flag.String("base", "/dangjian/", "base path of the URLs in queries.tsv")
	flag.Parse()
	html, err := os.ReadFile(filepath.Join(*dir, "search", "index.html"))
	check(err)
	m := regexp.MustCompile(`data-index="[^"]*?search/([^"]+)"`).FindSubmatch(html)
	if m == nil {
		check(fmt.Errorf("no data-index in search/index.html"))
	}
	bytes := 0
	fetch := func(name string) ([]byte, error) {
		b, err := os.ReadFile(filepath.Join(*dir, "search", filepath.FromSlash(name)))
		bytes += len(b)
		return b, err
	}
	ix, err := search.Open(fetch, string(m[1]))
	check(err)
	f, err := os.Open(*queries)
	check(err)
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		cols := strings.Split(line, "\t")
		truth := map[string]bool{}
		if len(cols) > 2 {
			for _, p := range strings.Fields(cols[2]) {
				u := contentURL(p, *base)
				if _, err := os.Stat(filepath.Join(*dir, strings.TrimPrefix(u, *base), "index.html")); err == nil {
					truth[u] = true // a page deleted since the corpus was made is no truth
				}
			}
		}
		bytes = 0
		res, err := ix.Search(cols[0])
		check(err)
		tp := 0
		for _, h := range res.Hits {
			if truth[*base+h.URL] {
				tp++
			}
		}
		fmt.Printf("%-14s truth %5d got %5d tp %5d partial %-5v bytes %d\n", cols[0], len(truth), len(res.Hits), tp, res.Partial, bytes)
	}
}

// contentURL: content/news/news-00001.md → /dangjian/news/news-00001/;
// content/photos/album-0001/index.md → /dangjian/photos/album-0001/.
func contentURL(p, base string) string {
	p = strings.TrimPrefix(p, "content/")
	p = strings.TrimSuffix(p, ".md")
	p = strings.TrimSuffix(p, "/index")
	return base + p + "/"
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
