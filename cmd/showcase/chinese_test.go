package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/encoding/simplifiedchinese"

	"showcase/internal/lang"
)

// linePrefix is what may come before a message's first word: the command
// ("showcase build: "), a place ("content/news/a.md:3: ", "site.toml: "),
// a label ("错误: ") and indentation, list marks and the report's "== ".
var linePrefix = regexp.MustCompile(`^(\s|==|[-*•]\s)*(showcase( [a-z]+)?( --[a-z]+)?: )?((错误|警告|error|warning):? )?` +
	`([^\s:：]+\.(md|toml|yaml|yml|json|txt|doc|docx|html|jpg|png)(:\d+)?(: | )|content: )?` +
	`((错误|警告|error|warning):? )?`)

// chineseFirst reports whether a line, after its prefix, starts with a Han
// character or Chinese punctuation; an empty line passes.
func chineseFirst(line string) bool {
	rest := strings.TrimSpace(line[len(linePrefix.FindString(line)):])
	for _, r := range rest {
		return unicode.Is(unicode.Han, r) || strings.ContainsRune("“（【《…「", r)
	}
	return true
}

// brokenSite is a site with the slips staff make: a front matter never
// closed, a page saved in GBK, a picture on the author's disk, a date in
// the future and a misspelt key.
func brokenSite(t *testing.T) string {
	t.Helper()
	site := workflowSite(t)
	news := filepath.Join(site, "content", "news")
	os.MkdirAll(news, 0o755)
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("+++\ntitle = \"推进会\"\n+++\n正文\n")
	files := map[string]string{
		"unclosed.md": "+++\ntitle = \"没有结束行\"\ndate = 2025-10-26\n正文\n",
		"gbk.md":      gbk,
		"a.md": "+++\ntitle = \"交流会\"\ndate = 2099-10-26\nreviewer = [\"钱锐\"]\neditor = \"李锦\"\nphotografer = \"陈宝\"\n+++\n" +
			"![](file:///C:/Users/admin/Desktop/a.jpg)\n\n[附件](file:///C:/a.docx)\n",
	}
	for name, data := range files {
		os.WriteFile(filepath.Join(news, name), []byte(data), 0o644)
	}
	return site
}

