package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var testStamp = stamp{Version: "9.8.7", Commit: "0123456789ab", Date: time.Date(2026, 12, 2, 20, 0, 0, 0, time.UTC)}

// TestWindowsArchive: a zip whose top folder names the version and
// platform, with the .exe, a guide Notepad reads (BOM, CRLF) that gives
// the version and Windows commands, the demo site and the preview script.
func TestWindowsArchive(t *testing.T) {
	out := t.TempDir()
	name, err := pack("../..", out, "windows", "amd64", testStamp, []byte("MZ binary"))
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(name) != "showcase-9.8.7-windows-amd64.zip" {
		t.Errorf("archive %s", name)
	}
	zr, err := zip.OpenReader(name)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	files := map[string][]byte{}
	for _, f := range zr.File {
		if !f.Modified.Equal(testStamp.Date) {
			t.Errorf("%s dated %v, not the commit's time", f.Name, f.Modified)
		}
		r, _ := f.Open()
		files[f.Name], _ = io.ReadAll(r)
		r.Close()
	}
	top := "showcase-9.8.7-windows-amd64/"
	if string(files[top+"showcase.exe"]) != "MZ binary" {
		t.Error("no showcase.exe")
	}
	guide := string(files[top+"使用说明.txt"])
	for _, want := range []string{"\ufeffshowcase", "版本 9.8.7（提交 0123456789ab，2026年12月3日）", `.\showcase.exe serve -s 示例网站`, "预览示例网站.bat", "\r\n"} {
		if !strings.Contains(guide, want) {
			t.Errorf("使用说明.txt lacks %q", want)
		}
	}
	if strings.Contains(strings.ReplaceAll(guide, "\r\n", ""), "\n") {
		t.Error("使用说明.txt has a bare LF")
	}
	if bat := string(files[top+"预览示例网站.bat"]); !strings.Contains(bat, "chcp 65001 >nul\r\n") || !strings.Contains(bat, `serve -s "%site%"`) || strings.ContainsFunc(bat, func(r rune) bool { return r > 0x7e }) {
		t.Errorf("预览示例网站.bat = %q", bat)
	}
	for _, want := range []string{"示例网站/site.toml", "示例网站/content/_index.md", "编辑工作流程.md"} {
		if len(files[top+want]) == 0 {
			t.Errorf("the archive lacks %s", want)
		}
	}
}

// TestLinuxArchive: a tar.gz with an executable binary and an LF guide.
func TestLinuxArchive(t *testing.T) {
	name, err := pack("../..", t.TempDir(), "linux", "arm64", testStamp, []byte("ELF"))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	modes := map[string]int64{}
	var guide []byte
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		modes[h.Name] = h.Mode
		if strings.HasSuffix(h.Name, "使用说明.txt") {
			guide, _ = io.ReadAll(tr)
		}
	}
	top := "showcase-9.8.7-linux-arm64/"
	if modes[top+"showcase"] != 0o755 || modes[top+"示例网站/site.toml"] != 0o644 {
		t.Errorf("modes %o %o", modes[top+"showcase"], modes[top+"示例网站/site.toml"])
	}
	if !bytes.Contains(guide, []byte("./showcase serve -s 示例网站")) || bytes.Contains(guide, []byte("\r")) || !bytes.Contains(guide, []byte("鲲鹏")) {
		t.Errorf("guide:\n%s", guide)
	}
}
