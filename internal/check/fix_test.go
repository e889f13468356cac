package check_test

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"showcase/internal/check"
	"showcase/internal/config"
)

// TestFix: check --fix rewrites bodies in place and nothing else: the
// front matter, the byte-order mark, CRLF line ends, other files, files
// that are not UTF-8 and symbolic links stay as they were.
func TestFix(t *testing.T) {
	dir := t.TempDir()
	front := "\xef\xbb\xbf+++\r\ntitle = \"推进会,部署\"\r\ntags = [\"a,b\"]\r\n+++\r\n"
	files := map[string]string{
		"content/news/a.md":     front + "会议召开,部署工作:\r\n\r\n要著力提高质量， 做到两个捍卫。`a,中`\r\n",
		"content/news/clean.md": "+++\ntitle = \"好\"\n+++\n会议召开，部署工作。\n",
		"content/news/gbk.md":   "+++\ntitle = \"x\"\n+++\n\xd6\xd0,\xce\xc4,中文,中文\n",
		"content/news/open.md":  "+++\ntitle = \"x\"\n中文,中文\n",
		"content/readme.txt":    "中文,中文\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o640); err != nil {
			t.Fatal(err)
		}
	}
	outside := filepath.Join(t.TempDir(), "outside.md")
	os.WriteFile(outside, []byte("中文,中文\n"), 0o644)
	if runtime.GOOS != "windows" {
		if err := os.Symlink(outside, filepath.Join(dir, "content", "news", "link.md")); err != nil {
			t.Fatal(err)
		}
	}
	cfg, _, err := config.Parse([]byte("[check.words.standard]\n\"两个维护\" = [\"两个捍卫\"]\n"), "site.toml")
	if err != nil {
		t.Fatal(err)
	}
	fixes, err := check.Fix(dir, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(fixes) != 1 || fixes[0].File != "content/news/a.md" {
		t.Fatalf("fixes %+v", fixes)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "content", "news", "a.md"))
	want := front + "会议召开，部署工作：\r\n\r\n要着力提高质量，做到两个维护。`a,中`\r\n"
	if string(got) != want {
		t.Errorf("a.md:\n got %q\nwant %q", got, want)
	}
	if info, _ := os.Stat(filepath.Join(dir, "content", "news", "a.md")); runtime.GOOS != "windows" && info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", info.Mode().Perm())
	}
	var lines []int
	for _, c := range fixes[0].Changes {
		lines = append(lines, c.Line)
	}
	if len(lines) != 5 || lines[0] != 5 || lines[4] != 7 {
		t.Errorf("changes at lines %v, want 5 5 7 7 7: %+v", lines, fixes[0].Changes)
	}
	for name, data := range files {
		if name == "content/news/a.md" {
			continue
		}
		if got, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name))); string(got) != data {
			t.Errorf("%s changed: %q", name, got)
		}
	}
	if got, _ := os.ReadFile(outside); string(got) != "中文,中文\n" {
		t.Errorf("the file behind a symbolic link changed: %q", got)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "content", "news", ".*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}

	var report bytes.Buffer
	check.WriteFixes(&report, fixes)
	for _, want := range []string{
		"content/news/a.md:5: 已改正 “,”→“，”、“:”→“：”\n",
		"content/news/a.md:7: 已改正 “著力”→“着力”、删去“，”旁的空格、“两个捍卫”→“两个维护”\n",
		"已在 1 个文件中改正 5 处",
	} {
		if !strings.Contains(report.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, report.String())
		}
	}

	// A second run finds nothing.
	again, err := check.Fix(dir, cfg)
	if err != nil || len(again) != 0 {
		t.Errorf("second run: %+v %v", again, err)
	}
	report.Reset()
	check.WriteFixes(&report, again)
	if !strings.Contains(report.String(), "没有需要自动改正") {
		t.Errorf("report: %s", report.String())
	}
}
