package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSourceHash: the same text has the same fingerprint whatever its
// line breaks and spaces; another text or picture another one.
func TestSourceHash(t *testing.T) {
	pngData, jpegData := testPictures(t)
	hash := func(name string, data []byte) string {
		t.Helper()
		b, err := Import(name, data, Options{Now: time.Date(2026, 1, 5, 0, 0, 0, 0, cst)})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b.Index), "(source hash): "+b.SourceHash) || len(b.SourceHash) != 16 {
			t.Errorf("%s: the front matter does not record the hash %q:\n%s", name, b.SourceHash, b.Index)
		}
		return b.SourceHash
	}
	a := hash("a.txt", []byte("学院召开推进会\n\n10月20日，学院召开会议。\n"))
	if b := hash("b.txt", []byte("学院召开推进会\r\n\r\n10月20日，\r\n学院召开会议。 \r\n")); a != b {
		t.Error("the same text with other line breaks has another hash")
	}
	if b := hash("a.txt", []byte("学院召开推进会\n\n10月21日，学院召开会议。\n")); a == b {
		t.Error("another text has the same hash")
	}
	body := para("1", "推进会") + drawing("rId5")
	if hash("a.docx", docxFile(t, body, map[string][]byte{"image1.png": pngData})) == hash("a.docx", docxFile(t, body, map[string][]byte{"image1.png": jpegData})) {
		t.Error("another picture gives the same hash")
	}
}

// TestImported: a page written from a text is found again by the text's
// hash, in any section; no other page is.
func TestImported(t *testing.T) {
	root := filepath.Join(t.TempDir(), "content")
	b, err := Import("推进会.txt", []byte("学院召开推进会\n\n10月20日，学院召开会议。\n"), Options{Now: time.Date(2026, 1, 5, 0, 0, 0, 0, cst)})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := Imported(root, b.SourceHash); got != "" || err != nil {
		t.Errorf("in a site without content: %q %v", got, err)
	}
	os.MkdirAll(filepath.Join(root, "news"), 0o755)
	os.WriteFile(filepath.Join(root, "news", "other.md"), []byte("+++\ntitle = \"别的\"\n# 导入自 x.txt (source hash): 0123456789abcdef\n+++\n"), 0o644)
	dir, err := b.Write(filepath.Join(root, "cases"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Imported(root, b.SourceHash)
	if want := filepath.Join(dir, "index.md"); got != want || err != nil {
		t.Errorf("Imported = %q %v, want %s", got, err, want)
	}
	if got, _ := Imported(root, "fedcba9876543210"); got != "" {
		t.Errorf("an unknown hash found %s", got)
	}
}
