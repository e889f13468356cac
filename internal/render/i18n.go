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
// given back as it is. A word with {{ .Count }} or {{ . }} shows the
// value the call passes ({{ i18n "reportCount" 3 }}, see i18nfiles.go);
// a site's i18n/ files override and extend the table.
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
	"newestPage":     {"最新", "Newest"},
	"newerPage":      {"较新", "Newer"},
	"olderPage":      {"较早", "Older"},
	"itemCount":      {"共 {{ .Count }} 条", "{{ .Count }} items"},
	"pageOf":         {"，第 {{ .Number }}/{{ .Total }} 页", ", page {{ .Number }} of {{ .Total }}"},
	"pageNumber":     {"第 {{ .Count }} 页", "Page {{ .Count }}"},
	"pageParen":      {"（第 {{ .Count }} 页）", " (page {{ .Count }})"},
	"spanParen":      {"（{{ . }}）", " ({{ . }})"},
	"byMonth":        {"按月份浏览", "Browse by month"},
	"monthValue":     {"{{ .Month }}月", "{{ .Name }}"},
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
	"draft":          {"草稿", "Draft"},
	"colon":          {"：", ": "},
	"countParen":     {"（{{ .Count }}）", " ({{ .Count }})"},
	// the showcase pages: profiles, facets, the matrix
	"profileKind":      {"创建类型", "Type"},
	"profileLevel":     {"级别", "Level"},
	"profileStatus":    {"建设阶段", "Stage"},
	"profileYear":      {"立项年度", "Year approved"},
	"yearValue":        {"{{ .Count }}年", "{{ .Count }}"},
	"profileBatch":     {"批次", "Batch"},
	"profileDocNo":     {"立项文号", "Approval document"},
	"profileCollege":   {"所属院系", "School"},
	"profileSecretary": {"书记", "Secretary"},
	"profileBrand":     {"党建品牌", "Brand"},
	"profileMembers":   {"党员人数", "Party members"},
	"membersValue":     {"{{ .Count }} 名", "{{ .Count }}"},
	"honours":          {"所获荣誉", "Honours"},
	"evidence":         {"创建成果", "Results"},
	"evidenceAgainst":  {"（对标“{{ . }}”）", " (against “{{ . }}”)"},
	"otherReports":     {"其他报道", "Other reports"},
	"reportCount":      {"（{{ .Count }} 篇）", "({{ .Count }})"},
	"noReports":        {"暂无相关报道。", "No reports yet."},
	"branchFeed":       {"订阅本支部动态（RSS）", "Follow this branch (RSS)"},
	"brandLabel":       {"党建品牌：", "Brand: "},
	"collegeLabel":     {"所属院系：", "School: "},
	"noProfiles":       {"暂无创建单位。", "No units yet."},
	"browseFacets":     {"按类型、级别、阶段浏览", "Browse by type, level and stage"},
	"facet-kind":       {"类型", "Type"},
	"facet-level":      {"级别", "Level"},
	"facet-status":     {"建设阶段", "Stage"},
	"all":              {"全部", "All"},
	"matrix":           {"对标矩阵", "Benchmark matrix"},
	"matrixIntro": {"每个创建单位对照本类型的建设标准，各条目下列出已发布的相关报道数量，点击数字查看报道。",
		"Each unit against the standard of its type: the number of published reports under each item. Follow a number to read them."},
	"matrixPending": {"“{{ . }}”各条目的表述正在与上级文件核对（待核实），暂以序号列出。",
		"The wording of the items of “{{ . }}” is being checked against the official text: they are listed by number for now."},
	"matrixScroll":  {"对标矩阵（可左右滑动）", " benchmark matrix (scrolls sideways)"},
	"matrixCaption": {"对照“{{ . }}”的报道数量", ": reports against “{{ . }}”"},
	"matrixCell":    {"{{ .Unit }}：{{ .Item }}，{{ .Count }} 篇", "{{ .Unit }}: {{ .Item }}, {{ .Count }} reports"},
	"unit":          {"创建单位", "Unit"},
	"itemNumber":    {"第{{ .Count }}条", "Item {{ .Count }}"},
	"total":         {"合计", "Total"},
	"nothing":       {"暂无", "None"},
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

// dateSpanIn is the days from one date to another as the language writes
// them: 2024年8月3日至9日, 2024年7月30日至8月2日, August 3, 2024 – August 9, 2024.
func dateSpanIn(code string, from, to time.Time) string {
	if from.IsZero() || to.IsZero() {
		return dateIn(code, from) + dateIn(code, to)
	}
	a, b := from.In(cst), to.In(cst)
	switch {
	case a.Year() == b.Year() && a.YearDay() == b.YearDay():
		return dateIn(code, a)
	case English(code):
		return dateIn(code, a) + " – " + dateIn(code, b)
	case a.Year() != b.Year():
		return dateIn(code, a) + "至" + dateIn(code, b)
	case a.Month() != b.Month():
		return dateIn(code, a) + fmt.Sprintf("至%d月%d日", int(b.Month()), b.Day())
	}
	return dateIn(code, a) + fmt.Sprintf("至%d日", b.Day())
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
