package deploy

import (
	"mime"
	"path"
	"strings"
)

// headers are the HTTP headers an object is stored with; object storage
// serves them as they are, so they are set at upload.
type headers struct {
	ContentType     string
	CacheControl    string
	ContentEncoding string
}

// The Cache-Control values.
const (
	// revalidate: pages, feeds, sitemap, manifests and deploy's own
	// files: a cache (the browser's, the CDN's) asks the store each time
	// whether its copy is current (an ETag answer costs a round trip, no body).
	cacheRevalidate = "no-cache"
	// cacheImmutable: a file named by its content never changes under its
	// name.
	cacheImmutable = "public, max-age=31536000, immutable"
	// cacheAsset: other assets (photos, stylesheets, downloads), which
	// keep their name when replaced: ten minutes, so that a photo taken
	// down is gone from browsers soon after the CDN refresh.
	cacheAsset = "public, max-age=600"
)

// contentTypes are the types by extension; text is served with
// charset=utf-8 (every text file a build writes is UTF-8).
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8", ".htm": "text/html; charset=utf-8",
	".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
	".json": "application/json; charset=utf-8", ".map": "application/json; charset=utf-8",
	".webmanifest": "application/manifest+json; charset=utf-8",
	".xml":         "application/xml; charset=utf-8", ".xsl": "application/xml; charset=utf-8",
	".txt": "text/plain; charset=utf-8", ".md": "text/markdown; charset=utf-8", ".csv": "text/csv; charset=utf-8",
	".svg": "image/svg+xml; charset=utf-8", ".svgz": "image/svg+xml",
	".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif", ".webp": "image/webp",
	".avif": "image/avif", ".ico": "image/x-icon", ".bmp": "image/bmp",
	".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf", ".otf": "font/otf",
	".pdf": "application/pdf", ".zip": "application/zip", ".gz": "application/gzip",
	".doc": "application/msword", ".xls": "application/vnd.ms-excel", ".ppt": "application/vnd.ms-powerpoint",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
	".wps":  "application/vnd.ms-works", ".ofd": "application/ofd",
	".mp4": "video/mp4", ".webm": "video/webm", ".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".ogg": "audio/ogg",
	".wasm": "application/wasm", ".bin": "application/octet-stream",
}

// objectHeaders gives the headers of a file by its name:
//
//   - Content-Type by its extension (text with charset=utf-8), so that a
//     page is shown, not downloaded (OSS sends a page with a wrong type as
//     a download);
//   - Cache-Control: revalidate for pages, the Indexes stage (feeds,
//     sitemap, robots.txt, manifests) and deploy's own files; a year,
//     immutable, for files named by their content (contentAddressed);
//     ten minutes for other assets;
//   - Content-Encoding: gzip for .svgz, the one kind a build stores
//     compressed for the browser to unpack. The search index's .bin files
//     are gzip too, but the search script unpacks them itself: they are
//     served as they are, without Content-Encoding.
func objectHeaders(name string) headers {
	ext := strings.ToLower(path.Ext(name))
	h := headers{ContentType: contentTypes[ext]}
	if h.ContentType == "" {
		h.ContentType = mime.TypeByExtension(ext)
	}
	if h.ContentType == "" {
		h.ContentType = "application/octet-stream"
	}
	if ext == ".svgz" {
		h.ContentEncoding = "gzip"
	}
	switch {
	case isControl(name) || StageOf(name) != Assets:
		h.CacheControl = cacheRevalidate
	case contentAddressed(name):
		h.CacheControl = cacheImmutable
	default:
		h.CacheControl = cacheAsset
	}
	return h
}

// contentAddressed reports whether a file is named by its content: a part
// of its path (a folder, or the file's name without extension) is, or ends
// with "-", "." or "_" and, eight or more hex digits of which at least one
// a letter — main.3f2a9c1b.css, search/m-0a1b2c3d4e5f.bin,
// search/s-0a1b2c3d4e5f/t/3.bin. A letter is required so that a date
// (news/20240101/photo.jpg) is not taken for a hash.
func contentAddressed(name string) bool {
	parts := strings.Split(name, "/")
	last := len(parts) - 1
	parts[last] = strings.TrimSuffix(parts[last], path.Ext(parts[last])) // main.3f2a9c1b.css → main.3f2a9c1b
	for _, part := range parts {
		if hashTail(part) {
			return true
		}
	}
	return false
}

// hashTail reports whether s is, or ends with a separator and, a run of
// at least eight hex digits holding a letter.
func hashTail(s string) bool {
	i := len(s)
	letter := false
	for i > 0 && strings.IndexByte("0123456789abcdef", s[i-1]) >= 0 {
		letter = letter || s[i-1] >= 'a'
		i--
	}
	if len(s)-i < 8 || !letter {
		return false
	}
	return i == 0 || strings.IndexByte("-._", s[i-1]) >= 0
}
