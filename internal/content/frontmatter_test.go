package content

import (
	"strings"
	"testing"
	"time"

	"showcase/internal/config"
)

func TestSplit(t *testing.T) {
	cases := []struct {
		in, format, front, body string
		line                    int
	}{
		{"+++\ntitle = \"a\"\n+++\nbody\n", "toml", "title = \"a\"\n", "body\n", 4},
		{"---\ntitle: a\n---\n\nbody", "yaml", "title: a\n", "\nbody", 4},
		{"+++ \ntitle = \"a\"\n+++  \nx", "toml", "title = \"a\"\n", "x", 4},
		{"no front matter\n", "", "", "no front matter\n", 1},
		{"---not a delimiter\n", "", "", "---not a delimiter\n", 1},
		{"+++\n+++\n", "toml", "", "", 3},
	}
	for _, c := range cases {
		s, err := Split([]byte(c.in))
		if err != nil {
			t.Errorf("Split(%q): %v", c.in, err)
			continue
		}
		if s.Format != c.format || string(s.Front) != c.front || string(s.Body) != c.body || s.BodyLine != c.line {
			t.Errorf("Split(%q) = %q %q %q line %d", c.in, s.Format, s.Front, s.Body, s.BodyLine)
		}
	}
	if _, err := Split([]byte("+++\ntitle = 1\n")); err == nil {
		t.Error("an unclosed front matter was accepted")
	}
}

func TestNormalize(t *testing.T) {
	got, err := Normalize([]byte("\xef\xbb\xbf+++\r\ntitle = \"a\"\r\n+++\r\n正文"))
	if err != nil || string(got) != "+++\ntitle = \"a\"\n+++\n正文" {
		t.Errorf("Normalize = %q, %v", got, err)
	}
	if _, err := Normalize([]byte("ok\n\xb5\xb3")); err == nil || !strings.Contains(err.Error(), "line 2") && !strings.Contains(err.Error(), "GBK") {
		t.Errorf("GBK accepted: %v", err)
	}
}

func TestParsePageFields(t *testing.T) {
	cfg := config.Default()
	src := `+++
title = "标题"
date = 2025-10-26
reviewer = "钱锐"
tags = ["a", "b"]
branches = ["农学院党委"]
[params]
kind = "标杆院系"
level = "省级"
year = 2021
+++
正文
`
	p, problems := ParsePage("content/branches/nxy/index.md", []byte(src), cfg)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if p.Kind != KindPage || p.Section != "branches" || p.Bundle != "content/branches/nxy" {
		t.Errorf("placed as %s %s %s", p.Kind, p.Section, p.Bundle)
	}
	if want := time.Date(2025, 10, 26, 0, 0, 0, 0, cst); !p.Date.Equal(want) {
		t.Errorf("date %v, want %v (a local date is China time)", p.Date, want)
	}
	if len(p.Byline.Reviewers) != 1 || p.Byline.Reviewers[0] != "钱锐" {
		t.Errorf("reviewers %v", p.Byline.Reviewers)
	}
	if p.Profile == nil || p.Profile.Kind != "标杆院系" || p.Profile.Level != "省级" || p.Profile.Year != 2021 {
		t.Errorf("profile %+v", p.Profile)
	}
	if p.BodyLine != 12 || string(p.Body) != "正文\n" {
		t.Errorf("body %q at line %d", p.Body, p.BodyLine)
	}
}

// FuzzFrontMatter: any bytes give a page or problems with a line, never a panic.
func FuzzFrontMatter(f *testing.F) {
	f.Add([]byte("+++\ntitle = \"a\"\ndate = 2025-01-01\ntags = [\"x\"]\n+++\nbody"))
	f.Add([]byte("---\ntitle: a\ndate: 2025-01-01\nreviewer: [a, b]\n---\n"))
	f.Add([]byte("+++\n[params]\nkind = 1\n+++\n"))
	f.Add([]byte("---\n- a\n---\n"))
	f.Add([]byte("\xef\xbb\xbf+++\r\n+++\r\n"))
	f.Add([]byte("{\"title\": \"a\", \"weight\": 2, \"tags\": [\"x\"]}\nbody"))
	f.Add([]byte("{\"title\": [1, {\"a\": null}]"))
	cfg := config.Default()
	f.Fuzz(func(t *testing.T, data []byte) {
		p, problems := ParsePage("content/branches/x/index.md", data, cfg)
		if p == nil && len(problems) == 0 {
			t.Fatal("no page and no problem")
		}
		for _, pr := range problems {
			if pr.File != "content/branches/x/index.md" || pr.Line < 0 {
				t.Fatalf("problem without place: %+v", pr)
			}
		}
	})
}

// A file saved as UTF-16 (Notepad's "Unicode"), with or without its
// byte-order mark, is called UTF-16, with how to save it as UTF-8; a GBK
// file is still called GBK.
func TestNormalizeNamesUTF16(t *testing.T) {
	text := "+++\ntitle = \"学校召开推进会\"\n+++\n正文\n"
	utf16 := func(bigEndian, bom bool) []byte {
		var out []byte
		if bom {
			out = []byte{0xff, 0xfe}
			if bigEndian {
				out = []byte{0xfe, 0xff}
			}
		}
		for _, r := range text {
			hi, lo := byte(r>>8), byte(r)
			if bigEndian {
				out = append(out, hi, lo)
			} else {
				out = append(out, lo, hi)
			}
		}
		return out
	}
	for name, data := range map[string][]byte{
		"UTF-16LE with BOM FF FE": utf16(false, true),
		"UTF-16BE with BOM FE FF": utf16(true, true),
		"UTF-16LE without BOM":    utf16(false, false),
		"UTF-16BE without BOM":    utf16(true, false),
	} {
		_, err := Normalize(data)
		if err == nil || !strings.Contains(err.Error(), "UTF-16") || !strings.Contains(err.Error(), "另存为") || strings.Contains(err.Error(), "GBK") {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := Normalize([]byte("+++\ntitle = \"\xb5\xb3\xbd\xa8\"\n+++\n")); err == nil || !strings.Contains(err.Error(), "GBK") {
		t.Errorf("GBK: %v", err)
	}
	if got, err := Normalize([]byte("\xef\xbb\xbf" + text)); err != nil || string(got) != text {
		t.Errorf("UTF-8 with BOM: %q, %v", got, err)
	}
}

// JSON front matter (a file starting with "{", as in Hugo) is read like
// YAML's, and a problem names the line of its key.
func TestJSONFrontMatter(t *testing.T) {
	cfg := config.Default()
	p, problems := ParsePage("content/news/a.md", []byte("{\n  \"title\": \"会议\",\n  \"weight\": 3,\n  \"tags\": [\"党建\"]\n}\n正文。\n"), cfg)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if p.Title != "会议" || p.Weight != 3 || len(p.Terms["tags"]) != 1 || string(p.Body) != "正文。\n" || p.BodyLine != 6 {
		t.Errorf("page: %q %d %v %q %d", p.Title, p.Weight, p.Terms, p.Body, p.BodyLine)
	}
	_, problems = ParsePage("content/news/b.md", []byte("{\n  \"title\": \"会议\",\n  \"date\": \"昨天\"\n}\n"), cfg)
	if len(problems) != 1 || problems[0].Line != 3 {
		t.Errorf("a bad date: %v", problems)
	}
	_, problems = ParsePage("content/news/c.md", []byte("{\n  \"title\": \"会议\",\n  oops\n}\n"), cfg)
	if len(problems) != 1 || problems[0].Line != 3 {
		t.Errorf("broken JSON: %v", problems)
	}
}
