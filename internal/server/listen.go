package server

import (
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"showcase/internal/lang"
)

// timeouts are the HTTP server's limits on one connection: reading a
// request's header and the whole request, writing a response (counted from
// the end of the request; a page that waits for a rebuild gets a new one
// when the rebuild ends, and the event stream sets one for each event),
// and keeping an idle connection open.
type timeouts struct {
	header, read, write, idle time.Duration
	event                     time.Duration // writing one event of the stream
}

var defaultTimeouts = timeouts{
	header: 10 * time.Second,
	read:   30 * time.Second,
	write:  60 * time.Second,
	idle:   2 * time.Minute,
	event:  10 * time.Second,
}

// HTTPServer returns the http.Server that serves the preview on ln, with
// read, write and idle timeouts. It answers only requests addressed to
// this computer — Host localhost, a loopback address, the address it is
// bound to or, bound to all (0.0.0.0), one of this computer's addresses,
// each with ln's port — and refuses others with 403: a web page elsewhere
// could otherwise point a name of its own at 127.0.0.1 (DNS rebinding) and
// read the drafts.
func (s *Server) HTTPServer(ln net.Listener) *http.Server {
	g := &hostGuard{next: s, own: interfaceAddrsAll}
	if a, ok := ln.Addr().(*net.TCPAddr); ok {
		g.port = a.Port
		if ip, ok := netip.AddrFromSlice(a.IP); ok {
			g.bound = ip.Unmap()
		}
	}
	t := s.timeouts
	return &http.Server{
		Handler:           g,
		ReadHeaderTimeout: t.header,
		ReadTimeout:       t.read,
		WriteTimeout:      t.write,
		IdleTimeout:       t.idle,
	}
}

// hostGuard passes on the requests whose Host names this computer.
type hostGuard struct {
	next  http.Handler
	port  int
	bound netip.Addr          // the listening address; unspecified for all
	own   func() []netip.Addr // this computer's addresses
}

func (g *hostGuard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if g.allowed(r.Host) {
		g.next.ServeHTTP(w, r)
		return
	}
	host := r.Host
	if len(host) > 64 {
		host = host[:64] + "…"
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	http.Error(w, lang.Sprintf("预览只接受本机地址的访问，请打开终端里显示的网址", "Host %q is not this preview's address", host), http.StatusForbidden)
}

// allowed reports whether host (a request's Host: name or address, and
// port) is this computer at the guard's port.
func (g *hostGuard) allowed(host string) bool {
	name, portText, err := net.SplitHostPort(host)
	if err != nil {
		name, portText = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]"), "80"
	}
	if port, err := strconv.Atoi(portText); err != nil || port != g.port {
		return false
	}
	name = strings.TrimSuffix(strings.ToLower(name), ".")
	if name == "localhost" {
		return true
	}
	ip, err := netip.ParseAddr(name)
	if err != nil || ip.Zone() != "" {
		return false // a name: only a name can be rebound to this computer
	}
	ip = ip.Unmap()
	switch {
	case ip.IsLoopback():
		return true
	case g.bound.IsValid() && !g.bound.IsUnspecified():
		return ip == g.bound
	}
	for _, own := range g.own() {
		if ip == own {
			return true
		}
	}
	return false
}

// interfaceAddrsAll lists every address of this computer's interfaces.
func interfaceAddrsAll() []netip.Addr {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil
	}
	var out []netip.Addr
	for _, a := range addrs {
		if p, err := netip.ParsePrefix(a.String()); err == nil {
			out = append(out, p.Addr().Unmap())
		}
	}
	return out
}

// extendWrite gives the response a fresh write deadline, for a request
// that waited (for a rebuild) before it could answer.
func (s *Server) extendWrite(w http.ResponseWriter) {
	http.NewResponseController(w).SetWriteDeadline(time.Now().Add(s.timeouts.write))
}
