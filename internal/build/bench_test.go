package build

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

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

// BenchmarkSessionBodyEdit measures the preview's rebuild after a body edit
// of one page of the SHOWCASE_BENCH_CORPUS site (restored afterwards), up to
// the moment the page is written; the search index follows behind.
func BenchmarkSessionBodyEdit(b *testing.B) {
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
	sess := NewSession(Options{Source: corpus, Destination: filepath.Join(b.TempDir(), "out"), Theme: showcase.Theme(), Preview: true, Drafts: true})
	if _, err := sess.Build(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if err := sess.Wait(); err != nil { // the search index of the previous edit
			b.Fatal(err)
		}
		b.StartTimer()
		edited := append(append([]byte{}, orig...), []byte("\n\n第"+strconv.Itoa(i)+"次修改。\n")...)
		if err := os.WriteFile(page, edited, 0o644); err != nil {
			b.Fatal(err)
		}
		res, err := sess.Build()
		if err != nil {
			b.Fatal(err)
		}
		if !res.Fast {
			b.Fatal("a body edit took the full build")
		}
	}
}
