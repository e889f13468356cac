package build

import (
	"showcase/internal/render"
)

// The language switcher: each output of a language links to its
// translations (an output of another language with the same key), or else
// to the other languages' home pages.
//
// A taxonomy's page is matched by the taxonomy's name, a term's page by
// the term's URL path within its language ("tags/r/"), as Hugo does: a
// term is a translation of another language's term only when both have
// the same path. A Chinese term (标签 "统计", with its ASCII path) and its
// English counterpart ("statistics", tags/statistics/) are not matched;
// their pages link to the other languages' home pages instead. Give both
// languages the same term (or the same ASCII path) to link them.

// jobKey is what an output has in common with its translations.
func jobKey(j job) string {
	switch {
	case j.kind == "alias" || j.data.Page == nil:
		return ""
	case j.kind == "404":
		return "404"
	case j.kind == "taxonomy" && j.data.Taxonomy != nil:
		return "taxonomy:" + j.data.Taxonomy.Plural
	case j.kind == "term" && j.data.Term != nil:
		return "term:" + j.data.Term.Path
	case j.kind == "showcase" || j.kind == "matrix":
		return j.kind + ":" + j.path
	}
	return j.data.Page.TranslationKey()
}

// linksFrom makes the language switcher of lg's outputs.
func linksFrom(lg *language, langs []*language) func(key string) []render.LangLink {
	return func(key string) []render.LangLink {
		links := make([]render.LangLink, 0, len(langs))
		for _, o := range langs {
			p, ok := o.paths[key]
			if !ok {
				p = ""
			}
			links = append(links, render.LangLink{Code: o.lang.Code, Name: o.lang.Name, HrefLang: o.lang.LanguageCode,
				URL: o.cfg.BasePath + p, Abs: o.cfg.BaseURL + p, Current: o == lg, Translated: ok,
				Default: o.lang.Code == lg.cfg.DefaultContentLanguage})
		}
		return links
	}
}

// translate gives a language's outputs their language links, and the
// breadcrumbs' fixed words the language's.
func (lb *langBuild) translate(jobs []job) {
	if lb == nil {
		return
	}
	for i := range jobs {
		j := &jobs[i]
		if j.kind == "alias" {
			continue
		}
		j.data.Languages = lb.links(jobKey(*j))
		if render.English(lb.code) {
			if j.kind == "404" {
				j.data.Title = render.T(lb.code, "notFound")
				j.data.Page.Title = j.data.Title
			}
			j.data.Crumbs = translateCrumbs(lb.code, j.data.Crumbs)
		}
	}
}

// translateCrumbs words the breadcrumb's fixed steps (首页, 正文, 页面未找到).
func translateCrumbs(code string, cs []render.Crumb) []render.Crumb {
	out := append([]render.Crumb(nil), cs...)
	for i := range out {
		switch out[i].Title {
		case "首页":
			out[i].Title = render.T(code, "home")
		case "正文":
			out[i].Title = render.T(code, "content")
		case "页面未找到":
			out[i].Title = render.T(code, "notFound")
		case "站内搜索":
			out[i].Title = render.T(code, "siteSearch")
		}
	}
	return out
}
