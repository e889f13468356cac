package server

import (
	"path"
	"strings"
)

// Change is what a changed file of the site folder is to the preview: it
// decides whether a save needs a rebuild at all and, after the rebuild, how
// the open pages are refreshed.
type Change int

const (
	// Ignored files never cause a rebuild: editors' swap, backup and lock
	// files, hidden files, and everything outside the watched folders
	// (such as the deploy output public/).
	Ignored Change = iota
	// ContentPage is a Markdown page under content/.
	ContentPage
	// ContentFile is any other file under content/: a photo or an
	// attachment of a page bundle.
	ContentFile
	// Template is a file under layouts/: any page may change.
	Template
	// Static is a file under static/, copied into the site as it is.
	Static
	// Data is a file under data/, archetypes/ or i18n/ (a site's own
	// words for its layouts): the whole site is rebuilt.
	Data
	// Config is site.toml (or Hugo's hugo.* / config.*), or a file of
	// Hugo's configuration folders config/_default/ and
	// config/production/ (ConfigFolders): the whole site is rebuilt.
	Config
)

var changeNames = [...]string{"ignored", "content page", "content file", "template", "static", "data", "config"}

func (c Change) String() string {
	if c < 0 || int(c) >= len(changeNames) {
		return "unknown"
	}
	return changeNames[c]
}

// WatchedFolders are the folders of a site, watched recursively.
var WatchedFolders = []string{"content", "layouts", "static", "data", "archetypes", "i18n", "config"}

// ConfigFolders are Hugo's configuration folders (config.Folders), read
// when the site has no configuration file at its top. Other folders of
// config/ (Hugo's config/development/) are not read by a build.
var ConfigFolders = []string{"config/_default", "config/production"}

// ConfigFiles are the files at the top of a site folder that configure it
// (config.Files: site.toml, or Hugo's in TOML, YAML or JSON).
var ConfigFiles = []string{"site.toml", "hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
	"config.toml", "config.yaml", "config.yml", "config.json"}

// Classify tells what the file at rel (a slash path relative to the site
// folder, such as "content/news/a.md") is to the preview. It only looks at
// the name, so it also classifies files that were just removed.
func Classify(rel string) Change {
	rel = cleanSlash(rel)
	if rel == "." || rel == ".." || strings.HasPrefix(rel, "../") || strings.HasPrefix(rel, "/") {
		return Ignored
	}
	for _, part := range strings.Split(rel, "/") {
		if isEditorLitter(part) {
			return Ignored
		}
	}
	top, rest, nested := strings.Cut(rel, "/")
	if !nested {
		for _, name := range ConfigFiles {
			if top == name {
				return Config
			}
		}
		if isWatchedFolder(top) {
			// the folder itself appeared, vanished or was renamed
			return folderChange(top)
		}
		return Ignored
	}
	switch top {
	case "content":
		if strings.EqualFold(path.Ext(rest), ".md") {
			return ContentPage
		}
		return ContentFile
	case "layouts":
		return Template
	case "static":
		return Static
	case "data", "archetypes", "i18n":
		return Data
	case "config":
		for _, folder := range ConfigFolders {
			if rel == folder || strings.HasPrefix(rel, folder+"/") {
				return Config
			}
		}
	}
	return Ignored
}

// folderChange is the change of a whole watched folder.
func folderChange(top string) Change {
	switch top {
	case "content":
		return ContentFile
	case "layouts":
		return Template
	case "static":
		return Static
	case "config":
		return Config
	}
	return Data
}

func isWatchedFolder(name string) bool {
	for _, f := range WatchedFolders {
		if name == f {
			return true
		}
	}
	return false
}

// isEditorLitter reports the names editors and operating systems leave
// beside the files people edit: vim's .swp/.swx and its 4913 probe file,
// Emacs's #autosave# and .#lock, backup files ending in ~ or .bak, .tmp
// files of atomic saves, Word/WPS lock files ~$…, and hidden files such as
// .DS_Store (the build skips hidden files too).
func isEditorLitter(name string) bool {
	lower := strings.ToLower(name)
	switch {
	case name == "":
		return false
	case strings.HasPrefix(name, "."), strings.HasPrefix(name, "~$"), strings.HasPrefix(name, "#"),
		strings.HasSuffix(name, "~"), name == "4913",
		lower == "thumbs.db", lower == "desktop.ini":
		return true
	}
	for _, ext := range []string{".swp", ".swx", ".swo", ".tmp", ".temp", ".bak", ".part", ".crdownload"} {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return false
}

// cleanSlash is rel as a clean slash path ("content\\a.md" → "content/a.md").
func cleanSlash(rel string) string {
	return strings.TrimPrefix(path.Clean(strings.ReplaceAll(rel, "\\", "/")), "./")
}
