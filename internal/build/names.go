package build

import (
	"io/fs"
	"net/url"
	"path"
	"strings"

	"showcase/internal/content"
	"showcase/internal/markdown"
)

// FileName implements markdown.FileNamer: dest names a file published
// beside the page, as written, or differing from the file's own name only
// in letter case or in .jpg for .jpeg (合影.jpg for 合影.JPG, as Windows,
// which ignores case, let the author see it). Two files answering to one
// name (a.png and A.PNG) answer nothing.
func (r markdownResolver) FileName(dest string) (string, bool) {
	if dest == "" || content.Remote(dest) || strings.HasPrefix(dest, "/") || strings.ContainsAny(dest, "?#") {
		return "", false
	}
	written := dest
	if u, err := url.PathUnescape(dest); err == nil {
		written = u
	}
	file := path.Join(path.Dir(r.page.File), written)
	if !strings.HasPrefix(file, "content/") {
		return "", false
	}
	files := r.ph.index(r.page).Files
	if _, ok := files[file]; ok {
		return dest, true
	}
	dir, want := path.Dir(file), sameName(path.Base(file))
	entries, err := fs.ReadDir(r.ph.site, dir)
	if err != nil {
		return "", false
	}
	match := ""
	for _, e := range entries {
		if _, ok := files[dir+"/"+e.Name()]; !ok || sameName(e.Name()) != want {
			continue
		}
		if match != "" {
			return "", false
		}
		match = e.Name()
	}
	if match == "" {
		return "", false
	}
	return path.Join(path.Dir(written), match), true
}

// sameName is what two file names share when they differ only in case or
// in .jpeg for .jpg.
func sameName(name string) string {
	name = strings.ToLower(name)
	if base, ok := strings.CutSuffix(name, ".jpeg"); ok {
		return base + ".jpg"
	}
	return name
}

var _ markdown.FileNamer = markdownResolver{}
