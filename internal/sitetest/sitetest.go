// Package sitetest runs whole-site fixtures: txtar archives
// (golang.org/x/tools/txtar) that each hold one small site and what a test
// expects of it. Only tests may import it; it knows nothing of what a runner
// does with a site.
//
// # Writing a fixture
//
// A fixture is a file testdata/NAME.txtar in the package whose runner reads it
// (TestFixtures in internal/build, TestRules in internal/check). NAME becomes
// the subtest's name, so one fixture runs alone with
//
//	go test -run 'TestFixtures/NAME' ./internal/build
//
// The text before the first "-- NAME --" line is a comment: say there what the
// site shows. Then come the sections, one a "-- NAME --" header followed by
// its text:
//
//   - A section named after a file of the site (site.toml, content/news/a.md,
//     layouts/…, static/…) is that file, written byte for byte below the site's
//     folder; folders are made as needed. Keep sites small: only the files the
//     case needs. A file whose text is "GEN jpeg 1200x900" (see [Image]) is
//     written as that generated image.
//   - Any other section name is the runner's own (flags, want/PATH, error,
//     options, notwant, …); its doc comment lists them and their format.
//     Sections of expected lines are read with [Lines]: one expectation a
//     line, spaces around it and blank lines ignored.
//
// Each fixture runs in its own temporary folder, in parallel with the others,
// and sees the same "now", [Now], so that future, expired and recent dates
// stay what they are. To see a runner fail, break one expected line and run
// it again.
package sitetest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

// Now is the "now" of every fixture: 2026-01-01 00:00 UTC.
var Now = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// Each runs fn, in a parallel subtest named after the file, on each archive
// that pattern (such as "testdata/*.txtar") matches; path is the archive's
// file. It fails the test if nothing matches.
func Each(t *testing.T, pattern string, fn func(t *testing.T, path string, ar *txtar.Archive)) {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no fixtures match %s", pattern)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			fn(t, file, ar)
		})
	}
}

// WriteFiles writes each file below dir, its name a slash-separated path,
// making the folders it needs. A file whose text is an image spec ("GEN
// jpeg 1200x900 …") is written as the image Image makes.
func WriteFiles(t *testing.T, dir string, files []txtar.File) {
	t.Helper()
	for _, f := range files {
		if bytes.HasPrefix(f.Data, []byte("GEN ")) {
			f.Data = Image(t, string(bytes.TrimSpace(f.Data)))
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Lines returns the non-blank lines of data, trimmed of spaces.
func Lines(data []byte) []string {
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
