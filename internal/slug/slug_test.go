package slug

import "testing"

func TestMake(t *testing.T) {
	cases := []struct{ in, want string }{
		{"主题教育", "zhu-ti-jiao-yu"},
		{"5G实验室", "5g-shi-yan-shi"},
		{"Go语言", "go-yu-yan"},
		{"“十四五”规划", "shi-si-wu-gui-hua"},
		{"ＡＢＣ　１２３", "abc-123"},
		{"news_2025-10", "news-2025-10"},
		{"2025年10月", "2025-nian-10-yue"},
		{"PPT", "ppt"},
		{"  ", ""},
		{"！？", ""},
		{"党建 Party Building", "dang-jian-party-building"},
	}
	for _, c := range cases {
		if got := Make(c.in); got != c.want {
			t.Errorf("Make(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestValid(t *testing.T) {
	for s, want := range map[string]bool{"a-b_c1": true, "": false, "-a": false, "A": false, "a/b": false, "..": false, "党建": false} {
		if Valid(s) != want {
			t.Errorf("Valid(%q) = %v", s, !want)
		}
	}
}

func FuzzMake(f *testing.F) {
	f.Add("主题教育 5G")
	f.Fuzz(func(t *testing.T, s string) {
		out := Make(s)
		if out != "" && !Valid(out) {
			t.Fatalf("Make(%q) = %q is not a valid slug", s, out)
		}
	})
}
