package content

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"showcase/internal/diag"
	"showcase/internal/lang"
)

// China Standard Time: dates written without a zone are read in it.
var cst = time.FixedZone("CST", 8*3600)

// fields reads typed values out of decoded front matter, collecting one
// problem per bad key with the key's line.
type fields struct {
	src      Source
	m        map[string]any
	problems []*diag.Problem
	warnings *[]*diag.Problem // shared by the tables of one page
}

// fail records a problem at the key's line, worded by lang.Sprintf.
func (f *fields) fail(key, zh, en string, args ...any) {
	f.problems = append(f.problems, &diag.Problem{Line: f.src.KeyLine(key), Msg: lang.Sprintf(zh, en, args...)})
}

// warn records a warning at the key's line, worded by lang.Sprintf.
func (f *fields) warn(key, zh, en string, args ...any) {
	if f.warnings == nil {
		f.warnings = new([]*diag.Problem)
	}
	*f.warnings = append(*f.warnings, &diag.Problem{Line: f.src.KeyLine(key), Msg: lang.Sprintf(zh, en, args...)})
}

func (f *fields) lookup(key string) (any, bool) {
	if v, ok := f.m[key]; ok {
		return v, true
	}
	// Hugo keys are case-insensitive; accept publishdate, expirydate…
	for k, v := range f.m {
		if strings.EqualFold(k, key) {
			return v, true
		}
	}
	return nil, false
}

func (f *fields) str(key string) string {
	v, ok := f.lookup(key)
	if !ok || v == nil {
		return ""
	}
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case int64, int, float64:
		return fmt.Sprint(v)
	}
	f.fail(key, "%[1]s 应写成文字，现在是%[3]s；请给内容加上引号，如 %[1]s = \"……\"", "%[1]s must be text, not %[2]s", key, typeName(v), zhTypeName(v))
	return ""
}

// text is str for a key that is only ever words, such as title: a number
// there has lost its quotes (title = 2025), an error with its line.
func (f *fields) text(key string) string {
	if v, ok := f.lookup(key); ok {
		switch v.(type) {
		case int64, int, float64:
			f.fail(key, "%[1]s 应为带引号的文本，而不是数字 %[2]v；请写成 %[1]s = \"%[2]v\"", "%[1]s must be quoted text, not a number", key, v)
			return ""
		}
	}
	return f.str(key)
}

func (f *fields) boolean(key string) bool {
	v, ok := f.lookup(key)
	if !ok || v == nil {
		return false
	}
	if b, ok := v.(bool); ok {
		return b
	}
	if s, ok := v.(string); ok && f.src.Format == "yaml" {
		// YAML 1.1, which Hugo read for years, spells booleans yes/no/on/off
		b, known := yaml11Booleans[strings.ToLower(strings.TrimSpace(s))]
		if known {
			f.warn(key, "%[1]s 写的是 %[2]q，已按 %[3]t 处理；请改写为 %[3]t", "%[1]s: %[2]q read as %[3]t (a YAML 1.1 boolean); write %[3]t", key, s, b)
			return b
		}
	}
	f.fail(key, "%[1]s 只能写 true 或 false（不要加引号），现在是%[3]s", "%[1]s must be true or false, not %[2]s", key, typeName(v), zhTypeName(v))
	return false
}

// yaml11Booleans are the words YAML 1.1 reads as true or false (YAML 1.2,
// which the front matter parser reads, takes them for text).
var yaml11Booleans = map[string]bool{
	"yes": true, "y": true, "on": true, "true": true,
	"no": false, "n": false, "off": false, "false": false,
}

// name reads a person named by a key that Hugo sites fill in many ways: text,
// a list of names (joined with 、), or a table with a name ({name = "…"}).
// Anything else is left to templates (in Params), without a complaint.
func (f *fields) name(key string) string {
	v, ok := f.lookup(key)
	if !ok || v == nil {
		return ""
	}
	switch v := v.(type) {
	case []any:
		var names []string
		for _, e := range v {
			if s, ok := e.(string); ok && strings.TrimSpace(s) != "" {
				names = append(names, strings.TrimSpace(s))
			} else if m, ok := e.(map[string]any); ok {
				if s := (&fields{src: f.src, m: m}).name("name"); s != "" {
					names = append(names, s)
				}
			}
		}
		return strings.Join(names, "、")
	case map[string]any:
		return (&fields{src: f.src, m: v}).name("name")
	case bool, time.Time:
		return ""
	}
	return f.str(key)
}

