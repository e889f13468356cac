package deploy

import (
	"context"
	"net/url"
	"path/filepath"
	"testing"

	"showcase/internal/config"
)

// TestFolderOfURLWindows reads the file:// targets a Windows user writes.
func TestFolderOfURLWindows(t *testing.T) {
	for _, c := range []struct{ url, want string }{
		{"file:///D:/发布/网站", "D:/发布/网站"},
		{"file:///D:/宣传 资料/网站", "D:/宣传 资料/网站"},
		{"file:///d:/a%20b", "d:/a b"},
		{"file:///D:\\发布\\网站", "D:\\发布\\网站"},
		{"file://D:/发布/网站", "D:/发布/网站"},
		{"file://localhost/C:/www", "C:/www"},
		{"file://server/share/网站", "//server/share/网站"},
	} {
		u, err := url.Parse(c.url)
		if err != nil {
			t.Fatalf("%s: %v", c.url, err)
		}
		got, ok := folderOfURL(u.Host, u.Path, true)
		if !ok || got != c.want {
			t.Errorf("folderOfURL(%s) = %q, %v; want %q", c.url, got, ok, c.want)
		}
	}
}

func TestFolderOfURLUnix(t *testing.T) {
	if got, ok := folderOfURL("", "/mnt/www", false); !ok || got != "/mnt/www" {
		t.Errorf("file:///mnt/www = %q, %v", got, ok)
	}
	if _, ok := folderOfURL("server", "/www", false); ok {
		t.Error("file://server/www accepted off Windows")
	}
	if got, _ := folderOfURL("", "/D:/x", false); got != "/D:/x" {
		t.Errorf("file:///D:/x off Windows = %q, want the path as it is", got)
	}
}

func TestPlainFolder(t *testing.T) {
	for _, c := range []struct {
		s       string
		windows bool
		want    string
		ok      bool
	}{
		{`D:\发布\网站`, true, "D:/发布/网站", true},
		{`D:/发布/网站`, true, "D:/发布/网站", true},
		{`\\server\share\网站`, true, "//server/share/网站", true},
		{`D:发布`, true, "", false},
		{`学校服务器`, true, "", false},
		{`sftp://u@h/x`, true, "", false},
		{`/srv/www`, false, "/srv/www", true},
		{`学校服务器`, false, "", false},
	} {
		got, ok := plainFolder(c.s, c.windows)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("plainFolder(%q, %v) = %q, %v; want %q, %v", c.s, c.windows, got, ok, c.want, c.ok)
		}
	}
}

// TestFileURLOf: messages show the URL a user could paste back.
func TestFileURLOf(t *testing.T) {
	for folder, want := range map[string]string{
		"D:/发布/网站":       "file:///D:/发布/网站",
		"//server/share": "file://server/share",
		"/mnt/www":       "file:///mnt/www",
	} {
		if got := fileURLOf(folder); got != want {
			t.Errorf("fileURLOf(%q) = %q, want %q", folder, got, want)
		}
		u, _ := url.Parse(want)
		if back, _ := folderOfURL(u.Host, u.Path, folder[0] != '/' || folder[1] == '/'); back != folder {
			t.Errorf("%s reads back as %q", want, back)
		}
	}
}

// TestChooseTargetPlainFolder: --target /srv/www is a folder, not a name.
func TestChooseTargetPlainFolder(t *testing.T) {
	if onWindows {
		t.Skip("a Windows folder has a drive")
	}
	named := []config.DeployTarget{{Name: "学校服务器", URL: "sftp://u@h/x"}}
	got, err := ChooseTarget(named, "/srv/www")
	if err != nil || got.URL != "/srv/www" {
		t.Errorf("ChooseTarget(/srv/www) = %+v, %v", got, err)
	}
}

// TestOpenPlainFolder opens a folder written without file:// and as the
// file:// URL messages show (file:///C:/… on Windows).
func TestOpenPlainFolder(t *testing.T) {
	dir := scratchDir(t)
	want := fileURLOf(filepath.ToSlash(dir))
	for _, given := range []string{dir, want} {
		tg, err := Open(context.Background(), config.DeployTarget{URL: given}, Connect{})
		if err != nil {
			t.Fatal(err)
		}
		if tg.String() != want {
			t.Errorf("target %s opens %s, want %s", given, tg, want)
		}
	}
}
