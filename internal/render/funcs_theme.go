package render

import (
	"html/template"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"showcase/internal/config"
	"showcase/internal/markdown"
)

// The template functions of the photo-forward, phone-first theme:
//
//	photo .Page            the page's picture for lists and shares: its cover,
//	                       else its first album photo, else the first photo of
//	                       its bundle its Markdown shows, else ""
//	photoPages 4 .Site.Pages   the first n pages that have a photo
//	pageQR .Canonical      a QR code of a page's address: .Src .Width .Height,
//	                       .SrcAttr (src="…", for <img {{ .SrcAttr }}>)
//	nobr .Page.Title       the text as HTML, document numbers (〔2022〕15号)
//	                       and dates kept on one line
//	hangs .Title           whether the text opens with a full-width mark (“《（)
//	                       whose blank half would look like an indent
//	digits "示公网安备 1101号"  the digits of a text: "1101"
//	unverified "五个到位"   whether site.toml's [params] unverified_criteria
//	                       names the set: its wording is not shown
func themeFuncs(cfg *config.Config) template.FuncMap {
	return template.FuncMap{
		"photo":      pagePhoto,
		"photoPages": photoPages,
		"pageQR": func(url string) (*QRImage, error) {
			return QR(url, "medium", 3)
		},
		"nobr": func(s string) template.HTML { return template.HTML(markdown.NoBreak(s)) },
		"hangs": func(s string) bool {
			r, _ := utf8.DecodeRuneInString(s)
			return strings.ContainsRune("“‘《〈（〔【「『［", r)
		},
		"digits": func(s string) string {
			return strings.Map(func(r rune) rune {
				if r < unicode.MaxASCII && unicode.IsDigit(r) {
					return r
				}
				return -1
			}, s)
		},
		"unverified": func(set string) bool { return unverifiedSet(cfg, set) },
	}
}

// pagePhoto is the page's picture: its cover, else its first album photo,
// else the first photo its Markdown shows that is a file of its bundle.
func pagePhoto(v *pageView) string {
	if v == nil {
		return ""
	}
	if v.Cover != "" {
		return v.Cover
	}
	if len(v.Photos) > 0 {
		return v.Photos[0].Src
	}
	return bodyPhoto(v)
}

// bodyImage matches an image of Markdown at the start of its input:
// ![alt](src) and {{< figure src="…" >}}.
var bodyImage = regexp.MustCompile(`^(?:!\[[^\]]*\]\(\s*<?([^)\s>]+)|\{\{[<%]\s*figure\b[^}]*?\bsrc="([^"]+)")`)

// bodyImages are the sources of the images of Markdown, in order. Only
// where "![" or "{{" starts is the pattern tried: running it over every
// byte of every page was a tenth of a site's build.
func bodyImages(body []byte) []string {
	var srcs []string
	for i := 0; i+1 < len(body); i++ {
		if c := body[i]; !(c == '!' && body[i+1] == '[' || c == '{' && body[i+1] == '{') {
			continue
		}
		m := bodyImage.FindSubmatchIndex(body[i:])
		if m == nil {
			continue
		}
		var src string
		if m[2] >= 0 {
			src = string(body[i+m[2] : i+m[3]])
		} else {
			src = string(body[i+m[4] : i+m[5]])
		}
		srcs = append(srcs, src)
		i += m[1] - 1
	}
	return srcs
}

// bodyPhoto is the first image the page's Markdown shows that is a photo
// of its bundle (so that the pipeline has it). Only a page whose bundle
// holds photos has its body read (and recorded).
func bodyPhoto(v *pageView) string {
	photos := map[string]bool{}
	for _, r := range v.Resources {
		switch strings.ToLower(path.Ext(r)) {
		case ".jpg", ".jpeg", ".png", ".gif", ".heic", ".heif":
			photos[r] = true
		}
	}
	if len(photos) == 0 {
		return ""
	}
	for _, src := range bodyImages(v.Body()) {
		if photos[strings.TrimPrefix(src, "./")] {
			return src
		}
	}
	return ""
}

// photoPages returns the first n pages that have a photo.
func photoPages(n int, pages []*pageView) []*pageView {
	var out []*pageView
	for _, p := range pages {
		if len(out) == n {
			break
		}
		if pagePhoto(p) != "" {
			out = append(out, p)
		}
	}
	return out
}

// unverifiedSet reports whether [params] unverified_criteria names a
// criteria set: its items' wording is not verified against the ministry's
// documents, and the site shows them by number only.
func unverifiedSet(cfg *config.Config, set string) bool {
	switch v := cfg.Params["unverified_criteria"].(type) {
	case string:
		return v == set
	case []any:
		for _, s := range v {
			if s == set {
				return true
			}
		}
	case []string:
		for _, s := range v {
			if s == set {
				return true
			}
		}
	}
	return false
}

// criterionName is the wording of a criteria item, or, when its set's
// wording is unverified, its set and number: "五个到位第1条".
func criterionName(cfg *config.Config, id string) string {
	set, it, ok := cfg.Criterion(id)
	if !ok {
		return id
	}
	if !unverifiedSet(cfg, set.Name) {
		return it.Name
	}
	for i, x := range set.Items {
		if x.ID == id {
			return set.Name + "第" + strconv.Itoa(i+1) + "条"
		}
	}
	return id
}
