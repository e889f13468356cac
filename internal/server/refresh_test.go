package server

import (
	"reflect"
	"strings"
	"testing"
)

func TestRefreshFor(t *testing.T) {
	const base = "/dangjian/"
	for _, tc := range []struct {
		name    string
		sources []string
		changed []string // Result.Changed; nil = unknown
		want    refresh
		events  string
	}{
		{"one page and its lists", []string{"content/news/a.md"},
			[]string{"news/a/index.html", "index.html", "index.xml", "search/ab.json", "sitemap.xml"},
			refresh{reload: []string{"/dangjian/", "/dangjian/news/a/"}}, "reload"},
		{"nothing changed", []string{"content/news/a.md"}, []string{}, refresh{}, ""},
		{"stylesheet only", []string{"static/css/site.css"}, []string{"css/site.css"},
			refresh{css: []string{"/dangjian/css/site.css"}, swapCSS: true}, "css"},
		{"stylesheet and a page", []string{"static/css/site.css", "content/a.md"}, []string{"css/site.css", "a/index.html"},
			refresh{reload: []string{"/dangjian/a/"}, css: []string{"/dangjian/css/site.css"}, swapCSS: true}, "css reload"},
		{"a photo: which pages show it is unknown", []string{"content/news/b/photo.jpg"}, []string{"news/b/photo.jpg", "news/b/index.html"},
			refresh{reloadAll: true}, "reload"},
		{"unknown result, css source", []string{"static/css/site.css"}, nil, refresh{swapCSS: true}, "css"},
		{"unknown result, template", []string{"layouts/baseof.html"}, nil, refresh{reloadAll: true}, "reload"},
		{"unknown result, everything", nil, nil, refresh{reloadAll: true}, "reload"},
		{"404 page", []string{"layouts/404.html"}, []string{"404.html"}, refresh{reload: []string{"/dangjian/404.html"}}, "reload"},
	} {
		got := refreshFor(tc.sources, Result{Changed: tc.changed}, base)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: refresh = %+v, want %+v", tc.name, got, tc.want)
		}
		var names []string
		for _, m := range got.messages("b-1") {
			names = append(names, m.event)
		}
		if strings.Join(names, " ") != tc.events {
			t.Errorf("%s: events %q, want %q", tc.name, names, tc.events)
		}
	}
}

func TestRefreshMessages(t *testing.T) {
	msgs := refresh{reloadAll: true}.messages("b-2")
	if len(msgs) != 1 || string(msgs[0].data) != `{"build":"b-2","files":null}` {
		t.Fatalf("reload all: %s", msgs[0].data)
	}
	msgs = refresh{reload: []string{"/x/"}}.messages("b-3")
	if string(msgs[0].encode()) != "event: reload\ndata: {\"build\":\"b-3\",\"files\":[\"/x/\"]}\n\n" {
		t.Fatalf("encoded: %q", msgs[0].encode())
	}
}

func TestPageURL(t *testing.T) {
	for f, want := range map[string]string{
		"index.html":          "/dangjian/",
		"news/a/index.html":   "/dangjian/news/a/",
		"404.html":            "/dangjian/404.html",
		"css/site.css":        "/dangjian/css/site.css",
		"news/index.xml":      "/dangjian/news/index.xml",
		"news\\b\\index.html": "/dangjian/news/b/",
	} {
		if got := PageURL("/dangjian/", f); got != want {
			t.Errorf("PageURL(%q) = %q, want %q", f, got, want)
		}
	}
}
