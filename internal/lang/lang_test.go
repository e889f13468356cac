package lang

import "testing"

func TestSprintf(t *testing.T) {
	defer SetEnglish(false)
	SetEnglish(false)
	if got := Sprintf("已生成 %d 个页面", "built %d pages into %s", 29, "public"); got != "已生成 29 个页面 (built 29 pages into public)" {
		t.Errorf("Chinese first: %q", got)
	}
	if got := Sprintf("文件 %[2]s 第 %[1]d 行", "line %d of %s", 3, "a.md"); got != "文件 a.md 第 3 行 (line 3 of a.md)" {
		t.Errorf("reordered: %q", got)
	}
	if got := Sprintf("预览已停止", ""); got != "预览已停止" {
		t.Errorf("no English: %q", got)
	}
	SetEnglish(true)
	if got := Sprintf("已生成 %d 个页面", "built %d pages", 29); got != "built 29 pages" {
		t.Errorf("English: %q", got)
	}
}

func TestChoose(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, c := range []struct {
		flag string
		env  map[string]string
		want bool
		err  bool
	}{
		{"", nil, false, false},
		{"", map[string]string{"LANG": "en_US.UTF-8"}, true, false},
		{"", map[string]string{"LANG": "zh_CN.UTF-8"}, false, false},
		{"", map[string]string{"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, false, false},
		{"", map[string]string{"LANG": "C.UTF-8"}, false, false},
		{"en", map[string]string{"LANG": "zh_CN.UTF-8"}, true, false},
		{"zh", map[string]string{"LANG": "en_US.UTF-8"}, false, false},
		{"fr", nil, false, true},
	} {
		got, err := Choose(c.flag, env(c.env))
		if got != c.want || (err != nil) != c.err {
			t.Errorf("Choose(%q, %v) = %v, %v", c.flag, c.env, got, err)
		}
	}
}

func TestSay(t *testing.T) {
	defer SetEnglish(false)
	SetEnglish(false)
	if got := Say("已生成 %[2]d 个文件", "built %d pages, %d files", 3, 9); got != "已生成 9 个文件" {
		t.Errorf("Chinese: %q", got)
	}
	SetEnglish(true)
	if got := Say("已生成 %[2]d 个文件", "built %d pages, %d files", 3, 9); got != "built 3 pages, 9 files" {
		t.Errorf("English: %q", got)
	}
}
