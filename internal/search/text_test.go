package search

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"showcase/internal/browsertest"
)

// safeText is every character packText writes in GB18030, in one string.
func safeText() string {
	var b strings.Builder
	for r := rune(1); r < 0x10000; r++ {
		if gbSafe(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestPackText: text of safe characters goes into GB18030 and back as it
// was, any other character keeps the whole text in UTF-8.
func TestPackText(t *testing.T) {
	safe := safeText()
	for _, text := range []string{`{"x":"` + safe + `"}`, "人文学院中文系", "黨建 ① 𠀀 \ue5e5"} {
		packed := packText([]byte(text))
		back, err := unpackText(packed)
		if err != nil || string(back) != text {
			t.Errorf("%.20q: back %.20q, %v", text, back, err)
		}
		isGB := len(packed) > 0 && packed[0] == gbMark
		if want := !strings.ContainsFunc(text, func(r rune) bool { return !gbSafe(r) }); isGB != want {
			t.Errorf("%.20q: GB18030 %v, want %v", text, isGB, want)
		}
	}
	if got := packText([]byte("党建工作")); len(got) != 9 {
		t.Errorf("党建工作 packed in %d bytes, want 9", len(got))
	}
}

// TestPackTextInBrowser: Chromium's TextDecoder("gb18030") reads every safe
// character as Go wrote it.
func TestPackTextInBrowser(t *testing.T) {
	safe := safeText()
	packed := packText([]byte(safe))
	if packed[0] != gbMark {
		t.Fatal("the safe characters are not packed")
	}
	dir := t.TempDir()
	for name, data := range map[string][]byte{"text.bin": packed[1:], "index.html": []byte(`<!DOCTYPE html><meta charset="utf-8">`)} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx := browsertest.New(t)
	browsertest.Step(t, ctx, 20*time.Second, chromedp.Navigate(browsertest.Serve(t, dir, "/dangjian/")))
	got := browsertest.Step(t, ctx, 20*time.Second, chromedp.Evaluate[string](
		`fetch("text.bin").then(r => r.arrayBuffer()).then(b => new TextDecoder("gb18030").decode(b))`,
		chromedp.EvalAwaitPromise))
	if got != safe {
		g, w := []rune(got), []rune(safe)
		for i := range min(len(g), len(w)) {
			if g[i] != w[i] {
				t.Fatalf("browser read U+%04X as U+%04X (of %d characters)", w[i], g[i], len(w))
			}
		}
		t.Fatalf("browser read %d characters, want %d", len(g), len(w))
	}
}
