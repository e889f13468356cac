package config

import (
	"strings"
	"testing"
)

func TestCheckWords(t *testing.T) {
	cfg, warnings, err := Parse([]byte(`
[check.words]
forbidden = ["禁用词", " 空格 "]
sensitive = ["敏感"]
defaults = false
forbiden = ["拼错的键"]
[check.words.standard]
"两个维护" = ["两个捍卫", "二个维护"]
"着力" = ["著力"]
`), "site.toml")
	if err != nil {
		t.Fatal(err)
	}
	w := cfg.Check.Words
	if strings.Join(w.Forbidden, ",") != "禁用词,空格" || strings.Join(w.Sensitive, ",") != "敏感" || w.Defaults {
		t.Errorf("words %+v", w)
	}
	if got := w.StandardList(); len(got) != 3 || got[0] != [2]string{"两个维护", "两个捍卫"} {
		t.Errorf("standard list %v", got)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0].Error(), "check.words.forbiden") {
		t.Errorf("a misspelt key is a warning: %v", warnings)
	}
	if !Default().Check.Words.Defaults {
		t.Error("the built-in list is on by default")
	}
}

func TestCheckWordsErrors(t *testing.T) {
	cases := map[string]string{
		"[check.words]\nforbidden = [\"\"]\n":                            "空词",
		"[check.words.standard]\n\"着力\" = [\"着力\"]\n":                    "错误写法与正确写法相同",
		"[check.words.standard]\n\"着力\" = [\"著力\"]\n\"用力\" = [\"著力\"]\n": "同时列在",
		"[check.words.standard]\n\"\" = [\"著力\"]\n":                      "空的正确写法",
		"[check.words]\nsensitive = \"一个词\"\n":                           "site.toml",
	}
	for in, want := range cases {
		_, _, err := Parse([]byte(in), "site.toml")
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) = %v; want %q", in, err, want)
		}
	}
}
