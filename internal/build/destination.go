package build

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"showcase/internal/lang"
)

// A build replaces its whole destination folder, so it only ever replaces a
// folder that is its own: absent, empty, or carrying the marker file a build
// writes into every output. An output of an earlier showcase, which wrote no
// marker, is recognised by the files every build of it wrote (see
// earlierOutput). Anything else (`-d p` where p/docs/thesis.txt lives, a
// regular file) is refused and left as it was.

// markerName is the file a build writes at the top of its output, saying
// showcase made the folder and will replace it.
const markerName = ".showcase-output"

// marker is the marker's text, the same in every build (so it is hard-linked
// like any unchanged file).
var marker = []byte("此文件夹由 showcase 生成，每次生成网站都会整体替换；请不要在这里存放其他文件。\n" +
	"This folder was made by showcase build and is replaced by every build.\n")

// junk are the files an operating system leaves in any folder it shows: a
// folder holding only these is empty.
var junk = map[string]bool{".DS_Store": true, "Thumbs.db": true, "desktop.ini": true}

// earlierFiles are the files every build of an earlier showcase wrote; a
// folder without the marker that has them all is such an output.
var earlierFiles = []string{"index.html", "404.html", "robots.txt", "sitemap.xml", "search/index.html"}

// checkDestination refuses an output folder that would swallow the source,
// and one that is not a build's own output.
func checkDestination(source, dest string) error {
	src, err := filepath.Abs(source)
	if err != nil {
		return err
	}
	dst, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	if dst == src || strings.HasPrefix(src+string(filepath.Separator), dst+string(filepath.Separator)) {
		return lang.Errorf("输出文件夹 %[1]s 就是网站文件夹（或包含它），生成会替换整个网站，所以没有生成：请用 -d 指定另一个文件夹", "destination %[1]s would replace the site folder itself", dest)
	}
	for _, d := range []string{"content", "layouts", "static"} {
		own := filepath.Join(src, d)
		if dst == own || strings.HasPrefix(dst, own+string(filepath.Separator)) {
			return lang.Errorf("输出文件夹 %[1]s 位于网站的 %[2]s/ 文件夹中，所以没有生成：请用 -d 指定另一个文件夹", "destination %[1]s is inside the site's %[2]s/ folder", dest, d)
		}
	}
	if _, err := os.Stat(filepath.Join(dst, "site.toml")); err == nil {
		return lang.Errorf("输出文件夹 %[1]s 中有 site.toml，像是一个网站文件夹，所以没有生成：请用 -d 指定另一个文件夹", "destination %[1]s holds a site.toml: it looks like a site, not an output folder", dest)
	}
	return checkReplaceable(dest)
}

// checkReplaceable refuses a destination that exists and is neither empty
// nor a build's output.
func checkReplaceable(dest string) error {
	info, err := os.Stat(dest)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("无法读取输出文件夹 %s (cannot look at the destination: %v)", dest, err)
	}
	if !info.IsDir() {
		return fmt.Errorf("输出位置 %s 是一个文件，不是文件夹；生成网站会把它整体替换，所以没有生成。请用 -d 指定一个新的或空的文件夹 (the destination is a file, not a folder)", dest)
	}
	entries, err := os.ReadDir(dest)
	if err != nil {
		return fmt.Errorf("无法读取输出文件夹 %s (cannot list the destination: %v)", dest, err)
	}
	var foreign []string
	for _, e := range entries {
		if !junk[e.Name()] {
			foreign = append(foreign, e.Name())
		}
	}
	if len(foreign) == 0 || hasMarker(dest) || earlierOutput(dest) {
		return nil
	}
	return fmt.Errorf("输出文件夹 %s 不是 showcase 生成的（里面有 %s），生成网站会整体替换这个文件夹，为免删掉其中的文件，没有生成。"+
		"请把里面的文件移走、清空这个文件夹，或用 -d 指定一个新的文件夹 "+
		"(the destination holds files showcase did not write and has no %s marker: empty it or choose another folder)",
		dest, examples(dest, foreign), markerName)
}

// hasMarker reports a folder carrying the marker a build wrote.
func hasMarker(dir string) bool {
	info, err := os.Lstat(filepath.Join(dir, markerName))
	if err != nil || !info.Mode().IsRegular() || info.Size() > 4096 {
		return false
	}
	data, err := os.ReadFile(filepath.Join(dir, markerName))
	return err == nil && bytes.Contains(data, []byte("showcase"))
}

// earlierOutput reports a folder that holds every file each build of an
// earlier showcase wrote (before builds wrote the marker), so that a site's
// public/ made by the previous version is still replaced. A folder holding
// other files besides is accepted too: it is what that version would have
// replaced anyway.
func earlierOutput(dir string) bool {
	for _, f := range earlierFiles {
		info, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil || !info.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// examples names up to three entries of a folder, folders with a slash.
func examples(dir string, names []string) string {
	sort.Strings(names)
	var shown []string
	for i, n := range names {
		if i == 3 {
			shown = append(shown, fmt.Sprintf("等 %d 项", len(names)))
			break
		}
		if info, err := os.Stat(filepath.Join(dir, n)); err == nil && info.IsDir() {
			n += "/"
		}
		shown = append(shown, n)
	}
	return strings.Join(shown, "、")
}
