package content

import (
	"net/url"
	"path"
	"strings"
	"sync"

	"showcase/internal/lang"
)

// Index finds pages and files by their source path, for link resolution.
type Index struct {
	BasePath string // "/dangjian/"
	// Root is the site's base path when BasePath is a language's
	// ("/dangjian/en/"): a root-relative link of its Markdown ("/news/",
	// "/en/about/", "/img/a.png") is below the site's root, as in Hugo,
	// which publishes such links as written.
	Root  string
	Pages map[string]*Page // "content/news/a.md" → published page
	// Published are the published pages in the order the build read them:
	// what Assemble takes (and Reassemble, after an edit).
	Published []*Page
	Hidden    map[string]*Page  // drafts, future and expired pages
	Files     map[string]string // "content/photos/x/a.jpg" → output path "photos/x/a.jpg"
	// Exists, when set, says whether the site has a file ("static/a.png"):
	// a root-relative path the site's static/ lacks may name a file of the
	// page's own folder (see Resolver.File).
	Exists func(file string) bool

	outputsOnce sync.Once
	outputs     map[string]bool // what the build writes, for aboveKnown
}

// NewIndex indexes the published pages and the content files.
func NewIndex(basePath string, published, hidden []*Page, files []string) *Index {
	ix := &Index{BasePath: basePath, Pages: map[string]*Page{}, Hidden: map[string]*Page{}, Files: map[string]string{}, Published: published}
	bundles := map[string]*Page{}
	for _, p := range published {
		ix.Pages[p.File] = p
		if p.Bundle != "" {
			bundles[p.Bundle] = p
		}
	}
	for _, p := range hidden {
		ix.Hidden[p.File] = p
		if p.Bundle != "" {
			bundles[p.Bundle] = nil // a hidden bundle's files are not published
		}
	}
	for _, f := range files {
		if out, ok := filePath(f, bundles); ok {
			ix.Files[f] = out
		}
	}
	return ix
}

// filePath is where a content file is published: beside its bundle's page,
// or at its own folder's ASCII path.
func filePath(f string, bundles map[string]*Page) (string, bool) {
	for dir := path.Dir(f); dir != "content" && dir != "."; dir = path.Dir(dir) {
		if b, ok := bundles[dir]; ok {
			if b == nil {
				return "", false
			}
			return ResourceDir(b) + strings.TrimPrefix(f, dir+"/"), true
		}
	}
	rel := strings.TrimPrefix(f, "content/")
	dir, name := path.Split(rel)
	ext := path.Ext(name)
	if base := strings.TrimSuffix(name, ext); !asciiName(base) {
		name = segment(base) + strings.ToLower(ext)
	}
	if dir = strings.TrimSuffix(dir, "/"); dir != "" {
		return asciiDir(dir) + "/" + name, true
	}
	return name, true
}

func asciiName(s string) bool {
	for _, r := range s {
		if r > 0x7e || r <= ' ' || r == '%' || r == '#' || r == '?' {
			return false
		}
	}
	return s != ""
}

// Resolver resolves the links and images of one page's Markdown.
type Resolver struct {
	ix   *Index
	page *Page
	// Notes are what the resolver published as Hugo does but the author
	// should hear about, for the build to report at their lines.
	Notes []LinkNote
}

// Resolver returns the link resolver of page p.
func (ix *Index) Resolver(p *Page) *Resolver { return &Resolver{ix: ix, page: p} }

// Link maps a destination written in Markdown to a URL: a relative link to a
// .md file becomes that page's URL, a site-rooted link ("/news/") gets the
// base path, a relative link to a file of the page is checked. A link to a
// missing or unpublished page, an e-mail address, a destination that is no
// URL are published as Hugo publishes them, with a note (LinkNote).
func (r *Resolver) Link(dest string) (string, error) {
	return r.resolve(dest, false)
}

// Image maps an image source to its URL; a missing image is an error.
func (r *Resolver) Image(src string) (string, error) {
	return r.resolve(src, true)
}

