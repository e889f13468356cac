package server

import (
	"slices"
	"testing"

	"showcase/internal/config"
)

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		path string
		want Change
	}{
		{"content/news/a.md", ContentPage},
		{"content/news/A.MD", ContentPage},
		{"content/_index.md", ContentPage},
		{"content/news/bundle/photo.jpg", ContentFile},
		{"content/news/new-folder", ContentFile},
		{"content", ContentFile},
		{"layouts/baseof.html", Template},
		{"layouts/_partials/head.html", Template},
		{"layouts", Template},
		{"static/css/site.css", Static},
		{"data/members.toml", Data},
		{"archetypes/default.md", Data},
		{"site.toml", Config},
		{"hugo.toml", Config},
		{"config.toml", Config},
		{"config/_default/params.toml", Config},
		{"config/_default/languages.yaml", Config},
		{"config/production/hugo.toml", Config},
		{"config/_default", Config},
		{"config", Config},
		{"config/development/hugo.toml", Ignored}, // not read by a build
		{"config/_default/.params.toml.swp", Ignored},
		{"i18n/en.toml", Data},
		{"i18n", Data},
		{`content\news\a.md`, ContentPage}, // Windows separators
		{"./content/news/a.md", ContentPage},
		// editors' litter
		{"content/news/.a.md.swp", Ignored},
		{"content/news/a.md.swp", Ignored},
		{"content/news/a.md.swx", Ignored},
		{"content/news/a.md~", Ignored},
		{"content/news/#a.md#", Ignored},
		{"content/news/.#a.md", Ignored},
		{"content/news/a.md.tmp", Ignored},
		{"content/news/~$报告.docx", Ignored},
		{"content/news/4913", Ignored},
		{"content/news/.DS_Store", Ignored},
		{"content/news/Thumbs.db", Ignored},
		{"content/news/a.md.bak", Ignored},
		{"layouts/.git/HEAD", Ignored},
		{"static/.hidden/x.css", Ignored},
		{"site.toml~", Ignored},
		{".site.toml.swp", Ignored},
		// outside the watched parts
		{"public/index.html", Ignored},
		{"resources/_gen/x.png", Ignored},
		{"README.md", Ignored},
		{"public", Ignored},
		{"", Ignored},
		{".", Ignored},
		{"../content/a.md", Ignored},
		{"/etc/passwd", Ignored},
	} {
		if got := Classify(tc.path); got != tc.want {
			t.Errorf("Classify(%q) = %v, want %v", tc.path, got, tc.want)
		}
	}
}

func TestChangeString(t *testing.T) {
	if Template.String() != "template" || Change(99).String() != "unknown" {
		t.Errorf("String: %q %q", Template.String(), Change(99).String())
	}
}

// TestConfigFilesAgree: the preview watches every file a build reads its
// configuration from.
func TestConfigFilesAgree(t *testing.T) {
	if !slices.Equal(ConfigFiles, config.Files) {
		t.Errorf("server.ConfigFiles %v, config.Files %v", ConfigFiles, config.Files)
	}
	if !slices.Equal(ConfigFolders, config.Folders) {
		t.Errorf("server.ConfigFolders %v, config.Folders %v", ConfigFolders, config.Folders)
	}
}