func (f *fields) integer(key string) int {
	v, ok := f.lookup(key)
	if !ok || v == nil {
		return 0
	}
	switch v := v.(type) {
	case int64:
		return int(v)
	case int:
		return v
	case float64:
		if v == float64(int(v)) {
			return int(v)
		}
	case string:
		if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
			return n
		}
	}
	f.fail(key, "%[1]s 只能写整数（如 %[1]s = 3，不要加引号），现在是 %[2]v", "%[1]s must be a whole number, not %[2]v", key, v)
	return 0
}

// list accepts a list of strings or a single string (reviewer = "钱锐").
func (f *fields) list(key string) []string {
	v, ok := f.lookup(key)
	if !ok || v == nil {
		return nil
	}
	var out []string
	switch v := v.(type) {
	case string:
		out = []string{v}
	case []any:
		for _, e := range v {
			s, ok := e.(string)
			if !ok {
				if n, isNum := e.(int64); isNum {
					s = strconv.FormatInt(n, 10)
				} else {
					f.fail(key, "%[1]s 应写成文字列表，如 %[1]s = [\"甲\", \"乙\"]，其中有一项是%[3]s", "%[1]s must be a list of text, but holds %[2]s", key, typeName(e), zhTypeName(e))
					return nil
				}
			}
			out = append(out, s)
		}
	case []string:
		out = v
	default:
		f.fail(key, "%[1]s 应写成文字列表，如 %[1]s = [\"甲\", \"乙\"]，现在是%[3]s", "%[1]s must be a list of text, not %[2]s", key, typeName(v), zhTypeName(v))
		return nil
	}
	var clean []string
	for _, s := range out {
		if s = strings.TrimSpace(s); s != "" {
			clean = append(clean, s)
		}
	}
	return clean
}

var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02",
	"2006年1月2日",
}

func (f *fields) date(key string) time.Time {
	v, ok := f.lookup(key)
	if !ok || v == nil {
		return time.Time{}
	}
	switch v := v.(type) {
	case time.Time:
		if strings.HasSuffix(v.Location().String(), "-local") { // TOML local date or time
			return time.Date(v.Year(), v.Month(), v.Day(), v.Hour(), v.Minute(), v.Second(), v.Nanosecond(), cst)
		}
		return v
	case string:
		s := strings.TrimSpace(v)
		if s == "" {
			return time.Time{}
		}
		for _, layout := range dateLayouts {
			if t, err := time.ParseInLocation(layout, s, cst); err == nil {
				return t
			}
		}
		f.fail(key, "%[1]s 的日期写法 %[2]q 无法识别，请写成 2025-10-26 或 2025-10-26T09:30:00+08:00", "%[1]s %[2]q is not a date such as 2025-10-26 or 2025-10-26T09:30:00+08:00", key, s)
		return time.Time{}
	}
	f.fail(key, "%[1]s 应写成日期，如 %[1]s = 2025-10-26，现在是%[3]s", "%[1]s must be a date, not %[2]s", key, typeName(v), zhTypeName(v))
	return time.Time{}
}

func typeName(v any) string {
	switch v.(type) {
	case string:
		return "text"
	case bool:
		return "true/false"
	case int64, int, float64:
		return "a number"
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	case time.Time:
		return "a date"
	}
	return fmt.Sprintf("%T", v)
}

// zhTypeName names what a value was written as, for staff.
func zhTypeName(v any) string {
	switch v.(type) {
	case string:
		return "带引号的文字"
	case bool:
		return " true/false"
	case int64, int, float64:
		return "数字"
	case []any:
		return "列表"
	case map[string]any:
		return "表"
	case time.Time:
		return "日期"
	}
	return fmt.Sprintf(" %T", v)
}

// sub returns a nested table ([params]) or nil.
func (f *fields) sub(key string) *fields {
	v, ok := f.lookup(key)
	if !ok {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		f.fail(key, "%[1]s 应写成一个表（在 [%[1]s] 下逐行写 名称 = 值）", "%[1]s must be a table", key)
		return nil
	}
	return &fields{src: f.src, m: m, warnings: f.warnings}
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
