package frontedit

import (
	"strings"
	"testing"
	"time"

	"showcase/internal/content"
)

const tomlPage = `+++
# 工作动态
title = "旧标题"   # 标题
date = 2025-10-26T09:30:00+08:00    # 发布日期
tags = [
  "双创",   # 第一个
  "主题党日",
]
draft = false
weight = 3
summary = '''
多行
摘要'''
reviewer = ['钱锐']
"odd key" = "x"

[params]
kind = "样板支部"
+++
正文 title = "不是键"
`

const yamlPage = `---
# 图片新闻
title: 旧标题  # 标题
date: 2025-10-26
tags:
  - 双创
  - 主题党日
draft: false
cover:
desc: |
  多行
  文字
reviewer: ['钱锐']
---
正文
`

func TestSetKeepsOtherLines(t *testing.T) {
	cases := []struct {
		name, page, key string
		v               any
		want            string // the only new line(s)
		gone            string // the only old line(s)
	}{
		{"toml string keeps comment", tomlPage, "title", "新\"标题\"", `title = "新\"标题\""   # 标题` + "\n", `title = "旧标题"   # 标题` + "\n"},
		{"toml case-insensitive key", tomlPage, "Draft", true, "draft = true\n", "draft = false\n"},
		{"toml number", tomlPage, "weight", 10, "weight = 10\n", "weight = 3\n"},
		{"toml date", tomlPage, "date", time.Date(2026, 1, 2, 8, 0, 0, 0, time.FixedZone("CST", 8*3600)), "date = 2026-01-02T08:00:00+08:00    # 发布日期\n", "date = 2025-10-26T09:30:00+08:00    # 发布日期\n"},
		{"toml multi-line list", tomlPage, "tags", []string{"a"}, "tags = [\"a\"]\n", "tags = [\n  \"双创\",   # 第一个\n  \"主题党日\",\n]\n"},
		{"toml multi-line string", tomlPage, "summary", "短", "summary = \"短\"\n", "summary = '''\n多行\n摘要'''\n"},
		{"toml literal quotes kept", tomlPage, "reviewer", []string{"钱锐", "姚文均"}, "reviewer = [\"钱锐\", \"姚文均\"]\n", "reviewer = ['钱锐']\n"},
		{"toml quoted key", tomlPage, "odd key", "y", "\"odd key\" = \"y\"\n", "\"odd key\" = \"x\"\n"},
		{"toml new key before table", tomlPage, "author", "张三", "author = \"张三\"\n", ""},
		{"yaml plain string keeps comment", yamlPage, "title", "新标题", "title: 新标题  # 标题\n", "title: 旧标题  # 标题\n"},
		{"yaml string needing quotes", yamlPage, "title", "yes", "title: \"yes\"  # 标题\n", "title: 旧标题  # 标题\n"},
		{"yaml block list stays block", yamlPage, "tags", []string{"a", "b c"}, "  - a\n  - b c\n", "  - 双创\n  - 主题党日\n"},
		{"yaml empty value", yamlPage, "cover", "a.jpg", "cover: a.jpg\n", "cover:\n"},
		{"yaml block scalar", yamlPage, "desc", "一行", "desc: 一行\n", "desc: |\n  多行\n  文字\n"},
		{"yaml date", yamlPage, "date", Date("2026-03-01"), "date: 2026-03-01\n", "date: 2025-10-26\n"},
		{"yaml new key", yamlPage, "author", "张三", "author: 张三\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, err := Set([]byte(c.page), c.key, c.v)
			if err != nil {
				t.Fatal(err)
			}
			gone, added := lineDiff(c.page, string(out))
			if gone != c.gone || added != c.want {
				t.Errorf("removed %q, added %q; want removed %q, added %q\n%s", gone, added, c.gone, c.want, out)
			}
			checkParses(t, out)
		})
	}
}

func TestNewKeyGoesAfterLastTopLevelKey(t *testing.T) {
	out, err := Set([]byte(tomlPage), "author", "张三")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "\"odd key\" = \"x\"\nauthor = \"张三\"\n\n[params]") {
		t.Errorf("author not added before [params]:\n%s", out)
	}
}

func TestDelete(t *testing.T) {
	out, err := Delete([]byte(tomlPage), "tags")
	if err != nil {
		t.Fatal(err)
	}
	gone, added := lineDiff(tomlPage, string(out))
	if added != "" || gone != "tags = [\n  \"双创\",   # 第一个\n  \"主题党日\",\n]\n" {
		t.Errorf("removed %q added %q", gone, added)
	}
	same, _ := Delete([]byte(yamlPage), "nothere")
	if string(same) != yamlPage {
		t.Error("deleting a missing key changed the file")
	}
}

func TestNoFrontMatter(t *testing.T) {
	out, err := Set([]byte("正文\n"), "title", "标题")
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != "+++\ntitle = \"标题\"\n+++\n正文\n" {
		t.Errorf("got %q", out)
	}
}

func TestCRLFKept(t *testing.T) {
	page := strings.ReplaceAll(yamlPage, "\n", "\r\n")
	out, err := Set([]byte(page), "author", "张三")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "reviewer: ['钱锐']\r\nauthor: 张三\r\n---") {
		t.Errorf("got %q", out)
	}
}

