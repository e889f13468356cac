package frontedit

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// quote writes s as a double-quoted string that TOML and YAML read alike:
// backslash, quote and every character either forbids raw are escaped.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case needsEscape(r):
			if r > 0xffff {
				fmt.Fprintf(&b, `\U%08X`, r)
			} else {
				fmt.Fprintf(&b, `\u%04X`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// needsEscape: control characters, DEL, C1 controls, the byte-order mark
// and the non-characters YAML will not take raw.
func needsEscape(r rune) bool {
	return r < 0x20 || r >= 0x7f && r <= 0x9f || r == 0xfeff || r == 0xfffe || r == 0xffff || r == 0x2028 || r == 0x2029
}

func rawSafe(s string) bool {
	for _, r := range s {
		if needsEscape(r) {
			return false
		}
	}
	return true
}

func encodeTOML(v any, old string) (string, error) {
	switch v := v.(type) {
	case string:
		if strings.HasPrefix(old, "'") && !strings.HasPrefix(old, "'''") && !strings.ContainsAny(v, "'") && rawSafe(v) {
			return "'" + v + "'", nil
		}
		return quote(v), nil
	case []string:
		items := make([]string, len(v))
		for i, s := range v {
			items[i] = quote(s)
		}
		return "[" + strings.Join(items, ", ") + "]", nil
	}
	return scalar(v)
}

// scalar writes the values TOML and YAML write alike.
func scalar(v any) (string, error) {
	switch v := v.(type) {
	case bool:
		return strconv.FormatBool(v), nil
	case int:
		return strconv.Itoa(v), nil
	case int64:
		return strconv.FormatInt(v, 10), nil
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return "", fmt.Errorf("数字 %v 无法写入（number %v cannot be written）", v, v)
		}
		s := strconv.FormatFloat(v, 'f', -1, 64)
		if !strings.Contains(s, ".") {
			s += ".0"
		}
		return s, nil
	case time.Time:
		if v.Year() < 0 || v.Year() > 9999 {
			return "", fmt.Errorf("日期 %v 超出范围（date out of range）", v)
		}
		return v.Format(time.RFC3339), nil
	case Date:
		if !dateRE.MatchString(string(v)) {
			return "", fmt.Errorf("日期 %q 应写成 2025-10-26（date %q is not YYYY-MM-DD）", string(v), string(v))
		}
		if _, err := time.Parse("2006-01-02", string(v)); err != nil {
			return "", fmt.Errorf("日期 %q 不存在（no such day %q）", string(v), string(v))
		}
		return string(v), nil
	}
	return "", fmt.Errorf("无法写入这种值：%T（cannot write a %T）", v, v)
}

func encodeYAML(v any, old, indent string) (string, error) {
	switch v := v.(type) {
	case string:
		return yamlString(v, old), nil
	case []string:
		if indent != "" && len(v) > 0 {
			var b strings.Builder
			for _, s := range v {
				b.WriteString("\n" + indent + "- " + yamlString(s, ""))
			}
			return b.String(), nil
		}
		items := make([]string, len(v))
		for i, s := range v {
			items[i] = quote(s)
		}
		return "[" + strings.Join(items, ", ") + "]", nil
	}
	return scalar(v)
}

// yamlString writes s plain when YAML reads it back as the same string,
// else in the old value's quotes or double quotes.
func yamlString(s, old string) string {
	if strings.HasPrefix(old, "'") && rawSafe(s) && !strings.ContainsAny(s, "\n") {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	if !strings.HasPrefix(old, `"`) && yamlPlain(s) {
		return s
	}
	return quote(s)
}

func yamlPlain(s string) bool {
	if s == "" || s != strings.TrimSpace(s) || !rawSafe(s) || strings.ContainsAny(s, "#\n\t") ||
		strings.Contains(s, ": ") || strings.HasSuffix(s, ":") || strings.ContainsRune("-?:,[]{}&*!|>'\"%@`", rune(s[0])) {
		return false
	}
	switch strings.ToLower(s) {
	case "yes", "no", "on", "off", "y", "n", "true", "false", "null", "~":
		return false // YAML 1.1 booleans, which Hugo sites' files mean (and the build reads so)
	}
	var got map[string]any
	if err := yaml.Unmarshal([]byte("k: "+s), &got); err != nil {
		return false
	}
	back, ok := got["k"].(string)
	return ok && back == s
}
