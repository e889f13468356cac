package render

import (
	"html"
	"strings"

	xhtml "golang.org/x/net/html"
)

// PlainText is the text of an HTML fragment without its markup, for
// summaries and search: entities decoded, the contents of <script>,
// <style> and <template> left out, white space runs made one space.
func PlainText(fragment string) string {
	if !strings.ContainsAny(fragment, "<&") {
		return strings.Join(strings.Fields(fragment), " ")
	}
	z := xhtml.NewTokenizer(strings.NewReader(fragment))
	var b strings.Builder
	skip := 0 // inside <script>, <style> or <template>
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return strings.Join(strings.Fields(b.String()), " ")
		case xhtml.TextToken:
			if skip == 0 {
				b.WriteString(html.UnescapeString(string(z.Raw())))
			}
		case xhtml.StartTagToken, xhtml.EndTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			switch {
			case tag == "script" || tag == "style" || tag == "template":
				if z.Token().Type == xhtml.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			case BlockTag(tag):
				b.WriteByte(' ') // inline tags join their text: <b>学深</b>悟透
			}
		}
	}
}

// BlockTag reports an element that stands as a block of its own (lower-case name).
func BlockTag(name string) bool { return blockTags[name] }

// blockTags are the elements whose text stands apart from what surrounds it.
var blockTags = map[string]bool{
	"iframe": true, "video": true, "audio": true, "canvas": true, "main": true, "address": true, "form": true,
	"fieldset": true, "caption": true, "thead": true, "tbody": true, "tfoot": true, "hgroup": true, "dialog": true,
	"center": true, "noscript": true, "menu": true, "script": true, "style": true, "textarea": true,
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "table": true, "tr": true, "td": true, "th": true,
	"figure": true, "figcaption": true, "section": true, "article": true, "aside": true, "blockquote": true,
	"pre": true, "details": true, "summary": true, "hr": true, "header": true, "footer": true, "nav": true,
}
