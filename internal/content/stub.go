package content

// PathOfFile is the URL path below the site's base that the content file
// would have from its place alone ("news/a/" for content/news/a.md or
// content/news/a/index.md), for a page that could not be read: its slug,
// if it has one, is not known.
func PathOfFile(file string) string {
	p := &Page{File: file}
	placePage(p)
	return pagePath(p)
}
