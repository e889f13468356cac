package build

import (
	"io/fs"
	"strings"
	"sync"
	"unicode/utf8"
)

// staticFiles answers content.Index.Exists ("does the site have
// static/img/a.png?") from one walk of static/, made at the first question:
// a site whose pages link to one another root-relative ("/cn/2020/07/x/")
// asks for every link, and each fs.Stat through the site's layers costs a
// failing lstat or open per path component and layer.
//
// The answers are fs.Stat's: a path under a symbolic link, and a path the
// walk lacks only by letter case or by a non-ASCII letter (a case- or
// normalisation-insensitive file system may still have it) are looked up
// with fs.Stat itself.
type staticFiles struct {
	fsys   fs.FS
	once   sync.Once
	paths  map[string]bool // walked path → a link or unlisted folder
	folded map[string]bool // walked paths in lower case
}

func newStaticFiles(fsys fs.FS) *staticFiles { return &staticFiles{fsys: fsys} }

func (s *staticFiles) walk() {
	s.paths, s.folded = map[string]bool{}, map[string]bool{}
	fs.WalkDir(s.fsys, "static", func(p string, d fs.DirEntry, err error) error {
		if d == nil {
			return nil // no static/
		}
		// a link, or a folder that cannot be listed: what is below it
		// is looked up with fs.Stat
		s.paths[p] = d.Type()&fs.ModeSymlink != 0 || err != nil
		s.folded[strings.ToLower(p)] = true
		return nil
	})
}

// Exists says whether fs.Stat finds file (a slash path under static/).
func (s *staticFiles) Exists(file string) bool {
	if file != "static" && !strings.HasPrefix(file, "static/") {
		return s.stat(file)
	}
	s.once.Do(s.walk)
	if unknown, ok := s.paths[file]; ok {
		return !unknown || s.stat(file)
	}
	for i := len(file) - 1; i > len("static"); i-- {
		if file[i] == '/' && s.paths[file[:i]] {
			return s.stat(file) // below a link, which the walk did not follow
		}
	}
	if s.folded[strings.ToLower(file)] || !ascii(file) {
		return s.stat(file)
	}
	return false
}

func (s *staticFiles) stat(file string) bool {
	_, err := fs.Stat(s.fsys, file)
	return err == nil
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
