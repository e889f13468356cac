package markdown

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// renderInline renders src with New(Options{}) and strips the <p> wrapper.
func renderInline(t *testing.T, src string) string {
	t.Helper()
	out := New(Options{}).Render([]byte(src), Doc{}).HTML
	return strings.TrimSuffix(strings.TrimPrefix(out, "<p>"), "</p>\n")
}

func TestCJKEmphasis(t *testing.T) {
	tests := []struct{ src, want string }{
		{"**真，**她", "<strong>真，</strong>她"},
		{"这是**“强调”**内容", "这是<strong>“强调”</strong>内容"},
		{"中文**强调**中文", "中文<strong>强调</strong>中文"},
		{"*斜体。*后文", "<em>斜体。</em>后文"},
		{"**坚持党的领导。**全体师生", "<strong>坚持党的领导。</strong>全体师生"},
		{"学习**《党章》**精神", "学习<strong>《党章》</strong>精神"},
		{"他说：**“不忘初心。”**然后", "他说：<strong>“不忘初心。”</strong>然后"},
		{"活动（**第一阶段**）结束", "活动（<strong>第一阶段</strong>）结束"},
		{"**（一）**加强组织", "<strong>（一）</strong>加强组织"},
		{"～**强调**～", "～<strong>强调</strong>～"},
		{"*一*二*三*", "<em>一</em>二<em>三</em>"},
		{"~~删除，~~后文", "<del>删除，</del>后文"},
		// CJK punctuation counts as a letter, whatever the other side.
		{"**完成。**Next", "<strong>完成。</strong>Next"},
		{"Go**「语言」**", "Go<strong>「语言」</strong>"},
		{"日本語**「強調」**です", "日本語<strong>「強調」</strong>です"},
		{"한국어 **강조**입니다", "한국어 <strong>강조</strong>입니다"},
		// `_` keeps the CommonMark ban on intraword emphasis.
		{"中文_强调_中文", "中文_强调_中文"},
		{"，_强调_，", "，<em>强调</em>，"},
		// Unmatched delimiters stay literal.
		{"** 不是强调 **", "** 不是强调 **"},
		{"中文**未闭合", "中文**未闭合"},
	}
	for _, tt := range tests {
		if got := renderInline(t, tt.src); got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.src, got, tt.want)
		}
	}
}

func TestEnglishEmphasisUnchanged(t *testing.T) {
	tests := []struct{ src, want string }{
		{"**foo**bar", "<strong>foo</strong>bar"},
		{"*foo*bar", "<em>foo</em>bar"},
		{"a * b * c", "a * b * c"},
		{"snake_case_words", "snake_case_words"},
		{"_foo_bar", "_foo_bar"},
		{"foo-_(bar)_", "foo-<em>(bar)</em>"},
		{`a**"foo"**`, "a**&quot;foo&quot;**"},
		{`**foo "*bar*" foo**`, "<strong>foo &quot;<em>bar</em>&quot; foo</strong>"},
		{"*(*foo*)*", "<em>(<em>foo</em>)</em>"},
		{"__foo, __bar__, baz__", "<strong>foo, <strong>bar</strong>, baz</strong>"},
		{"*foo**bar**baz*", "<em>foo<strong>bar</strong>baz</em>"},
		{"**foo,**bar", "**foo,**bar"},
		{"~~gone~~ stays", "<del>gone</del> stays"},
		{"a ~~~three~~~", "a ~~~three~~~"},
	}
	for _, tt := range tests {
		if got := renderInline(t, tt.src); got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.src, got, tt.want)
		}
	}
}

// TestCommonMarkEmphasisSpec runs the "Emphasis and strong emphasis"
// examples of the CommonMark 0.31.2 spec (testdata, taken from goldmark's
// copy of spec.json) through goldmark with only the emphasis parser
// replaced: none of them contains CJK text, so all must still pass.
func TestCommonMarkEmphasisSpec(t *testing.T) {
	data, err := os.ReadFile("testdata/commonmark_emphasis.json")
	if err != nil {
		t.Fatal(err)
	}
	var examples []struct {
		Example  int
		Markdown string
		HTML     string
	}
	if err := json.Unmarshal(data, &examples); err != nil {
		t.Fatal(err)
	}
	if len(examples) < 100 {
		t.Fatalf("only %d examples in testdata", len(examples))
	}
	var inline []util.PrioritizedValue
	for _, v := range inlineParsers() {
		if _, strike := v.Value.(cjkStrikethroughParser); !strike {
			inline = append(inline, v)
		}
	}
	p := parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(inline...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)
	md := goldmark.New(goldmark.WithParser(p), goldmark.WithRendererOptions(html.WithXHTML(), html.WithUnsafe()))
	for _, ex := range examples {
		var buf bytes.Buffer
		if err := md.Convert([]byte(ex.Markdown), &buf); err != nil {
			t.Fatal(err)
		}
		if buf.String() != ex.HTML {
			t.Errorf("example %d %q:\n got %q\nwant %q", ex.Example, ex.Markdown, buf.String(), ex.HTML)
		}
	}
}

func TestFlanking(t *testing.T) {
	tests := []struct {
		before, after rune
		left, right   bool
	}{
		{' ', 'a', true, false},
		{'a', ' ', false, true},
		{'a', 'b', true, true},
		{'a', '"', false, true},      // CommonMark: not left-flanking
		{'"', 'a', true, false},      // CommonMark: not right-flanking
		{'是', '“', true, true},       // amendment: CJK before non-CJK punctuation
		{'”', '内', true, true},       // amendment: non-CJK punctuation before CJK
		{'，', '她', true, true},       // CJK punctuation counts as a letter
		{'\u3000', '强', true, false}, // ideographic space is whitespace
	}
	for _, tt := range tests {
		left, right := flanking(tt.before, tt.after)
		if left != tt.left || right != tt.right {
			t.Errorf("flanking(%q, %q) = %v, %v; want %v, %v", tt.before, tt.after, left, right, tt.left, tt.right)
		}
	}
}

// TestStockGoldmarkFailsCJK documents why the extension exists: without
// it, the first CJK cases above stay literal.
func TestStockGoldmarkFailsCJK(t *testing.T) {
	for _, src := range []string{"**真，**她", "这是**“强调”**内容", "*斜体。*后文"} {
		var buf bytes.Buffer
		if err := goldmark.New().Convert([]byte(src), &buf); err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(buf.Bytes(), []byte("<strong>")) || bytes.Contains(buf.Bytes(), []byte("<em>")) {
			t.Errorf("stock goldmark now renders %q as emphasis: %q; is the extension still needed?", src, buf.String())
		}
	}
}
