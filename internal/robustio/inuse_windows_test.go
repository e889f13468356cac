package robustio

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestRenameOverOpenFile: Windows refuses to rename over a file another
// handle holds (as a web server holds a page it is sending), and
// Rename succeeds once it is closed. Run on Windows, or under Wine with
// bench/wine.sh.
func TestRenameOverOpenFile(t *testing.T) {
	dir := scratchDir(t)
	from, to := filepath.Join(dir, ".tmp-index.html"), filepath.Join(dir, "index.html")
	for name, text := range map[string]string{from: "new", to: "old"} {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	held, err := os.Open(to)
	if err != nil {
		t.Fatal(err)
	}
	var first error
	tries := 0
	err = retry(func() error {
		tries++
		err := os.Rename(from, to)
		if tries == 1 {
			first = err
			held.Close() // the server has sent the page
		}
		return err
	}, inUse, time.Minute)
	if first == nil || !inUse(first) {
		t.Errorf("renaming over an open file: %v, want an in-use error", first)
	}
	if err != nil || tries != 2 {
		t.Errorf("err %v after %d tries, want success at the second", err, tries)
	}
	if data, _ := os.ReadFile(to); string(data) != "new" {
		t.Errorf("%s = %q, want new", to, data)
	}
}

// TestRemoveOpenFile: Windows refuses to delete a file another handle
// holds; Remove succeeds once it is closed.
func TestRemoveOpenFile(t *testing.T) {
	name := filepath.Join(scratchDir(t), "index.html")
	if err := os.WriteFile(name, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	held, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	var first error
	tries := 0
	err = retry(func() error {
		tries++
		err := os.Remove(name)
		if tries == 1 {
			first = err
			held.Close()
		}
		return err
	}, inUse, time.Minute)
	if first == nil || !inUse(first) {
		t.Errorf("removing an open file: %v, want an in-use error", first)
	}
	if err != nil || tries != 2 {
		t.Errorf("err %v after %d tries, want success at the second", err, tries)
	}
}
