package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func TestImportTextGBK(t *testing.T) {
	text := "环科支部经验交流\r\n\r\n一、主要做法\r\n支部坚持“双带头人”引领，\r\n把支部工作与系务工作同部署。\r\n\r\n1. 每月开展双主题学习\r\n\r\n二、建设成效\r\n成效显著。\r\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Import("case.txt", []byte(gbk), Options{Date: time.Date(2025, 11, 20, 9, 0, 0, 0, cst)})
	if err != nil {
		t.Fatal(err)
	}
	want := "## 一、主要做法\n\n支部坚持“双带头人”引领，把支部工作与系务工作同部署。\n\n1. 每月开展双主题学习\n\n## 二、建设成效\n\n成效显著。\n"
	if b.Title != "环科支部经验交流" || b.Body != want {
		t.Errorf("title %q, body:\n%s\nwant:\n%s", b.Title, b.Body, want)
	}
	if !strings.Contains(reportText(b), "GBK") {
		t.Errorf("the report does not say the file was GBK")
	}
	if b.Slug != "huan-ke-zhi-bu-jing-yan-jiao-liu" {
		t.Errorf("slug = %q", b.Slug)
	}
}

// A .txt saved by Notepad as "Unicode" (UTF-16 with its byte-order mark,
// little- or big-endian) is read as such, not as GBK.
func TestImportTextUTF16(t *testing.T) {
	text := "环科支部经验交流\r\n\r\n支部坚持“双带头人”引领。\r\n"
	for name, enc := range map[string]encoding.Encoding{
		"UTF-16LE": unicode.UTF16(unicode.LittleEndian, unicode.UseBOM),
		"UTF-16BE": unicode.UTF16(unicode.BigEndian, unicode.UseBOM),
	} {
		data, err := enc.NewEncoder().String(text)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Import("case.txt", []byte(data), Options{Date: time.Date(2025, 11, 20, 9, 0, 0, 0, cst)})
		if err != nil {
			t.Fatal(err)
		}
		if b.Title != "环科支部经验交流" || b.Body != "支部坚持“双带头人”引领。\n" {
			t.Errorf("%s: title %q, body %q", name, b.Title, b.Body)
		}
		if report := reportText(b); !strings.Contains(report, "UTF-16") || strings.Contains(report, "GBK") {
			t.Errorf("%s: report:\n%s", name, report)
		}
	}
}

func TestEscapesMarkdown(t *testing.T) {
	b, err := Import("a.txt", []byte("标题一行\n2025. 是个年份\n# 不是标题 *星号* [方括号] <b>\n"), Options{Date: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	want := "2025\\. 是个年份\n\n\\# 不是标题 \\*星号\\* \\[方括号\\] \\<b>\n"
	if b.Body != want {
		t.Errorf("body %q, want %q", b.Body, want)
	}
}

func TestWriteNeverOverwrites(t *testing.T) {
	parent := filepath.Join(t.TempDir(), "content", "news")
	b, err := Import("a.txt", []byte("学校召开推进会\n正文。\n"), Options{Date: time.Now(), Slug: "tui-jin-hui"})
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(parent, 0o755)
	os.WriteFile(filepath.Join(parent, "tui-jin-hui-2.md"), []byte("a page"), 0o644)
	var dirs []string
	for i := 0; i < 2; i++ {
		b.Report.Bundle = ""
		dir, err := b.Write(parent)
		if err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, filepath.Base(dir))
	}
	if dirs[0] != "tui-jin-hui" || dirs[1] != "tui-jin-hui-3" {
		t.Errorf("folders %v, want tui-jin-hui and tui-jin-hui-3 (tui-jin-hui-2.md is taken)", dirs)
	}
	if _, err := Import("a.txt", []byte("x"), Options{Slug: "不行"}); err == nil {
		t.Error("a non-ASCII slug was accepted")
	}
}

// FuzzImport: no input makes the importer panic, whatever its type.
func FuzzImport(f *testing.F) {
	f.Add(0, []byte("學(xué)校召開會(huì)議。(特约通讯员:储德丹 摄影:陈宝)"))
	f.Add(1, []byte(wechatPage))
	f.Add(2, []byte("PK\x03\x04"))
	f.Add(1, []byte("<li>0"))
	f.Fuzz(func(t *testing.T, kind int, data []byte) {
		name := [...]string{"a.txt", "a.html", "a.docx"}[uint(kind)%3]
		b, err := Import(name, data, Options{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, cst)})
		if err == nil && (b == nil || b.Report == nil || len(b.Index) == 0) {
			t.Fatalf("no bundle and no error")
		}
	})
}
