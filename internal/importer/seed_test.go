package importer

import (
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"showcase/internal/content"
	"showcase/internal/mojibake"
)

const (
	seedFile = "testdata/seed-news-raw.txt" // a copy of ../shared/samples/seed-news-raw.txt
	demoSeed = "../../content/news/2025-shuangchuang-jiaoliuhui/index.md"
)

// demoBody is the body of the demo site's seed item, cleaned by hand.
func demoBody(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(demoSeed)
	if err != nil {
		t.Fatal(err)
	}
	src, err := content.Split(data)
	if err != nil {
		t.Fatal(err)
	}
	return string(src.Body)
}

func readSeed(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestSeedImport imports the seed sample: Traditional with pinyin after
// characters and three mojibake spots. The result must be the wording of
// the hand-cleaned demo item everywhere but at the reported spots.
func TestSeedImport(t *testing.T) {
	b, err := Import("seed-news-raw.txt", readSeed(t), Options{Now: time.Date(2026, 1, 5, 9, 0, 0, 0, cst)})
	if err != nil {
		t.Fatal(err)
	}
	by := b.Byline
	if strings.Join(by.Writers, " ") != "储德丹" || strings.Join(by.Photographers, " ") != "陈宝" ||
		strings.Join(by.Reviewers, " ") != "钱锐 姚文均" || strings.Join(by.Editors, " ") != "李锦" || len(by.Sources) != 0 {
		t.Errorf("byline = %+v", by)
	}
	index := string(b.Index)
	for _, want := range []string{`author = "储德丹"`, `photographer = "陈宝"`, `reviewer = ["钱锐", "姚文均"]`, `editor = "李锦"`, `review = "draft"`} {
		if !strings.Contains(index, want) {
			t.Errorf("front matter lacks %s", want)
		}
	}
	if strings.Contains(b.Body, "通讯员") || strings.Contains(b.Body, "(xué)") {
		t.Errorf("byline or annotations left in the body")
	}
	garbles := mojibake.Find(b.Body)
	if len(garbles) != 3 {
		t.Fatalf("found %d mojibake spots, want 3: %+v", len(garbles), garbles)
	}
	var reported int
	for _, n := range b.Report.Attention {
		if strings.Contains(n.Msg, "乱码") {
			reported++
			if n.Line < 15 {
				t.Errorf("mojibake note at line %d, inside the front matter", n.Line)
			}
		}
	}
	if reported != 3 {
		t.Errorf("report names %d mojibake spots, want 3", reported)
	}
	// 著力 → 着力, which OpenCC leaves, and the ASCII commas and brackets
	// of the raw text are corrected as "showcase check --fix" would.
	if strings.Contains(b.Body, "著力") || strings.Contains(b.Body, "上午,") {
		t.Error("the body is not proofread")
	}
	matchOutsideGarbles(t, b.Body, demoBody(t), garbles)
}

// matchOutsideGarbles checks that got equals want except that each garbled
// run of got stands for at most a few characters of want.
func matchOutsideGarbles(t *testing.T, got, want string, garbles []mojibake.Garble) {
	t.Helper()
	var pieces []string
	rest := got
	for _, g := range garbles {
		i := strings.Index(rest, g.Text)
		if i < 0 {
			t.Fatalf("garble %q not in the body", g.Text)
		}
		pieces = append(pieces, rest[:i])
		rest = rest[i+len(g.Text):]
	}
	pieces = append(pieces, rest)
	want = strings.TrimSpace(want)
	pieces[len(pieces)-1] = strings.TrimSpace(pieces[len(pieces)-1])
	if !strings.HasPrefix(want, pieces[0]) {
		t.Fatalf("body differs before the first mojibake spot:\n%s", firstDifference(pieces[0], want))
	}
	cursor := len(pieces[0])
	for k, p := range pieces[1:] {
		i := strings.Index(want[cursor:], p)
		if k == len(pieces)-2 {
			i = len(want) - cursor - len(p)
			if i < 0 || want[cursor+i:] != p {
				t.Fatalf("body differs after the last mojibake spot:\n%s", firstDifference(p, want[cursor:]))
			}
		}
		if i < 0 {
			t.Fatalf("text after spot %d not found in the demo body:\n%.300s", k+1, p)
		}
		if gap := utf8.RuneCountInString(want[cursor : cursor+i]); gap == 0 || gap > 8 {
			t.Errorf("spot %d stands for %q in the demo body", k+1, want[cursor:cursor+i])
		}
		cursor += i + len(p)
	}
}

func firstDifference(a, b string) string {
	ra, rb := []rune(a), []rune(b)
	for i := range ra {
		if i >= len(rb) || ra[i] != rb[i] {
			from := max(0, i-20)
			return "got:  …" + string(ra[from:min(len(ra), i+20)]) + "\nwant: …" + string(rb[from:min(len(rb), i+20)])
		}
	}
	return "got is shorter"
}
