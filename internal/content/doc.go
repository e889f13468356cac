// Package content is the site's content model: it reads content/ into
// pages, places them at URLs, and assembles sections, taxonomies, the
// branch showcase and pagination. Templates read what it assembles
// (Site, Page); it knows nothing of HTML, files on disk or the preview.
//
// # Files
//
// Every Markdown file under content/ is a page. Where it sits says what it
// is (Hugo's rules):
//
//	content/_index.md              the home page (KindHome)
//	content/news/_index.md         a section's list page (KindSection)
//	content/news/a.md              a page (KindPage) at /news/a/
//	content/news/b/index.md        a page bundle: the folder's other files
//	                               (photos, attachments) are its resources
//	content/branches/x/index.md    a branch or department profile (Profile)
//
// The first folder is the page's section. Files and folders starting with
// "." and what editors and systems leave behind (~$ locks, backups,
// Thumbs.db) are ignored (Ignored), and so is what the configuration's
// ignoreFiles matches. As in Hugo, every other Markdown file below a folder
// with index.md is a resource of that page (a warning says so), and a
// deeper _index.md (content/cn/kids/_index.md) is a page at its folder's
// URL: sections are top-level folders. A file must be UTF-8; a byte-order mark and CRLF line ends are
// accepted, a GBK file is refused at the line of its first bad byte
// (Normalize).
//
// # Front matter
//
// A page starts with front matter: TOML between "+++" lines, YAML
// between "---" lines, or a JSON object at the very start of the file
// (Split, Decode). Keys are case-insensitive, as in
// Hugo. Every problem is reported with the key's line (Page.KeyLine),
// all of them at once. The keys the build reads (Keys lists them, with the
// same meanings):
//
//	title         text        标题
//	subtitle      text        副标题
//	date          date        发布日期和时间; 2025-10-26, 2025-10-26 09:30 or
//	                          RFC 3339; without a zone it is Beijing time
//	lastmod       date        最后修改时间
//	publishDate   date        定时发布: not published before it
//	expiryDate    date        过期时间: not published after it
//	draft         true/false  草稿: not published (but with -D, and in the preview)
//	weight        number      排序权重: lower first in lists
//	slug          text        the URL's last segment (a-z, 0-9, -), instead of
//	                          the file or folder name; "cn/about" is a path
//	                          below the section (or the site), as in Hugo
//	url           text        the page's whole URL path ("/doc/commands/"),
//	                          as in Hugo
//	aliases       list        old URLs that redirect here
//	summary       text        摘要 for lists and feeds; else the text before
//	                          <!--more-->, else the start of the body
//	review        text        审核状态: "draft" (待审) or "reviewed" (审核通过)
//	criteria      list        对标条目 ids from site.toml's criteria sets
//	cover         text        封面: a file of the bundle, /path under static/
//	                          (or, failing that, in the page's folder), or
//	                          another site's https://… (shown as it is)
//	cover_alt     text        封面照片说明 (alt text); coverAlt is read too
//	author        text        通讯员 / 撰稿; writer is read too
//	photographer  text        摄影
//	reviewer      list        审核人 (a single text is a list of one); reviewers too
//	signoffs      list        审核签署 "初审 钱锐 2026-12-03T10:00:00+08:00", one per
//	                          [review] stage, written by the editor (internal/newsroom)
//	editor        text        编辑
//	source        text        来源
//	resources     list        album photos, Hugo's form: src, title (the caption),
//	                          params.photographer
//	photos        list        album photos, short form: src, caption, photographer
//	params        table       anything else templates read; a profile's fields
//	                          may sit here
//	menu          text/table  Hugo's: "main" (or {main: {weight: 2, name: …}})
//	                          puts the page in the main menu (ResolveMenu)
//	translationKey text       Hugo's: pages of two languages with the same
//	                          key are translations (TranslationKey)
//
// A branch or department profile (content/branches/NAME/index.md) also
// reads, at the top or under [params]: kind (样板支部 / 标杆院系 / 示范高校),
// level (全国 / 省级 / 校级), year (number), batch, doc_no (立项文号), status
// (建设阶段), college, secretary, brand, members (number) and honours
// (list).
//
// Each taxonomy of site.toml (tags, categories, branches, …) is a list key
// of its plural name. Every other key is kept in Page.Params for templates.
// A key that looks like a slip for a known one (photografer, titel, tag,
// 摄影) is reported as an UnknownKey, since its value would silently vanish.
//
// # From files to a site
//
// Load parses every file in parallel into a Tree. ParsePage reads what
// Hugo sites write as Hugo reads it, with a warning (Page.Warnings): YAML
// 1.1 booleans (draft: yes), a key written twice (the last wins), blank
// lines before the front matter, an author given as a table. Each page
// asks for a URL path (URLPath): its url, else its section's permalink
// pattern (the configuration's [permalinks]: :year, :month, :day,
// :section, :sections, :title, :slug, :filename, :contentbasename, …),
// else its folder and slug or file name, all in ASCII (pinyin for
// Chinese); a file "a.html" with uglyURLs. Place gives each page that
// path; the second of two pages at one URL gets a suffix and a warning (an
// error when strict), an alias that is a page's URL is left out. NewIndex
// maps files to pages, and its Resolver turns the links and images of a
// page's Markdown into URLs; what it publishes as Hugo would but an author
// should hear of (an e-mail address made mailto:, a destination that is no
// URL, a link that leads nowhere) it notes (LinkNote) for the build to
// report at the link's line.
// Assemble then builds the Site: sections, taxonomies and their terms,
// the branch showcase (profiles, the evidence for each criterion, facets,
// the matrix), previous and next pages, related pages. Paginate splits
// any list into pages of Pager.
//
// Pages are values a caller may change in place (an incremental build
// gives a page the fields of a newer parse of its file): Page.AssemblesLike
// says whether the change leaves the assembly as it was, and Reassemble
// assembles such pages again, scoring related pages anew only where the
// change can alter them.
package content