// TestChineseFirst runs the commands' usual failures, and their -h texts,
// and checks that every line they print leads with Chinese; with --lang en
// the same runs print no Chinese-first line, and a few say in English what
// they said in Chinese.
func TestChineseFirst(t *testing.T) {
	chineseAfter(t)
	site := brokenSite(t)
	empty, other := t.TempDir(), workflowSite(t)
	doc := filepath.Join(t.TempDir(), "来稿.doc")
	os.WriteFile(doc, []byte{0xd0, 0xcf, 0x11, 0xe0}, 0o644)
	txt := filepath.Join(t.TempDir(), "通知.txt")
	os.WriteFile(txt, []byte("关于召开主题党日活动的通知\n\n各支部:\n4月15日下午召开会议, 请准时参加。\n"), 0o644)
	runs := [][]string{
		{},
		{"nope"},
		{"build", "--nope"},
		{"build", "-s", site, "-d", filepath.Join(t.TempDir(), "public")},
		{"build", "-s", empty},
		{"build", "-s", site, "-d", filepath.Join(site, "content", "out")},
		{"check", "-s", site},
		{"check", "-s", empty},
		{"new", "news", "推进会", "-s", empty},
		{"new", "news", "推进会", "-s", site, "--slug", "不行"},
		{"new", "news", "推进会", "-s", site, "--date", "明天"},
		{"import", doc, "-s", site},
		{"serve", "-s", site, "-p", "70000"},
		{"serve", "-s", site, "--poll", "soon"},
		{"serve", "-s", empty},
		{"deploy", "-s", site, "--target", "nowhere", "--no-build"},
		{"import", txt, "-s", other}, // succeeds, with a report of what needs a person
		{"import", txt, "-s", other}, // imported before
	}
	for _, en := range []bool{false, true} {
		for _, args := range runs {
			if en {
				args = append(append([]string(nil), args...), "--lang", "en")
				if len(args) == 2 {
					args = []string{"--lang", "en"}
				}
			}
			lang.SetEnglish(false)
			var out, errOut bytes.Buffer
			code := run(args, &out, &errOut)
			text := out.String() + errOut.String()
			if code == 0 && args[0] != "import" || strings.TrimSpace(text) == "" && len(args) > 2 {
				t.Errorf("showcase %s: exit %d, said %q; want a failure that says why", strings.Join(args, " "), code, text)
			}
			for _, start := range []string{"showcase —", "用法：", "Usage:"} {
				if i := strings.Index(text, start); i >= 0 {
					text = text[:i] // a usage text is tested below
				}
			}
			lines := strings.Split(text, "\n")
			for _, line := range lines {
				if chineseFirst(line) == en && strings.TrimSpace(line[len(linePrefix.FindString(line)):]) != "" {
					t.Errorf("showcase %s (english=%v): %q", strings.Join(args, " "), en, line)
				}
			}
		}
	}

	// a few in English, as developers read them
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"build", "-s", site, "--lang", "en"}, "front matter opened with +++ is never closed"},
		{[]string{"build", "-s", site, "--lang", "en"}, "the file is not UTF-8 text (probably GBK/GB18030): save it as UTF-8"},
		{[]string{"check", "-s", site, "--lang", "en"}, "link \"file:///C:/a.docx\" points at a file on the author's computer"},
		{[]string{"check", "-s", site, "--lang", "en"}, "is more than a year ahead: a typing mistake?"},
		{[]string{"build", "-s", empty, "--lang", "en"}, "no site.toml in the site folder"},
		{[]string{"serve", "-p", "70000", "--lang", "en"}, "showcase serve: port 70000 is out of range\n"},
	} {
		lang.SetEnglish(false)
		var out, errOut bytes.Buffer
		run(c.args, &out, &errOut)
		if text := out.String() + errOut.String(); !strings.Contains(text, c.says) || regexp.MustCompile(`\p{Han}{3}`).MatchString(text) {
			t.Errorf("showcase %s: want %q, English alone:\n%s", strings.Join(c.args, " "), c.says, text)
		}
	}
}

// TestUsageChineseFirst: "showcase help" and every command's -h print
// their usage in Chinese, every line of it with Chinese in it, and in
// English with --lang en (given before or after -h) or an English LANG.
func TestUsageChineseFirst(t *testing.T) {
	chineseAfter(t)
	for _, cmd := range []string{"help", "build", "serve", "deploy", "new", "import", "check"} {
		args := []string{cmd, "-h"}
		if cmd == "help" {
			args = []string{"help"}
		}
		lang.SetEnglish(false)
		var out, errOut bytes.Buffer
		if code := run(args, &out, &errOut); code != 0 {
			t.Errorf("showcase %s: exit %d", strings.Join(args, " "), code)
		}
		text := out.String() + errOut.String()
		if first, _, _ := strings.Cut(text, "\n"); !chineseFirst(strings.TrimPrefix(first, "showcase serve —— ")) && !chineseFirst(strings.TrimPrefix(first, "showcase —— ")) {
			t.Errorf("showcase %s: usage starts %q", strings.Join(args, " "), first)
		}
		for _, line := range strings.Split(text, "\n") {
			if strings.TrimSpace(line) != "" && !regexp.MustCompile(`\p{Han}`).MatchString(line) {
				t.Errorf("showcase %s: a usage line without Chinese: %q", strings.Join(args, " "), line)
			}
		}
		for _, en := range [][]string{append(args, "--lang", "en"), append([]string{args[0], "--lang=en"}, args[1:]...)} {
			lang.SetEnglish(false)
			out.Reset()
			errOut.Reset()
			run(en, &out, &errOut)
			english := out.String() + errOut.String()
			if !strings.Contains(english, "Usage:") || strings.Contains(english, "用法") {
				t.Errorf("showcase %s: not the English usage:\n%s", strings.Join(en, " "), english)
			}
		}
	}
}
