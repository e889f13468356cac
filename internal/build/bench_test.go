package build

import (
	"os"
	"path/filepath"
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
