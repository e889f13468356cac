package search

import "bytes"

// Scripts are the search page's scripts, static/js/NAME.js. The build
// publishes each also as js/NAME.min.js, StripScript of it, which is what
// the search page loads: a quarter off their gzip size, which every first
// query fetches.
var Scripts = []string{"search-core", "search-segment", "search-index", "search"}

// StripScript removes a script's comment lines, block comments that start
// a line, indentation and blank lines. Nothing inside a line changes, so a
// string or a regular expression is kept as written (the scripts have no
// string over several lines, whose lines this would change).
func StripScript(src []byte) []byte {
	var out []byte
	inBlock := false
	for _, line := range bytes.Split(src, []byte("\n")) {
		t := bytes.TrimSpace(line)
		if inBlock {
			if i := bytes.Index(t, []byte("*/")); i >= 0 {
				inBlock = false
				t = bytes.TrimSpace(t[i+2:])
			} else {
				continue
			}
		} else if bytes.HasPrefix(t, []byte("/*")) {
			if i := bytes.Index(t[2:], []byte("*/")); i >= 0 {
				t = bytes.TrimSpace(t[i+4:])
			} else {
				inBlock = true
				continue
			}
		}
		if len(t) == 0 || bytes.HasPrefix(t, []byte("//")) {
			continue
		}
		out = append(append(out, t...), '\n')
	}
	return out
}
