package build

import (
	"html/template"
	"path"
	"strings"

	"showcase/internal/content"
	"showcase/internal/lang"
	"showcase/internal/markdown"
	"showcase/internal/render"
)

// hooks gives the shortcodes of one page what they need of the build
// (render.PageHooks): its Markdown, its images, other pages' URLs.
type hooks struct{ x *expansion }

var _ render.PageHooks = hooks{}

// RenderString renders Markdown as part of the page: links resolved,
// images responsive; its problems are the running call's.
func (h hooks) RenderString(src string, block bool) (template.HTML, error) {
	x := h.x
	defer x.lineNotes(len(x.res.Notes))
	r := x.sc.md.Render([]byte(src), markdown.Doc{Resolver: x.res})
	for _, pr := range r.Problems {
		x.sc.errs.Errorf(x.page.File, x.fileLine(x.line), "%s", pr.Msg)
	}
	if block {
		return template.HTML(r.HTML), nil
	}
	return template.HTML(inline(r.HTML)), nil
}

// Image renders an image of the page as Markdown images are: a file of
// the pipeline becomes a responsive <picture>.
func (h hooks) Image(src, alt string) (template.HTML, error) {
	x := h.x
	defer x.lineNotes(len(x.res.Notes))
	if src == "" {
		return "", lang.Errorf("没有写图片地址（src）", "no image src")
	}
	out, err := x.res.RenderImage(src, alt, "", false, x.images)
	x.images++
	return template.HTML(out), err
}

// Link resolves a link as the page's Markdown links are.
func (h hooks) Link(dest string) (string, error) {
	defer h.x.lineNotes(len(h.x.res.Notes))
	return h.x.res.Link(dest)
}

// Ref finds the page a Hugo reference names and returns its URL.
func (h hooks) Ref(ref string, absolute bool) (string, error) {
	x := h.x
	target, frag, _ := strings.Cut(ref, "#")
	if frag != "" {
		frag = "#" + frag
	}
	p := x.page
	if target != "" {
		var err error
		if p, err = findPage(x.sc.ix, x.page, target); err != nil {
			return "", err
		}
	} else if !absolute {
		return frag, nil
	}
	base := x.sc.cfg.BasePath
	if absolute {
		base = x.sc.cfg.BaseURL
	}
	return base + p.Path + frag, nil
}

// findPage finds a page by Hugo reference: a path relative to the page's
// folder or, starting with "/", to content/; with or without ".md", or the
// folder of a bundle; or, without any "/", a page's file or bundle name
// alone when only one page has it.
func findPage(ix *content.Index, from *content.Page, ref string) (*content.Page, error) {
	var bases []string
	if strings.HasPrefix(ref, "/") {
		bases = []string{path.Join("content", ref)}
	} else {
		bases = []string{path.Join(path.Dir(from.File), ref), path.Join("content", ref)}
	}
	for _, b := range bases {
		for _, file := range []string{b, b + ".md", b + "/index.md", b + "/_index.md"} {
			if strings.HasSuffix(b, ".md") && file != b {
				continue
			}
			if p, ok := ix.Pages[file]; ok {
				return p, nil
			}
			if _, ok := ix.Hidden[file]; ok {
				return nil, lang.Errorf("ref 指向的页面 %[1]s 未发布（草稿、未到发布时间或已过期）", "ref %[2]q: %[1]s is not published (draft, future or expired)", file, ref)
			}
		}
	}
	if !strings.Contains(ref, "/") {
		name := strings.TrimSuffix(ref, ".md")
		var found []*content.Page
		for _, p := range ix.Published {
			if pageName(p.File) == name {
				found = append(found, p)
			}
		}
		if len(found) == 1 {
			return found[0], nil
		}
		if len(found) > 1 {
			return nil, lang.Errorf("ref %[1]q 对应多个页面（%[2]s、%[3]s 等），请写出文件夹，如 news/%[1]s.md",
				"ref %[1]q is ambiguous: %[2]s, %[3]s …", ref, found[0].File, found[1].File)
		}
	}
	return nil, lang.Errorf("ref 找不到页面 %[1]q，请写 content/ 下的路径，如 news/a.md", "ref %[1]q: no such page", ref)
}

// pageName is a page's file name without ".md", or its bundle's folder name.
func pageName(file string) string {
	base := strings.TrimSuffix(path.Base(file), ".md")
	if base == "index" || base == "_index" {
		return path.Base(path.Dir(file))
	}
	return base
}
