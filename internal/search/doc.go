// Package search is the site's built-in search: an index made at build time
// from the content model and read, file by file, by a small script in the
// browser (static/js/search-*.js). It is exact for Chinese, needs no
// dictionary, and a query downloads only the files of its own terms.
//
// # What a query finds
//
// A page matches when its normalised title or body text contains the
// normalised query. Whitespace in a query separates keywords, and a page
// must contain every one (AND). Front-matter fields (tags, branches, the
// byline) are filters, not searched text.
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
// Every n-gram of 1 to Gram (4) consecutive units of a segment is a term, so
// a piece of up to four units (时伟, 十四五, 2025年, 样板支部, Go语言) is
// answered exactly by the postings of one term. A longer piece takes the
// four-unit n-grams that cover it, at offsets 0, 4, 8 … and len−4, and
// keeps the pages where their positions follow each other: exact too,
// without fetching page text. An n-gram one unit after the previous one
// (the last of a piece of 5, 9 … units) that is dense, in thousands of
// pages, is not read by its positions, which are large, when the previous
// one is not dense: that one's positions carry the unit after each
// occurrence where a dense n-gram starts one unit later (农学院党委 is
// 农学院党 followed by 委). Postings carry a BM25F impact (title ×5,
// headings ×3, summary ×2, body ×1) and a title flag, so the browser needs
// no table of page lengths.
//
// Pages get docids by section (in menu order), newest first; the manifest
// gives each section's docid range and the docids where the month changes,
// so filters by section and year and the recency tie-break cost nothing.
//
// # Files (under the site's search/ folder)
//
//	i-HASH/m.bin       the manifest (gzip JSON): counts, sections, facets,
//	                   paths; its size does not grow with the pages
//	i-HASH/t/B.bin     shard B: the terms whose shard key hashes to B
//	i-HASH/p/B.bin     positions of shard B's four-unit terms, and the
//	                   unit after each occurrence before a dense term
//	i-HASH/fd/N.bin    the fragment names of docids 16N … 16N+15
//	i-HASH/x/N.bin     facet N (branches, categories): values and docids
//	d/NAME.bin         postings or positions of a dense term, named by content
//	f/NAME.bin         a page's fragment (URL, title, date, section, text),
//	                   named by content
//	fold-HASH/B.bin    the fold table for code points 256B … 256B+255
//
// The layout of shards and dense files is in terms.go. Everything is gzip,
// written deterministically; the index folder is named by the hash of its
// content, and page fragments and dense files by their own, so an unchanged
// page keeps its fragment from build to build (appending a page changes most
// shards anyway, so they share one folder name instead).
//
// A query reads the manifest (once), the fold blocks of its Han characters,
// one shard per term (a dense term's own file, and positions for long
// pieces), then the fragment names and fragments of the ten results shown.
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
// The search page is <base>/search/ (layouts/search.html) and reads ?q=
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
