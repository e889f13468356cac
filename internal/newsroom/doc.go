// Package newsroom is the editor that "showcase serve" serves beside the
// preview, at <base>/_edit/: a dashboard of the site's pages, a form for
// each page's front matter with its Markdown beside the real rendered page,
// new pages from the archetypes, photos, review sign-offs and their ledger.
// The files stay the truth: everything it does is an ordinary change to a
// file under content/ (and the ledger under data/) that `git diff` shows.
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
// real page; those saves are not kept as versions.
package newsroom
