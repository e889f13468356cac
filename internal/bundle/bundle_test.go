package bundle

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

func TestShortSlug(t *testing.T) {
	tests := map[string]string{
		"学校召开党建“双创”工作推进会":       "xue-xiao-zhao-kai-dang-jian",
		"【图片新闻】“码上先锋”志愿服务队走进社区": "ma-shang-xian-feng-zhi-yuan-fu",
		"5G实验室": "5g-shi-yan-shi",
		"！？":    "",
		"【栏目】":  "lan-mu",
	}
	for in, want := range tests {
		if got := ShortSlug(in); got != want {
			t.Errorf("ShortSlug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNewDirNeverReuses(t *testing.T) {
	parent := filepath.Join(t.TempDir(), "content", "news")
	if err := os.MkdirAll(parent, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(parent, "hui-2.md"), []byte("a page"), 0o644)
	var got []string
	for range 3 {
		dir, err := NewDir(parent, "hui")
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, filepath.Base(dir))
	}
	if want := []string{"hui", "hui-3", "hui-4"}; got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("folders %v, want %v (hui-2.md is taken)", got, want)
	}
	if _, err := NewDir(parent, "不行"); err == nil {
		t.Error("a non-ASCII name was accepted")
	}
}

func TestWriteNew(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "index.md")
	if err := WriteNew(name, []byte("第一次")); err != nil {
		t.Fatal(err)
	}
	err := WriteNew(name, []byte("第二次"))
	if !errors.Is(err, fs.ErrExist) {
		t.Errorf("writing over a file: err = %v, want fs.ErrExist", err)
	}
	if got, _ := os.ReadFile(name); string(got) != "第一次" {
		t.Errorf("the file holds %q after a refused write", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the folder holds %d files, want index.md alone (no temporary file left)", len(entries))
	}
	if err := WriteNew(filepath.Join(dir, "missing", "a.md"), nil); err == nil {
		t.Error("a file in a missing folder was written")
	}
}

// FuzzTOMLString: whatever a title holds, its quoted form reads back as
// the same string.
func FuzzTOMLString(f *testing.F) {
	for _, s := range []string{"推进“双创”", `a"b\c`, "行一\n行二\t\r", "\x00\x1f\x7f", "'''"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		var v struct{ K []string }
		doc := "K = " + TOMLList([]string{s, s})
		if _, err := toml.Decode(doc, &v); err != nil {
			t.Fatalf("%s: %v", doc, err)
		}
		if len(v.K) != 2 || v.K[0] != s {
			t.Fatalf("%q read back as %q", s, v.K)
		}
	})
}
