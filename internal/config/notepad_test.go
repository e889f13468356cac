package config

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestNotepadSiteTOML reads a site.toml as Windows Notepad saves it: UTF-8
// with a BOM and CRLF line ends is read; GBK ("ANSI" on Chinese Windows)
// is an error at its line saying how to save it as UTF-8.
func TestNotepadSiteTOML(t *testing.T) {
	text := "baseURL = \"https://example.edu.cn/\"\ntitle = \"党建工作网\"\n"
	crlf := strings.ReplaceAll(text, "\n", "\r\n")
	cfg, _, err := Parse([]byte("\ufeff"+crlf), "site.toml")
	if err != nil || cfg.Title != "党建工作网" {
		t.Fatalf("UTF-8 with BOM and CRLF: %+v, %v", cfg, err)
	}
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(crlf)
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = Parse([]byte(gbk), "site.toml")
	if err == nil || !strings.Contains(err.Error(), "site.toml:2: 文件不是 UTF-8 编码，可能是 GBK：请用记事本打开，选“另存为”") {
		t.Errorf("GBK: %v; want the line and how to save as UTF-8", err)
	}
}
