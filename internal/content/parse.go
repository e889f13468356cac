package content

import (
	"path"
	"strings"

	"showcase/internal/config"
	"showcase/internal/diag"
)

// ParsePage decodes one content file. file is its path from the site root
// ("content/news/a.md"). Every problem found is returned, each with its line.
func ParsePage(file string, data []byte, cfg *config.Config) (*Page, []*diag.Problem) {
	fail := func(p *diag.Problem) []*diag.Problem { p.File = file; return []*diag.Problem{p} }
	if p := checkPageSize(data); p != nil {
		return nil, fail(p)
	}
	data, err := Normalize(data)
	if err != nil {
		return nil, fail(err.(*diag.Problem))
	}
	src, err := splitLenient(data)
	if err != nil {
		return nil, fail(err.(*diag.Problem))
	}
	m, warnings, err := decodeLenient(src)
	if err != nil {
		return nil, fail(err.(*diag.Problem))
	}
	f := &fields{src: src, m: m, warnings: &warnings}
	p := &Page{File: file, src: src, Body: src.Body, BodyLine: src.BodyLine, Params: map[string]any{}}
	placePage(p)

	p.Title = f.text("title")
	p.Subtitle = f.text("subtitle")
	p.Date = f.date("date")
	p.Lastmod = f.date("lastmod")
	p.PublishDate = f.date("publishDate")
	p.ExpiryDate = f.date("expiryDate")
	p.Draft = f.boolean("draft")
	p.Weight = f.integer("weight")
	p.Slug = strings.Trim(f.str("slug"), "/")
	p.Aliases = f.list("aliases")
	p.Summary = f.text("summary")
	p.Review = f.str("review")
	if p.Review != "" && p.Review != ReviewDraft && p.Review != ReviewDone {
		f.fail("review", "review 只能写 %[1]q（待审）或 %[2]q（已审），现在写的是 %[3]q", "review must be %[1]q or %[2]q, not %[3]q", ReviewDraft, ReviewDone, p.Review)
	}
	p.Criteria = f.list("criteria")
	p.Cover = f.str("cover")
	p.CoverAlt = firstNonEmpty(f.str("cover_alt"), f.str("coverAlt"))
	p.Byline = Byline{
		Author:       firstNonEmpty(f.name("author"), f.name("writer")),
		Photographer: f.name("photographer"),
		Reviewers:    append(f.list("reviewer"), f.list("reviewers")...),
		Editor:       f.name("editor"),
		Source:       f.name("source"),
	}
	p.Terms = map[string][]string{}
	for _, t := range cfg.Taxonomies {
		if terms := f.list(t.Plural); len(terms) > 0 {
			p.Terms[t.Plural] = terms
		}
	}
	for _, k := range sortedKeys(m) {
		if k != "params" {
			p.Params[k] = m[k]
		}
	}
	params := f.sub("params")
	if params != nil {
		for k, v := range params.m {
			p.Params[k] = v
		}
	}
	if p.Section == config.BranchTaxonomy && p.Kind == KindPage {
		p.Profile = readProfile(f, params)
	}
	p.Photos = readPhotos(f)
	p.Unknown = unknownKeys(src, m, cfg)
	checkPath(f, "slug", p.Slug, false)
	for _, a := range p.Aliases {
		checkPath(f, "aliases", a, true)
	}
	if !Remote(p.Cover) {
		checkPath(f, "cover", p.Cover, true)
	}
	p.Path = wantedPath(p, f, cfg)
	for _, pr := range f.problems {
		pr.File = file
	}
	for _, w := range warnings {
		w.File = file
	}
	p.Warnings = warnings
	return p, f.problems
}

