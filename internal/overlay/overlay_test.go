package overlay

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

func TestOverlay(t *testing.T) {
	site := fstest.MapFS{"layouts/_partials/footer.html": {Data: []byte("site footer")}}
	theme := fstest.MapFS{
		"layouts/_partials/footer.html": {Data: []byte("theme footer")},
		"layouts/_partials/header.html": {Data: []byte("theme header")},
	}
	o := New(site, nil, theme)
	got, err := fs.ReadFile(o, "layouts/_partials/footer.html")
	if err != nil || string(got) != "site footer" {
		t.Fatalf("footer = %q, %v", got, err)
	}
	got, err = fs.ReadFile(o, "layouts/_partials/header.html")
	if err != nil || string(got) != "theme header" {
		t.Fatalf("header = %q, %v", got, err)
	}
	entries, err := fs.ReadDir(o, "layouts/_partials")
	if err != nil || len(entries) != 2 {
		t.Fatalf("ReadDir = %v, %v", entries, err)
	}
	if _, err := o.Open("layouts/nope.html"); err == nil {
		t.Fatal("missing file opened")
	}
	if err := fstest.TestFS(o, "layouts/_partials/footer.html", "layouts/_partials/header.html"); err != nil {
		t.Fatal(err)
	}
}
