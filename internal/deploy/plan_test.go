package deploy

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"showcase/internal/config"
)

func TestStageOf(t *testing.T) {
	for name, want := range map[string]Stage{
		"img/a.jpg":               Assets,
		"css/site.css":            Assets,
		"js/search.js":            Assets,
		"fonts/a.woff2":           Assets,
		"search/shard-3f.json":    Assets,
		"downloads/通知.pdf":        Assets,
		"index.html":              Pages,
		"news/a/index.HTML":       Pages,
		"index.xml":               Indexes,
		"sitemap.xml":             Indexes,
		"robots.txt":              Indexes,
		"search/manifest.json":    Indexes,
		"search/manifest.3f.json": Indexes,
	} {
		if got := StageOf(name); got != want {
			t.Errorf("StageOf(%q) = %s, want %s", name, got, want)
		}
	}
}

func TestChooseTarget(t *testing.T) {
	one := []config.DeployTarget{{Name: "campus", URL: "sftp://web@www.example.edu.cn/var/www/dangjian"}}
	two := append(one, config.DeployTarget{Name: "mirror", URL: "file:///mnt/www/dangjian"})
	for _, c := range []struct {
		targets []config.DeployTarget
		want    string
		url     string // "" when an error is expected
		err     string
	}{
		{one, "", one[0].URL, ""},
		{two, "mirror", "file:///mnt/www/dangjian", ""},
		{two, "", "", "choose one with --target NAME"},
		{nil, "", "", "no deploy target"},
		{one, "sftp://u@h/x", "sftp://u@h/x", ""},
		{one, "nosuch", "", `no deploy target named "nosuch"`},
	} {
		got, err := ChooseTarget(c.targets, c.want)
		if c.url != "" && (err != nil || got.URL != c.url) {
			t.Errorf("ChooseTarget(%q) = %q, %v; want %q", c.want, got.URL, err, c.url)
		}
		if c.url == "" && (err == nil || !strings.Contains(err.Error(), c.err)) {
			t.Errorf("ChooseTarget(%q): want an error with %q, got %v", c.want, c.err, err)
		}
	}
}

func TestOpenRefusesBadURLs(t *testing.T) {
	for url, says := range map[string]string{
		"ftp://host/www":             "use sftp://user@host/path or file:///path",
		"sftp://host/www":            "user@host",
		"sftp://web@host/":           "name the site's folder",
		"sftp://web:secret@host/www": "do not write a password",
		"file://server/share":        "file:///",
		"file:relative/path":         "absolute path",
		"file://" + filepath.ToSlash(t.TempDir()) + "/nope": "create it",
	} {
		_, err := Open(context.Background(), config.DeployTarget{URL: url}, Connect{Agent: "-"})
		if err == nil || !strings.Contains(err.Error(), says) {
			t.Errorf("Open(%s): want an error saying %q, got %v", url, says, err)
		}
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("Open(%s): the password leaked into %v", url, err)
		}
	}
}

// TestDamagedFiles: a manifest or journal naming a path outside the site is
// refused (a hostile or broken manifest must not delete ../../etc), a torn
// journal line is skipped.
func TestDamagedFiles(t *testing.T) {
	root := t.TempDir()
	tg, _ := openFolder(root)
	mustWrite(t, filepath.Join(root, ManifestName), `{"version":1,"files":{"../outside.html":{"size":1,"sha256":"00"}}}`)
	if _, err := readManifest(tg); err == nil || !strings.Contains(err.Error(), "not a path inside the site") {
		t.Errorf("want the bad path refused, got %v", err)
	}
	mustWrite(t, filepath.Join(root, JournalName), `{"op":"start","host":"h","pid":1,"run":"ab"}
{"op":"put","path":"a.html","size":3,"sha256":"x"}
{"op":"done","path":"a.html"}
{"op":"put","path":"b.ht`)
	j, err := readJournal(tg)
	if err != nil || len(j.puts) != 1 || !j.done["a.html"] || j.by.Run != "ab" {
		t.Errorf("torn journal: %+v, %v", j, err)
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 1023: "1023 B", 1536: "1.5 KB", 5 << 20: "5.00 MB", 3 << 30: "3.00 GB"} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestTargetOverlappingTheBuild: publishing a folder into itself (or into a
// folder inside it) is refused before anything is read or written.
func TestTargetOverlappingTheBuild(t *testing.T) {
	dir := site{"index.html": "<h1>首页</h1>"}.write(t)
	for _, root := range []string{dir, filepath.Dir(dir), filepath.Join(dir, "sub")} {
		mustWrite(t, filepath.Join(dir, "sub", "keep"), "")
		tg, err := openFolder(root)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Deploy(context.Background(), tg, Options{Source: dir}); err == nil || !strings.Contains(err.Error(), "overlap") {
			t.Errorf("deploying %s into %s: want an overlap error, got %v", dir, root, err)
		}
	}
}
