package importer

import (
	"strings"
	"testing"
	"unicode"
)

func TestParseByline(t *testing.T) {
	tests := []struct {
		in                                           string
		writers, photos, reviewers, editors, sources string
	}{
		{"特约通讯员:储德丹 摄影:陈宝 审核:钱锐 姚文均 编辑:李锦", "储德丹", "陈宝", "钱锐 姚文均", "李锦", ""},
		{"图文:季天宇 初审:严英 编辑:王存宏 审核:张敏", "季天宇", "", "严英 张敏", "王存宏", ""},
		{"撰稿人:付妍;一审:严英;二审:王存宏;三审:张敏", "付妍", "", "严英 王存宏 张敏", "", ""},
		{"撰稿人:付妍;一审:…;二审:…;三审:…", "付妍", "", "", "", ""},
		{"文/张三 图/李四 审/王五", "张三", "李四", "王五", "", ""},
		{"供稿|组织部,审稿|钱锐", "组织部", "", "钱锐", "", ""},
		{"通讯员：张三、李四　摄影：王五　责任编辑：赵六　来源：党委宣传部", "张三 李四", "王五", "", "赵六", "党委宣传部"},
		{"文 / 张三  图 / 李四", "张三", "李四", "", "", ""},
		{"网络编辑:李锦 终审:钱锐", "", "", "钱锐", "李锦", ""},
	}
	for _, tt := range tests {
		b, ok := ParseByline(tt.in)
		if !ok {
			t.Errorf("ParseByline(%q) found no byline", tt.in)
			continue
		}
		got := []string{strings.Join(b.Writers, " "), strings.Join(b.Photographers, " "), strings.Join(b.Reviewers, " "), strings.Join(b.Editors, " "), strings.Join(b.Sources, " ")}
		want := []string{tt.writers, tt.photos, tt.reviewers, tt.editors, tt.sources}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("ParseByline(%q) = %q, want %q", tt.in, got, want)
		}
	}
}

func TestParseBylineRefuses(t *testing.T) {
	for _, in := range []string{"党总支", "CPC", "", "一是提高政治站位:压实主体责任", "详见附件", "见图:1"} {
		if b, ok := ParseByline(in); ok {
			t.Errorf("ParseByline(%q) = %+v, want no byline", in, b)
		}
	}
}

func TestExtractByline(t *testing.T) {
	tests := []struct{ in, rest, credit string }{
		{"进行了汇报。(特约通讯员:储德丹 摄影:陈宝 审核:钱锐 姚文均 编辑:李锦)", "进行了汇报。", "(特约通讯员:储德丹 摄影:陈宝 审核:钱锐 姚文均 编辑:李锦)"},
		{"全文完。\n（图文：季天宇 初审：严英 编辑：王存宏 审核：张敏）\n", "全文完。", "（图文：季天宇 初审：严英 编辑：王存宏 审核：张敏）"},
		{"正文。\n文/张三 图/李四 审/王五", "正文。", "文/张三 图/李四 审/王五"},
		{"正文。【撰稿：付妍 审核：张敏】", "正文。", "【撰稿：付妍 审核：张敏】"},
		{"书记参加会议(党总支)", "书记参加会议(党总支)", ""},
		{"成立于2020年(CPC)", "成立于2020年(CPC)", ""},
	}
	for _, tt := range tests {
		rest, _, credit, _ := ExtractByline(tt.in)
		if rest != tt.rest || credit != tt.credit {
			t.Errorf("ExtractByline(%q) = %q, %q; want %q, %q", tt.in, rest, credit, tt.rest, tt.credit)
		}
	}
}

// FuzzExtractByline: never a panic; the text is the rest, white space and
// the credit, and every name found is written in the credit.
func FuzzExtractByline(f *testing.F) {
	for _, s := range []string{
		"进行了汇报。(特约通讯员:储德丹 摄影:陈宝 审核:钱锐 姚文均 编辑:李锦)",
		"（撰稿人:付妍;一审:…;二审:…;三审:…）", "文/… 图/… 审/…", "(供稿|…,审稿|…)", "(党总支)", "(", "：）", "文:",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rest, b, credit, ok := ExtractByline(s)
		if !ok {
			if rest != s || credit != "" || !b.Empty() {
				t.Fatalf("no byline, yet the text changed")
			}
			return
		}
		trimmed := strings.TrimRightFunc(s, unicode.IsSpace)
		if !strings.HasPrefix(trimmed, rest) || !strings.HasSuffix(trimmed, credit) {
			t.Fatalf("rest %q and credit %q do not make up %q", rest, credit, s)
		}
		if strings.TrimSpace(trimmed[len(rest):len(trimmed)-len(credit)]) != "" {
			t.Fatalf("text lost between rest and credit")
		}
		for _, names := range [][]string{b.Writers, b.Photographers, b.Reviewers, b.Editors, b.Sources} {
			for _, n := range names {
				if n == "" || !strings.Contains(credit, n) {
					t.Fatalf("name %q is not in the credit %q", n, credit)
				}
			}
		}
	})
}
