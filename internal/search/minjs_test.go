package search

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

// The search page loads static/js/search*.min.js: the scripts without their
// comment lines, block comments that start a line, indentation and blank
// lines (a quarter off their gzip size, which every first query fetches).
// Nothing inside a line changes, so a string or a regular expression is
// kept as written. After editing a script:
//
//	go test ./internal/search -run TestMinifiedScripts -update
var updateMin = flag.Bool("update", false, "rewrite static/js/search*.min.js from their sources")

var minifiedScripts = []string{"search-core", "search-segment", "search-index", "search"}

// stripScript removes what the comment above says, line by line.
func stripScript(src []byte) []byte {
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

func TestStripScript(t *testing.T) {
	src := "/* head\n   more */\n(function () {\n  // a comment\n  var u = \"http://x/*y*/\"; // kept\n\n  /* one */ var r = /a\\/\\/b/;\n}());\n"
	want := "(function () {\nvar u = \"http://x/*y*/\"; // kept\nvar r = /a\\/\\/b/;\n}());\n"
	if got := string(stripScript([]byte(src))); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestMinifiedScripts: each static/js/NAME.min.js is stripScript of
// NAME.js (-update rewrites them).
func TestMinifiedScripts(t *testing.T) {
	for _, name := range minifiedScripts {
		src, err := os.ReadFile(filepath.Join("../../static/js", name+".js"))
		if err != nil {
			t.Fatal(err)
		}
		want := stripScript(src)
		path := filepath.Join("../../static/js", name+".min.js")
		if *updateMin {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is not %s.js stripped (%v): run go test ./internal/search -run TestMinifiedScripts -update", path, name, err)
		}
	}
}
