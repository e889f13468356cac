package proofread

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// FuzzFix: the fixer is idempotent, leaves nothing fixable behind, keeps
// lines and line endings, and never changes code, HTML, URLs, link
// destinations or numbers.
func FuzzFix(f *testing.F) {
	seeds := []string{
		"", "会议召开,部署工作", "时间:10:30,共1,000人,增长3.14%", "党委(党总支)书记", "（党委)", "真的吗?!",
		"推进“示范?!薄皹?biāo)桿院系”", "会议， 部署 。", "`中,文`,中文", "```\n中,文\n```", "    中,文",
		"<div>中,文</div>", "见<https://a.cn/中,文>,再看", "见https://a.cn/x,y(中)文", "[通知(全文)](a(1).md),好",
		"![合影](主题 党日.jpg)", "**真,**她", "中文\\,中文\\(注\\)", "| 学习,实践 |\n|---|\n| 中(文) |",
		"正文[^1],继续\n\n[^1]: 注释,说明", "会议召开,\r\n部署工作:\r\n", "要著力提高，显著力量，做为党员",
		"一.主要做法\n二.经验", "Hello, world (you) 3.14", "中文 ,中文", "(中(文)", "中)文(", "中* ,*文",
		"10月26日上午,学校在新图书馆九楼会议室召开专题会议,交流省级党建“双创”项目创建经验。各基层党委(党总支)书记参加会议。",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) { checkFix(t, src, fuzzWords) })
}

// FuzzFixTokens is FuzzFix on text made of the pieces the rules look at,
// one piece a byte, so that mutations meet them far more often.
func FuzzFixTokens(f *testing.F) {
	f.Add([]byte{0, 4, 1, 9, 2, 5, 3, 11})
	f.Add([]byte{0, 6, 7, 1, 8, 12, 0, 13, 14, 0, 7, 15, 16})
	f.Fuzz(func(t *testing.T, picks []byte) {
		var b strings.Builder
		for _, p := range picks {
			b.WriteString(tokens[int(p)%len(tokens)])
		}
		checkFix(t, b.String(), fuzzWords)
	})
}

var tokens = []string{
	"中", "文", "一", "吗", ",", ".", "(", ")", ":", ";", "?", "!", " ", "\n", "\r\n", "`",
	"*", "_", "~", "[", "]", "<", ">", "\\", "#", "|", "-", "1", "a", "，", "。", "（", "）",
	"“", "”", "https://", "www.", "@", "著力", "显著", "两个捍卫", "    ", "```", "\n\n", "]: ", "[^1]",
	"&amp;", "<b>", "+++", "> ", "1. ", "\"", "'", "/", "=",
}

var fuzzWords = &Words{Forbidden: []string{"禁用"}, Variants: append(Standard(), WordVariant{Wrong: "两个捍卫", Right: "两个维护", Phrasing: true})}

func checkFix(t *testing.T, src string, words *Words) {
	t.Helper()
	in := []byte(src)
	findings, fixed := Markdown(in, words)
	if again := Fix(fixed, words); !bytes.Equal(again, fixed) {
		t.Fatalf("not idempotent:\n in    %q\n fixed %q\n again %q", src, fixed, again)
	}
	left, _ := Markdown(fixed, words)
	for _, fd := range left {
		if fd.Fixable() {
			t.Fatalf("fixable finding left in %q: %+v", fixed, fd)
		}
	}
	if bytes.Count(fixed, []byte("\n")) != bytes.Count(in, []byte("\n")) ||
		bytes.Count(fixed, []byte("\r")) != bytes.Count(in, []byte("\r")) {
		t.Fatalf("lines changed: %q → %q", src, fixed)
	}
	for _, fd := range findings {
		if fd.Line < 1 || fd.Column < 1 || fd.Text == "" {
			t.Fatalf("bad finding %+v in %q", fd, src)
		}
	}
	if a, b := verbatim(in), verbatim(fixed); !slices.Equal(a, b) {
		t.Fatalf("code, HTML or URLs changed:\n in    %q\n fixed %q\n %q\n→%q", src, fixed, a, b)
	}
	if a, b := numbers.FindAllString(src, -1), numbers.FindAllString(string(fixed), -1); !slices.Equal(a, b) {
		t.Fatalf("numbers changed: %q → %q", a, b)
	}

}

var numbers = regexp.MustCompile(`[0-9]+(?:[.,:][0-9]+)+`)

// verbatim lists what a fix must leave as it is: code spans and blocks,
// HTML, link and image destinations, autolinks, and the bare URLs and
// e-mail addresses in the text.
func verbatim(src []byte) []string {
	var out []string
	doc := markdownParser.Parse(text.NewReader(src))
	lines := func(n ast.Node) {
		var b strings.Builder
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			b.Write(seg.Value(src))
		}
		out = append(out, n.Kind().String()+" "+b.String())
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
			lines(n)
		case *ast.CodeSpan:
			var b strings.Builder
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					b.Write(t.Segment.Value(src))
				}
			}
			out = append(out, "code "+b.String())
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				out = append(out, "html "+string(seg.Value(src)))
			}
		case *ast.Link:
			out = append(out, "link "+string(n.Destination))
		case *ast.Image:
			out = append(out, "image "+string(n.Destination))
		case *ast.AutoLink:
			out = append(out, "autolink "+string(n.URL(src)))
		}
		return ast.WalkContinue, nil
	})
	for _, b := range proseBlocks(src, true) {
		protect(b)
		run := ""
		for _, c := range b {
			if c.keep && !c.marker() {
				run += c.now
			} else if run != "" {
				out = append(out, "kept "+run)
				run = ""
			}
		}
		if run != "" {
			out = append(out, "kept "+run)
		}
	}
	return out
}
