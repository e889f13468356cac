package markdown

import (
	"strings"
	"testing"
)

// newsBody is a campus Party-building news article of about 3 KB, wrapped
// the way authors write Markdown.
const newsBody = `11月20日下午，信息工程学院党委在学院报告厅召开**学习贯彻党的二十届三中全会精神**专题
会议。学院党委书记、院长，各党支部书记、全体教职工党员及学生党员代表共120余人参加会议。
会议由学院党委副书记主持。

<!--more-->

## 一、主要做法

会上，学院党委书记以《深入学习贯彻全会精神，**奋力推进学院高质量发展**》为题，
从全会召开的重大意义、主要内容和贯彻落实要求三个方面作了系统宣讲。他指出，
全院师生要把学习宣传贯彻全会精神作为当前和今后一个时期的**首要政治任务**，
做到学深悟透、融会贯通。

各支部结合实际，采取“**三会一课**”、主题党日、专题研讨等形式开展学习：

1. 教工第一党支部组织开展“**党建+专业**”融合研讨，围绕课程思政建设交流心得；
2. 学生第二党支部开展“**红色宿舍**”创建活动，推动党员亮身份、作表率；
3. 离退休党支部通过“*银龄讲堂*”，邀请老党员讲述奋斗故事。

| 支部 | 党员人数 | 开展活动（次） |
|:---|---:|---:|
| 教工第一党支部 | 32 | 6 |
| 学生第二党支部 | 58 | 9 |
| 离退休党支部 | 21 | 4 |

## 二、工作成效

通过系列学习活动，广大党员进一步坚定了理想信念，增强了“四个意识”、坚定了
“四个自信”、做到了“两个维护”。学生党员王同学表示：“作为新时代青年，我们要
**把个人理想融入国家发展大局**，在科技创新中贡献青春力量。”

> 支部
> 书记们一致认为，要以全会精神为指引，把党建工作与人才培养、科学研究、社会服务
> 深度融合，真正做到“两手抓、两促进”。

会议强调，各党支部要把学习贯彻全会精神与**“不忘初心、牢记使命”**主题教育成果巩固结合起来，
与落实立德树人根本任务结合起来，与解决师生急难愁盼问题结合起来；要加强对青年教师和
学生骨干的政治引领，把全会精神转化为推动学院改革发展的强大动力。

学院还编印了学习资料汇编[^1]，并在学院网站开设专栏，持续推出学习体会文章。

## 三、下一步打算

- [x] 完成全会精神全覆盖宣讲
- [ ] 开展“学全会、促发展”主题征文活动
- [ ] 组织党员赴红色教育基地开展现场教学

学院党委将以此次会议为新的起点，**持续深化理论武装，
扎实推进基层党组织标准化规范化建设**，以高质量党建引领学院事业高质量发展，为建设
特色鲜明的高水平大学作出新的更大贡献。

[^1]: 学习资料汇编共收录文章36篇，已发放至各党支部。
`

func BenchmarkRender(b *testing.B) {
	r := New(Options{})
	src := []byte(newsBody)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		r.Render(src, Doc{})
	}
}

// BenchmarkRenderAtLimits renders the shapes goldmark is slowest or
// greediest on, each just inside the limits of limits.go (512 KB, unless
// another limit comes first); each should stay under a second and 100 MB:
//
//	go test ./internal/markdown -run '^$' -bench AtLimits -benchtime 1x
func BenchmarkRenderAtLimits(b *testing.B) {
	nestedList := func(depth int) string {
		var s strings.Builder
		for i := 0; s.Len() < MaxBytes-200; i++ {
			s.WriteString(strings.Repeat("  ", i%depth) + "- a\n")
		}
		return s.String()
	}
	for _, c := range []struct{ name, src string }{
		{"brackets-10k-then-close", repeat("[", maxBrackets) + repeat("]", MaxBytes-maxBrackets)},
		{"bracket-emphasis", repeat("[*", 20_000) + repeat("*]", 20_000) + repeat("x", MaxBytes-80_000)},
		{"unclosed-links-one-paragraph", repeat("[a](", 4*4900) + repeat("x", 400)},
		{"unclosed-images-one-paragraph", repeat("![a](", 5*3900) + repeat("x", 800)},
		{"list-indented-64-deep", nestedList(64)},
		{"quotes-32-deep", repeat(strings.Repeat("> ", 32)+"x\n", MaxBytes)},
		{"unbalanced-code-spans", repeat("`` ` ", MaxBytes)},
		{"headings-19k", repeat("# a\n", 4*19_000)},
		{"chinese-text", repeat("中文段落，内容较长的一行文字。", MaxBytes-10)},
	} {
		src := []byte(c.src)
		b.Run(c.name, func(b *testing.B) {
			if line, msg := CheckLimits(src); msg != "" {
				b.Fatalf("refused at line %d: %s", line, msg)
			}
			b.ReportAllocs()
			for b.Loop() {
				r := New(Options{})
				r.Render(src, Doc{})
			}
		})
	}
}
