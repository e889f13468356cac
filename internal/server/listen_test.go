package server

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"testing"
	"time"
)

// The preview answers the addresses it prints and localhost, at its port;
// a name of somebody else's (DNS rebinding) or another port is refused.
func TestHostGuard(t *testing.T) {
	lan := netip.MustParseAddr("192.168.1.5")
	own := func() []netip.Addr { return []netip.Addr{netip.MustParseAddr("127.0.0.1"), lan} }
	loopback := &hostGuard{port: 1313, bound: netip.MustParseAddr("127.0.0.1"), own: own}
	all := &hostGuard{port: 1313, bound: netip.IPv4Unspecified(), own: own}
	onLAN := &hostGuard{port: 1313, bound: lan, own: own}
	for _, c := range []struct {
		host                 string
		loopback, all, onLAN bool
	}{
		{"127.0.0.1:1313", true, true, true},
		{"localhost:1313", true, true, true},
		{"LocalHost.:1313", true, true, true},
		{"[::1]:1313", true, true, true},
		{"127.0.0.2:1313", true, true, true},
		{"192.168.1.5:1313", false, true, true},
		{"192.168.1.6:1313", false, false, false},
		{"[::ffff:192.168.1.5]:1313", false, true, true},
		{"evil.example.com:1313", false, false, false},
		{"127.0.0.1.nip.io:1313", false, false, false},
		{"localhost.evil.example.com:1313", false, false, false},
		{"127.0.0.1:8080", false, false, false},
		{"127.0.0.1", false, false, false},
		{"localhost", false, false, false},
		{"[fe80::1%25eth0]:1313", false, false, false},
		{"", false, false, false},
	} {
		for _, g := range []struct {
			name  string
			guard *hostGuard
			want  bool
		}{{"127.0.0.1", loopback, c.loopback}, {"0.0.0.0", all, c.all}, {"192.168.1.5", onLAN, c.onLAN}} {
			if got := g.guard.allowed(c.host); got != g.want {
				t.Errorf("bound to %s: Host %q allowed = %v, want %v", g.name, c.host, got, g.want)
			}
		}
	}
	if (&hostGuard{port: 80, bound: netip.MustParseAddr("127.0.0.1"), own: own}).allowed("localhost") != true {
		t.Error("on port 80, Host localhost (no port) is refused")
	}
}

// serveOn starts s's HTTPServer on a loopback port and returns its address.
func serveOn(t *testing.T, s *Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := s.HTTPServer(ln)
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	t.Cleanup(func() {
		s.live.close()
		hs.Close()
		if err := <-served; !errors.Is(err, http.ErrServerClosed) {
			t.Errorf("Serve: %v", err)
		}
	})
	return ln.Addr().String()
}

// A request from a page that named the preview by a name of its own is
// refused with 403 and a short Chinese message; the address itself works.
func TestHTTPServerRefusesOtherHosts(t *testing.T) {
	s := newTestServer(t, t.TempDir(), builtSite(t), nil)
	if err := s.Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	addr := serveOn(t, s)
	for host, want := range map[string]int{addr: 200, "evil.example.com:" + strings.Split(addr, ":")[1]: 403} {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(conn, "GET /dangjian/news/a/ HTTP/1.1\r\nHost: "+host+"\r\nConnection: close\r\n\r\n")
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		conn.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: %d, want %d", host, resp.StatusCode, want)
		}
		if want == 403 && (!strings.HasPrefix(string(body), "预览只接受本机地址的访问") || strings.Contains(string(body), "新闻甲")) {
			t.Errorf("Host %s: %q", host, body)
		}
	}
}

// withShortTimeouts makes the server's timeouts short enough to pass
// within a test, and its stream pings frequent.
func withShortTimeouts(s *Server) {
	s.timeouts = timeouts{header: 50 * time.Millisecond, read: 50 * time.Millisecond, write: 50 * time.Millisecond, idle: 50 * time.Millisecond, event: time.Second}
	s.ping = 20 * time.Millisecond
}

// A client that never finishes its request, or leaves its connection idle,
// is let go: the server closes the connection.
func TestHTTPServerTimeouts(t *testing.T) {
	s := newTestServer(t, t.TempDir(), builtSite(t), nil)
	withShortTimeouts(s)
	if err := s.Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	addr := serveOn(t, s)
	closedByServer := func(name string, conn net.Conn, r *bufio.Reader) {
		t.Helper()
		conn.SetReadDeadline(time.Now().Add(10 * time.Second)) // a hang fails, it does not block
		if _, err := r.ReadByte(); err != io.EOF {
			t.Errorf("%s: read %v, want the server to close the connection", name, err)
		}
	}

	half, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer half.Close()
	io.WriteString(half, "GET /dangjian/ HTTP/1.1\r\nHost: "+addr+"\r\n") // never ends
	closedByServer("a request never finished", half, bufio.NewReader(half))

	idle, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close()
	io.WriteString(idle, "GET /dangjian/ HTTP/1.1\r\nHost: "+addr+"\r\n\r\n")
	r := bufio.NewReader(idle)
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	closedByServer("an idle keep-alive connection", idle, r)
}

// The live-reload stream outlives the read, write and idle timeouts: it
// sets a write deadline for each event. Ten pings at 20 ms take 200 ms,
// four times the 50 ms timeouts; then a rebuild's events still arrive.
func TestEventStreamOutlivesTimeouts(t *testing.T) {
	s := newTestServer(t, t.TempDir(), builtSite(t), nil)
	withShortTimeouts(s)
	if err := s.Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	addr := serveOn(t, s)
	page := openStream(t, "http://"+addr)
	page.expect("hello", `"error":null`)
	for pings := 0; pings < 10; {
		line, err := page.r.ReadString('\n')
		if err != nil {
			t.Fatalf("the stream ended after %d pings: %v", pings, err)
		}
		if line == ": ping\n" {
			pings++
		}
	}
	s.Rebuild(nil)
	page.expect("building", "{}")
	page.expect("ok", `"build":"`)
}
