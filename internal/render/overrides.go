package render

import (
	"bytes"
	"io/fs"
	"path"

	"showcase/internal/diag"
)

// A site's own layout replaces the theme's of the same path. Two mistakes
// would pass unnoticed: an empty file (baseof.html or a page layout), which
// publishes blank pages, and a symbolic link whose target is gone, which
// the theme's file silently stands in for. Both are errors naming the
// file. (An empty partial is allowed: it is how a site drops a part, such
// as the footer.)

// emptyLayout is the problem of a page layout or baseof.html holding
// nothing but spaces, or nil.
func emptyLayout(file string, data []byte) *diag.Problem {
	if len(bytes.TrimSpace(data)) > 0 {
		return nil
	}
	return diag.Errorf(file, 0, "模板文件是空的，会生成空白页面；请写入内容，或删除这个文件以使用自带的模板（the layout is empty）")
}

// brokenOverrides reports the layouts of the site's own folder that are
// symbolic links to nothing: layouts/, its sub-folders and _partials.
func brokenOverrides(site fs.FS, errs *diag.List) {
	if site == nil {
		return
	}
	dirs := []string{"layouts"}
	for i := 0; i < len(dirs); i++ {
		entries, err := fs.ReadDir(site, dirs[i])
		if err != nil {
			continue // no layouts of its own
		}
		for _, e := range entries {
			name := path.Join(dirs[i], e.Name())
			switch {
			case e.IsDir() && dirs[i] == "layouts":
				dirs = append(dirs, name)
			case e.Type()&fs.ModeSymlink != 0:
				if _, err := fs.Stat(site, name); err != nil {
					errs.Errorf(name, 0, "这个模板是符号链接，但它指向的文件不存在或无法读取，不会使用；请修正或删除这个链接（a symbolic link to nothing: %v）", err)
				}
			}
		}
	}
}
