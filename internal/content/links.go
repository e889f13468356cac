package content

import (
	"fmt"
	"net/url"
	"path"
	"strings"
)

// Index finds pages and files by their source path, for link resolution.
type Index struct {
	BasePath string           // "/dangjian/"
	Pages    map[string]*Page // "content/news/a.md" → published page
	// Published are the published pages in the order the build read them:
	// what Assemble takes (and Reassemble, after an edit).
	Published []*Page
	Hidden    map[string]*Page  // drafts, future and expired pages
	Files     map[string]string // "content/photos/x/a.jpg" → output path "photos/x/a.jpg"
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
			return b.Path + strings.TrimPrefix(f, dir+"/"), true
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
}

// Resolver returns the link resolver of page p.
func (ix *Index) Resolver(p *Page) *Resolver { return &Resolver{ix: ix, page: p} }

// Link maps a destination written in Markdown to a URL: a relative link to a
// .md file becomes that page's URL, a site-rooted link ("/news/") gets the
// base path, a relative link to a file of the page is checked. A link to a
// missing or unpublished page is an error.
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
	target, frag := dest, ""
	if i := strings.IndexAny(target, "?#"); i >= 0 {
		target, frag = target[:i], target[i:]
	}
	if strings.HasPrefix(target, "/") {
		if strings.HasPrefix(target, r.ix.BasePath) && r.ix.BasePath != "/" {
			return dest, nil
		}
		return r.ix.BasePath + strings.TrimPrefix(dest, "/"), nil
	}
	dir := path.Dir(r.page.File)
	file := path.Join(dir, unescape(target))
	if !strings.HasPrefix(file, "content/") {
		return "", fmt.Errorf("%q points outside content/ (链接越出 content 目录)", dest)
	}
	if strings.HasSuffix(strings.ToLower(target), ".md") {
		if p, ok := r.ix.Pages[file]; ok {
			return r.ix.BasePath + p.Path + frag, nil
		}
		if p, ok := r.ix.Hidden[file]; ok {
			return "", fmt.Errorf("link to %s, which is not published (draft, future or expired) (链接指向未发布的页面)", p.File)
		}
		return "", fmt.Errorf("link to %s, which does not exist (链接指向的页面不存在)", file)
	}
	if out, ok := r.ix.Files[file]; ok {
		return r.ix.BasePath + out + frag, nil
	}
	if image {
		return "", fmt.Errorf("image %s does not exist (图片不存在)", file)
	}
	if path.Ext(target) == "" || strings.HasSuffix(target, "/") {
		return dest, nil // a relative URL such as ../news/: left as written
	}
	return "", fmt.Errorf("link to file %s, which does not exist (链接的文件不存在)", file)
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
			return "", "", fmt.Errorf("%q points outside the site (路径越出网站目录)", src)
		}
		return "static/" + rel, rel, nil
	}
	file = path.Join(path.Dir(r.page.File), unescape(src))
	if !strings.HasPrefix(file, "content/") {
		return "", "", fmt.Errorf("%q points outside content/ (链接越出 content 目录)", src)
	}
	out, ok := r.ix.Files[file]
	if !ok {
		return "", "", fmt.Errorf("image %s does not exist (图片不存在)", file)
	}
	return file, out, nil
}

// Remote reports whether dest is an absolute URL (http:, https:, //…) or
// data: URI, which the site does not process.
func Remote(dest string) bool {
	return strings.HasPrefix(dest, "//") || hasScheme(dest)
}
