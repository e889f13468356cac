package render

import (
	"path"
	"strings"
)

// Resource is a file of a page bundle, as Hugo's .Page.Resources lists it:
// enough for a shortcode to link or show it (no image processing; use
// responsiveImage for that).
type Resource struct {
	Name         string // relative to the bundle, "photos/a.jpg"
	RelPermalink string // with the base path
	Permalink    string
	ResourceType string // image, video, audio, text, application
}

// Title is the resource's name, as Hugo's default title.
func (r *Resource) Title() string { return r.Name }

// Resources are a page's bundle files: .Page.Resources.ByType "image",
// .Match "*.pdf", .GetMatch "cover.*", .Get "a.jpg".
type Resources []*Resource

// Resources lists the files of the page's bundle.
func (p *ShortcodePage) Resources() Resources {
	cfg := p.site.Config
	out := make(Resources, 0, len(p.Page.Resources))
	for _, name := range p.Page.Resources {
		out = append(out, &Resource{Name: name, RelPermalink: cfg.BasePath + p.Path + name,
			Permalink: cfg.BaseURL + p.Path + name, ResourceType: resourceType(name)})
	}
	return out
}

// ByType keeps the resources of one type ("image").
func (rs Resources) ByType(t any) Resources {
	var out Resources
	for _, r := range rs {
		if r.ResourceType == toString(t) {
			out = append(out, r)
		}
	}
	return out
}

// Match keeps the resources whose name matches a glob, ignoring case.
func (rs Resources) Match(pattern any) Resources {
	var out Resources
	for _, r := range rs {
		if ok, _ := path.Match(strings.ToLower(toString(pattern)), strings.ToLower(r.Name)); ok {
			out = append(out, r)
		}
	}
	return out
}

// GetMatch is the first resource Match keeps, or nil.
func (rs Resources) GetMatch(pattern any) *Resource {
	if m := rs.Match(pattern); len(m) > 0 {
		return m[0]
	}
	return nil
}

// Get is the resource of that name, or nil.
func (rs Resources) Get(name any) *Resource {
	for _, r := range rs {
		if strings.EqualFold(r.Name, toString(name)) {
			return r
		}
	}
	return nil
}

func resourceType(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif", ".heic", ".heif", ".bmp":
		return "image"
	case ".mp4", ".webm", ".mov", ".m4v":
		return "video"
	case ".mp3", ".m4a", ".ogg", ".wav":
		return "audio"
	case ".txt", ".md", ".csv", ".html":
		return "text"
	}
	return "application"
}
