package images

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Options configure a Pipeline. The zero value of each field but CacheDir
// means its default.
type Options struct {
	Widths    []int  // responsive widths in pixels, 1-10000; default 480, 960, 1600
	Quality   int    // JPEG quality, 1-100; default 80
	MaxPixels int    // refuse images with more pixels, from their header; default 60 million
	CacheDir  string // absolute path of the cache folder; created if missing
	Workers   int    // images decoded at once by Process; default GOMAXPROCS
}

// Pipeline plans and makes the variants of one build's images. Its
// methods are safe for concurrent use.
type Pipeline struct {
	opts   Options
	widths []int // sorted, without duplicates
	index  *index

	mu      sync.Mutex
	sources map[string]*source // by name
	queue   []*source          // sources with work planned since the last Process
	planned map[string]bool    // variant names planned in this build, for Prune

	work sync.Mutex // held by Process and Prune, which must not overlap

	images, probes, decodes, written, cached atomic.Int64
}

// Stats count what a Pipeline did, for tests and benchmarks.
type Stats struct {
	Images  int // distinct source images planned
	Probes  int // sources read and hashed because the cache index did not know them
	Decodes int // images decoded by Process
	Written int // variants written to the cache
	Cached  int // variants Process found already in the cache
}

// New checks the options and opens (or creates) the cache folder and its
// index. A missing or unreadable index only means the work is done again.
func New(opts Options) (*Pipeline, error) {
	if len(opts.Widths) == 0 {
		opts.Widths = []int{480, 960, 1600}
	}
	for _, w := range opts.Widths {
		if w < 1 || w > maxSide {
			return nil, fmt.Errorf("images: width %d is not between 1 and %d (图片宽度无效)", w, maxSide)
		}
	}
	if opts.Quality == 0 {
		opts.Quality = 80
	}
	if opts.Quality < 1 || opts.Quality > 100 {
		return nil, fmt.Errorf("images: quality %d is not between 1 and 100 (图片质量应为 1-100)", opts.Quality)
	}
	if opts.MaxPixels == 0 {
		opts.MaxPixels = 60_000_000
	}
	if opts.MaxPixels < 0 {
		return nil, fmt.Errorf("images: maxPixels %d is negative (像素上限不能为负数)", opts.MaxPixels)
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if !filepath.IsAbs(opts.CacheDir) {
		return nil, fmt.Errorf("images: the cache folder %q is not an absolute path (图片缓存目录须为绝对路径)", opts.CacheDir)
	}
	opts.CacheDir = filepath.Clean(opts.CacheDir)
	if err := os.MkdirAll(opts.CacheDir, 0o755); err != nil {
		return nil, fmt.Errorf("images: cannot create the cache folder: %v (无法创建图片缓存目录)", err)
	}
	widths := slices.Clone(opts.Widths)
	slices.Sort(widths)
	widths = slices.Compact(widths)
	return &Pipeline{
		opts:    opts,
		widths:  widths,
		index:   loadIndex(filepath.Join(opts.CacheDir, indexFile)),
		sources: map[string]*source{},
		planned: map[string]bool{},
	}, nil
}

// maxSide bounds the widths and fill sizes a caller may ask for.
const maxSide = 10000

// Stats returns what the Pipeline has done so far.
func (p *Pipeline) Stats() Stats {
	return Stats{
		Images:  int(p.images.Load()),
		Probes:  int(p.probes.Load()),
		Decodes: int(p.decodes.Load()),
		Written: int(p.written.Load()),
		Cached:  int(p.cached.Load()),
	}
}

// CachePath is the file holding a processed variant: after Process, the
// build copies or links it into the output under v.Name.
func (p *Pipeline) CachePath(v Variant) string {
	return filepath.Join(p.opts.CacheDir, filepath.Base(v.Name))
}
