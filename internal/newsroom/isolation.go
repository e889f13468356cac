package newsroom

import "net/http"

// Isolation from the preview. The preview's pages share the editor's
// origin (the same address and port), so a script in a page could do
// whatever the editor's own script does, if it got hold of the CSRF token
// the editor's page carries. A site's pages run only the theme's and the
// site's own scripts, unless site.toml lets Markdown carry raw HTML
// ([markup.goldmark.renderer] unsafe = true): then any page's author can
// put a script in it. The token is kept from such scripts thus:
//
//   - The token is only in the editor's page itself, served only to a
//     top-level navigation (Sec-Fetch-Dest: document, which a script's
//     fetch cannot claim; requests without Sec-Fetch headers, from
//     programs or old browsers, carry no page's script). The API's
//     answers never carry it.
//   - That page refuses to be framed (X-Frame-Options: DENY and
//     frame-ancestors 'none'), and opens in its own browsing context
//     group (Cross-Origin-Opener-Policy: same-origin): a page that
//     opens the editor with window.open gets no handle to its document.
//   - Every answer is for this origin's use only
//     (Cross-Origin-Resource-Policy: same-origin).
//   - With raw HTML allowed, the preview beside the form is a sandboxed
//     frame without allow-same-origin: its scripts run in an origin of
//     their own, cannot reach the editor's page (parent.document) and
//     cannot read the editor's answers (no CORS); the editor reloads the
//     frame after each save instead of replacing its content in place.
//
// Writes need the token (X-CSRF-Token, a header no form can send), so a
// page's script can at most read what the editor shows (the site's own
// files), never write.
func isolationHeaders(h http.Header) {
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' blob: data:; frame-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
}

// navigationOnly refuses to give the editor's page (and its token) to
// anything but a top-level navigation: a script's fetch, a frame, an
// object. It answers the refused itself.
func navigationOnly(w http.ResponseWriter, r *http.Request) bool {
	dest, mode := r.Header.Get("Sec-Fetch-Dest"), r.Header.Get("Sec-Fetch-Mode")
	if (dest == "" || dest == "document") && (mode == "" || mode == "navigate") {
		return true
	}
	fail(w, http.StatusForbidden, "编辑器页面只能在浏览器地址栏直接打开，不能被其他网页读取或嵌入（the editor page is served to top-level navigations only）")
	return false
}