func TestRefusals(t *testing.T) {
	if _, err := Set([]byte("+++\ntitle = \"a\"\n"), "title", "b"); err == nil {
		t.Error("unclosed front matter accepted")
	}
	if _, err := Set([]byte(tomlPage), "weight", struct{}{}); err == nil {
		t.Error("a struct value accepted")
	}
	if _, err := Set([]byte(tomlPage), "date", Date("2025-02-30")); err == nil {
		t.Error("February 30 accepted")
	}
	if _, err := Set([]byte(tomlPage), "a\nb", "x"); err == nil {
		t.Error("a key with a newline accepted")
	}
}

// lineDiff returns the old lines and the new lines between the common
// first and last lines of a and b.
func lineDiff(a, b string) (gone, added string) {
	al, bl := strings.SplitAfter(a, "\n"), strings.SplitAfter(b, "\n")
	p := 0
	for p < len(al) && p < len(bl) && al[p] == bl[p] {
		p++
	}
	s := 0
	for s < len(al)-p && s < len(bl)-p && al[len(al)-1-s] == bl[len(bl)-1-s] {
		s++
	}
	return strings.Join(al[p:len(al)-s], ""), strings.Join(bl[p:len(bl)-s], "")
}

func TestBodyStart(t *testing.T) {
	for _, page := range []string{tomlPage, yamlPage, "正文\n"} {
		n, err := BodyStart([]byte(page))
		if err != nil {
			t.Fatal(err)
		}
		src, _ := content.Split([]byte(page))
		if page[n:] != string(src.Body) {
			t.Errorf("body %q, want %q", page[n:], src.Body)
		}
	}
}

func TestAppendTable(t *testing.T) {
	album := "+++\ntitle = \"图集\"\n\n[[resources]]\nsrc = \"a.jpg\"\ntitle = \"第一张\"\n\n# 导语写在下面\n+++\n导语。\n"
	out, err := AppendTable([]byte(album), "resources", [][2]string{{"src", "b.jpg"}, {"title", "第二张 \"引号\""}})
	if err != nil {
		t.Fatal(err)
	}
	want := "+++\ntitle = \"图集\"\n\n[[resources]]\nsrc = \"a.jpg\"\ntitle = \"第一张\"\n\n[[resources]]\nsrc = \"b.jpg\"\ntitle = \"第二张 \\\"引号\\\"\"\n\n# 导语写在下面\n+++\n导语。\n"
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	m := decode(t, out)
	if res, _ := m["resources"].([]map[string]any); len(res) != 2 || res[1]["title"] != "第二张 \"引号\"" {
		t.Errorf("resources: %#v", m["resources"])
	}
}

// TestAppendTableYAML: in YAML an album's photo becomes an item of its
// resources list, at the list's indentation, and reads back as such.
func TestAppendTableYAML(t *testing.T) {
	photo := [][2]string{{"src", "b.jpg"}, {"title", "第二张: 说明"}}
	for _, c := range []struct{ name, page, want string }{
		{"after the last item", "---\ntitle: 图集\nresources:\n    - src: a.jpg\n      title: 第一张\ndate: 2025-01-01\n---\n导语。\n",
			"---\ntitle: 图集\nresources:\n    - src: a.jpg\n      title: 第一张\n    - src: b.jpg\n      title: \"第二张: 说明\"\ndate: 2025-01-01\n---\n导语。\n"},
		{"a list at the key's column", "---\nresources:\n- src: a.jpg\n---\n",
			"---\nresources:\n- src: a.jpg\n- src: b.jpg\n  title: \"第二张: 说明\"\n---\n"},
		{"no list yet", "---\ntitle: 图集 # 标题\n---\n",
			"---\ntitle: 图集 # 标题\nresources:\n  - src: b.jpg\n    title: \"第二张: 说明\"\n---\n"},
		{"an empty inline list", "---\nresources: [] # 照片\ntitle: t\n---\n",
			"---\nresources: # 照片\n  - src: b.jpg\n    title: \"第二张: 说明\"\ntitle: t\n---\n"},
	} {
		out, err := AppendTable([]byte(c.page), "resources", photo)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if string(out) != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, out, c.want)
		}
		m := decode(t, out)
		list, _ := m["resources"].([]any)
		if len(list) == 0 {
			t.Errorf("%s: resources %#v", c.name, m["resources"])
			continue
		}
		if last, _ := list[len(list)-1].(map[string]any); last["src"] != "b.jpg" || last["title"] != "第二张: 说明" {
			t.Errorf("%s: resources %#v", c.name, m["resources"])
		}
	}
	for _, page := range []string{"---\nresources: [a.jpg]\n---\n", "---\nresources:\n  src: a.jpg\n---\n"} {
		if out, err := AppendTable([]byte(page), "resources", photo); err == nil {
			t.Errorf("%q: %q, want a refusal", page, out)
		}
	}
}

// A YAML key with nothing but a space after its colon has an empty value
// that starts after the space (found by FuzzSetAnyDocument).
func TestYAMLEmptyValueAfterSpace(t *testing.T) {
	for _, c := range []struct{ page, key, want string }{
		{"---\nsummary: \ntitle: x\n---\n", "summary", "---\nsummary: \"0\"\ntitle: x\n---\n"},
		{"---\nparams:\n  cover: \n---\n", "params.cover", "---\nparams:\n  cover: a.jpg\n---\n"},
	} {
		v := "0"
		if c.key == "params.cover" {
			v = "a.jpg"
		}
		out, err := Set([]byte(c.page), c.key, v)
		if err != nil || string(out) != c.want {
			t.Errorf("Set(%q, %s) = %q, %v; want %q", c.page, c.key, out, err, c.want)
		}
	}
}
