package server

import (
	"net"
	"net/netip"
	"sort"
	"strconv"
	"strings"

	qrcode "github.com/skip2/go-qrcode"
)

// Phone preview: bound to all addresses (--bind 0.0.0.0) or to a LAN
// address, the server is reachable from phones on the same network; the
// terminal shows those URLs and a QR code of the first one.

// LocalURL is the URL to open on this computer.
func LocalURL(bind string, port int, base string) string {
	host := bind
	if ip, err := netip.ParseAddr(bind); bind == "" || (err == nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, strconv.Itoa(port)) + NormalizeBasePath(base)
}

// LANURLs are the URLs by which other devices reach a server bound to bind:
// none for a loopback address, the address itself for a LAN address, and
// this computer's IPv4 LAN addresses for 0.0.0.0 or "::" (private ranges
// first, 192.168.x.x before 10.x.x.x before 172.16-31.x.x).
func LANURLs(bind string, port int, base string) []string {
	var addrs []netip.Addr
	if bind == "" || bind == "0.0.0.0" || bind == "::" {
		addrs = interfaceAddrs()
	} else if ip, err := netip.ParseAddr(bind); err == nil && !ip.IsLoopback() {
		addrs = []netip.Addr{ip}
	}
	var urls []string
	for _, ip := range addrs {
		urls = append(urls, "http://"+net.JoinHostPort(ip.String(), strconv.Itoa(port))+NormalizeBasePath(base))
	}
	return urls
}

// interfaceAddrs lists the IPv4 addresses of the interfaces that are up,
// loopback and link-local aside, most likely LAN first.
func interfaceAddrs() []netip.Addr {
	ifaces, err := net.Interfaces()
	if err != nil {
		return nil
	}
	var out []netip.Addr
	for _, iface := range ifaces {
		if iface.Flags&net.FlagUp == 0 || iface.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, err := iface.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			prefix, err := netip.ParsePrefix(a.String())
			if err != nil {
				continue
			}
			ip := prefix.Addr().Unmap()
			if ip.Is4() && !ip.IsLoopback() && !ip.IsLinkLocalUnicast() {
				out = append(out, ip)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return lanRank(out[i]) < lanRank(out[j]) })
	return out
}

// lanRank orders addresses by how likely a phone on the same Wi-Fi reaches
// them: home and campus Wi-Fi is mostly 192.168/16 or 10/8; 172.16/12 is
// often a container bridge.
func lanRank(ip netip.Addr) int {
	b := ip.As4()
	switch {
	case b[0] == 192 && b[1] == 168:
		return 0
	case b[0] == 10:
		return 1
	case b[0] == 172 && b[1] >= 16 && b[1] < 32:
		return 2
	}
	return 3
}

// QRCode draws text as a QR code for a terminal, two rows of modules per
// line of half blocks (▀ ▄ █). With color, ANSI colors fix dark modules on
// a white ground whatever the terminal's colors; without, the light
// modules are drawn in the text color, which suits the usual dark terminal.
func QRCode(text string, color bool) (string, error) {
	q, err := qrcode.New(text, qrcode.Medium)
	if err != nil {
		return "", err
	}
	q.DisableBorder = true
	return renderHalfBlocks(q.Bitmap(), 2, color), nil
}

// renderHalfBlocks draws a bitmap (true = dark) with a light quiet zone of
// quiet modules around it.
func renderHalfBlocks(bitmap [][]bool, quiet int, color bool) string {
	size := len(bitmap)
	dark := func(x, y int) bool {
		x, y = x-quiet, y-quiet
		if y < 0 || y >= size || x < 0 || x >= len(bitmap[y]) {
			return false
		}
		return bitmap[y][x]
	}
	full := size + 2*quiet
	var b strings.Builder
	for y := 0; y < full; y += 2 {
		if color {
			b.WriteString("\x1b[30;107m") // black on bright white
		}
		for x := 0; x < full; x++ {
			hasBottom := y+1 < full
			top, bottom := dark(x, y), hasBottom && dark(x, y+1)
			if !color { // draw the light modules instead
				top, bottom = !top, hasBottom && !bottom
			}
			switch {
			case top && bottom:
				b.WriteString("█")
			case top:
				b.WriteString("▀")
			case bottom:
				b.WriteString("▄")
			default:
				b.WriteString(" ")
			}
		}
		if color {
			b.WriteString("\x1b[0m")
		}
		b.WriteByte('\n')
	}
	return b.String()
}
