package build

import (
	"errors"
	"fmt"
	"html"
	"io"
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
	"showcase/internal/lang"
	"showcase/internal/markdown"
	"showcase/internal/render"
)

// photos adapts pages to the photo pipeline (internal/images): Markdown
// images, covers and album photos become responsive variants, planned while
// pages render (names and sizes are known at once) and made at the end.
type photos struct {
	pipe *images.Pipeline
	site fs.FS
	ix   *content.Index
	// all indexes every page, published or not, in a dry run (check), for
	// the pages this build does not publish; nil in a build.
	all      *content.Index
	cfg      *config.Config
	warn     func(file string, line int, format string, args ...any)
	mu       sync.Mutex
	variants map[string]variant     // output path → variant
	users    map[string]use         // image file → the page its errors are filed under
	imaged   map[*content.Page]bool // pages whose Markdown shows images
	// roots are the variants of static/ pictures a multilingual site's
	// languages share: made once, at the site's root (nil otherwise)
	roots *rootVariants
}

// rootVariants are the output paths of the variants of static/ pictures
// written so far by a multilingual site's languages. Static files are
// published once, at the root; their variants are too, whichever
// language's pages show them.
type rootVariants struct {
	mu      sync.Mutex
	written map[string]bool
}

func newRootVariants() *rootVariants { return &rootVariants{written: map[string]bool{}} }

// first reports whether rel is not written yet, and takes it.
func (r *rootVariants) first(rel string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.written[rel] {
		return false
	}
	r.written[rel] = true
	return true
}

// variant is a variant to publish and the image it is made from.
type variant struct {
	images.Variant
	source string // "content/news/a/x.jpg"
	root   bool   // at the site's root, not below the language's folder
}

// use is where an image is used: a page, and the line when the Markdown
// pass knows it.
type use struct {
	page   string
	line   int
	hidden bool // a page this build does not publish (a dry run's draft)
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
		variants: map[string]variant{}, users: map[string]use{}, imaged: map[*content.Page]bool{}}, nil
}

// index is the index that resolves page p's files: in a dry run, a page
// that is not published resolves as if every page were.
func (ph *photos) index(p *content.Page) *content.Index {
	if ph.hidden(p) {
		return ph.all
	}
	return ph.ix
}

// hidden reports a page that a dry run renders but a build would not.
func (ph *photos) hidden(p *content.Page) bool {
	return ph.all != nil && ph.ix.Pages[p.File] == nil && ph.all.Pages[p.File] != nil
}

// resolve finds an image of page p and where its variants go.
func (ph *photos) resolve(p *content.Page, src string) (file, dir string, err error) {
	file, out, err := ph.index(p).Resolver(p).File(src)
	if err != nil {
		return "", "", err
	}
	line := 0
	if src == p.Cover {
		line = p.KeyLine("cover")
	}
	ph.used(file, p, line)
	return file, path.Dir(out), nil
}

// used records that page p uses an image, at a line if known. An image's
// errors are filed under the first page using it, a published page
// before one a dry run renders besides.
func (ph *photos) used(file string, p *content.Page, line int) {
	u := use{page: p.File, line: line, hidden: ph.hidden(p)}
	ph.mu.Lock()
	defer ph.mu.Unlock()
	prev, ok := ph.users[file]
	switch {
	case !ok, prev.hidden && !u.hidden:
		ph.users[file] = u
	case prev.page == u.page && prev.line == 0:
		prev.line = line
		ph.users[file] = prev
	}
}

// lines gives the images a page uses the lines where its Markdown shows
// them, so that an image's error names page and line.
func (ph *photos) lines(p *content.Page, links []markdown.Link) {
	for _, l := range links {
		if !l.Image || content.Remote(l.Dest) || !processable(l.Dest) {
			continue
		}
		if file, _, err := ph.index(p).Resolver(p).File(l.Dest); err == nil {
			ph.used(file, p, l.Line)
		}
	}
}

// publish plans a variant of source below dir and returns its URL. A
// language of a multilingual site publishes the variants of static/
// pictures at the site's root, beside the pictures (see rootVariants).
func (ph *photos) publish(dir, source string, v images.Variant) string {
	out := path.Join(dir, v.Name)
	root := ph.roots != nil && ph.cfg.RootPath != "" && strings.HasPrefix(source, "static/")
	ph.mu.Lock()
	ph.variants[out] = variant{Variant: v, source: source, root: root}
	ph.mu.Unlock()
	if root {
		return ph.cfg.RootPath + out
	}
	return ph.cfg.BasePath + out
}

