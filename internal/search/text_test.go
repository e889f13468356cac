package search

import (
	"bytes"
	"encoding/json"
	"fmt"
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

// TestDictionary: a base compresses its fragments with a dictionary, its
// deltas with the same, and every page reads back as it was written.
func TestDictionary(t *testing.T) {
	docs := siteDocs(400)
	out := rebuild(nil, docs)
	for i := range 20 {
		docs[i*3].Body += fmt.Sprintf("改动%d。", i)
		out = rebuild(out, docs)
	}
	m := manifestOf(t, out)
	if len(m.Segments) < 2 || m.Segments[0].Dict == "" {
		t.Fatalf("segments %d, dictionary %q: want a delta and a dictionary", len(m.Segments), m.Segments[0].Dict)
	}
	for _, s := range m.Segments[1:] {
		if s.Dict != m.Segments[0].Dict {
			t.Errorf("delta %s: dictionary %q, want the base's %q", s.Dir, s.Dict, m.Segments[0].Dict)
		}
	}
	ix, err := Open(func(name string) ([]byte, error) { return out.Files[name], nil }, out.Manifest)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := ix.Pages()
	if err != nil || len(pages) != len(docs) {
		t.Fatalf("%d pages, %v; want %d", len(pages), err, len(docs))
	}
	want := map[string]string{}
	for _, it := range makeItems(docs, siteOpts.Facets) {
		want[it.doc.URL] = it.frag
	}
	for _, p := range pages {
		if want[p.URL] != p.Fragment {
			t.Errorf("%s: fragment %s, want %s", p.URL, p.Fragment, want[p.URL])
		}
	}
}

func manifestOf(t *testing.T, out *Output) manifest {
	raw, err := gunzip(out.Files[out.Manifest], sizeLimit)
	var m manifest
	if err == nil {
		err = json.Unmarshal(raw, &m)
	}
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestPutTermTable checks putTerm's table of ideographs against the
// encoder, for terms of every kind and every ideograph of the table.
func TestPutTermTable(t *testing.T) {
	terms := []string{"", "a", "ppt", "5g", "党", "党建", "农学院党委", "5g实验室", "一", "龥", "〇", "é", "café", "党《", "ａ"}
	for r := rune(hanFirst); r <= hanLast; r += 7 {
		terms = append(terms, string(r), string(r)+"x"+string(r+1))
	}
	for _, term := range terms {
		if got, want := putTerm(nil, term), putTermPacked(nil, term); !bytes.Equal(got, want) {
			t.Fatalf("putTerm(%q) = %x, want %x", term, got, want)
		}
	}
}
