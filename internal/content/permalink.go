package content

import (
	"path"
	"strconv"
	"strings"

	"showcase/internal/config"
)

// wantedPath is the URL path a page asks for, before Place settles clashes:
// the url of its front matter, else its section's permalink pattern, else
// its folder and slug (pagePath); with uglyURLs a page is a file
// ("news/a.html"). Every segment is ASCII.
func wantedPath(p *Page, f *fields, cfg *config.Config) string {
	if p.Kind != KindPage || path.Base(p.File) == "_index.md" { // a nested section: its folder
		return sectionPath(p, cfg)
	}
	if u := f.str("url"); u != "" && !Remote(u) && !strings.Contains(u, "..") {
		if at := asciiURL(u, cfg.UglyURLs); at != "" {
			return at
		}
	}
	if pattern, ok := cfg.Permalinks[p.Section]; ok && p.Section != "" {
		if at := asciiURL(expand(pattern, p), cfg.UglyURLs); at != "" {
			return at
		}
	}
	return ugly(pagePath(p), cfg.UglyURLs)
}

// sectionPath is the URL path of a section's list: its pattern of
// [permalinks.section], else its folder.
func sectionPath(p *Page, cfg *config.Config) string {
	if pattern, ok := cfg.SectionPermalinks[p.Section]; ok && p.Kind == KindSection && p.File == "content/"+p.Section+"/_index.md" {
		if at := asciiURL(expand(pattern, p), false); at != "" {
			return at
		}
	}
	return pagePath(p)
}

// asciiURL makes a URL path written by hand ("/doc/Commands/hugo_new",
// "/2015/11/21/a.html") a path below the base: each segment in ASCII, a
// folder ("…/") unless it names a file; "" when nothing is left to spell.
func asciiURL(u string, uglyURLs bool) string {
	var parts []string
	for _, s := range strings.Split(path.Clean("/"+u), "/") {
		if s = segment(s); s != "" && s != "." {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	last := path.Base(strings.TrimRight(path.Clean("/"+u), "/"))
	if ext := strings.ToLower(path.Ext(last)); ext == ".html" || ext == ".htm" || ext == ".xml" {
		if stem := segment(strings.TrimSuffix(last, path.Ext(last))); stem != "" {
			parts[len(parts)-1] = stem + ext
			return strings.Join(parts, "/")
		}
	}
	return ugly(strings.Join(parts, "/")+"/", uglyURLs)
}

// ugly turns a folder URL into a file URL ("news/a/" → "news/a.html") for
// uglyURLs.
func ugly(p string, on bool) string {
	if !on || p == "" || !strings.HasSuffix(p, "/") {
		return p
	}
	return strings.TrimSuffix(p, "/") + ".html"
}

// expand fills in a permalink pattern for a page: :year, :month, :day,
// :monthname, :weekday, :weekdayname, :yearday of its date; :section,
// :sections (or :sections[1:], :sections[last]); :title; :slug (the title
// when there is none); :filename and :contentbasename (the file's name, or
// the bundle's folder); :slugorfilename, :slugorcontentbasename.
func expand(pattern string, p *Page) string {
	d := p.Date
	if d.IsZero() {
		d = p.PublishDate
	}
	return permalinkToken(pattern, func(name, index string) string {
		switch name {
		case "year":
			return strconv.Itoa(d.Year())
		case "month":
			return d.Format("01")
		case "monthname":
			return strings.ToLower(d.Month().String())
		case "day":
			return d.Format("02")
		case "weekday":
			return strconv.Itoa(int(d.Weekday()))
		case "weekdayname":
			return strings.ToLower(d.Weekday().String())
		case "yearday":
			return strconv.Itoa(d.YearDay())
		case "section":
			return segment(p.Section)
		case "sections":
			return pick(sectionDirs(p), index)
		case "title":
			return titleSegment(p)
		case "slug":
			if p.Slug != "" {
				return slugPath(p.Slug)
			}
			return titleSegment(p)
		case "filename", "contentbasename":
			return segment(baseName(p))
		case "slugorfilename", "slugorcontentbasename":
			if p.Slug != "" {
				return slugPath(p.Slug)
			}
			return segment(baseName(p))
		}
		return ""
	})
}

// permalinkToken replaces each :name or :name[index] of pattern by what
// value returns for it.
func permalinkToken(pattern string, value func(name, index string) string) string {
	var b strings.Builder
	for i := 0; i < len(pattern); {
		if pattern[i] != ':' {
			b.WriteByte(pattern[i])
			i++
			continue
		}
		j := i + 1
		for j < len(pattern) && (pattern[j] >= 'a' && pattern[j] <= 'z' || pattern[j] >= 'A' && pattern[j] <= 'Z') {
			j++
		}
		name, index := strings.ToLower(pattern[i+1:j]), ""
		if j < len(pattern) && pattern[j] == '[' {
			if k := strings.IndexByte(pattern[j:], ']'); k > 0 {
				index, j = pattern[j+1:j+k], j+k+1
			}
		}
		if name == "" {
			b.WriteByte(':')
			i++
			continue
		}
		b.WriteString(value(name, index))
		i = j
	}
	return strings.ReplaceAll(b.String(), "//", "/")
}

// sectionDirs are the ASCII folders of a page below content/, without the
// bundle's own folder.
func sectionDirs(p *Page) []string {
	rel := strings.TrimPrefix(p.File, "content/")
	if p.Bundle != "" {
		rel = strings.TrimPrefix(p.Bundle, "content/")
	}
	dir := path.Dir(rel)
	if dir == "." {
		return nil
	}
	parts := strings.Split(dir, "/")
	for i := range parts {
		parts[i] = segment(parts[i])
	}
	return parts
}

// pick applies a :sections index: "" for all, "last", "N", or "A:B".
func pick(parts []string, index string) string {
	if len(parts) == 0 {
		return ""
	}
	at := func(s string, def int) int {
		if s == "" {
			return def
		}
		if s == "last" {
			return len(parts) - 1
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			return def
		}
		return max(0, min(n, len(parts)))
	}
	switch {
	case index == "":
		return strings.Join(parts, "/")
	case strings.Contains(index, ":"):
		a, b, _ := strings.Cut(index, ":")
		from, to := at(a, 0), at(b, len(parts))
		if from >= to {
			return ""
		}
		return strings.Join(parts[from:to], "/")
	}
	i := at(index, 0)
	if i >= len(parts) {
		return ""
	}
	return parts[i]
}

// titleSegment is the title in ASCII, or the file's name for a title with
// nothing to spell.
func titleSegment(p *Page) string {
	if s := segment(p.Title); s != "" {
		return s
	}
	return segment(baseName(p))
}

// baseName is the page's file name without extension, or its bundle's
// folder name.
func baseName(p *Page) string {
	if p.Bundle != "" {
		return path.Base(p.Bundle)
	}
	return strings.TrimSuffix(path.Base(p.File), path.Ext(p.File))
}

// slugPath spells each segment of a slug ("cn/about") in ASCII.
func slugPath(s string) string {
	parts := strings.Split(strings.Trim(s, "/"), "/")
	var out []string
	for _, seg := range parts {
		if seg = segment(seg); seg != "" {
			out = append(out, seg)
		}
	}
	return strings.Join(out, "/")
}
