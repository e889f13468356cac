package images

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"showcase/internal/lang"
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
	planned map[string]string  // variant names planned in this build (for Prune), with their source's name

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
			return nil, lang.Errorf("图片宽度 %[1]d 无效：应在 1 到 %[2]d 像素之间", "images: width %[1]d is not between 1 and %[2]d", w, maxSide)
		}
	}
	if opts.Quality == 0 {
		opts.Quality = 80
	}
	if opts.Quality < 1 || opts.Quality > 100 {
		return nil, lang.Errorf("图片质量 %d 无效：应在 1 到 100 之间", "images: quality %d is not between 1 and 100", opts.Quality)
	}
	if opts.MaxPixels == 0 {
		opts.MaxPixels = 60_000_000
	}
	if opts.MaxPixels < 0 {
		return nil, lang.Errorf("图片像素上限 maxPixels 不能是负数（现在是 %d）", "images: maxPixels %d is negative", opts.MaxPixels)
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if !filepath.IsAbs(opts.CacheDir) {
		return nil, lang.Errorf("程序内部错误：图片缓存文件夹须为绝对路径", "images: the cache folder %q is not an absolute path", opts.CacheDir)
	}
	opts.CacheDir = filepath.Clean(opts.CacheDir)
	if err := os.MkdirAll(opts.CacheDir, 0o755); err != nil {
		return nil, lang.Errorf("无法创建存放缩小图片的缓存文件夹：请检查网站文件夹能否写入", "images: cannot create the cache folder: %v", err)
	}
	widths := slices.Clone(opts.Widths)
	slices.Sort(widths)
	widths = slices.Compact(widths)
	return &Pipeline{
		opts:    opts,
		widths:  widths,
		index:   loadIndex(filepath.Join(opts.CacheDir, indexFile)),
		sources: map[string]*source{},
		planned: map[string]string{},
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

// ReadVariant reads a processed variant, for the build to publish under
// v.Name. A variant that is not in the cache — its photo failed in Process
// (which has reported it), or Process was not called — gives an *Error
// naming the photo, matching ErrNotMade, whose message never shows the
// cache's file.
func (p *Pipeline) ReadVariant(v Variant) ([]byte, error) {
	data, err := os.ReadFile(p.CachePath(v))
	if err == nil {
		return data, nil
	}
	p.mu.Lock()
	src := p.planned[v.Name]
	p.mu.Unlock()
	if src == "" {
		src = v.Name
	}
	return nil, &Error{Name: src, Kind: ErrNotMade, Err: err,
		Msg: lang.Sprintf("这张图片没有处理成功，它缩小后的版本无法发布：请按这张图片的其他提示修改后重新生成",
			"its variant %s was not made: %v", v.Name, withoutPath(err))}
}
