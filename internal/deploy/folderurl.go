package deploy

import (
	"runtime"
	"strings"
)

// A file:// target names a folder of this computer. On Windows the folder
// has a drive or is a share, and staff write it the ways Windows writes it:
//
//	file:///D:/发布/网站     the standard form (also with backslashes)
//	file://D:/发布/网站      two slashes, as often copied
//	file://server/share/网站  a share, \\server\share\网站
//	D:\发布\网站              a plain folder, as Explorer's address bar shows it
//
// folderOfURL and fileURLOf turn these into the folder and back.

// onWindows says the targets are Windows folders.
var onWindows = runtime.GOOS == "windows"

// folderOfURL is the folder of a file:// URL's host and path, in slash
// form ("D:/发布/网站", "//server/share/网站" on Windows, "/mnt/www" elsewhere);
// false when the host names another computer where that cannot be reached.
func folderOfURL(host, p string, windows bool) (string, bool) {
	if !windows {
		return p, host == "" || host == "localhost"
	}
	switch {
	case isDrive(host): // file://D:/x
		return host + p, true
	case host != "" && host != "localhost": // file://server/share/x
		return "//" + host + p, true
	}
	if len(p) >= 3 && p[0] == '/' && isDrive(p[1:3]) { // file:///D:/x
		return p[1:], true
	}
	return p, true
}

// isDrive reports a drive such as "D:".
func isDrive(s string) bool {
	return len(s) == 2 && s[1] == ':' && ('a' <= s[0] && s[0] <= 'z' || 'A' <= s[0] && s[0] <= 'Z')
}

// isWindowsFolder reports a plain absolute Windows folder: D:\x, D:/x, or
// \\server\share.
func isWindowsFolder(s string) bool {
	if len(s) >= 3 && isDrive(s[:2]) && (s[2] == '\\' || s[2] == '/') {
		return true
	}
	return strings.HasPrefix(s, `\\`) && len(s) > 2
}

// fileURLOf is the file:// URL of a folder given in slash form, as
// messages show it: file:///D:/发布/网站, file://server/share, file:///mnt/www.
func fileURLOf(folder string) string {
	switch {
	case strings.HasPrefix(folder, "//"):
		return "file:" + folder
	case strings.HasPrefix(folder, "/"):
		return "file://" + folder
	}
	return "file:///" + folder
}

// plainFolder reports a target written as a folder rather than a URL (on
// Windows D:\发布\网站 or \\server\share\网站, elsewhere /srv/www), and gives
// it in slash form.
func plainFolder(s string, windows bool) (string, bool) {
	if windows {
		if isWindowsFolder(s) {
			return strings.ReplaceAll(s, `\`, "/"), true
		}
		return "", false
	}
	return s, strings.HasPrefix(s, "/")
}

// exampleFolderURL is a file:// target as this computer writes one.
func exampleFolderURL() string {
	if onWindows {
		return "file:///D:/网站"
	}
	return "file:///mnt/www/site"
}
