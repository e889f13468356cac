// Package markdown turns the Markdown body of one document into HTML, a
// table of contents, plain text and a summary. It knows nothing of pages
// or sites: whatever depends on the site (where a link to another .md file
// points) comes in through a Resolver.
//
// # Use
//
//	r := markdown.New(markdown.Options{})            // once; safe for concurrent use
//	res := r.Render(body, markdown.Doc{Resolver: rs, LineOffset: 5})
//	// res.HTML, res.TOC, res.Plain, res.Summary, res.Problems
//
// Render never panics and never fails: things wrong in the document are
// returned as Problems, each with the line in the source file
// (Doc.LineOffset is added to the line within the body).
//
// # Dialect
//
// CommonMark plus the GitHub extensions (tables, ~~strikethrough~~, bare
// URLs made into links, - [ ] task lists) and footnotes ([^1]). The
// typographer is off: quotes, dashes and ellipses stay as written, which
// matters for Chinese quotes “”. Raw HTML is omitted unless Options.Unsafe.
//
// Two rules differ from plain CommonMark, only for CJK text:
//
//   - Emphasis. CommonMark does not close `**真，**她` or open
//     `这是**“强调”**内容`, because its flanking rules treat full-width
//     punctuation like ASCII punctuation. The `*`, `_` and `~` parsers
//     here follow the "CommonMark CJK-friendly amendments": CJK
//     punctuation counts as an ordinary character, and a delimiter next
//     to other punctuation (“) still flanks if the character on its other
//     side is CJK. Text without CJK characters parses exactly as in
//     CommonMark; intraword `_` stays literal.
//   - Soft line breaks. A line break inside a paragraph disappears when
//     it joins two CJK characters, follows or precedes full-width
//     punctuation (，。！？；：”） etc.), or joins Chinese quotes to CJK
//     text; elsewhere (between Latin words, Korean) it stays a newline,
//     which browsers show as a space. Authors may thus wrap Chinese
//     paragraphs freely.
//
// # Headings
//
// Every heading gets an id from its text: lower-cased, whitespace turned
// into '-', letters and digits of any script kept, punctuation dropped.
// "## 一、主要做法" gets id "一主要做法"; a repeated title gets "-1", "-2"
// suffixes in document order. An explicit id, "## 标题 {#intro}", is kept
// and reserved before ids are generated. Result.TOC lists all headings
// (level, id, text); the template chooses which levels to show.
//
// # Links and images
//
// Doc.Resolver.Link and .Image see the destination of every [link](dest)
// and ![image](src), reference-style included, and return the URL to
// emit. An error is recorded as a Problem at the line of the link and the
// destination is left as written. Autolinks are not resolved.
//
// # Limits and unsafe addresses
//
// Before goldmark reads a body, CheckLimits refuses one over 512 KB or
// 20,000 lines, or of the shapes goldmark takes quadratic time or outsized
// memory on (10,000 [, 50,000 * _ ~, unclosed [text]( in long paragraphs,
// more than 32 quote and list markers opening a line, tables of more than
// 50,000 cells): the Result is one Problem with the line, and no HTML.
// A link, image, reference or autolink to a DangerousURL (javascript:,
// vbscript:, data: but pictures) is a Problem and is not rendered, with
// or without Options.Unsafe; only raw HTML is let through as written.
//
// # Plain text and summary
//
// Result.Plain is the rendered text without markup, for summaries and
// search: one line per block (paragraph, heading, list item, table cell,
// each line of a code block), inline text concatenated with soft breaks
// handled as in the HTML, blank lines dropped. Images, raw HTML and
// footnote reference markers contribute nothing; footnote texts come at
// the end. If the document contains the raw HTML comment <!--more--> (as a
// block or inline, not inside code), Result.Summary is the plain text
// before it.
package markdown
