// Package search is the site's built-in search: an index made at build time
// from the content model and read, file by file, by a small script in the
// browser (static/js/search-*.js). It is exact for Chinese, needs no
// dictionary, and a query downloads only the files of its own terms.
//
// # What a query finds
//
// A page matches when what a reader sees of it contains the normalised
// query: its title or body text, or the captions and alt texts of its
// pictures, or its byline and record as shown (Doc.Captions, Doc.Credits;
// a result whose match is there says so). Whitespace in a query separates
// keywords, and a page must contain every one (AND), each in one of those
// fields. Tags, branches and categories are filters, not searched text.
//
// Normalising (Normalize; the same code in Go and in the browser, tested on
// the shared cases of testdata/normalize.json):
//
//   - NFKC of every character with the combining marks after it: full-width
//     ＡＩ５Ｇ is ai5g, ① is 1;
//   - simple lower case;
//   - Traditional → Simplified, character by character, with OpenCC's table
//     (internal/opencc, Apache-2.0): 黨建 is 党建;
//   - quote marks, title brackets, middle dots and format characters are
//     transparent: “十四五”规划 = 《十四五规划》 = 十四五规划;
//   - other punctuation and line breaks end a segment; a query cannot match
//     across them, so AI+教育 is the two pieces ai and 教育;
//   - the text becomes units: each Han (or kana, Hangul) character is a unit,
//     and each run of letters and digits is a word unit; 5G实验室 is 5g 实 验
//     室. Spaces end words but not segments (十四五 规划 = 十四五规划), and
//     . - _ / : + & @ # ~ , between two words only separate them
//     (covid-19 = covid 19, 3.14).
//
// A query's pieces must occur in one segment with their units in order. A
// Latin word matches whole words; the last word of a query that does not end
// with a space matches any word it starts (ppt finds PPTX), once it has two
// characters.
//
// # The index
//
// Every unit and every pair of units of a segment is a term; so is an
// n-gram of three or four units (Gram) when the index needs it: when more
// than ten pages hold both of its parts (its candidates), or when it ends
// with a word (prune.go). A piece of up to four units (时伟, 十四五,
// 2025年, 样板支部, Go语言) is answered exactly by the postings of one
// term; a longer n-gram that is not a term either occurs nowhere (more
// than ten candidates) or is checked on the text of its few candidates.
// Real vocabularies make most longer n-grams rare, so most are left out.
// A longer piece takes the four-unit n-grams that cover it, at offsets 0,
// 4, 8 … and len−4, and keeps the pages where their positions follow each
// other: exact too, without fetching page text. An n-gram one unit after
// the previous one (the last of a piece of 5, 9 … units) that is dense, in
// thousands of pages, is not read by its positions, which are large, when
// the previous one is not dense: that one's positions carry the unit after
// each occurrence where a dense n-gram starts one unit later (农学院党委 is
// 农学院党 followed by 委). Postings carry a BM25F impact (title ×5,
// headings ×3, summary ×2, body ×1) and a title flag, so the browser needs
// no table of page lengths; a dense term (in thousands of pages, low idf)
// carries only the title flag and a middle level. Its length normalisation
// is light (b = 0.25, not BM25's usual 0.75): with 0.75 a page's length
// moves most impacts across a level, which every posting then pays for
// (1.06 MB more at 10,000 pages), while how often and where a page uses
// the term, which a reader cares about more, moves them less.
//
// A shard names a unit or pair of Han characters by a fingerprint of 12
// or more bits, unique among the shard's such terms, not by its string
// (fingerprint.go): as every unit and pair of every page is a term, one
// that matches a fingerprint but occurs nowhere in the segment is told
// apart by reading one page of the segment, the best ranked result,
// whose text the reader fetches anyway to show it; the answer stays
// exact. Docids, dfs and positions are bit codes (Rice and Elias gamma,
// rice.go), as gzip hardly compresses docids in varints.
//
// Pages get docids by section (in menu order), newest first; the manifest
// gives each section's docid range and the docids where the month changes,
// so filters by section and year and the recency tie-break cost nothing.
//
// # Files (under the site's search/ folder)
//
// The index is log-structured, like Lucene's: segments that are never
// changed once written, deletions as tombstones, and a merge policy
// (policy.go). A segment indexes some of the pages with docids of its own;
// the reader numbers the pages of all segments one after another.
//
//	m-NAME.bin         the manifest (gzip JSON): the segments with their
//	                   sections, months and tombstones, the recent pages,
//	                   sections, facets, paths; it does not grow with the
//	                   pages
//	s-NAME/t/B.bin     a segment's shard B: the terms whose shard key
//	                   hashes to B (strings, then fingerprints), their
//	                   dfs and postings, then the positions of its
//	                   four-unit terms and the unit after each
//	                   occurrence before a dense term
//	s-NAME/f/K.bin     the fragments of its docids 64K … 64K+63, packed:
//	                   a table of offsets, then each fragment coded with
//	                   the base's table of characters (codec.go) and
//	                   compressed on its own with its dictionary (dict.go),
//	                   without what the manifest says (files.go, packed);
//	                   the browser reads a page's offsets, then
//	                   its fragment, with HTTP range requests (a server
//	                   that ignores them sends the whole pack, 40-80 KB)
//	s-NAME/x/N.bin     facet N (branches, categories): values and docids
//	s-NAME/state.bin   its pages' URLs and fragments and its files, for the
//	                   next build (the browser never reads it)
//	d/NAME.bin         postings or positions of a dense term
//	z/NAME.bin         the dictionary of a base's fragments: its table of
//	                   characters and runs of text (dict.go)
//	f/NAME.bin         a recent page's fragment (URL, title, date,
//	                   section, text, captions, credits, headings, summary,
//	                   facets, Traditional characters)
//	r-NAME.bin         the recent pages' filter (filter.go)
//	fold-NAME/B.bin    the fold table for code points 256B … 256B+255
//
// The layout of shards and dense files is in terms.go, of segments in
// segment.go; texts are GB18030 where their characters allow (text.go), a
// third fewer bytes a Han character, but a pack's, which its base's table
// of characters codes (codec.go). Everything is gzip (but the packs,
// whose parts are), written deterministically, and named by
// its content (a segment's folder by all of its files), so a file, once
// deployed, never changes.
//
// A build reads the last build's index back (Options.Previous) and keeps
// it: an unchanged page (same fragment) stays where it is; a deleted page,
// or the old version of an edited one, becomes a tombstone; new and edited
// pages become recent pages, listed in the manifest, which the reader
// checks on their fragments' text, weighing them as the index would; a
// small filter of their units (r-NAME.bin) spares it the fragments of
// those that cannot hold a query. So an edit, an added or a deleted page
// changes the manifest, the filter, the page's fragment and the search
// page that names the manifest. More than sixteen recent pages are indexed into a small delta segment, deltas into larger
// ones, and when the changes pass a tenth of the base, everything into a
// new base. A file the index no longer uses disappears at the next build:
// the fragments of dead pages stay in their segment's packs until it is
// merged away, and those of recent pages that went into a segment stay one
// build longer (manifest.Keep), so a reader of the last manifest still
// finds what it read; a reader that finds a file gone (after a merge)
// reopens the index the search page now names.
//
// A query reads the manifest (once), the fold blocks of its Han
// characters, the recent filter and the fragments of the recent pages
// that may hold its terms, one shard per term and segment
// (a dense term's own file, and a dense term's positions for long pieces),
// then the dictionary and the fragments of the ten results shown (two
// small range requests each), and, when a segment's best result is not
// among them and the query has a unit or pair of Han characters, that
// result's fragment (fingerprint.go). A partial match also reads, for
// each such pair and segment, the fragment of one page of its list.
//
// # Ranking and partial matches
//
// Pages with more pieces in their title come first, then BM25 (the sum of
// idf × impact), then newer months, then docid. When nothing contains the
// query, pages holding at least half of its pairs of units are shown and
// labelled as a partial match.
//
// # The page contract
//
// The search page is <base>/search/ (layouts/search.html); it loads the
// scripts as js/search*.min.js, which the build writes from the sources
// static/js/search*.js without comments and indentation (StripScript, a
// fifth lighter). It reads ?q=
// (and section=, year=, facet= for filters). Its element #search carries
// data-index, the manifest's URL ({{ url .Page.Params.searchIndex }}).
// Results render inside #search-results, which carries data-count (pages
// matching the query and filters; 0 for a partial match, whose size is in
// data-partial) and data-query (the query shown); each result carries
// data-url, its page's URL. A result links to its page with ?hl=, the
// matched words as written there, which static/js/highlight.js (on every
// page) marks. Without JavaScript the page says so and links to the
// sections and taxonomies.
//
// # In Go
//
// Build writes the index from a list of Doc; internal/build adapts pages to
// it (SearchDocs) and renders the search page. Open and Index.Search read an
// index exactly as the browser does, for tests and benchmarks.
package search
