package config

import (
	"strings"
	"testing"
)

func TestParseHugoConfig(t *testing.T) {
	cfg, warnings, err := Parse([]byte(`
baseURL = "https://www.example.edu.cn/dangjian"
title = "示例"
languageCode = "zh-CN"
defaultContentLanguage = "zh"
hasCJKLanguage = true
paginate = 12
enableEmoji = true
[taxonomies]
tag = "tags"
[params]
icp = "京ICP备1号"
[markup.goldmark.renderer]
unsafe = true
[markup.highlight]
style = "x"
`), "site.toml")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.BaseURL != "https://www.example.edu.cn/dangjian/" || cfg.BasePath != "/dangjian/" {
		t.Errorf("base %q %q", cfg.BaseURL, cfg.BasePath)
	}
	if cfg.PagerSize != 12 || !cfg.Unsafe || cfg.Param("icp") != "京ICP备1号" {
		t.Errorf("cfg %+v", cfg)
	}
	var plurals []string
	for _, tx := range cfg.Taxonomies {
		plurals = append(plurals, tx.Plural)
	}
	if strings.Join(plurals, ",") != "branches,tags" {
		t.Errorf("taxonomies %v: branches is always there", plurals)
	}
	var ws []string
	for _, w := range warnings {
		ws = append(ws, w.Error())
	}
	got := strings.Join(ws, "\n")
	for _, want := range []string{`unknown key "enableEmoji"`, `site.toml:15: 配置项 markup.highlight 本程序不使用，已忽略 (unknown key "markup.highlight" is ignored)`} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings lack %s:\n%s", want, got)
		}
	}
	if len(cfg.Criteria) != 3 {
		t.Errorf("default criteria: %d sets", len(cfg.Criteria))
	}
	if set, it, ok := cfg.Criterion("qgyl-1"); !ok || set.Name != "七个有力" || it.Name != "教育党员有力" {
		t.Errorf("qgyl-1 = %v %v %v", set, it, ok)
	}
}

func TestPagerSizeNew(t *testing.T) {
	cfg, _, err := Parse([]byte("[pagination]\npagerSize = 7\n"), "site.toml")
	if err != nil || cfg.PagerSize != 7 {
		t.Fatalf("%v %v", cfg, err)
	}
}

func TestParseErrors(t *testing.T) {
	cases := map[string]string{
		"title = \n":               "site.toml:1:",
		"a = 1\nb = [\n":           "site.toml:",
		"baseURL = \"ftp://x/\"\n": "scheme must be http or https",
		"paginate = -1\n":          "site.toml:1: 每页条数应在 1 到 10000 之间",
		"[[criteria]]\nkind = \"k\"\nname = \"n\"\nitems = [{id = \"Bad ID\", name = \"x\"}]\n": "must be lower-case ASCII",
		"[slugs]\n\"党建\" = \"党建\"\n":                                                            "a slug is lower-case ASCII",
	}
	for in, want := range cases {
		_, _, err := Parse([]byte(in), "site.toml")
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) = %v; want %q", in, err, want)
		}
	}
}

// TestNumbersInRange: every numeric setting out of its range is an error at
// its own line, Chinese first; zero keeps the default.
func TestNumbersInRange(t *testing.T) {
	cases := map[string]string{
		"title = \"t\"\n[pagination]\npagerSize = 9223372036854775807\n": "site.toml:3: 每页条数应在 1 到 10000 之间，这里写的是 9223372036854775807",
		"title = \"t\"\npagination.pagerSize = -3\n":                     "site.toml:2: 每页条数应在 1 到 10000 之间",
		"paginate = 100000\n":                                  "site.toml:1: 每页条数",
		"\nsummaryLength = -1\n":                               "site.toml:2: 摘要字数应在 1 到 10000 之间",
		"[images]\n# q\nquality = 101\n":                       "site.toml:3: 图片质量应在 1 到 100 之间",
		"[images]\nwidths = [480, 0]\n":                        "site.toml:2: 图片宽度应在 1 到 10000 之间，这里写的是 0",
		"[images]\nwidths = [1,2,3,4,5,6,7,8,9,10,11,12,13]\n": "site.toml:2: 图片宽度最多 12 种",
		"[images]\nmaxPixels = -1\n":                           "site.toml:2: 图片像素上限",
		"[deploy]\nmaxDeletes = -2\n":                          "site.toml:2: 一次发布最多删除的文件数",
		"[images]\nthumbRatio = \"9223372036854775807:1\"\n":   "is not a ratio such as 4:3",
	}
	for in, want := range cases {
		_, _, err := Parse([]byte(in), "site.toml")
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) = %v; want %q", in, err, want)
		}
	}
	cfg, _, err := Parse([]byte("paginate = 0\nsummaryLength = 0\n[images]\nquality = 0\nmaxPixels = 0\n[deploy]\nmaxDeletes = -1\n"), "site.toml")
	if err != nil || cfg.PagerSize != 10 || cfg.SummaryLength != 120 || cfg.Images.Quality != 80 || cfg.Images.MaxPixels != 60_000_000 || cfg.Deploy.MaxDeletes != -1 {
		t.Errorf("zeros and -1: %+v, %v", cfg, err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("title = \"t\"\n[[criteria]]\nkind = \"k\"\nname = \"n\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, _, err := Parse(data, "site.toml")
		if err == nil && (cfg == nil || cfg.PagerSize <= 0 || cfg.PagerSize > 10_000 || !strings.HasSuffix(cfg.BasePath, "/")) {
			t.Fatalf("bad config %+v", cfg)
		}
	})
}
