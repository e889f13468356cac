package qrcode

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	skip2 "github.com/skip2/go-qrcode"
)

var skip2Levels = [4]skip2.RecoveryLevel{Low: skip2.Low, Medium: skip2.Medium, Quartile: skip2.High, High: skip2.Highest}

// sameAsSkip2 compares Encode with skip2's bitmap of text at level.
func sameAsSkip2(t *testing.T, text string, level Level) {
	t.Helper()
	got, err := Encode(text, level)
	q, werr := skip2.New(text, skip2Levels[level])
	if (err == nil) != (werr == nil) {
		t.Fatalf("Encode(%q, %d): error %v, skip2's %v", text, level, err, werr)
	}
	if err != nil {
		if err.Error() != werr.Error() {
			t.Fatalf("Encode(%q, %d): error %q, skip2's %q", text, level, err, werr)
		}
		return
	}
	want := q.Bitmap()
	if len(got) != len(want) {
		t.Fatalf("Encode(%q, %d): %d rows, skip2 %d", text, level, len(got), len(want))
	}
	for y := range want {
		if fmt.Sprint(got[y]) != fmt.Sprint(want[y]) {
			t.Fatalf("Encode(%q, %d): row %d differs from skip2's (version %d)", text, level, y, q.VersionNumber)
		}
	}
	// the runs of Runs paint the same bitmap, each run from a light module
	// or the edge to one
	runs := make([][]bool, len(want))
	for y := range runs {
		runs[y] = make([]bool, len(want))
	}
	side, err := Runs(text, level, func(x, y, n int) {
		if x > 0 && runs[y][x-1] || n < 1 || x+n < len(want) && want[y][x+n] {
			t.Fatalf("Runs(%q, %d): run of %d at %d, %d is not a whole run", text, level, n, x, y)
		}
		for i := range n {
			runs[y][x+i] = true
		}
	})
	if err != nil || side != len(want) {
		t.Fatalf("Runs(%q, %d): side %d, error %v; Encode's %d", text, level, side, err, len(want))
	}
	for y := range want {
		if fmt.Sprint(runs[y]) != fmt.Sprint(want[y]) {
			t.Fatalf("Runs(%q, %d): row %d differs from skip2's (version %d)", text, level, y, q.VersionNumber)
		}
	}
}

var samples = []string{
	"https://yihui.org/cn/2020/01/lyx-vs-latex/",
	"https://www.servicemesher.com/blog/istio-1.1-release/",
	"http://gohugo.org/theme/lanyon/",
	"https://example.edu.cn/dangjian/news/2026/12/03/%E5%85%9A%E5%BB%BA/",
	"HELLO WORLD 12345",
	"0123456789012345678901234567890123456789",
	"a",
	"1",
	"A",
	"党建工作简报",
	"ABC123abc$%*+-./: 9999999999999999999999ZZZZZ",
	strings.Repeat("https://x.org/0123456789/", 40),
	strings.Repeat("7", 3000),
	strings.Repeat("Q", 4000),
	strings.Repeat("q", 2953),
	strings.Repeat("q", 2954), // too long for a symbol
	"",
}

func TestEncodeIsSkip2s(t *testing.T) {
	for _, s := range samples {
		for level := Low; level <= High; level++ {
			sameAsSkip2(t, s, level)
		}
	}
}

// every version and level: texts of random characters of each length class
func TestEncodeIsSkip2sAtEveryVersion(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	alphabets := []string{"0123456789", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 $%*+-./:", "abcdefghijklmnopqrstuvwxyz/:.-_0123456789ABC", "党建新闻通知"}
	for n := 1; n < 3000; n = n*11/10 + 1 {
		for _, a := range alphabets {
			b := make([]byte, n)
			for i := range b {
				b[i] = a[r.Intn(len(a))]
			}
			sameAsSkip2(t, string(b), Level(r.Intn(4)))
		}
	}
}

func FuzzEncode(f *testing.F) {
	for _, s := range samples[:11] {
		f.Add(s, uint8(1))
	}
	f.Fuzz(func(t *testing.T, s string, level uint8) {
		sameAsSkip2(t, s, Level(level%4))
	})
}

func BenchmarkEncode(b *testing.B) {
	for b.Loop() {
		Encode("https://yihui.org/cn/2020/01/lyx-vs-latex/", Medium)
	}
}

func BenchmarkSkip2(b *testing.B) {
	for b.Loop() {
		q, _ := skip2.New("https://yihui.org/cn/2020/01/lyx-vs-latex/", skip2.Medium)
		q.Bitmap()
	}
}
