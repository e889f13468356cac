package deploy

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestOutputMarkerNotPublished: the build's marker at the top of its output
// is not a file of the site; a page of that name further down is.
func TestOutputMarkerNotPublished(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "news"), 0o755)
	for _, name := range []string{".showcase-output", "index.html", "news/.showcase-output"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, err := ScanFolder(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := files[".showcase-output"]; ok {
		t.Error("the output marker would be published")
	}
	if _, ok := files["index.html"]; !ok {
		t.Error("index.html is not listed")
	}
	if _, ok := files["news/.showcase-output"]; !ok {
		t.Error("a file further down named like the marker is left out")
	}
}
