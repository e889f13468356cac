package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestImportYear: a date written without its year takes the year the
// text names, else the file's date (a .docx's creation date before the
// file's time), and only then today; the front matter marks every guess
// with 请核对.
func TestImportYear(t *testing.T) {
	now := time.Date(2026, 1, 5, 9, 0, 0, 0, cst)
	fileDate := time.Date(2024, 10, 22, 18, 0, 0, 0, cst)
	docx := func(text, created string) []byte {
		data := docxFile(t, para("1", "学院召开推进会")+para("", text), nil)
		if created != "" {
			data = withParts(t, data, map[string]string{"docProps/core.xml": coreXML("", created)})
		}
		return data
	}
	tests := []struct {
		name, file string
		data       []byte
		fileDate   time.Time
		want, note string
	}{
		{"year of the text", "a.txt", []byte("学院召开推进会\n10月20日，学院召开2025年度推进会。\n"), fileDate, "2025-10-20", "年份取自正文“2025年”，请核对"},
		{"year of the file's date", "a.txt", []byte("学院召开推进会\n10月20日，学院召开推进会。\n"), fileDate, "2024-10-20", "年份取自文件日期 2024-10-22，请核对"},
		{"year of the Word file's creation", "a.docx", docx("10月20日，学院召开推进会。", "2023-10-21T02:00:00Z"), fileDate, "2023-10-20", "年份取自Word 文档的创建日期 2023-10-21，请核对"},
		{"year of today, last", "a.txt", []byte("学院召开推进会\n10月20日，学院召开推进会。\n"), time.Time{}, "2025-10-20", "年份取自导入当天，请核对"},
		{"no date: the file's", "a.txt", []byte("学院召开推进会\n学院召开推进会。\n"), fileDate, "2024-10-22", "原稿中没有日期，暂用文件日期 2024-10-22，请核对"},
		{"a full date is a guess too", "a.txt", []byte("学院召开推进会\n2025年10月20日，学院召开推进会。\n"), fileDate, "2025-10-20", "日期由正文“2025年10月20日”推断，请核对"},
	}
	for _, tt := range tests {
		b, err := Import(tt.file, tt.data, Options{Now: now, FileDate: tt.fileDate})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		dateLine := strings.Split(string(b.Index), "\n")[2]
		if got := b.Date.Format("2006-01-02"); got != tt.want || !strings.Contains(dateLine, tt.note) {
			t.Errorf("%s: date %s, line %q; want %s with %q", tt.name, got, dateLine, tt.want, tt.note)
		}
		if b.Slug != "xue-yuan-zhao-kai-tui-jin-hui" {
			t.Errorf("%s: folder %q, want the title's pinyin", tt.name, b.Slug)
		}
	}
	b, err := Import("a.txt", []byte("学院召开推进会\n10月20日，学院召开推进会。\n"), Options{Now: now, Date: fileDate})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b.Index), "请核对") || !b.Date.Equal(fileDate) {
		t.Errorf("a date given to the import is marked as a guess:\n%s", b.Index)
	}
}

// TestReadFileDate: ReadFile takes the file's modification time as its
// date, for the year.
func TestReadFileDate(t *testing.T) {
	file := filepath.Join(t.TempDir(), "推进会.txt")
	if err := os.WriteFile(file, []byte("学院召开推进会\n10月20日，学院召开推进会。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mtime := time.Date(2024, 10, 21, 12, 0, 0, 0, cst)
	if err := os.Chtimes(file, mtime, mtime); err != nil {
		t.Fatal(err)
	}
	b, err := ReadFile(file, Options{Now: time.Date(2026, 1, 5, 0, 0, 0, 0, cst)})
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Date.Format("2006-01-02"); got != "2024-10-20" {
		t.Errorf("date %s, want 2024-10-20 (the year of the file's time)", got)
	}
}
