// Package newsroom is the editor that "showcase serve" serves beside the
// preview, at <base>/_edit/: a dashboard of the site's pages, a form for
// each page's front matter with its Markdown beside the real rendered page,
// new pages from the archetypes, photos, review sign-offs and their ledger.
// The files stay the truth: everything it does is an ordinary change to a
// file under content/ (and the ledger under data/) that `git diff` shows.
//
// # What it offers (Simplified Chinese, plain JavaScript and CSS, no framework)
//
//   - 稿件 (dashboard): every page under its section's heading (栏目, the
//     title of the section's _index.md) with its state — 草稿 (draft),
//     待审 (not reviewed), 已审 (reviewed, but outside its dates), 已发布
//     (the build publishes it) — author and date, a search box, and the
//     problems "showcase check" finds in each (checked behind the list,
//     again after saves). The list is read from the files, parsing again
//     only those whose size or time changed.
//   - 编辑 (edit view): the front matter as a form (pickers fed by the
//     site: people of past bylines, branch profiles, tags, site.toml's
//     criteria), the body with a toolbar (bold, heading, list, quote,
//     table, a link to a page chosen by title, photos), the page as built
//     beside it, and a source view of the whole file. Each field saved
//     changes only its own line (internal/frontedit).
//   - 新建稿件: a page of a kind from its archetype (internal/archetype),
//     with the form's fields filled in.
//   - 照片: dropped, pasted or chosen photos go into the page's folder,
//     named by the ASCII slug of their name, after the caption is asked
//     for; JPEG, PNG or GIF that decodes whole, at most 30 MB and the
//     site's pixel limit. The build publishes resized, upright variants
//     without metadata, never the original.
//   - 审核: with site.toml's [review] stages = ["初审", "复审", "终审"], each
//     stage is signed in order with a name: the page's signoffs list gets
//     "阶段 姓名 时间", reviewer gets the name, review stays "draft" until the
//     last stage makes it "reviewed"; a row goes into data/review-ledger.csv
//     (审核台账, shown and exported as CSV for Excel).
//     The build, check and deploy go by the same rule (internal/check,
//     signoffs.go): with [review] required, a page that says reviewed
//     without every stage signed is held back, and check reports it.
//   - 导入: a .docx, .html or .txt dropped on the dashboard becomes a page
//     bundle (internal/importer), its report shown.
//   - 发布: the deploy's dry run (its plan), then the deploy to a target of
//     site.toml with progress (internal/deploy), after the site is built
//     into public/ and passes "showcase check" and, with [review] required
//     and stages, every published page has every stage signed.
//
// The editor's addresses (under <base>/_edit/): "" the page, app.js,
// app.css; GET api/pages, api/page?file=, api/options, api/problems,
// api/ledger, ledger.csv, api/publish (the deploy's progress); POST (JSON
// unless said) api/save, api/new, api/sign, api/photo?file=&name= (the
// photo's bytes), api/import?name=&section= (the file's bytes), api/publish.
//
// # Safety
//
// The editor writes the site, so every request passes these rules, in
// order (access.go):
//
//   - The preview's Host check (internal/server) has already refused any
//     request not addressed to this computer, so a DNS-rebinding page
//     cannot reach the editor.
//   - A request from this computer (a loopback RemoteAddr) is let in. One
//     from elsewhere needs the editor's token, which "showcase serve
//     --bind 0.0.0.0" prints in the editor's address: opening that address
//     sets a cookie (HttpOnly, SameSite=Strict) and every later request
//     carries it. Without a token (bound to this computer only), requests
//     from elsewhere are refused.
//   - Every write (POST) carries the CSRF token the editor's page holds
//     (X-CSRF-Token), and an Origin header, when sent, must be the
//     editor's own.
//   - The preview's pages share the editor's origin; the token is kept
//     from their scripts (isolation.go): the editor's page is given to
//     top-level navigations only, cannot be framed, opens in its own
//     browsing context group, and with raw HTML allowed in Markdown the
//     preview frame beside the form is sandboxed.
//
// Writes go only to Markdown files and photos inside content/, through the
// site's folder as internal/sitefs reads it (no symbolic link leading out),
// and to the review ledger data/review-ledger.csv. A save writes a
// temporary file beside the target and renames it over, so a reader never
// sees half a file. Each page is opened with its version (a hash of its
// bytes); a save naming another version than the file's is a conflict,
// answered with the file as it now is, never written. Saving (保存) keeps
// the version: as a git commit of that one file when the site is a git
// repository, else as a copy under .showcase-history/. Typing saves the
// file too, after a short pause, so the preview beside the form shows the
// real page; those saves are not kept as versions. The answer to a save
// comes once the preview has rebuilt the page (Options.Saved), and the
// editor then puts the page's new <main> into the frame in place, keeping
// its scroll position (assets/js/22-preview.js).
package newsroom
