package build

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"showcase"
)

// BenchmarkBuild builds the corpus named by SHOWCASE_BENCH_CORPUS (made by
// ../shared/bench/gencorpus), into a fresh folder ("fresh") and again into
// the previous output ("repeat"). bench/compare.sh compares with Hugo.
func BenchmarkBuild(b *testing.B) {
	corpus := os.Getenv("SHOWCASE_BENCH_CORPUS")
	if corpus == "" {
		b.Skip("set SHOWCASE_BENCH_CORPUS to a gencorpus folder")
	}
	dir := b.TempDir()
	b.Run("fresh", func(b *testing.B) {
		cpu := cpuTime()
		defer func() { b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op") }()
		for i := 0; i < b.N; i++ {
			dest := filepath.Join(dir, "fresh")
			os.RemoveAll(dest)
			if _, err := Build(Options{Source: corpus, Destination: dest, Theme: showcase.Theme()}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("repeat", func(b *testing.B) {
		dest := filepath.Join(dir, "repeat")
		if _, err := Build(Options{Source: corpus, Destination: dest, Theme: showcase.Theme()}); err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := Build(Options{Source: corpus, Destination: dest, Theme: showcase.Theme()}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkSessionEdit measures the preview's rebuild after an edit of one
// page of the SHOWCASE_BENCH_CORPUS site (restored afterwards), up to the
// moment the changed outputs are written, in quick succession: the search
// index, which waits for saves to pause (here for an hour), is left
// behind. The edits are
// those of bench/serve: a paragraph appended to the body, the title
// changed, a new tag.
func BenchmarkSessionEdit(b *testing.B) {
	corpus := os.Getenv("SHOWCASE_BENCH_CORPUS")
	if corpus == "" {
		b.Skip("set SHOWCASE_BENCH_CORPUS to a gencorpus folder")
	}
	page := filepath.Join(corpus, "content/news/news-00001.md")
	orig, err := os.ReadFile(page)
	if err != nil {
		b.Fatal(err)
	}
	defer os.WriteFile(page, orig, 0o644)
	edits := []struct {
		name string
		edit func(i int) string
	}{
		{"body", func(i int) string { return string(orig) + "\n\n第" + strconv.Itoa(i) + "次修改。\n" }},
		{"title", func(i int) string {
			return strings.Replace(string(orig), "title = \"", "title = \"（第"+strconv.Itoa(i)+"次修改）", 1)
		}},
		{"tags", func(i int) string {
			return strings.Replace(string(orig), "tags = [", "tags = [\"第"+strconv.Itoa(i)+"次\", ", 1)
		}},
	}
	for _, e := range edits {
		b.Run(e.name, func(b *testing.B) {
			os.WriteFile(page, orig, 0o644)
			sess := NewSession(Options{Source: corpus, Destination: filepath.Join(b.TempDir(), "out"), Theme: showcase.Theme(), Preview: true, Drafts: true})
			defer sess.Close()
			sess.index.quiet = time.Hour
			if _, err := sess.Build(); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			cpu := cpuTime()
			for i := 0; i < b.N; i++ {
				if err := os.WriteFile(page, []byte(e.edit(i)), 0o644); err != nil {
					b.Fatal(err)
				}
				res, err := sess.Build()
				if err != nil {
					b.Fatal(err)
				}
				if !res.Fast {
					b.Fatal("the edit took the full build")
				}
			}
			// on a machine shared with other work, the CPU time the process
			// spent is steadier than the wall time
			b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}
