package server

import (
	"strings"
	"testing"
)

func TestURLs(t *testing.T) {
	if got := LocalURL("127.0.0.1", 1313, "/dangjian/"); got != "http://127.0.0.1:1313/dangjian/" {
		t.Errorf("LocalURL = %q", got)
	}
	if got := LocalURL("0.0.0.0", 1313, "dangjian"); got != "http://127.0.0.1:1313/dangjian/" {
		t.Errorf("LocalURL(0.0.0.0) = %q", got)
	}
	if got := LocalURL("::1", 8080, ""); got != "http://[::1]:8080/" {
		t.Errorf("LocalURL(::1) = %q", got)
	}
	for _, loop := range []string{"127.0.0.1", "::1", "localhost"} {
		if got := LANURLs(loop, 1313, "/dangjian/"); len(got) != 0 {
			t.Errorf("LANURLs(%s) = %q, want none", loop, got)
		}
	}
	if got := LANURLs("192.168.1.20", 1313, "/dangjian/"); len(got) != 1 || got[0] != "http://192.168.1.20:1313/dangjian/" {
		t.Errorf("LANURLs(LAN address) = %q", got)
	}
	for _, u := range LANURLs("0.0.0.0", 1313, "/dangjian/") {
		if strings.Contains(u, "127.0.0.1") || !strings.HasSuffix(u, ":1313/dangjian/") {
			t.Errorf("LANURLs(0.0.0.0) gave %q", u)
		}
	}
}

// TestHalfBlocks draws a 3×3 bitmap with a quiet zone of 1: 5×5 modules on
// 3 lines, two module rows per line.
func TestHalfBlocks(t *testing.T) {
	bitmap := [][]bool{
		{true, false, true},
		{false, true, false},
		{true, true, true},
	}
	// with the quiet zone:  .....  .D.D.  ..D..  .DDD.  .....
	colored := strings.Split(renderHalfBlocks(bitmap, 1, true), "\n")
	want := []string{"\x1b[30;107m ▄ ▄ \x1b[0m", "\x1b[30;107m ▄█▄ \x1b[0m", "\x1b[30;107m     \x1b[0m", ""}
	if strings.Join(colored, "|") != strings.Join(want, "|") {
		t.Errorf("colored: %q, want %q", colored, want)
	}
	// without color the light modules are drawn; the last line has no bottom row
	plain := strings.Split(renderHalfBlocks(bitmap, 1, false), "\n")
	want = []string{"█▀█▀█", "█▀ ▀█", "▀▀▀▀▀", ""}
	if strings.Join(plain, "|") != strings.Join(want, "|") {
		t.Errorf("plain: %q, want %q", plain, want)
	}
}

func TestQRCode(t *testing.T) {
	qr, err := QRCode("http://192.168.1.20:1313/dangjian/", false)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(qr, "\n"), "\n")
	// version 3 (29 modules) + 2×2 quiet = 33 modules wide, 17 lines
	width := len([]rune(lines[0]))
	if width < 25 || len(lines) != (width+1)/2 {
		t.Fatalf("%d lines of %d", len(lines), width)
	}
	// the top-left finder pattern's first two rows: 7 dark modules over
	// dark, 5 light, dark (drawn light: blank, then lower halves)
	if !strings.HasPrefix(lines[1], "██ ▄▄▄▄▄ ") {
		t.Errorf("finder pattern missing: %q", lines[1])
	}
}
