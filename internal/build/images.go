package build

import (
	"errors"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/images"
	"showcase/internal/markdown"
	"showcase/internal/render"
)

// photos adapts pages to the photo pipeline (internal/images): Markdown
// images, covers and album photos become responsive variants, planned while
// pages render (names and sizes are known at once) and made at the end.
type photos struct {
	pipe     *images.Pipeline
	site     fs.FS
	ix       *content.Index
	cfg      *config.Config
	warn     func(file string, line int, format string, args ...any)
	mu       sync.Mutex
	variants map[string]images.Variant // output path → variant
	users    map[string]string         // image file → the first page using it
	imaged   map[*content.Page]bool    // pages whose Markdown shows images
}

// processable reports the formats the pipeline makes variants of.
func processable(file string) bool {
	switch strings.ToLower(path.Ext(file)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".heic", ".heif":
		return true
	}
	return false
}

func newPhotos(source string, site fs.FS, cfg *config.Config, ix *content.Index, errs *diag.List) (*photos, error) {
	cache := cfg.Images.CacheDir
	if !filepath.IsAbs(cache) {
		cache = filepath.Join(source, cache)
	}
	abs, err := filepath.Abs(cache)
	if err != nil {
		return nil, err
	}
	pipe, err := images.New(images.Options{Widths: cfg.Images.Widths, Quality: cfg.Images.Quality, MaxPixels: cfg.Images.MaxPixels, CacheDir: abs})
	if err != nil {
		return nil, err
	}
	return &photos{pipe: pipe, site: site, ix: ix, cfg: cfg, warn: errs.Warnf,
		variants: map[string]images.Variant{}, users: map[string]string{}, imaged: map[*content.Page]bool{}}, nil
}

// resolve finds an image of page p and where its variants go.
func (ph *photos) resolve(p *content.Page, src string) (file, dir string, err error) {
	file, out, err := ph.ix.Resolver(p).File(src)
	if err != nil {
		return "", "", err
	}
	ph.mu.Lock()
	if _, ok := ph.users[file]; !ok {
		ph.users[file] = p.File
	}
	ph.mu.Unlock()
	return file, path.Dir(out), nil
}

func (ph *photos) publish(dir string, v images.Variant) string {
	out := path.Join(dir, v.Name)
	ph.mu.Lock()
	ph.variants[out] = v
	ph.mu.Unlock()
	return ph.cfg.BasePath + out
}

// Picture implements render.Images.
func (ph *photos) Picture(p *content.Page, src string) (*render.Picture, error) {
	file, dir, err := ph.resolve(p, src)
	if err != nil {
		return nil, err
	}
	img, err := ph.pipe.Responsive(ph.site, file)
	if err != nil {
		return nil, err
	}
	pic := &render.Picture{}
	var set []string
	for _, v := range img.Variants {
		u := ph.publish(dir, v)
		set = append(set, u+" "+strconv.Itoa(v.Width)+"w")
		if pic.Src == "" || v.Width <= 960 {
			pic.Src = u
		}
		pic.Large, pic.Width, pic.Height = u, v.Width, v.Height
	}
	pic.Srcset = strings.Join(set, ", ")
	return pic, nil
}

// showsImages notes that the Markdown of p shows images.
func (ph *photos) showsImages(p *content.Page) {
	ph.mu.Lock()
	ph.imaged[p] = true
	ph.mu.Unlock()
}

// planned is how many variant files the pages rendered so far use.
func (ph *photos) planned() int {
	ph.mu.Lock()
	defer ph.mu.Unlock()
	return len(ph.variants)
}

// Fill implements render.Images.
func (ph *photos) Fill(p *content.Page, src string, w, h int) (*render.Thumb, error) {
	file, dir, err := ph.resolve(p, src)
	if err != nil {
		return nil, err
	}
	v, err := ph.pipe.Fill(ph.site, file, w, h)
	if err != nil {
		return nil, err
	}
	return &render.Thumb{Src: ph.publish(dir, v), Width: v.Width, Height: v.Height}, nil
}

// markdownResolver gives a page's Markdown responsive figures, and notes
// in images that the page shows some (their variants are files of the
// output, which only a full build adds and removes).
type markdownResolver struct {
	*content.Resolver
	ph     *photos
	page   *content.Page
	images *bool
}

func newMarkdownResolver(ix *content.Index, ph *photos, p *content.Page, images *bool) markdownResolver {
	return markdownResolver{ix.Resolver(p), ph, p, images}
}

// proseSizes tells browsers how wide an article image is shown.
const proseSizes = "(max-width: 1040px) 100vw, 1000px"

// RenderImage implements markdown.ImageRenderer.
func (r markdownResolver) RenderImage(src, alt, title string, standalone bool, n int) (string, error) {
	*r.images = true
	if alt == "" {
		r.ph.warn(r.page.File, 0, "image %s has no alt text: describe it for readers who cannot see it (图片缺少替代文字)", src)
	}
	var img string
	lazy := ` loading="lazy"`
	if n == 0 {
		lazy = "" // likely the largest contentful paint
	}
	if content.Remote(src) || !processable(src) {
		u, err := r.Resolver.Image(src)
		if err != nil {
			return "", err
		}
		img = fmt.Sprintf(`<img src="%s" alt="%s"%s decoding="async">`, html.EscapeString(u), html.EscapeString(alt), lazy)
	} else {
		pic, err := r.ph.Picture(r.page, src)
		if err != nil {
			return "", err
		}
		img = fmt.Sprintf(`<picture><img src="%s" srcset="%s" sizes="%s" width="%d" height="%d"%s decoding="async" alt="%s"></picture>`,
			html.EscapeString(pic.Src), html.EscapeString(pic.Srcset), proseSizes, pic.Width, pic.Height, lazy, html.EscapeString(alt))
	}
	if !standalone {
		return img, nil
	}
	caption := ""
	if title != "" {
		caption = "<figcaption>" + html.EscapeString(title) + "</figcaption>"
	}
	return "<figure>" + img + caption + "</figure>", nil
}

var _ markdown.ImageRenderer = markdownResolver{}

// finish makes the planned variants, copies them into the output and prunes
// the cache. Errors name the image and the page using it.
func (ph *photos) finish(out *output, fail func(string, error)) {
	for _, err := range ph.pipe.Process(os.Stderr) {
		page := ""
		var ie *images.Error
		if errors.As(err, &ie) {
			page = ph.users[ie.Name]
		}
		fail(page, err)
	}
	outs := make([]string, 0, len(ph.variants))
	for o := range ph.variants {
		outs = append(outs, o)
	}
	sort.Strings(outs)
	for _, o := range outs {
		data, err := os.ReadFile(ph.pipe.CachePath(ph.variants[o]))
		if err == nil {
			err = out.Write(o, "image variant "+ph.variants[o].Name, data)
		}
		if err != nil {
			fail(o, err)
		}
	}
}
