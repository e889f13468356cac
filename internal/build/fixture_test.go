package build

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"showcase"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/sitetest"
)

var update = flag.Bool("update", false, "rewrite the exact/ and error sections of testdata/*.txtar")

// fixedNow is the "now" of fixture builds, so future and expired pages are stable.
var fixedNow = sitetest.Now

// TestFixtures builds each testdata/*.txtar site and checks its output; the
// sitetest package says how to write one.
//
// Sections of an archive:
//
//	site.toml, content/…, layouts/…, static/…   the site's files; a file whose
//	                      text is "GEN jpeg 1200x900 [orientation=6] [truncate=50]"
//	                      (or png) is a generated image (see sitetest.Image)
//	flags                 build flags: -D -F -E, preview, strict (as check
//	                      and build --strict build), baseURL=URL
//	want/PATH             lines that must each appear in output file PATH
//	notwant/PATH          lines that must not appear in PATH
//	absent                output paths, one per line, that must not exist
//	exact/PATH            the whole expected content of PATH (-update rewrites)
//	error                 lines the build's error must contain; the build must fail
//	warning               lines that must appear among the warnings
func TestFixtures(t *testing.T) {
	sitetest.Each(t, "testdata/*.txtar", runFixture)
}

func runFixture(t *testing.T, file string, ar *txtar.Archive) {
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	dest := filepath.Join(dir, "public")
	opts := Options{Source: src, Destination: dest, Theme: showcase.Theme(), Now: fixedNow}
	var checks, siteFiles []txtar.File
	for _, f := range ar.Files {
		switch {
		case f.Name == "flags":
			for _, fl := range strings.Fields(string(f.Data)) {
				switch {
				case fl == "-D":
					opts.Drafts = true
				case fl == "-F":
					opts.Future = true
				case fl == "-E":
					opts.Expired = true
				case fl == "preview":
					opts.Preview = true
				case fl == "strict":
					opts.Strict = true
				case strings.HasPrefix(fl, "baseURL="):
					opts.BaseURL = strings.TrimPrefix(fl, "baseURL=")
				default:
					t.Fatalf("unknown flag %q", fl)
				}
			}
		case isCheck(f.Name):
			checks = append(checks, f)
		default:
			siteFiles = append(siteFiles, f)
		}
	}
	sitetest.WriteFiles(t, src, siteFiles)
	os.MkdirAll(filepath.Join(src, "content"), 0o755)
	res, buildErr := Build(opts)
	checkAgrees(t, opts, buildErr)
	var warnings strings.Builder
	if res != nil {
		for _, w := range res.Warnings {
			warnings.WriteString(w.Error() + "\n")
		}
	}
	if buildErr != nil && strings.Contains(buildErr.Error()+warnings.String(), ".showcase-cache") {
		t.Errorf("a message names a file of the image cache:\n%v\n%s", buildErr, warnings.String())
	}
	rewritten := false
	for i, c := range checks {
		switch {
		case c.Name == "error":
			if buildErr == nil {
				t.Errorf("build succeeded; want an error containing:\n%s", c.Data)
				continue
			}
			if *update {
				checks[i].Data = []byte(buildErr.Error() + "\n")
				rewritten = true
				continue
			}
			for _, line := range sitetest.Lines(c.Data) {
				if !strings.Contains(buildErr.Error(), line) {
					t.Errorf("error lacks %q; the error is:\n%v", line, buildErr)
				}
			}
		case c.Name == "warning":
			for _, line := range sitetest.Lines(c.Data) {
				if !strings.Contains(warnings.String(), line) {
					t.Errorf("warnings lack %q; they are:\n%s", line, warnings.String())
				}
			}
		case buildErr != nil:
			t.Fatalf("build failed: %v", buildErr)
		case c.Name == "absent":
			for _, line := range sitetest.Lines(c.Data) {
				if _, err := os.Stat(filepath.Join(dest, filepath.FromSlash(line))); err == nil {
					t.Errorf("%s exists; it should not", line)
				}
			}
		case strings.HasPrefix(c.Name, "exact/"):
			got := readOut(t, dest, strings.TrimPrefix(c.Name, "exact/"))
			if *update {
				checks[i].Data = got
				rewritten = true
			} else if !bytes.Equal(got, c.Data) {
				t.Errorf("%s differs from the fixture (go test -update rewrites it):\n--- got ---\n%s", c.Name, got)
			}
		case strings.HasPrefix(c.Name, "want/"):
			got := string(readOut(t, dest, strings.TrimPrefix(c.Name, "want/")))
			for _, line := range sitetest.Lines(c.Data) {
				if !strings.Contains(got, line) {
					t.Errorf("%s lacks %q", c.Name, line)
				}
			}
			if t.Failed() && testing.Verbose() {
				t.Logf("%s is:\n%s", c.Name, got)
			}
		case strings.HasPrefix(c.Name, "notwant/"):
			got := string(readOut(t, dest, strings.TrimPrefix(c.Name, "notwant/")))
			for _, line := range sitetest.Lines(c.Data) {
				if strings.Contains(got, line) {
					t.Errorf("%s contains %q", c.Name, line)
				}
			}
		}
	}
	if buildErr != nil && !hasCheck(checks, "error") {
		t.Fatalf("build failed: %v", buildErr)
	}
	if rewritten {
		n := 0
		for i, f := range ar.Files {
			if isCheck(f.Name) {
				ar.Files[i] = checks[n]
				n++
			}
		}
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// checkAgrees runs Check, the dry run of "showcase check", on the
// fixture's site: it must report every problem the build reported, and,
// when the build succeeded, no error but in the pages the build did not
// publish.
func checkAgrees(t *testing.T, opts Options, buildErr error) {
	t.Helper()
	checked, err := Check(opts)
	if err != nil {
		if buildErr == nil || err.Error() != buildErr.Error() {
			t.Errorf("check failed with %v; the build with %v", err, buildErr)
		}
		return
	}
	found := map[string]bool{}
	for _, p := range checked.Errors {
		found[p.Error()] = true
	}
	var failure *diag.Failure
	if errors.As(buildErr, &failure) {
		for _, p := range failure.Problems {
			if !found[p.Error()] {
				t.Errorf("the build reports %q; check does not", p)
			}
		}
		return
	}
	if buildErr != nil {
		t.Errorf("the build failed (%v); check found no problem", buildErr)
		return
	}
	hidden := map[string]bool{}
	for _, p := range append(append([]*content.Page{}, checked.Site.Pages...), checked.Site.Profiles...) {
		if !publishes(p, checked.Site.Config, opts) {
			hidden[p.File] = true
		}
	}
	for _, p := range checked.Errors {
		if !hidden[p.File] {
			t.Errorf("check reports %q; the build succeeded", p)
		}
	}
}

func isCheck(name string) bool {
	return name == "error" || name == "warning" || name == "absent" ||
		strings.HasPrefix(name, "want/") || strings.HasPrefix(name, "notwant/") || strings.HasPrefix(name, "exact/")
}

func hasCheck(checks []txtar.File, name string) bool {
	for _, c := range checks {
		if c.Name == name {
			return true
		}
	}
	return false
}

func readOut(t *testing.T, dest, rel string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatalf("output %s: %v", rel, err)
	}
	return data
}
