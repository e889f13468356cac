package config

import (
	"bytes"
	"path"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"showcase/internal/diag"
)

// Hugo's configuration folder, read when the site has no configuration
// file at its root: config/_default/ and, over it, config/production/
// (Hugo builds for production). Each file of a folder is a part of the
// configuration, by its name, as Hugo merges them:
//
//	hugo.toml, config.toml   the top level (baseURL, title, …)
//	params.toml              [params]; menus.toml (or menu.toml) [menus];
//	                         languages.toml [languages]; any other NAME.toml
//	                         the table NAME (markup.toml, permalinks.toml)
//	params.en.toml           [languages.en.params]; menus.en.toml its menus
//
// in TOML, YAML or JSON. A key set in two files takes the later file's
// value (production's over _default's); tables merge key by key.

// Folders are the folders of Hugo's configuration, in the order they are
// merged.
var Folders = []string{"config/_default", "config/production"}

// FolderFile is a file of a configuration folder.
type FolderFile struct {
	Name string // "config/_default/params.toml"
	Data []byte
}

// ParseFolder reads the files of Hugo's configuration folders into one
// configuration. Problems of a file name it; warnings of unknown keys name
// the folder (their line cannot be told once the files are merged).
func ParseFolder(files []FolderFile) (*Config, []*diag.Problem, error) {
	sort.SliceStable(files, func(i, j int) bool { return folderRank(files[i].Name) < folderRank(files[j].Name) })
	merged := map[string]any{}
	for _, f := range files {
		format := formatOf(f.Name)
		text := f.Data
		if format != "toml" {
			var err error
			if text, err = asTOML(f.Data, f.Name, format); err != nil {
				return nil, nil, err
			}
		}
		var m map[string]any
		if _, err := toml.Decode(string(text), &m); err != nil {
			return nil, nil, tomlProblem(f.Name, err)
		}
		merge(merged, placed(f.Name, m))
	}
	var buf bytes.Buffer
	if err := toml.NewEncoder(&buf).Encode(merged); err != nil {
		return nil, nil, diag.Errorf(Folders[0], 0, "%v", err)
	}
	return parse(buf.Bytes(), nil, Folders[0], "toml")
}

// folderRank orders _default's files before production's, the top-level
// file first in each.
func folderRank(name string) int {
	rank := 0
	if strings.HasPrefix(name, Folders[1]+"/") {
		rank = 2
	}
	if base := strings.ToLower(strings.TrimSuffix(path.Base(name), path.Ext(name))); base != "hugo" && base != "config" {
		rank++
	}
	return rank
}

// placed puts the table of a file where its name says.
func placed(name string, m map[string]any) map[string]any {
	base := strings.ToLower(strings.TrimSuffix(path.Base(name), path.Ext(name)))
	key, lang, _ := strings.Cut(base, ".")
	if key == "hugo" || key == "config" {
		return m
	}
	if key == "menu" {
		key = "menus"
	}
	if lang != "" {
		return map[string]any{"languages": map[string]any{lang: map[string]any{key: m}}}
	}
	return map[string]any{key: m}
}

// merge puts src into dst: tables key by key, anything else replaced.
func merge(dst, src map[string]any) {
	for k, v := range src {
		if sm, ok := v.(map[string]any); ok {
			if dm, ok := dst[k].(map[string]any); ok {
				merge(dm, sm)
				continue
			}
		}
		dst[k] = v
	}
}
