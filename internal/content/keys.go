package content

import (
	"sort"
	"strings"
	"sync/atomic"

	"showcase/internal/config"
	"showcase/internal/lang"
)

// Key is a front-matter key the build reads.
type Key struct {
	Name    string // as written in front matter (Hugo's spelling; case does not matter)
	Type    string // text, date, true/false, number, list, table
	Meaning string // in Chinese, as staff know it
}

// Keys are the front-matter keys a page's build reads, besides the site's
// taxonomies (tags, categories, branches, … from site.toml). Every other
// key is kept in .Params for templates; one that looks like a misspelt
// known key is a warning (UnknownKey), since the value it was meant to
// carry would vanish.
var Keys = []Key{
	{"title", "text", "标题"},
	{"subtitle", "text", "副标题"},
	{"date", "date", "发布日期和时间（不写时区即北京时间）"},
	{"lastmod", "date", "最后修改时间"},
	{"publishDate", "date", "定时发布：此时间之前不发布"},
	{"expiryDate", "date", "过期时间：此时间之后不再发布"},
	{"draft", "true/false", "草稿：true 时不发布"},
	{"weight", "number", "排序权重：小的在前"},
	{"slug", "text", "网址中的文件夹名（小写字母、数字和 -）"},
	{"aliases", "list", "旧网址，生成跳转页"},
	{"summary", "text", "摘要，显示在列表页"},
	{"review", "text", "审核状态：draft（待审）或 reviewed（审核通过）"},
	{"criteria", "list", "对标条目编号，见 site.toml"},
	{"cover", "text", "封面照片的文件名"},
	{"cover_alt", "text", "封面照片说明（替代文本）"},
	{"author", "text", "通讯员、撰稿（也可写 writer）"},
	{"photographer", "text", "摄影"},
	{"reviewer", "list", "审核人（也可写 reviewers）"},
	{"editor", "text", "编辑"},
	{"source", "text", "来源"},
	{"resources", "list", "图集照片：每项 src（文件名）、title（照片说明）、params.photographer"},
	{"photos", "list", "图集照片的另一种写法：每项 src、caption、photographer"},
	{"params", "table", "模板使用的其他参数；支部简介的 kind、level 等也可写在这里"},
	// a branch profile's fields, at the top or under [params]
	{"kind", "text", "支部简介：类型（样板支部 / 标杆院系 / 示范高校）"},
	{"level", "text", "支部简介：级别（全国 / 省级 / 校级）"},
	{"year", "number", "支部简介：立项年份"},
	{"batch", "text", "支部简介：批次"},
	{"doc_no", "text", "支部简介：立项文号"},
	{"status", "text", "支部简介：建设阶段"},
	{"college", "text", "支部简介：所属院系"},
	{"secretary", "text", "支部简介：支部书记"},
	{"brand", "text", "支部简介：党建品牌"},
	{"members", "number", "支部简介：党员人数"},
	{"honours", "list", "支部简介：所获荣誉"},
}

// aliasKeys are other spellings the build reads as a known key.
var aliasKeys = []string{"coverAlt", "writer", "reviewers"}

// hugoKeys are Hugo's own front-matter keys: a Hugo site's pages carry them,
// and templates may read them, so they are never taken for misspellings.
var hugoKeys = []string{
	"description", "keywords", "linkTitle", "layout", "type", "url", "images", "videos", "audio",
	"series", "headless", "outputs", "build", "_build", "cascade", "markup", "menu", "menus",
	"translationKey", "isCJKLanguage", "sitemap", "toc", "comments", "math", "mathjax", "katex",
	"showToc", "tocOpen", "hidemeta", "hideSummary", "ShowReadingTime", "featured", "featured_image",
	"image", "thumbnail", "lang", "license", "authors", "author_link", "redirect",
}

// chineseKeys maps the names staff would give a key in Chinese to the key.
var chineseKeys = map[string]string{
	"标题": "title", "副标题": "subtitle", "日期": "date", "时间": "date", "发布日期": "date",
	"草稿": "draft", "摘要": "summary", "简介": "summary", "作者": "author", "通讯员": "author",
	"撰稿": "author", "摄影": "photographer", "审核": "reviewer", "审核人": "reviewer",
	"编辑": "editor", "责任编辑": "editor", "来源": "source", "标签": "tags", "封面": "cover",
	"支部": "branches", "对标条目": "criteria", "审核状态": "review",
}

