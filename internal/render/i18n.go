package render

import (
	"fmt"
	"strings"
	"time"
)

// The theme's fixed words in the language of the page, as Hugo's i18n
// function gives them: {{ i18n "home" }} is 首页 on a site in Chinese (and
// on every site without languages) and "Home" on an en language's pages
// (a language whose code starts with "en"). A key not in the table is
// given back as it is.
var words = map[string][2]string{ // key → Chinese, English
	"home":           {"首页", "Home"},
	"skipToContent":  {"跳到正文", "Skip to content"},
	"mainNav":        {"主导航", "Main navigation"},
	"search":         {"搜索", "Search"},
	"siteSearch":     {"站内搜索", "Search this site"},
	"searchKeywords": {"搜索关键词", "Search terms"},
	"searchHint":     {"输入关键词，如 样板支部、三会一课", "Type a word to search for"},
	"moreResults":    {"更多结果", "More results"},
	"noscript":       {"站内搜索需要浏览器启用 JavaScript。您也可以按栏目浏览：", "Search needs JavaScript. You can browse by section:"},
	"youAreHere":     {"当前位置", "You are here"},
	"youAreHereText": {"当前位置：", "You are here: "},
	"content":        {"正文", "Article"},
	"pagination":     {"分页", "Pages"},
	"firstPage":      {"首页", "First"},
	"prevPage":       {"上一页", "Previous"},
	"nextPage":       {"下一页", "Next"},
	"lastPage":       {"尾页", "Last"},
	"prevNext":       {"上一篇与下一篇", "Previous and next"},
	"prevArticle":    {"上一篇：", "Previous: "},
	"nextArticle":    {"下一篇：", "Next: "},
	"none":           {"没有了", "None"},
	"related":        {"相关报道", "Related"},
	"sitemap":        {"网站地图", "Sitemap"},
	"rss":            {"RSS 订阅", "RSS"},
	"published":      {"发布时间：", "Published: "},
	"sectionLabel":   {"栏目：", "Section: "},
	"notFound":       {"页面未找到", "Page not found"},
	"notFoundText":   {"您访问的页面不存在或已被移除。", "The page you asked for does not exist or was removed."},
	"backHome":       {"返回首页", "Back to the home page"},
	"languages":      {"语言", "Languages"},
}

// English reports a language whose pages the theme words in English.
func English(code string) bool { return code == "en" || strings.HasPrefix(code, "en-") }

// T is the theme's word for key in the language of code ("" or "zh":
// Chinese).
func T(code, key string) string {
	w, ok := words[key]
	if !ok {
		return key
	}
	if English(code) {
		return w[1]
	}
	return w[0]
}

// dateIn is a date as the language writes it: 2025年10月26日, October 26, 2025.
func dateIn(code string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(cst)
	if English(code) {
		return t.Format("January 2, 2006")
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}
