package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"showcase/internal/lang"
)

// The commands speak Chinese first; --lang en makes them English alone for
// the rest of the process, so a test that passes it restores Chinese. No
// test of this package runs in parallel.
func chineseAfter(t *testing.T) { t.Cleanup(func() { lang.SetEnglish(false) }) }

// TestDeployMessages: deploy's summary, and the refusal of a site that
// fails the review gate, in Chinese and with --lang en.
func TestDeployMessages(t *testing.T) {
	chineseAfter(t)
	site := workflowSite(t)
	target := "file://" + filepath.ToSlash(t.TempDir())
	var out, errOut bytes.Buffer
	if code := runDeploy([]string{"-s", site, "--target", target}, &out, &errOut); code != 0 ||
		!strings.Contains(out.String(), "\n已发布到 "+target+"：上传 ") || !strings.Contains(out.String(), "个没有变化，用时 ") {
		t.Errorf("exit %d:\n%s%s", code, out.String(), errOut.String())
	}
	out.Reset()
	if code := runDeploy([]string{"-s", site, "--target", target, "--lang", "en"}, &out, &errOut); code != 0 ||
		!strings.Contains(out.String(), "\nsent 0 file(s) / 0 B, deleted 0, ") || !strings.HasSuffix(out.String(), "→ "+target+"\n") {
		t.Errorf("exit %d:\n%s%s", code, out.String(), errOut.String())
	}

	os.MkdirAll(filepath.Join(site, "content", "news"), 0o755)
	os.WriteFile(filepath.Join(site, "content", "news", "a.md"), []byte("+++\ntitle = \"推进会\"\ndate = 2025-10-26\n+++\n手机13912345678\n"), 0o644)
	for _, c := range []struct{ lang, says, summary string }{
		{"zh", "showcase deploy: 发布前检查发现 3 处错误：请按上面的提示改正后再发布 (showcase check found 3 error(s): fix them before publishing)。没有发布任何文件 (nothing was published)\n",
			"检查完毕：共 3 处错误、"},
		{"en", "showcase deploy: showcase check found 3 error(s): fix them before publishing; nothing was published\n",
			"check: 3 error(s), "},
	} {
		out.Reset()
		errOut.Reset()
		if code := runDeploy([]string{"-s", site, "--target", target, "--lang", c.lang}, &out, &errOut); code != 1 ||
			!strings.HasSuffix(errOut.String(), c.says) || !strings.Contains(errOut.String(), c.summary) {
			t.Errorf("--lang %s: exit %d:\n%s", c.lang, code, errOut.String())
		}
	}
}

// TestNewAndImportMessages: what new prints, and import's refusal of
// --title for several files, in Chinese and with --lang en.
func TestNewAndImportMessages(t *testing.T) {
	chineseAfter(t)
	site := workflowSite(t)
	index := filepath.Join(site, "content", "news", "tui-jin-hui", "index.md")
	var out, errOut bytes.Buffer
	if code := runNew([]string{"news", "推进会", "-s", site}, &out, &errOut); code != 0 ||
		out.String() != "已创建 "+index+"\n下一步：编辑 "+index+"，填写各项说明；审核通过后把 review 改为 \"reviewed\"，再运行 showcase check -s "+site+"\n" {
		t.Errorf("exit %d:\n%s%s", code, out.String(), errOut.String())
	}
	if code := runImport([]string{"a.txt", "b.txt", "--title", "推进会", "-s", site}, &out, &errOut); code != 2 ||
		!strings.Contains(errOut.String(), "showcase import: --title 和 --slug 只能用于一篇稿件：请一次导入一个文件 (--title and --slug name one page: import one file at a time)\n") {
		t.Errorf("import: exit %d:\n%s", code, errOut.String())
	}
	out.Reset()
	errOut.Reset()
	index = filepath.Join(site, "content", "news", "tui-jin-hui-2", "index.md")
	if code := runNew([]string{"news", "推进会", "-s", site, "--lang", "en"}, &out, &errOut); code != 0 ||
		out.String() != "created "+index+"\nnext: edit "+index+" and fill in its fields; once reviewed, set review to \"reviewed\" and run showcase check -s "+site+"\n" {
		t.Errorf("exit %d:\n%s%s", code, out.String(), errOut.String())
	}
	if code := runNew([]string{"news", "推进会", "-s", t.TempDir()}, &out, &errOut); code != 1 ||
		!strings.Contains(errOut.String(), "has no site.toml: give the site folder with -s\n") || strings.Contains(errOut.String(), "找不到") {
		t.Errorf("new outside a site: exit %d:\n%s", code, errOut.String())
	}
}
