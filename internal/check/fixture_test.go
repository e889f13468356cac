package check_test

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"showcase"
	"showcase/internal/build"
	"showcase/internal/check"
	"showcase/internal/sitetest"
)

// fixedNow is the "now" of the fixtures, so future dates stay future.
var fixedNow = sitetest.Now

// TestRules runs check on each testdata/*.txtar site, one per rule; the
// sitetest package says how to write one.
//
// Sections of an archive:
//
//	site.toml, content/…   the site's files
//	options                maxsize=BYTES
//	want                   findings that must be reported, one a line:
//	                       RULE SEVERITY FILE[:LINE] TEXT-IN-THE-MESSAGE,
//	                       SEVERITY error or warning, draft/error or
//	                       draft/warning for a finding in an unpublished
//	                       page (Finding.Draft); an empty want section means
//	                       no finding at all
//	notwant                findings that must not be: RULE [FILE[:LINE] [TEXT]]
func TestRules(t *testing.T) {
	sitetest.Each(t, "testdata/*.txtar", runFixture)
}

func runFixture(t *testing.T, _ string, ar *txtar.Archive) {
	dir := t.TempDir()
	var want, notwant []string
	var siteFiles []txtar.File
	wantSection := false
	maxSize := int64(check.DefaultMaxFileSize)
	for _, f := range ar.Files {
		switch f.Name {
		case "want":
			want, wantSection = sitetest.Lines(f.Data), true
		case "notwant":
			notwant = sitetest.Lines(f.Data)
		case "options":
			for _, o := range strings.Fields(string(f.Data)) {
				if v, ok := strings.CutPrefix(o, "maxsize="); ok {
					maxSize, _ = strconv.ParseInt(v, 10, 64)
				}
			}
		default:
			siteFiles = append(siteFiles, f)
		}
	}
	sitetest.WriteFiles(t, dir, siteFiles)
	findings := checkDir(t, dir, maxSize)
	var got []string
	for _, f := range findings {
		got = append(got, fmt.Sprintf("%s %s %s %s", f.Rule, severity(f), location(f), f.Message))
	}
	all := strings.Join(got, "\n")
	if strings.Contains(all, ".showcase-cache") {
		t.Errorf("a message names a file of the image cache:\n%s", all)
	}
	if wantSection && len(want) == 0 && len(findings) > 0 {
		t.Errorf("want no findings, got:\n%s", all)
	}
	for _, w := range want {
		parts := strings.SplitN(w, " ", 4)
		if len(parts) < 4 {
			t.Fatalf("bad want line %q", w)
		}
		found := false
		for _, f := range findings {
			if f.Rule == parts[0] && severity(f) == parts[1] && location(f) == parts[2] && strings.Contains(f.Message, parts[3]) {
				found = true
			}
		}
		if !found {
			t.Errorf("missing finding: %s\ngot:\n%s", w, all)
		}
	}
	for _, nw := range notwant {
		parts := strings.SplitN(nw, " ", 3)
		for _, f := range findings {
			if f.Rule == parts[0] && (len(parts) < 2 || strings.HasPrefix(location(f), parts[1])) &&
				(len(parts) < 3 || strings.Contains(f.Message, parts[2])) {
				t.Errorf("unwanted finding for %q: %s %s %s", nw, f.Rule, location(f), f.Message)
			}
		}
	}
}

// checkDir does what "showcase check" does: the build's dry run, then the
// rules over every page.
func checkDir(t *testing.T, dir string, maxSize int64) []check.Finding {
	t.Helper()
	res, err := build.Check(build.Options{Source: dir, Theme: showcase.Theme(), Now: fixedNow, Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	return check.AllSites(res.Sites(), res.Docs, res.Errors, res.Warnings,
		check.Options{Now: fixedNow, Site: os.DirFS(dir), MaxFileSize: maxSize})
}

func severity(f check.Finding) string {
	if f.Draft {
		return "draft/" + string(f.Severity)
	}
	return string(f.Severity)
}

func location(f check.Finding) string {
	if f.Line > 0 {
		return fmt.Sprintf("%s:%d", f.File, f.Line)
	}
	return f.File
}
