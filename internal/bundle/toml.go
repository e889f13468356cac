package bundle

import (
	"fmt"
	"strings"
)

// TOMLString quotes s as a TOML basic string.
func TOMLString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// TOMLList writes a list of TOML strings: ["钱锐", "姚文均"].
func TOMLList(items []string) string {
	quoted := make([]string, len(items))
	for i, s := range items {
		quoted[i] = TOMLString(s)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}
