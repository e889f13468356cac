// Package markdown turns the Markdown body of one document into HTML, a
// table of contents, plain text, a summary, and the links and anchors it
// saw. It knows nothing of pages
// or sites: whatever depends on the site (where a link to another .md file
// points) comes in through a Resolver.
//
// # Use
//
//	r := markdown.New(markdown.Options{})            // once; safe for concurrent use
//	res := r.Render(body, markdown.Doc{Resolver: rs, LineOffset: 5})
//	// res.HTML, res.TOC, res.Plain, res.Summary, res.Problems, res.Links, res.Anchors
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
// Every heading gets an ASCII id from its text (IDText), so that a link to
// it shared in a chat is not percent-encoded: lower-cased, whitespace
// turned into '-', Latin letters (without accents) and digits kept, Chinese
// characters spelled in toneless pinyin joined by '-', punctuation dropped.
// "## 一、主要做法" gets id "yi-zhu-yao-zuo-fa"; a repeated title gets "-1",
// "-2" suffixes in document order. The id such a heading had before ids
// were ASCII ("一主要做法", letters of any script kept) stays as an alias
// anchor, an empty <span id> at the heading's start, so that links made
// earlier still land; Result.Anchors lists both. An explicit id,
// "## 标题 {#intro}", is kept and reserved before ids are generated.
// Result.TOC lists all headings (level, id, text); the template chooses
// which levels to show.
//
// Document numbers and dates in text (〔2022〕15号, 2025年3月5日) are
// wrapped in <span class="nobr"> so that a line never breaks inside them;
// NoBreak does the same for text a layout shows.
//
// # Links and images
//
// Doc.Resolver.Link and .Image see the destination of every [link](dest)
// and ![image](src), reference-style included, and return the URL to
// emit. An error is recorded as a Problem at the line of the link and the
// destination is left as written. Autolinks are not resolved.
//
// Pictures are accepted as people write them when their file is there
// (the Resolver implements FileNamer): a file name with spaces,
// ![合影](主题 党日 合影.jpg), full-width marks, ！[合影]（合影.jpg） or
// ！【合影】（合影.jpg）, and a name differing from the file's in letter case
// or .jpg/.jpeg are rewritten to CommonMark before parsing, line numbers
// kept, code left alone. Such a picture whose file is not found stays
// text, and Result.Warnings says at its line how to write it, so raw
// Markdown is never published silently.
//
// The same pass reports what it saw, for the checks that come later
// (showcase check reads these and parses no Markdown of its own):
// Result.Links lists every link, autolink (bare URLs included, as Linkify
// made them) and picture in document order, each with its destination as
// written, its line in the file, the target the Resolver gave and its
// #fragment percent-decoded; Result.Anchors lists the ids a fragment can
// reach: heading IDs, footnotes ("fn:1", "fnref:1") and, with
// Options.Unsafe, the id attributes of raw HTML tags. Result.Outline
// gives both as an outline.Doc; package outline holds these types without
// the parser, so that packages keeping them do not import goldmark.
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