// UnknownKey is a key the build does not read and that looks like a slip
// for one it does: its value is not shown where the author meant it.
type UnknownKey struct {
	Key     string // as written
	Line    int
	Suggest string // the known key it is probably meant to be
}

// knownKeys are the keys a site's pages may have, in lower case, and the
// names misspellings are compared with.
type knownKeys struct {
	cfg   *config.Config
	known map[string]bool
	names []string
}

// lastKnown is the known keys of the configuration last asked for: every
// page of a build asks for the same.
var lastKnown atomic.Pointer[knownKeys]

func knownKeysOf(cfg *config.Config) (map[string]bool, []string) {
	if k := lastKnown.Load(); k != nil && k.cfg == cfg {
		return k.known, k.names
	}
	k := &knownKeys{cfg: cfg, known: map[string]bool{}}
	add := func(name string) {
		k.known[strings.ToLower(name)] = true
		k.names = append(k.names, name)
	}
	for _, key := range Keys {
		add(key.Name)
	}
	for _, key := range aliasKeys {
		add(key)
	}
	for _, t := range cfg.Taxonomies {
		add(t.Plural)
	}
	for _, key := range hugoKeys {
		k.known[strings.ToLower(key)] = true
	}
	lastKnown.Store(k)
	return k.known, k.names
}

// unknownKeys finds the top-level keys of m that are not read and look
// like a misspelling of a key that is (or a Chinese name for it).
func unknownKeys(src Source, m map[string]any, cfg *config.Config) []UnknownKey {
	known, names := knownKeysOf(cfg)
	var out []UnknownKey
	for k := range m {
		if known[strings.ToLower(k)] {
			continue
		}
		suggest := chineseKeys[k]
		if suggest == "" {
			suggest = nearest(strings.ToLower(k), names)
		}
		if suggest != "" {
			out = append(out, UnknownKey{Key: k, Line: src.KeyLine(k), Suggest: suggest})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].Line < out[j].Line || out[i].Line == out[j].Line && out[i].Key < out[j].Key
	})
	return out
}

// KeyMeaning is the Chinese meaning of a known key, or "".
func KeyMeaning(name string) string {
	for _, k := range Keys {
		if strings.EqualFold(k.Name, name) {
			return k.Meaning
		}
	}
	return ""
}

// nearest returns the name closest to key by edit distance, if close
// enough to be a slip: one edit for keys of up to 4 letters, two for up to
// 8, three beyond.
func nearest(key string, names []string) string {
	limit := 1
	switch {
	case len(key) > 8:
		limit = 3
	case len(key) > 4:
		limit = 2
	}
	best, bestDist := "", limit+1
	for _, n := range names {
		if d := editDistance(key, strings.ToLower(n)); d < bestDist {
			best, bestDist = n, d
		}
	}
	if len(key) < 3 {
		return "" // "ti", "x": too short to guess
	}
	return best
}

// editDistance is the Damerau-Levenshtein distance (optimal string
// alignment) between a and b, counted in bytes: keys are ASCII.
func editDistance(a, b string) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// Message says what is wrong, for staff first.
func (u UnknownKey) Message() string {
	meaning := KeyMeaning(u.Suggest)
	if meaning == "" {
		meaning = u.Suggest
	}
	if !isASCII(u.Key) {
		return lang.Sprintf("项目名“%[1]s”网站不认识：等号左边的名称要用英文，请写 %[2]s（%[3]s），否则这一项不会显示在网站上",
			"unknown front-matter key %[1]q; write %[2]q", u.Key, u.Suggest, meaning)
	}
	return lang.Sprintf("项目名“%[1]s”网站不认识，您是否想写 %[2]s（%[3]s）？写错的这一项不会显示在网站上",
		"unknown front-matter key %[1]q; did you mean %[2]q?", u.Key, u.Suggest, meaning)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
