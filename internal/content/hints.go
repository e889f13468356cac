package content

import (
	"bytes"
	"regexp"
	"strings"

	"showcase/internal/diag"
	"showcase/internal/lang"
)

// syntaxProblem words a front matter that does not parse, for staff: the
// slip that most likely caused it (Chinese quotes, a Chinese date, a quote
// left open, a Chinese key name, a tab or full-width space), what to write
// instead, and the parser's own words after it. line is the file's line
// the parser names; the problem points at the line of the slip when that
// is another (a quote left open is reported where the parser gave up).
func syntaxProblem(format string, front []byte, line int, detail string) *diag.Problem {
	lines := strings.Split(string(front), "\n")
	en := strings.ToUpper(format) + " front matter: " + detail
	if strings.Contains(detail, `got '\n'`) && line > 2 {
		line-- // the line ended too early: the slip is on it, not the next
	}
	// the parser's line first, then the lines before it, nearest first
	for i := line - 2; i >= 0 && i >= line-4; i-- {
		if i >= len(lines) {
			continue
		}
		if hint := slipIn(format, lines[i]); hint != "" {
			return &diag.Problem{Line: i + 2, Msg: lang.Sprintf("前置元数据第 %[1]d 行%[2]s", "%[3]s", i+2, hint, en)}
		}
	}
	if format == "yaml" && strings.Contains(detail, "mapping values are not allowed") {
		return &diag.Problem{Line: line, Msg: lang.Sprintf("前置元数据格式有误：这一行的缩进与上一行不一致，或值里有英文冒号“:”（有冒号的值请用英文引号包起来）", "%s", en)}
	}
	return &diag.Problem{Line: line, Msg: lang.Sprintf("前置元数据格式有误：请对照其他稿件检查这一行的写法（值要用英文引号 \"…\" 包起来，列表写成 [\"甲\", \"乙\"]）",
		"%s", en)}
}

var (
	chineseDate = regexp.MustCompile(`^\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?`)
	// a key and its value: "title = …" in TOML, "title: …" in YAML
	tomlPair = regexp.MustCompile(`^\s*([^=#"]+?)\s*=\s*(.*)$`)
	yamlPair = regexp.MustCompile(`^\s*([^:#"]+?)\s*:\s*(.*)$`)
)

// slipIn names the slip in one line of front matter, or "".
func slipIn(format, l string) string {
	if format == "yaml" {
		switch {
		case strings.HasPrefix(strings.TrimLeft(l, " "), "\t"):
			return "用了 Tab 键缩进：YAML 的缩进只能用空格，请把 Tab 改成空格"
		case strings.Contains(l, "\u3000"):
			return "有全角空格（　）：请改成半角空格或删掉"
		}
	} else if strings.Contains(l, "\u3000") {
		return "有全角空格（　）：请改成半角空格或删掉"
	}
	pair := tomlPair
	if format == "yaml" {
		pair = yamlPair
	}
	m := pair.FindStringSubmatch(l)
	if m == nil {
		return ""
	}
	key, value := strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
	switch {
	case format == "toml" && !isASCII(key) && !strings.Contains(key, "\""):
		if known := chineseKeys[key]; known != "" {
			return "的项目名“" + key + "”要用英文：请写 " + known + " = …"
		}
		return "的项目名“" + key + "”要用英文（如 title、date、author）；中文只能写在等号右边的引号里"
	case strings.HasPrefix(value, "“") || strings.HasPrefix(value, "”") || strings.HasPrefix(value, "‘"):
		return "用了中文引号：值两边的引号要用英文的 \"…\"，例如 " + key + " = \"" + strings.Trim(value, "“”‘’ ") + "\"" +
			map[bool]string{true: "（YAML 写成 " + key + ": \"…\"）"}[format == "yaml"]
	case format == "toml" && chineseDate.MatchString(value):
		return "的日期请写成 2025-04-15（或 2025-04-15T09:30:00+08:00）；也可以加英文引号写成 \"" + value + "\""
	case format == "toml" && strings.HasPrefix(value, "[") && !strings.Contains(value, "]"):
		return "的列表缺少右方括号“]”：列表写成 " + key + " = [\"甲\", \"乙\"]"
	case format == "toml" && openQuote(value):
		return "的引号没有配对：值要用一对英文引号包起来，例如 " + key + " = \"…\""
	case format == "toml" && value != "" && !strings.ContainsAny(value[:1], "\"'[{-+0123456789tfin") && !chineseDate.MatchString(value):
		return "的值要用英文引号包起来：" + key + " = \"" + value + "\""
	}
	return ""
}

// openQuote says whether a TOML value opens a basic string it does not
// close (a "…" inside a comment does not count).
func openQuote(value string) bool {
	if !strings.HasPrefix(value, "\"") || strings.HasPrefix(value, "\"\"\"") {
		return false
	}
	rest := []byte(value[1:])
	for i := 0; i < len(rest); i++ {
		switch rest[i] {
		case '\\':
			i++
		case '"':
			return false
		}
	}
	return !bytes.Contains(rest, []byte("\""))
}
