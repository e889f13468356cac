package importer

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

const wechatPage = `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta property="og:title" content="og 标题">
<title>网页标题</title>
<script>var ct = "1761449400"; document.write("<p>脚本</p>");</script>
<style>p{color:red}</style></head>
<body><div id="page-content">
<h1 class="rich_media_title" id="activity-name">
    “码上先锋”志愿服务队走进社区
</h1>
<a id="js_name">示例大学党委组织部</a>
<em id="publish_time">2025-10-18 20:15</em>
<div class="rich_media_content" id="js_content" style="visibility: visible;">
<section style="text-align: justify;"><p><span style="font-size:15px;">10月18日，信息与计算机学院
学生第一党支部开展<strong>“数字助老”</strong>志愿服务活动。</span></p>
<p><ruby>學<rt>xué</rt></ruby>生党员手把手教老人使用手机。</p>
<p><br></p>
<p style="text-align:center"><img data-src="https://mmbiz.qpic.cn/mmbiz_jpg/abc/640?wx_fmt=jpeg" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></p>
<p style="text-align:center"><span style="color:#888">志愿者在社区广场搭起服务帐篷</span></p>
<p style="text-align:center"><img src="./page_files/640.jpeg" alt=""></p>
<p style="text-align:center">【图2】老人们认真学习</p>
<ul><li>解答手机问题60余个</li><li>讲解防诈骗知识</li></ul>
<p style="display:none">隐藏的文字</p>
<p>（文/程思远 图/程思远
审核/林子涵 张敏 编辑/王存宏）</p>
</section></div>
<div id="js_pc_qr_code">微信扫一扫关注该公众号</div>
</div></body></html>`

func TestImportWeChatHTML(t *testing.T) {
	files := fstest.MapFS{"page_files/640.jpeg": {Data: []byte("jpeg bytes")}}
	b, err := Import("文章.html", []byte(wechatPage), Options{Files: files, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, cst)})
	if err != nil {
		t.Fatal(err)
	}
	if b.Title != "“码上先锋”志愿服务队走进社区" {
		t.Errorf("title = %q", b.Title)
	}
	if want := time.Date(2025, 10, 18, 20, 15, 0, 0, cst); !b.Date.Equal(want) {
		t.Errorf("date = %v, want %v", b.Date, want)
	}
	want := "10月18日，信息与计算机学院学生第一党支部开展**“数字助老”**志愿服务活动。\n\n" +
		"学生党员手把手教老人使用手机。\n\n" +
		"![志愿者在社区广场搭起服务帐篷](https://mmbiz.qpic.cn/mmbiz_jpg/abc/640?wx_fmt=jpeg)\n\n【图1】志愿者在社区广场搭起服务帐篷\n\n" +
		"![老人们认真学习](image-2.jpg)\n\n【图2】老人们认真学习\n\n" +
		"- 解答手机问题60余个\n- 讲解防诈骗知识\n"
	if b.Body != want {
		t.Errorf("body:\n%s\nwant:\n%s", b.Body, want)
	}
	if string(b.Files["image-2.jpg"]) != "jpeg bytes" {
		t.Errorf("the saved picture was not copied: %v", b.Files)
	}
	if strings.Join(b.Byline.Writers, "") != "程思远" || strings.Join(b.Byline.Reviewers, " ") != "林子涵 张敏" || strings.Join(b.Byline.Editors, "") != "王存宏" {
		t.Errorf("byline = %+v", b.Byline)
	}
	report := reportText(b)
	if !strings.Contains(report, "网络图片") || !strings.Contains(report, "<ruby>") {
		t.Errorf("report:\n%s", report)
	}
	if !strings.Contains(string(b.Index), `review = "draft"`) {
		t.Errorf("a page with a remote picture is not marked for review")
	}
}

func TestImportHTMLFallsBackToTheLargestContent(t *testing.T) {
	page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>学校召开推进会-党委组织部</title></head><body>
<div class="nav"><a href="/">首页</a> 当前位置：首页 &gt; 工作动态</div>
<div class="v_news_content"><p>　　会议强调，要把党建“双创”工作作为中心任务，认真落实各项创建要求，确保按时按质按量完成。会议还部署了下一阶段的重点工作，要求各单位密切配合、形成合力，推动创建工作取得实效。</p>
<table><tr><th>单位</th><th>项目</th></tr><tr><td>农学院党委</td><td>标杆院系</td></tr></table></div>
<div class="footer">版权所有</div></body></html>`
	b, err := Import("page.htm", []byte(page), Options{Date: time.Date(2025, 10, 26, 11, 30, 0, 0, cst)})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.Body, "首页") || strings.Contains(b.Body, "版权所有") {
		t.Errorf("navigation or footer imported:\n%s", b.Body)
	}
	if !strings.HasPrefix(b.Body, "会议强调") || !strings.Contains(b.Body, "| 农学院党委 | 标杆院系 |") {
		t.Errorf("body:\n%s", b.Body)
	}
	if b.Title != "学校召开推进会-党委组织部" {
		t.Errorf("title = %q", b.Title)
	}
}

// Links and pictures to script never reach the Markdown: javascript:,
// vbscript: and data: links keep only their text, a data: "picture" that
// is a web page is not written into the bundle (it would be published as
// a page of the site), a data: picture is.
func TestImportDropsScriptAddresses(t *testing.T) {
	page := `<html><body><article>
<p>看<a href="javascript:void(0)">甲</a>、<a href="VBScript:msgbox(1)">乙</a>、<a href="data:text/html;base64,PHNjcmlwdD4=">丙</a>和<a href="https://www.example.edu.cn/">学校</a>。</p>
<p><img src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==" alt="假图"></p>
<p><img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" alt="矢量图"></p>
<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="真图"></p>
</article></body></html>`
	b, err := Import("a.html", []byte(page), Options{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, cst)})
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"javascript", "VBScript", "data:", "假图", "矢量图"} {
		if strings.Contains(b.Body, bad) {
			t.Errorf("body holds %q:\n%s", bad, b.Body)
		}
	}
	if !strings.Contains(b.Body, "看甲、乙、丙和[学校](https://www.example.edu.cn/)。") || !strings.Contains(b.Body, "![真图](image-1.gif)") {
		t.Errorf("body:\n%s", b.Body)
	}
	if len(b.Files) != 1 || b.Files["image-1.gif"] == nil {
		t.Errorf("files: %v", len(b.Files))
	}
	if report := reportText(b); strings.Count(report, "不是图片的内嵌内容") != 2 {
		t.Errorf("report:\n%s", report)
	}
}
