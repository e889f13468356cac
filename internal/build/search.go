package build

import (
	"showcase/internal/content"
	"showcase/internal/render"
)

// writeSearch writes the search index and the search page (issue 4; being written).
func writeSearch(s *content.Site, set *render.Set, out *output, opts Options, fail func(string, error)) {
}
