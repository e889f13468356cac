package build

import (
	"os"
	"testing"
	"time"

	"showcase"
	"showcase/internal/diag"
	"showcase/internal/render"
	"showcase/internal/sitefs"
)

// BenchmarkRenderPages renders every page of the site named by
// SHOWCASE_BENCH_SITE (a monolingual one, such as a Hugo test bed of
// bench/realsites.sh) into a dry output: the layouts' time alone, without
// the search index or the disk.
func BenchmarkRenderPages(b *testing.B) {
	dir := os.Getenv("SHOWCASE_BENCH_SITE")
	if dir == "" {
		b.Skip("set SHOWCASE_BENCH_SITE to a site folder")
	}
	opts := Options{Source: dir, Theme: showcase.Theme(), Now: time.Now()}
	var errs diag.List
	site := sitefs.New(dir)
	s, _, ph, err := load(site, opts, &errs)
	if err != nil {
		b.Fatal(err)
	}
	theme := themeOf(site, opts.Theme, s.Config, &errs)
	set, err := render.Load(theme, &render.Env{Config: s.Config, Images: ph, Site: layoutsOf(site, s.Config)})
	if err != nil {
		b.Fatal(err)
	}
	jobs := append(plan(s, opts), planAliases(s)...)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for range b.N {
		set.Forget()
		renderPages(set, jobs, nil, newDryOutput(), "", func(file string, err error) { b.Fatal(file, err) })
	}
	b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}
