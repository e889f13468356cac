// Package server is the preview of a site while it is being written
// (showcase serve): it serves the built site over HTTP under the site's base
// path, watches the site folder, rebuilds on every save and tells the open
// pages, which reload only once the rebuild that affects them has finished.
//
// The package knows nothing of pages or templates: it is given a folder to
// serve and a Rebuilder to call, and learns from the Rebuilder's Result which
// built files changed.
//
// # Serving
//
// A site whose baseURL is https://www.example.edu.cn/dangjian/ is previewed
// at http://127.0.0.1:1313/dangjian/, so every link works as it will on the
// real server; "/" redirects there. Only files of the built folder are
// served: paths with "..", ".", empty segments, backslashes, colons or NUL
// are refused (after percent-decoding, so %2e%2e is ".."), files are opened
// through an os.Root (no symbolic link leads out), a folder is served by its
// index.html or not at all (never listed), and anything else gets the
// site's own 404.html with status 404. Pages are sent with Cache-Control:
// no-store. The server binds to loopback unless told otherwise.
//
// HTTPServer puts the preview on a listener: it answers only requests whose
// Host is this computer at the listener's port — localhost, a loopback
// address, the address bound to or (bound to 0.0.0.0) one of the
// computer's addresses — and refuses any other with 403, so that a web
// page whose name is made to point at 127.0.0.1 (DNS rebinding) cannot
// read the drafts. It has read-header, read, write and idle timeouts; the
// event stream sets a write deadline for each event instead, and a page
// that waited for a rebuild gets a fresh one.
//
// The build writes into a staging folder and swaps it in; a request that
// finds nothing while a rebuild runs waits for the rebuild and looks again,
// so a page is never missing, stale or half-built. Until a first build
// succeeds, every page is a notice that shows the errors and reloads when
// they are fixed.
//
// # Watching and batching
//
// Watch follows content/, layouts/, static/, data/ and archetypes/ (folders
// created later included) and site.toml with the system's file events
// (fsnotify); Options.Poll switches to comparing file stamps every interval,
// for network drives and WSL, where events do not arrive. Editors' atomic
// saves (write a temporary file, rename it over the page) arrive as an event
// on the page itself, since whole folders are watched. Classify names each
// path (content page, content file, template, static file, data, config, or
// ignored: swap, backup and lock files such as .swp, ~, #…#, .tmp, ~$…, vim's
// 4913 and .DS_Store). Run gathers the events of a burst until nothing
// relevant happened for QuietWindow (50 ms), then calls the Rebuilder once
// with the changed paths; events arriving during a rebuild form the next
// batch, and rebuilds never overlap.
//
// # The Rebuild hook
//
// A Rebuilder gets the changed source paths (nil: everything) and returns a
// Result listing the built files that changed, or an error (a *diag.Failure
// lists its problems with file and line). With that list only the open
// pages among them reload; a nil list reloads every open page. The server
// needs nothing else, so a faster (incremental) build drops in unchanged.
//
// # Live reload
//
// PreviewHead is the script tag a preview build puts in every page's head;
// the script is served at <base>/__showcase/livereload.js, never written by
// the build. It holds a Server-Sent Events stream (<base>/__showcase/events)
// and, after each rebuild, reloads the page if its file changed (keeping the
// scroll position in sessionStorage), swaps stylesheets in place when only
// CSS changed, and shows or clears the error overlay: each problem's
// file:line and message, with the raw error text. When the stream is lost
// (the server restarted) the browser reconnects, and the page reloads if the
// site was rebuilt meanwhile; a page in a background tab lets its stream go
// (browsers allow six connections to a server) and catches up the same way
// when shown again. A page connecting while the site is broken shows the
// overlay at once.
//
// # Phone preview
//
// Bound to 0.0.0.0 or a LAN address, LANURLs are the addresses phones on the
// same network can open, and QRCode draws one in the terminal.
package server
