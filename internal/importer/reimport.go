package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
)

// sourceHash is the fingerprint of a source's text and pictures as its
// reader read them, before any cleaning: white space and invisible
// formatting characters do not count, so the same report saved again, or
// copied with other line breaks, has the same fingerprint. It is 16
// hexadecimal digits of a SHA-256.
func sourceHash(doc *document) string {
	h := sha256.New()
	text := func(s string) {
		io.WriteString(h, strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
				return -1
			}
			return r
		}, s))
	}
	text(doc.title)
	text(doc.propertiesTitle)
	for _, b := range doc.blocks {
		text(plain(b.spans))
		for _, row := range b.rows {
			for _, cell := range row {
				text(plain(cell))
			}
		}
	}
	for _, img := range doc.images {
		sum := sha256.Sum256(img.data)
		h.Write(sum[:])
		io.WriteString(h, img.url)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// hashComment is the front-matter line that records where a page was
// imported from, so that importing the same text again is noticed.
func hashComment(source, hash string) string {
	source = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, source)
	return "# 导入自 " + source + "，原稿指纹用于发现重复导入，请保留 (source hash): " + hash
}

var hashLine = regexp.MustCompile(`(?m)^#.*\(source hash\): ([0-9a-f]{16})\s*$`)

// Imported looks through the Markdown files under root (a site's content
// folder) for a page imported from a text with this fingerprint
// (Bundle.SourceHash) and returns its file, "" when there is none. Only
// the first 8 KB of each file, where the front matter is, are read;
// hidden folders and symbolic links are not followed.
func Imported(root, hash string) (string, error) {
	if hash == "" {
		return "", nil
	}
	var found string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			if p == root && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return nil // an unreadable folder: look elsewhere
		case d.IsDir() && p != root && strings.HasPrefix(d.Name(), "."):
			return fs.SkipDir
		case d.IsDir() || !d.Type().IsRegular() || !strings.EqualFold(filepath.Ext(p), ".md"):
			return nil
		}
		if head := readHead(p, 8<<10); hasHash(head, hash) {
			found = p
			return fs.SkipAll
		}
		return nil
	})
	return found, err
}

func readHead(name string, n int64) []byte {
	f, err := os.Open(name)
	if err != nil {
		return nil
	}
	defer f.Close()
	head, _ := io.ReadAll(io.LimitReader(f, n))
	return head
}

func hasHash(head []byte, hash string) bool {
	for _, m := range hashLine.FindAllSubmatch(head, -1) {
		if string(m[1]) == hash {
			return true
		}
	}
	return false
}
