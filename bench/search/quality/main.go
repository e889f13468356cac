// Command quality checks the search index of a built site against a
// corpus's queries.tsv with the Go reader (the browser's algorithm):
// go run ./bench/search/quality -d PUBLIC -q queries.tsv [-s SITE].
//
// queries.tsv's truth is the pages whose title or body holds the query;
// the index also searches what else a reader sees (captions, bylines,
// records), so it finds more. With -s, the site is loaded and a second
// truth computed from its search documents (every field searched), which
// the index must match exactly ("all fields" columns).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"showcase/internal/build"
	"showcase/internal/search"
)

func main() {
	dir := flag.String("d", "public", "built site")
	queries := flag.String("q", "queries.tsv", "queries with ground truth")
	base := flag.String("base", "/dangjian/", "base path of the URLs in queries.tsv")
	site := flag.String("s", "", "the site's folder, for the truth over every field searched")
	flag.Parse()
	var docs []search.Doc
	if *site != "" {
		s, _, err := build.Load(build.Options{Source: *site})
		check(err)
		docs, _ = build.SearchDocs(s)
	}
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
		fmt.Printf("%-14s truth %5d got %5d tp %5d partial %-5v bytes %d", cols[0], len(truth), len(res.Hits), tp, res.Partial, bytes)
		if docs != nil {
			all := allFields(docs, cols[0])
			tpAll := 0
			for _, h := range res.Hits {
				if all[h.URL] {
					tpAll++
				}
			}
			fmt.Printf(" | all fields: truth %5d tp %5d", len(all), tpAll)
		}
		fmt.Println()
	}
}

// allFields is the truth over every field the index searches: the pages
// whose title, text, captions or credits hold every piece of q.
func allFields(docs []search.Doc, q string) map[string]bool {
	out := map[string]bool{}
	pieces := search.ParseQuery(q).Pieces
	for _, d := range docs {
		ok := len(pieces) > 0
		for _, p := range pieces {
			ok = ok && (search.Contains(d.Title, p) || search.Contains(d.Body, p) || search.Contains(d.Captions, p) || search.Contains(d.Credits, p))
		}
		if ok {
			out[d.URL] = true
		}
	}
	return out
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
