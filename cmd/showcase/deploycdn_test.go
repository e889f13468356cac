package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDeployCDNRefresh: after an edit, --dry-run lists the URLs the CDN
// refresh would get, and the deploy hands exactly those to the command of
// [deploy.targets.cdn], the edited page's folder URL among them.
func TestDeployCDNRefresh(t *testing.T) {
	chineseAfter(t)
	site := workflowSite(t)
	got := filepath.Join(t.TempDir(), "got.txt")
	target := "file://" + filepath.ToSlash(t.TempDir())
	conf, _ := os.ReadFile(filepath.Join(site, "site.toml"))
	conf = append(conf, []byte("\n[[deploy.targets]]\nname = \"www\"\nurl = \""+target+"\"\n"+
		"[deploy.targets.cdn]\nrefresh = \"cp {file} '"+got+"'\"\n")...)
	os.WriteFile(filepath.Join(site, "site.toml"), conf, 0o644)
	var out, errOut bytes.Buffer
	if code := runDeploy([]string{"-s", site}, &out, &errOut); code != 0 {
		t.Fatalf("first deploy: exit %d\n%s%s", code, out.String(), errOut.String())
	}
	if _, err := os.Stat(got); !os.IsNotExist(err) {
		t.Errorf("a first deploy replaces nothing, yet the command ran: %v", err)
	}

	page := filepath.Join(site, "content", "branches", "huanke-jiaoshi-zhibu", "index.md")
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(page, append(data, "\n补充一段。\n"...), 0o644)
	out.Reset()
	if code := runDeploy([]string{"-s", site, "--dry-run"}, &out, &errOut); code != 0 {
		t.Fatalf("dry run: exit %d\n%s%s", code, out.String(), errOut.String())
	}
	_, listing, ok := strings.Cut(out.String(), "发布后将刷新 CDN 上的 ")
	if !ok {
		t.Fatalf("the dry run does not list the CDN refresh:\n%s", out.String())
	}
	var planned []string
	for _, line := range strings.Split(listing, "\n")[1:] {
		if u, ok := strings.CutPrefix(line, "  "); ok {
			planned = append(planned, u)
		}
	}
	want := "https://www.example.edu.cn/dangjian/branches/huanke-jiaoshi-zhibu/"
	if !strings.Contains(strings.Join(planned, "\n")+"\n", want+"\n") {
		t.Errorf("the dry run's list lacks %s:\n%s", want, listing)
	}

	out.Reset()
	if code := runDeploy([]string{"-s", site}, &out, &errOut); code != 0 {
		t.Fatalf("deploy: exit %d\n%s%s", code, out.String(), errOut.String())
	}
	sent, err := os.ReadFile(got)
	if err != nil {
		t.Fatalf("the refresh command did not run: %v\n%s%s", err, out.String(), errOut.String())
	}
	if string(sent) != strings.Join(planned, "\n")+"\n" {
		t.Errorf("the command got\n%s\nthe dry run listed\n%s", sent, strings.Join(planned, "\n"))
	}
}
