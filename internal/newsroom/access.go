package newsroom

import (
	"crypto/subtle"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// cookieName holds the token on browsers of other computers.
const cookieName = "showcase_edit"

// maxUpload bounds every request body (photos and imports included).
const maxUpload = 40 << 20

// admit lets in requests from this computer, and from others with the
// token (in the cookie, or in the address once: then the cookie is set
// and the address loses the token). It answers the refused itself.
func (n *Newsroom) admit(w http.ResponseWriter, r *http.Request) bool {
	if Loopback(r.RemoteAddr) {
		return true
	}
	if n.opts.Token == "" {
		fail(w, http.StatusForbidden, "编辑器只允许在本机使用；要在其他电脑上编辑，请用 --bind 启动预览并打开终端里带令牌的编辑地址（the editor is for this computer only）")
		return false
	}
	if c, err := r.Cookie(cookieName); err == nil && n.tokenOK(c.Value) {
		return true
	}
	if t := r.URL.Query().Get("token"); t != "" && n.tokenOK(t) && r.Method == http.MethodGet {
		http.SetCookie(w, &http.Cookie{Name: cookieName, Value: t, Path: n.prefix, HttpOnly: true, SameSite: http.SameSiteStrictMode})
		u := *r.URL
		q := u.Query()
		q.Del("token")
		u.RawQuery = q.Encode()
		http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
		return false
	}
	fail(w, http.StatusForbidden, "缺少编辑令牌或令牌不对：请打开终端里显示的编辑地址（missing or wrong editor token）")
	return false
}

func (n *Newsroom) tokenOK(t string) bool {
	return subtle.ConstantTimeCompare([]byte(t), []byte(n.opts.Token)) == 1
}

// checkWrite refuses a write without the page's CSRF token or from
// another origin.
func (n *Newsroom) checkWrite(w http.ResponseWriter, r *http.Request) bool {
	if subtle.ConstantTimeCompare([]byte(r.Header.Get("X-CSRF-Token")), []byte(n.csrf)) != 1 {
		fail(w, http.StatusForbidden, "请求缺少防伪令牌，请刷新编辑器页面后再试（missing or wrong CSRF token）")
		return false
	}
	if o := r.Header.Get("Origin"); o != "" {
		if o == "null" || !strings.EqualFold(strings.TrimPrefix(strings.TrimPrefix(o, "http://"), "https://"), r.Host) {
			fail(w, http.StatusForbidden, "请求来自其他网站，已拒绝（cross-origin request refused）")
			return false
		}
	}
	return true
}

// Loopback reports whether a RemoteAddr ("127.0.0.1:5123") is this computer.
func Loopback(remote string) bool {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		host = remote
	}
	ip, err := netip.ParseAddr(strings.Trim(host, "[]"))
	return err == nil && ip.Unmap().IsLoopback()
}
