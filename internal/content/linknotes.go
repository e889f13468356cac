package content

import (
	"path"
	"regexp"
	"strings"

	"showcase/internal/lang"
)

// LinkNote is something a Resolver published the way Hugo does but an
// author should hear about: an e-mail address made a mailto: link, a
// destination that is no URL, a link or picture that leads nowhere. The
// build reports each as a warning at the line of the link; Strict notes
// (the reader meets something broken) are errors for showcase check and
// build --strict.
type LinkNote struct {
	Dest   string // the destination as written
	Msg    string
	Strict bool
	Line   int // the file's line when known where the note is made (a shortcode's call), else 0
}

// Note records a note about dest for the page's build to report.
func (r *Resolver) Note(dest string, strict bool, msg string) {
	r.Notes = append(r.Notes, LinkNote{Dest: dest, Msg: msg, Strict: strict})
}

var (
	emailDest = regexp.MustCompile(`^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$`)
	// a web address written without its scheme: www.example.com/…, istio.io
	bareDomain = regexp.MustCompile(`(?i)^(www\.[a-z0-9-]+(\.[a-z0-9-]+)+|[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|cn|net|org|io|edu|gov|info|me|dev|app))(:\d+)?(/|$)`)
)

// lenient handles the destinations Hugo publishes as written and the
// build would otherwise refuse. It returns the URL to publish and true,
// or false when dest is an ordinary one for resolve.
func (r *Resolver) lenient(dest string) (string, bool) {
	switch {
	case emailDest.MatchString(dest):
		r.Note(dest, false, lang.Sprintf("链接地址 %[1]q 是电子邮件地址，已改为 mailto:%[1]s；请直接写成 mailto:%[1]s",
			"link %[1]q is an e-mail address: published as mailto:%[1]s", dest))
		return "mailto:" + dest, true
	case invalidDest(dest):
		r.Note(dest, true, lang.Sprintf("链接地址 %[1]q 不是有效的网址或文件路径（多了 * 等符号，或用了中文冒号？），已原样发布，读者点开会出错",
			"link destination %[1]q is not a valid URL or path; published as written", dest))
		return dest, true
	}
	return "", false
}

// invalidDest reports a destination no file or URL can have: characters
// that are not allowed in either (*, <, >, ", {, }, |, \, ^, `), or a URL
// spelled wrong (https：//…, http//…).
func invalidDest(d string) bool {
	if strings.ContainsAny(d, "*<>\"{}|\\^`") {
		return true
	}
	if hasScheme(d) {
		return false
	}
	return strings.Contains(d, "://") || strings.Contains(d, "：") ||
		strings.HasPrefix(d, "http//") || strings.HasPrefix(d, "https//")
}

// missing publishes a destination that leads to no file or page as written,
// with a strict note: msg says what is missing.
func (r *Resolver) missing(dest string, image bool, zh, en string, args ...any) (string, error) {
	target := dest
	if i := strings.IndexAny(target, "?#"); i >= 0 {
		target = target[:i]
	}
	if !image && bareDomain.MatchString(target) {
		r.Note(dest, true, lang.Sprintf("链接地址 %[1]q 像是网址但缺少 https://，读者点开会出错；请写成 https://%[1]s",
			"link %[1]q looks like a web address without https://; published as written, it leads nowhere", dest))
		return dest, nil
	}
	r.Note(dest, true, lang.Sprintf(zh, en, args...))
	return dest, nil
}

// relativeURL reports a destination that names a URL rather than a file
// (no extension, or a folder: "../vitae/"): a browser resolves it against
// the page's URL, as written.
func relativeURL(target string) bool {
	return path.Ext(target) == "" || strings.HasSuffix(target, "/")
}

// bundleFile finds a root-relative path ("/cover.jpg") among the files of
// the page's own folder, for a site that wrote it so although the file is
// not under static/.
func (r *Resolver) bundleFile(rel string) (file, out string, ok bool) {
	dir := r.page.Bundle
	if dir == "" {
		dir = path.Dir(r.page.File)
	}
	file = dir + "/" + rel
	out, ok = r.ix.Files[file]
	return file, out, ok
}

// rooted resolves a root-relative destination ("/img/a.png"): a file of
// static/, else (when the site's static/ lacks it) a file of the page's
// own folder, with a note. Exists, when the build set it, says which
// files the site has.
func (r *Resolver) rooted(dest string) (string, bool) {
	target := dest
	if i := strings.IndexAny(target, "?#"); i >= 0 {
		target = target[:i]
	}
	rel := strings.TrimPrefix(path.Clean(unescape(target)), "/")
	if r.ix.Exists == nil || rel == "" || rel == "." || r.ix.Exists("static/"+rel) {
		return "", false
	}
	if _, out, ok := r.bundleFile(rel); ok {
		r.Note(dest, false, lang.Sprintf("%[1]q 不在 static/ 中，使用了本页文件夹中的同名文件；请去掉开头的 /",
			"%[1]q is not under static/; the file of the page's folder is used (write it without the leading /)", dest))
		return r.ix.BasePath + out + dest[len(target):], true
	}
	return "", false
}

// aboveKnown reports whether a relative destination that climbs out of
// content/ ("../index.xml" from a top-level page) names, read against the
// page's URL as a browser reads it, a file the build writes: a page, a
// feed, the sitemap, a published file or one of static/.
func (r *Resolver) aboveKnown(target string) bool {
	base := "/" + r.page.Path
	if !strings.HasSuffix(base, "/") {
		base = path.Dir(base) + "/"
	}
	rel := strings.TrimPrefix(path.Join(base, unescape(target)), "/")
	r.ix.outputsOnce.Do(r.ix.listOutputs)
	return r.ix.outputs[rel] || r.ix.Exists != nil && r.ix.Exists("static/"+rel)
}

// listOutputs gathers the files the build writes that a link may name.
func (ix *Index) listOutputs() {
	ix.outputs = map[string]bool{"index.xml": true, "sitemap.xml": true, "robots.txt": true, "404.html": true}
	for _, p := range ix.Pages {
		ix.outputs[fileOf(p.Path)] = true
		ix.outputs[strings.TrimSuffix(p.Path, "/")] = true
		if p.Section != "" {
			ix.outputs[asciiDir(p.Section)+"/index.xml"] = true
		}
	}
	for _, out := range ix.Files {
		ix.outputs[out] = true
	}
}
