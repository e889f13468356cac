package config

import (
	"strings"
	"testing"
)

// TestParseFormats: the same settings in TOML, YAML and JSON give the same
// configuration; Hugo's lower-case keys (baseurl) are read.
func TestParseFormats(t *testing.T) {
	files := map[string]string{
		"hugo.toml": `baseurl = "https://x.edu.cn/dj/"
title = "网"
uglyURLs = true
ignoreFiles = ["\\.Rmd$"]
disableKinds = ["taxonomyTerm", "RSS"]
[permalinks]
news = "/:year/:slug/"
[[menu.main]]
name = "官网"
url = "https://www.x.edu.cn/"
weight = 2
[[menu.main]]
name = "新闻"
pageRef = "/news"
weight = 1
`,
		"config.yaml": `baseurl: https://x.edu.cn/dj/
title: 网
uglyURLs: true
ignoreFiles: ['\.Rmd$']
disableKinds: [taxonomyTerm, RSS]
permalinks:
  news: /:year/:slug/
menu:
  main:
    - name: 官网
      url: https://www.x.edu.cn/
      weight: 2
    - name: 新闻
      pageRef: /news
      weight: 1
`,
		"config.json": `{"baseurl": "https://x.edu.cn/dj/", "title": "网", "uglyURLs": true,
 "ignoreFiles": ["\\.Rmd$"], "disableKinds": ["taxonomyTerm", "RSS"],
 "permalinks": {"news": "/:year/:slug/"},
 "menu": {"main": [{"name": "官网", "url": "https://www.x.edu.cn/", "weight": 2},
                   {"name": "新闻", "pageRef": "/news", "weight": 1}]}}`,
	}
	for file, data := range files {
		cfg, warnings, err := Parse([]byte(data), file)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if len(warnings) > 0 {
			t.Errorf("%s: warnings %v", file, warnings)
		}
		if cfg.BasePath != "/dj/" || cfg.Title != "网" || !cfg.UglyURLs || !cfg.IgnoredFile("content/a.Rmd") || cfg.IgnoredFile("content/a.md") {
			t.Errorf("%s: %+v", file, cfg)
		}
		if !cfg.Disabled("taxonomy") || !cfg.Disabled("rss") || cfg.Disabled("term") {
			t.Errorf("%s: disableKinds %v", file, cfg.DisableKinds)
		}
		if cfg.Permalinks["news"] != "/:year/:slug/" {
			t.Errorf("%s: permalinks %v", file, cfg.Permalinks)
		}
		if len(cfg.Menu) != 2 || cfg.Menu[0].PageRef != "/news" || !cfg.Menu[1].External() || cfg.Menu[0].External() {
			t.Errorf("%s: menu %+v", file, cfg.Menu)
		}
		if !cfg.Hugo() {
			t.Errorf("%s: not taken for a Hugo site's configuration", file)
		}
	}
}

// TestParseWarnings: a key not used is one warning at its line, however
// often it is written; a permalink token not known and a kind that cannot
// be disabled are warnings; a broken YAML file is an error at its line.
func TestParseWarnings(t *testing.T) {
	_, warnings, err := Parse([]byte(`title: t
menu:
  main:
    - name: a
      url: /a/
      pre: x
    - name: b
      url: /b/
      pre: y
permalinks:
  news: /:year/:nonsense/
  page:
    notes: /:filename/
  section:
    news: /n/
  term:
    tags: /t/:slug/
disableKinds: [home]
outputs:
  home: [html, json]
`), "config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range warnings {
		got = append(got, w.Error())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		`config.yaml:6: 配置项 menu.main.pre 本程序不使用，已忽略 (unknown key "menu.main.pre" is ignored)`,
		`config.yaml:19: 配置项 outputs 本程序不使用`,
		`config.yaml:11: 网址格式 "/:year/:nonsense/" 中的 :nonsense 本程序不认识，栏目 news 使用默认网址`,
		`config.yaml:16: [permalinks.term] 本程序不使用`,
		`config.yaml:18: disableKinds 中的 "home" 本程序不支持`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %s:\n%s", want, all)
		}
	}
	if strings.Count(all, "menu.main.pre") != 2 { // the key and its English words: one warning
		t.Errorf("menu.main.pre warned more than once:\n%s", all)
	}
	if strings.Contains(all, "outputs.home") {
		t.Errorf("outputs.home warned beside outputs:\n%s", all)
	}
	cfg, _, _ := Parse([]byte("permalinks:\n  page:\n    notes: /:filename/\n  section:\n    posts: /articles/\n"), "hugo.yaml")
	if cfg.Permalinks["notes"] != "/:filename/" || cfg.SectionPermalinks["posts"] != "/articles/" {
		t.Errorf("[permalinks.page], [permalinks.section]: %v %v", cfg.Permalinks, cfg.SectionPermalinks)
	}
	if _, _, err := Parse([]byte("title: t\nmenu:\n  - a\n - b\n"), "config.yaml"); err == nil || !strings.HasPrefix(err.Error(), "config.yaml:3: ") {
		t.Errorf("broken YAML: %v", err)
	}
	if _, _, err := Parse([]byte("{\"title\": \"t\",\n\"x\": }"), "config.json"); err == nil || !strings.HasPrefix(err.Error(), "config.json:2: ") {
		t.Errorf("broken JSON: %v", err)
	}
	if _, _, err := Parse([]byte("ignoreFiles:\n  - '(unclosed'\n"), "config.yaml"); err == nil || !strings.Contains(err.Error(), "config.yaml:1: ignoreFiles 中的正则表达式") {
		t.Errorf("bad ignoreFiles: %v", err)
	}
	if _, _, err := Parse([]byte("paginate: 0.5e9\n"), "config.yaml"); err == nil {
		t.Error("paginate 0.5e9 accepted")
	}
}

// TestMainMenu: entries with a parent leave the flat navigation; a heading
// without URL links to its first child; order by weight.
func TestMainMenu(t *testing.T) {
	got := mainMenu([]MenuEntry{
		{Name: "文档", Identifier: "docs", Weight: 3},
		{Name: "首页", URL: "/", Weight: 1},
		{Name: "乙", URL: "/b/", Parent: "docs", Weight: 2},
		{Name: "甲", URL: "/a/", Parent: "docs", Weight: 1},
		{Name: "空", Weight: 4},
	})
	var names []string
	for _, m := range got {
		names = append(names, m.Name+"="+m.URL)
	}
	if strings.Join(names, " ") != "首页=/ 文档=/a/" {
		t.Errorf("menu %v", names)
	}
}

// FuzzParseHugo: any YAML or JSON configuration gives a configuration or
// an error, never a panic, and what it gives is usable.
func FuzzParseHugo(f *testing.F) {
	f.Add([]byte("baseurl: https://x.cn/a/\npermalinks:\n  news: /:year/:slug/\nmenu:\n  main:\n    - name: a\n      url: /a/\n"), false)
	f.Add([]byte(`{"title": "t", "paginate": 3, "menu": {"main": [{"name": "a", "pageRef": "/a"}]}}`), true)
	f.Add([]byte("ignoreFiles: ['(']\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, json bool) {
		file := "config.yaml"
		if json {
			file = "config.json"
		}
		cfg, _, err := Parse(data, file)
		if err == nil && (cfg == nil || cfg.PagerSize <= 0 || !strings.HasSuffix(cfg.BasePath, "/") || cfg.Permalinks == nil) {
			t.Fatalf("bad config %+v", cfg)
		}
	})
}
