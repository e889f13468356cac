package importer

import (
	"strings"
	"testing"
	"time"

	"showcase/internal/proofread"
)

// TestImportProofreads: an imported body gets the corrections of "showcase
// check --fix" — punctuation, the built-in standard forms, the site's
// fixed phrasings — and the report says so; code and numbers stay.
func TestImportProofreads(t *testing.T) {
	text := "10月26日上午,学校召开会议(扩大),共1,000人参加。\n\n要著力推进，做到两个捍卫。\n"
	opts := Options{Title: "推进会", Date: time.Date(2025, 10, 26, 9, 0, 0, 0, cst)}
	b, err := Import("a.txt", []byte(text), opts)
	if err != nil {
		t.Fatal(err)
	}
	want := "10月26日上午，学校召开会议（扩大），共1,000人参加。\n\n要着力推进，做到两个捍卫。\n"
	if b.Body != want {
		t.Errorf("body:\n%s\nwant:\n%s", b.Body, want)
	}
	report := reportText(b)
	for _, want := range []string{"半角标点改为全角、删去全角标点旁的空格 4 处", "规范用词 1 处：著力→着力"} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
	opts.Words = &proofread.Words{Variants: []proofread.WordVariant{{Wrong: "两个捍卫", Right: "两个维护", Phrasing: true}}}
	b, err = Import("a.txt", []byte(text), opts)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.Body, "两个维护") || !strings.Contains(b.Body, "著力") {
		t.Errorf("with the site's list only:\n%s", b.Body)
	}
}
