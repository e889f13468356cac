package render

import (
	"strings"
	"testing"
	"testing/fstest"

	"showcase/internal/config"
	"showcase/internal/content"
)

// wordsSet loads a layout showing i18n words with the given i18n/ files,
// for a configuration of the language lang ("" for a site without
// languages).
func wordsSet(t *testing.T, files map[string]string, lang string) (*Set, error) {
	t.Helper()
	fsys := fstest.MapFS{
		"layouts/baseof.html": {Data: []byte(`{{ block "main" . }}{{ end }}`)},
		"layouts/single.html": {Data: []byte(`{{ define "main" }}{{ i18n "home" }}|{{ i18n "search" }}|{{ i18n "greeting" }}|{{ i18n "reportCount" 3 }}|{{ i18n "evidenceAgainst" "五个到位" }}|{{ i18n "perCount" 2 }}{{ end }}`)},
	}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	cfg := config.Default()
	cfg.Lang = lang
	return Load(fsys, &Env{Config: cfg})
}

func wordsOut(t *testing.T, set *Set) string {
	t.Helper()
	out, _, err := set.Execute("single", "", &Data{Page: &content.Page{}})
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestSiteWords: a site's i18n/ file of its language overrides and extends
// the theme's words, in Hugo's forms (TOML with other =, plain strings,
// YAML, JSON, go-i18n's list), with .Count; another language's file is not
// read.
func TestSiteWords(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		lang  string
		want  string
	}{
		{"theme only", nil, "", "首页|搜索|greeting|（3 篇）|（对标“五个到位”）|perCount"},
		{"theme in English", nil, "en", "Home|Search|greeting|(3)| (against “五个到位”)|perCount"},
		{"toml", map[string]string{"i18n/zh.toml": "[home]\nother = \"主页\"\n[greeting]\nother = \"您好\"\n[perCount]\none = \"{{ .Count }} 个\"\nother = \"共 {{ .Count }} 个\"\n"},
			"", "主页|搜索|您好|（3 篇）|（对标“五个到位”）|共 2 个"},
		{"plain strings, en language", map[string]string{"i18n/en.toml": "search = \"Find\"\ngreeting = \"Hello\"\n", "i18n/zh.toml": "home = \"主页\"\n"},
			"en", "Home|Find|Hello|(3)| (against “五个到位”)|perCount"},
		{"yaml by languageCode", map[string]string{"i18n/zh-CN.yaml": "home:\n  other: 主页\ngreeting: 您好\n"},
			"", "主页|搜索|您好|（3 篇）|（对标“五个到位”）|perCount"},
		{"json list", map[string]string{"i18n/zh.json": `[{"id": "greeting", "translation": "您好"}, {"id": "reportCount", "translation": {"other": "{{ .Count }} 篇"}}]`},
			"", "首页|搜索|您好|3 篇|（对标“五个到位”）|perCount"},
	} {
		set, err := wordsSet(t, tc.files, tc.lang)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := wordsOut(t, set); got != tc.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tc.name, got, tc.want)
		}
	}
}

// TestSiteWordsBroken: an i18n file that does not parse is an error naming
// it and its line, in Chinese first.
func TestSiteWordsBroken(t *testing.T) {
	for name, data := range map[string]string{
		"i18n/zh.toml": "[home]\nother = \"主页\n",
		"i18n/zh.yaml": "home:\n  other: 主页\n bad: [\n",
		"i18n/zh.json": "{\n\"home\": \n}",
	} {
		_, err := wordsSet(t, map[string]string{name: data}, "")
		if err == nil || !strings.Contains(err.Error(), name+":") || !strings.Contains(err.Error(), "翻译文件写得不对") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}