// placePage sets Kind, Section and Bundle from the file's place under content/.
func placePage(p *Page) {
	rel := strings.TrimPrefix(p.File, "content/")
	dir, base := path.Split(rel)
	dir = strings.TrimSuffix(dir, "/")
	if first, _, _ := strings.Cut(rel, "/"); strings.Contains(rel, "/") {
		p.Section = first
	}
	switch base {
	case "_index.md":
		switch {
		case dir == "":
			p.Kind = KindHome
		case !strings.Contains(dir, "/"):
			p.Kind = KindSection
		default:
			// a nested section of a Hugo site (content/cn/kids/_index.md):
			// sections are top-level folders here, so it is a page of its
			// section, at its folder's URL, with the folder's files
			p.Kind = KindPage
			p.Bundle = "content/" + dir
		}
	case "index.md":
		p.Kind = KindPage
		p.Bundle = "content/" + dir
		if dir == "" {
			p.Kind = KindHome
			p.Bundle = ""
		}
	default:
		p.Kind = KindPage
	}
}

func readProfile(f, params *fields) *Profile {
	pick := func(key string) *fields {
		if params != nil {
			if _, ok := params.lookup(key); ok {
				return params
			}
		}
		return f
	}
	return &Profile{
		Kind:      pick("kind").str("kind"),
		Level:     pick("level").str("level"),
		Year:      pick("year").integer("year"),
		Batch:     pick("batch").str("batch"),
		DocNo:     pick("doc_no").str("doc_no"),
		Status:    pick("status").str("status"),
		College:   pick("college").str("college"),
		Secretary: pick("secretary").str("secretary"),
		Brand:     pick("brand").str("brand"),
		Members:   pick("members").integer("members"),
		Honours:   pick("honours").list("honours"),
	}
}

// readPhotos reads Hugo-style [[resources]] (src, title, params.photographer)
// or a simple photos = [{src, caption, photographer}] list.
func readPhotos(f *fields) []Photo {
	var out []Photo
	for _, key := range []string{"resources", "photos"} {
		v, ok := f.lookup(key)
		if !ok {
			continue
		}
		items, ok := v.([]any)
		if !ok {
			if maps, isMaps := v.([]map[string]any); isMaps {
				for _, m := range maps {
					items = append(items, m)
				}
			} else {
				f.fail(key, "%[1]s 应写成照片列表，每张一个 [[%[1]s]]，下面写 src 和 title", "%[1]s must be a list of tables with src and title", key)
				continue
			}
		}
		for _, it := range items {
			m, ok := it.(map[string]any)
			if !ok {
				f.fail(key, "%[1]s 应写成照片列表，每张一个 [[%[1]s]]，下面写 src 和 title", "%[1]s must be a list of tables with src and title", key)
				break
			}
			sf := &fields{src: f.src, m: m}
			ph := Photo{Src: sf.str("src"), Caption: firstNonEmpty(sf.str("caption"), sf.str("title")), Photographer: sf.str("photographer")}
			if ps := sf.sub("params"); ps != nil {
				ph.Photographer = firstNonEmpty(ph.Photographer, ps.str("photographer"))
				ph.Caption = firstNonEmpty(ph.Caption, ps.str("caption"))
			}
			f.problems = append(f.problems, sf.problems...)
			if ph.Src == "" {
				f.fail(key, "%[1]s 中有一张照片没写 src（照片文件名）", "%[1]s: an entry has no src", key)
				continue
			}
			checkPath(f, key, ph.Src, false)
			out = append(out, ph)
		}
	}
	return out
}

// checkPath refuses a path that could escape the site: "..", a backslash,
// a URL, or (unless rooted is allowed) an absolute path. A slug may hold
// "/": its segments are folders below the section, as in Hugo.
func checkPath(f *fields, key, p string, rooted bool) {
	if p == "" {
		return
	}
	bad := strings.Contains(p, "\\") || strings.Contains(p, "://")
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." {
			bad = true
		}
	}
	if strings.HasPrefix(p, "/") && !rooted {
		bad = true
	}
	if bad {
		f.fail(key, "%[1]s 写的路径 %[2]q 越出了网站文件夹；请只写本站内的路径，不要用 ..、反斜杠 \\ 或网址", "%[1]s %[2]q must stay inside the site: no \"..\", no backslash, no URL", key, p)
	}
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