// Picture implements render.Images. A remote image (https://…, a cover
// Hugo sites link to) is shown as it is, marked Remote.
func (ph *photos) Picture(p *content.Page, src string) (*render.Picture, error) {
	if content.Remote(src) {
		return &render.Picture{Src: src, Large: src, Remote: true}, nil
	}
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
		u := ph.publish(dir, file, v)
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

// Fill implements render.Images; a remote image is shown as it is, in a
// w×h box.
func (ph *photos) Fill(p *content.Page, src string, w, h int) (*render.Thumb, error) {
	if content.Remote(src) {
		return &render.Thumb{Src: src, Width: w, Height: h, Remote: true}, nil
	}
	file, dir, err := ph.resolve(p, src)
	if err != nil {
		return nil, err
	}
	v, err := ph.pipe.Fill(ph.site, file, w, h)
	if err != nil {
		return nil, err
	}
	return &render.Thumb{Src: ph.publish(dir, file, v), Width: v.Width, Height: v.Height}, nil
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

// proseSizes tells browsers how wide an article image is shown: on a
// phone, the text's width, told as two thirds of it on a screen of 2.5 or
// more device pixels a CSS pixel, so that such a phone loads a variant
// about twice as wide as shown, not three times (the first screen of an
// article with photos stays within 300 KB, see TestThemeFirstView).
const proseSizes = "(max-width: 600px) and (min-resolution: 2.5dppx) calc((100vw - 58px) * 2 / 3), (max-width: 600px) calc(100vw - 58px), (max-width: 1040px) calc(100vw - 72px), 1000px"

// RenderImage implements markdown.ImageRenderer. A remote picture is an
// <img> of the other site, loaded lazily and without telling it the page
// (hot-link protection refuses a foreign Referer); a picture that is not
// there is published as written, as Hugo does, with a note.
func (r markdownResolver) RenderImage(src, alt, title string, standalone bool, n int) (string, error) {
	if r.images != nil {
		*r.images = true
	}
	if alt == "" {
		r.Note(src, false, lang.Sprintf("图片 %[1]s 缺少替代文字：请在 ![ ] 的方括号中写明图片内容，方便看不到图片的读者", "image %[1]s has no alt text: describe it for readers who cannot see it", src))
	}
	var img string
	lazy := ` loading="lazy"`
	if n == 0 {
		lazy = "" // likely the largest contentful paint
	}
	switch {
	case content.Remote(src):
		img = fmt.Sprintf(`<img src="%s" alt="%s" loading="lazy" decoding="async" referrerpolicy="no-referrer">`, html.EscapeString(src), html.EscapeString(alt))
	case !processable(src) || !r.exists(src):
		u, err := r.Resolver.Image(src)
		if err != nil {
			return "", err
		}
		img = fmt.Sprintf(`<img src="%s" alt="%s"%s decoding="async">`, html.EscapeString(u), html.EscapeString(alt), lazy)
	default:
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

// exists reports whether a picture's file is there to be processed; when
// it is not, Resolver.Image publishes it as written, with a note.
func (r markdownResolver) exists(src string) bool {
	file, _, err := r.Resolver.File(src)
	if err != nil {
		return false
	}
	if strings.HasPrefix(file, "static/") {
		_, err = fs.Stat(r.ph.site, file)
	}
	return err == nil
}

// finish makes the planned variants and copies them into the output (a dry
// run's output only claims their paths). An image's error is filed under
// the page using it, at the line that shows it, and names the image by its
// place in the site, never by a file of the cache; a failed image's
// variants are left out without more errors.
func (ph *photos) finish(out *output, fail func(string, error)) {
	failed := map[string]bool{}
	for _, err := range ph.pipe.Process(os.Stderr) {
		var ie *images.Error
		if !errors.As(err, &ie) {
			fail("", err)
			continue
		}
		failed[ie.Name] = true
		u := ph.users[ie.Name]
		fail(u.page, &diag.Problem{File: u.page, Line: u.line, Msg: err.Error()})
	}
	outs := make([]string, 0, len(ph.variants))
	for o := range ph.variants {
		outs = append(outs, o)
	}
	sort.Strings(outs)
	for _, o := range outs {
		v := ph.variants[o]
		if failed[v.source] {
			continue
		}
		by := "image variant " + v.Name
		write := out.Write
		if v.root {
			if !ph.roots.first(o) {
				continue // another language's pages show it: written
			}
			write = out.WriteRoot
		}
		if out.dry {
			fail(o, write(o, by, nil))
			continue
		}
		f, err := openRead(ph.pipe.CachePath(v.Variant))
		if err != nil {
			u := ph.users[v.source]
			fail(u.page, &diag.Problem{File: u.page, Line: u.line, Msg: lang.Sprintf(
				"%[1]s：处理好的图片在缓存中找不到，请重新生成", "%[1]s: its variant %[2]s is missing from the image cache: build again",
				v.source, v.Name)})
			continue
		}
		if v.root {
			data, err := io.ReadAll(f)
			if err == nil {
				err = write(o, by, data)
			}
			fail(o, err)
		} else {
			fail(o, out.copyFile(o, by, f))
		}
		f.Close()
	}
}
