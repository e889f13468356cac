package config

import (
	"strings"
	"testing"
)

func TestLanguages(t *testing.T) {
	cfg, warnings, err := Parse([]byte(`baseURL = "https://www.example.edu.cn/dj/"
title = "党建网"
defaultContentLanguage = "zh"
[params]
org = "党委"
icp = "备案"
[[menu.main]]
name = "新闻"
url = "/news/"
[languages.EN]
languageName = "English"
weight = 2
contentDir = "./content/en/"
title = "Party"
[languages.EN.params]
org = "Committee"
[[languages.EN.menus.main]]
name = "News"
url = "/news/"
[languages.zh]
weight = 1
contentDir = "content"
`), "hugo.toml")
	if err != nil || len(warnings) > 0 {
		t.Fatal(err, warnings)
	}
	if len(cfg.Languages) != 2 || !cfg.Multilingual() {
		t.Fatalf("languages: %+v", cfg.Languages)
	}
	zh, en := cfg.Languages[0], cfg.Languages[1]
	if zh.Code != "zh" || zh.Prefix != "" || zh.ContentDir != "" || zh.LanguageCode != "zh-CN" || zh.Name != "zh" {
		t.Errorf("zh: %+v", zh)
	}
	if en.Code != "en" || en.Prefix != "en/" || en.ContentDir != "content/en" || en.LanguageCode != "en" || en.Name != "English" {
		t.Errorf("en: %+v", en)
	}
	c := cfg.ForLanguage(en)
	if c.BasePath != "/dj/en/" || c.BaseURL != "https://www.example.edu.cn/dj/en/" || c.Root() != "/dj/" || c.Title != "Party" {
		t.Errorf("en config: %s %s %s %s", c.BasePath, c.BaseURL, c.Root(), c.Title)
	}
	if c.Param("org") != "Committee" || c.Param("icp") != "备案" || cfg.Param("org") != "党委" {
		t.Errorf("en params: %v, site's %v", c.Params, cfg.Params)
	}
	if len(c.Menu) != 1 || c.Menu[0].Name != "News" || cfg.ForLanguage(zh).Menu[0].Name != "新闻" {
		t.Errorf("menus: %v", c.Menu)
	}
	if l := c.Language(); l == nil || l.Locale() != "en" || cfg.Language() != nil {
		t.Errorf("Language: %v", l)
	}

	sub, _, err := Parse([]byte("defaultContentLanguage: fr\ndefaultContentLanguageInSubdir: true\nlanguages:\n  zh: {weight: 1}\n  en: {weight: 2}\n"), "hugo.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if sub.DefaultContentLanguage != "zh" || sub.Languages[0].Prefix != "zh/" {
		t.Errorf("in subdir, with an unknown default: %s %+v", sub.DefaultContentLanguage, sub.Languages)
	}
	one, _, _ := Parse([]byte("title = \"a\"\ndisableLanguages = [\"EN\"]\n[languages.zh]\ntitle = \"b\"\n[languages.en]\n"), "hugo.toml")
	if one.Multilingual() || one.Title != "b" {
		t.Errorf("one language: %v %q", one.Multilingual(), one.Title)
	}
	if _, _, err := Parse([]byte("[languages.zh]\ncontentDir = \"../x\"\n[languages.en]\n"), "hugo.toml"); err == nil || !strings.Contains(err.Error(), "contentDir") {
		t.Errorf("contentDir outside the site: %v", err)
	}
}

func TestParseFolder(t *testing.T) {
	cfg, _, err := ParseFolder([]FolderFile{
		{"config/production/hugo.toml", []byte("baseURL = \"https://prod.example.edu.cn/\"\n")},
		{"config/_default/params.yaml", []byte("org: 党委\nnested: {a: 1}\n")},
		{"config/_default/hugo.toml", []byte("baseURL = \"https://dev.example.edu.cn/\"\ntitle = \"t\"\n[params]\nicp = \"x\"\n")},
		{"config/_default/menus.toml", []byte("[[main]]\nname = \"新闻\"\nurl = \"/news/\"\n")},
		{"config/_default/languages.json", []byte(`{"zh": {"weight": 1}, "en": {"weight": 2}}`)},
		{"config/_default/params.en.toml", []byte("org = \"Committee\"\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.BaseURL != "https://prod.example.edu.cn/" || cfg.Title != "t" || cfg.Param("org") != "党委" || cfg.Param("icp") != "x" {
		t.Errorf("merged: %s %s %v", cfg.BaseURL, cfg.Title, cfg.Params)
	}
	if len(cfg.Menu) != 1 || len(cfg.Languages) != 2 || cfg.ForLanguage(cfg.Languages[1]).Param("org") != "Committee" {
		t.Errorf("menus %v, languages %+v", cfg.Menu, cfg.Languages)
	}
	if !cfg.Hugo() {
		t.Errorf("a configuration folder is Hugo's")
	}
}
