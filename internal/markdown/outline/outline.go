// Package outline holds what package markdown reports about a document
// for later stages to keep and check: its headings, the anchors a link's
// #fragment can reach, and its links and pictures with their lines. It
// imports nothing, so that content (which keeps a page's headings) and
// check (which checks its links) do not pull in the Markdown parser.
//
// Package markdown fills these in one pass, the pass that makes the HTML:
// what check sees is what the build published.
package outline

// Heading is one entry of the table of contents.
type Heading struct {
	Level int    // 1 to 6
	ID    string // the id attribute in the HTML
	Text  string // the heading's text without markup
}

// Link is a link, autolink or picture written in a document.
type Link struct {
	Image bool // a picture, ![alt](src)
	Auto  bool // an autolink, <https://…> or a bare URL; never resolved
	// Dest is the destination as written: "../news/b.md#一主要做法",
	// "www.example.edu.cn" for a bare URL.
	Dest string
	// Text is the link text or the picture's alt text, without markup
	// and trimmed.
	Text string
	// Line is the line of the file where the link starts (the front
	// matter counted), 1-based.
	Line int
	// Target is where the link goes: the URL the resolver gave
	// ("/dangjian/news/b/#一主要做法"), or Dest when there is none. It is
	// "" when the resolver failed (the failure is a Problem of the
	// render) and for pictures an ImageRenderer rendered.
	Target string
	// Fragment is the part of Dest after '#', percent-decoded
	// ("一主要做法"); "" when there is none.
	Fragment string
}

// Doc is what one Markdown pass saw in a document: its links and pictures
// in document order, and the anchors it defines.
type Doc struct {
	Links []Link
	// Anchors are the ids of the rendered HTML that a #fragment can
	// reach: heading IDs (generated or written {#id}), footnotes
	// ("fn:1", "fnref:1") and, when raw HTML is let through, the id
	// attributes written in it.
	Anchors []string
}

// HasAnchor reports whether the document defines the anchor id.
func (d Doc) HasAnchor(id string) bool {
	for _, a := range d.Anchors {
		if a == id {
			return true
		}
	}
	return false
}
