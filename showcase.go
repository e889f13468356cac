// Package showcase holds the default theme of the showcase site generator:
// this repository's layouts/ and static/, embedded in the binary, so a folder
// with only site.toml and content/ builds into a finished site. A site's own
// layouts/X or static/X replaces the embedded file of the same path.
//
// The command is cmd/showcase; the pipeline is internal/build.
package showcase

import (
	"embed"
	"io/fs"
)

//go:embed all:layouts all:static
var theme embed.FS

// Theme returns the embedded theme: layouts/… and static/….
func Theme() fs.FS { return theme }

//go:embed all:archetypes
var archetypes embed.FS

// Archetypes returns the default archetypes of "showcase new":
// archetypes/news.md, case.md, album.md, branch.md. A site's own
// archetypes/X replaces the embedded file of the same name.
func Archetypes() fs.FS { return archetypes }

// Version is the version printed by "showcase version".
const Version = "0.1.0"
