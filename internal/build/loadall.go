package build

import (
	"io/fs"
	"time"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/diag"
	"showcase/internal/markdown"
	"showcase/internal/markdown/outline"
)

// LoadAll reads every page of a site for "showcase check": drafts, future
// and expired pages too, so that check can speak of them. Unlike Load it
// does not stop at errors: a page that does not parse is left out (Load
// reports it), and links are resolved as if every page were published
// (Load reports links to pages that are not).
//
// Each page's Markdown is rendered once, by the renderer and the link
// resolver a build uses; docs holds, by page file ("content/news/a.md"),
// what that pass saw: the links and pictures, each with its line, target
// and fragment, and the anchors the page defines. check reads these and
// parses no Markdown of its own.
func LoadAll(site fs.FS, cfg *config.Config, now time.Time) (s *content.Site, docs map[string]outline.Doc) {
	var ignored diag.List
	tree := content.Load(site, cfg, &ignored)
	content.Place(tree.Pages, &ignored, false)
	ix := content.NewIndex(cfg.BasePath, tree.Pages, nil, tree.Files)
	md := markdown.New(markdown.Options{Unsafe: cfg.Unsafe})
	docs = make(map[string]outline.Doc, len(tree.Pages))
	for _, p := range tree.Pages {
		res := md.Render(p.Body, markdown.Doc{Resolver: ix.Resolver(p), LineOffset: p.BodyLine - 1})
		setRendered(p, res)
		docs[p.File] = res.Outline()
	}
	s = content.Assemble(cfg, tree.Pages, now, &ignored)
	s.Files = ix.Files
	return s, docs
}