func (r *Resolver) resolve(dest string, image bool) (string, error) {
	if dest == "" || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "//") || hasScheme(dest) {
		return dest, nil
	}
	if u, ok := r.lenient(dest); ok {
		return u, nil
	}
	target, frag := dest, ""
	if i := strings.IndexAny(target, "?#"); i >= 0 {
		target, frag = target[:i], target[i:]
	}
	if strings.HasPrefix(target, "/") {
		if strings.HasPrefix(target, r.ix.BasePath) && r.ix.BasePath != "/" {
			return dest, nil
		}
		if u, ok := r.rooted(dest); ok {
			return u, nil
		}
		static := r.ix.Exists != nil && r.ix.Exists("static"+path.Clean(unescape(target)))
		if image && r.ix.Exists != nil && !static {
			r.missing(dest, image, "图片 %[1]s 在 static/ 中不存在，已原样发布，读者看不到", "image %[1]s is not under static/", dest)
		}
		if r.ix.Root != "" {
			return r.ix.Root + strings.TrimPrefix(dest, "/"), nil
		}
		return r.ix.BasePath + strings.TrimPrefix(dest, "/"), nil
	}
	dir := path.Dir(r.page.File)
	file := path.Join(dir, unescape(target))
	if !strings.HasPrefix(file, "content/") {
		if relativeURL(target) || r.aboveKnown(target) {
			return dest, nil // a URL above the page's, such as ../vitae/ or ../index.xml: as a browser reads it
		}
		return r.missing(dest, image, "%[1]q 指向 content 目录以外，已原样发布，读者点开会出错", "%[1]q points outside content/; published as written", dest)
	}
	if strings.HasSuffix(strings.ToLower(target), ".md") {
		for _, f := range []string{file, file + "/index.md", file + "/_index.md"} {
			if p, ok := r.ix.Pages[f]; ok {
				return r.ix.BasePath + p.Path + frag, nil
			}
		}
		if p, ok := r.ix.Hidden[file]; ok {
			return r.missing(dest, image, "链接指向未发布的页面 %[1]s（草稿、定时或已过期），已原样发布，读者点开会出错",
				"link to %[1]s, which is not published (draft, future or expired)", p.File)
		}
		return r.missing(dest, image, "链接指向的页面 %[1]s 不存在，已原样发布，读者点开会出错", "link to %[1]s, which does not exist", file)
	}
	if out, ok := r.ix.Files[file]; ok {
		return r.ix.BasePath + out + frag, nil
	}
	if image {
		return r.missing(dest, image, "图片 %[1]s 不存在，已原样发布，读者看不到", "image %[1]s does not exist", file)
	}
	if relativeURL(target) {
		return dest, nil // a relative URL such as ../news/: left as written
	}
	return r.missing(dest, image, "链接的文件 %[1]s 不存在，已原样发布，读者点开会出错", "link to file %[1]s, which does not exist", file)
}

func hasScheme(s string) bool {
	i := strings.Index(s, ":")
	if i <= 0 {
		return false
	}
	for _, c := range s[:i] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

func unescape(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

// File resolves src, written in page p's Markdown or front matter, to a
// file of the site: a content file (relative to the page) or, when src
// starts with "/", a file under static/. It returns the file's path in the
// site folder and the URL path below the base where it (or its variants)
// is published.
func (r *Resolver) File(src string) (file, outPath string, err error) {
	if i := strings.IndexAny(src, "?#"); i >= 0 {
		src = src[:i]
	}
	if strings.HasPrefix(src, "/") {
		rel := strings.TrimPrefix(path.Clean(src), "/")
		if rel == "" || rel == "." || strings.HasPrefix(rel, "../") {
			return "", "", lang.Errorf("%[1]q 指向网站文件夹以外；请写本站 static/ 里的文件，如 /images/a.jpg", "%[1]q points outside the site", src)
		}
		if r.ix.Exists != nil && !r.ix.Exists("static/"+rel) {
			if file, out, ok := r.bundleFile(rel); ok {
				r.Note(src, false, lang.Sprintf("%[1]q 不在 static/ 中，使用了本页文件夹中的同名文件；请去掉开头的 /",
					"%[1]q is not under static/; the file of the page's folder is used (write it without the leading /)", src))
				return file, out, nil
			}
		}
		return "static/" + rel, rel, nil
	}
	file = path.Join(path.Dir(r.page.File), unescape(src))
	if !strings.HasPrefix(file, "content/") {
		return "", "", lang.Errorf("%[1]q 指向 content 目录以外；请把文件放进本页文件夹，或放进 static/ 后以 / 开头书写", "%[1]q points outside content/", src)
	}
	out, ok := r.ix.Files[file]
	if !ok {
		return "", "", lang.Errorf("图片 %[1]s 不存在；请检查文件名（包括大小写和扩展名）", "image %[1]s does not exist", file)
	}
	return file, out, nil
}

// Remote reports whether dest is an absolute URL (http:, https:, //…) or
// data: URI, which the site does not process.
func Remote(dest string) bool {
	return strings.HasPrefix(dest, "//") || hasScheme(dest)
}
