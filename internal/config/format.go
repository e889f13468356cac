package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

	"showcase/internal/diag"
	"showcase/internal/lang"
)

// Files are the names a site's configuration may have, in the order they
// are looked for: showcase's own site.toml, then Hugo's (hugo.toml|yaml|json,
// then the older config.toml|yaml|json), so a Hugo site builds unchanged.
var Files = []string{
	"site.toml",
	"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
	"config.toml", "config.yaml", "config.yml", "config.json",
}

// formatOf is the format of a configuration file by its extension.
func formatOf(file string) string {
	switch strings.ToLower(path.Ext(file)) {
	case ".yaml", ".yml":
		return "yaml"
	case ".json":
		return "json"
	}
	return "toml"
}

// asTOML reads a YAML or JSON configuration and writes it as TOML, so that
// one decoder reads every format. Errors carry the file's line.
func asTOML(data []byte, file, format string) ([]byte, error) {
	var m map[string]any
	switch format {
	case "yaml":
		var v any
		if err := yaml.Unmarshal(data, &v); err != nil {
			line := 0
			if sm := regexp.MustCompile(`line (\d+)`).FindStringSubmatch(err.Error()); sm != nil {
				line, _ = strconv.Atoi(sm[1])
			}
			return nil, diag.Errorf(file, line, "%s", lang.Sprintf("配置文件的 YAML 格式有误", "YAML: %v", err))
		}
		switch v := v.(type) {
		case nil:
			m = map[string]any{}
		case map[string]any:
			m = v
		default:
			return nil, diag.Errorf(file, 1, "%s", lang.Sprintf("配置文件应为“键: 值”形式", "the configuration must be a mapping of keys to values"))
		}
	case "json":
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		if err := dec.Decode(&m); err != nil {
			line := 0
			var se *json.SyntaxError
			if ok := asSyntax(err, &se); ok {
				line = 1 + bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n"))
			}
			return nil, diag.Errorf(file, line, "%s", lang.Sprintf("配置文件的 JSON 格式有误", "JSON: %v", err))
		}
	}
	var buf bytes.Buffer
	if err := toml.NewEncoder(&buf).Encode(tomlValue(m)); err != nil {
		return nil, diag.Errorf(file, 0, "%s", lang.Sprintf("配置文件无法读取", "%v", err))
	}
	return buf.Bytes(), nil
}

func asSyntax(err error, se **json.SyntaxError) bool {
	s, ok := err.(*json.SyntaxError)
	if ok {
		*se = s
	}
	return ok
}

// tomlValue makes a decoded YAML or JSON value encodable as TOML: numbers
// as int64 or float64, nulls left out, keys as text.
func tomlValue(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			if e != nil {
				out[k] = tomlValue(e)
			}
		}
		return out
	case map[any]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			if e != nil {
				out[fmt.Sprint(k)] = tomlValue(e)
			}
		}
		return out
	case []any:
		out := make([]any, 0, len(v))
		for _, e := range v {
			if e != nil {
				out = append(out, tomlValue(e))
			}
		}
		return out
	case json.Number:
		if n, err := v.Int64(); err == nil {
			return n
		}
		f, _ := v.Float64()
		return f
	case int:
		return int64(v)
	case time.Time, string, bool, int64, float64:
		return v
	}
	return fmt.Sprint(v)
}

// lineOf is the line of data where table.key is set, in the file's format;
// 0 when it cannot be found.
func lineOf(data []byte, format, table, key string) int {
	if format == "toml" {
		if n := keyLine(data, table, key); n > 0 {
			return n
		}
		name := key // a table: its [header] line
		if table != "" {
			name = table + "." + key
		}
		for i, l := range bytes.Split(data, []byte("\n")) {
			t := strings.Trim(strings.TrimSpace(string(l)), "[]")
			if strings.HasPrefix(strings.TrimSpace(string(l)), "[") && strings.EqualFold(strings.ReplaceAll(t, " ", ""), name) {
				return i + 1
			}
		}
		return 0
	}
	// YAML and JSON: the first line naming the key (below its table's, if any)
	quote := `"?`
	if format == "json" {
		quote = `"`
	}
	start := 0
	lines := bytes.Split(data, []byte("\n"))
	if table != "" {
		t := regexp.MustCompile(`(?i)^\s*` + quote + regexp.QuoteMeta(table) + quote + `\s*:`)
		for i, l := range lines {
			if t.Match(l) {
				start = i + 1
				break
			}
		}
	}
	k := regexp.MustCompile(`(?i)^\s*(-\s*)?` + quote + regexp.QuoteMeta(key) + quote + `\s*:`)
	for i := start; i < len(lines); i++ {
		if k.Match(lines[i]) {
			return i + 1
		}
	}
	return 0
}

// unknownKeys words one warning per key the configuration sets and the
// build does not read: a table's keys are covered by the table's warning,
// a key of a list of tables is named once.
func unknownKeys(meta toml.MetaData, data []byte, file, format string) []*diag.Problem {
	seen := map[string]bool{}
	var keys []toml.Key
	for _, key := range meta.Undecoded() {
		if ignoredSilently(key) || seen[key.String()] {
			continue
		}
		seen[key.String()] = true
		keys = append(keys, key)
	}
	covered := func(key toml.Key) bool {
		for i := 1; i < len(key); i++ {
			if seen[key[:i].String()] {
				return true
			}
		}
		return false
	}
	kept := keys[:0]
	for _, key := range keys {
		if !covered(key) {
			kept = append(kept, key)
		}
	}
	keys = kept
	sort.SliceStable(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	var out []*diag.Problem
	for _, key := range keys {
		table, name := "", key[len(key)-1]
		if len(key) > 1 {
			table = strings.Join(key[:len(key)-1], ".")
		}
		line := lineOf(data, format, table, name)
		if line == 0 && len(key) > 1 {
			line = lineOf(data, format, "", key[0])
		}
		out = append(out, diag.Errorf(file, line, "%s", lang.Sprintf("配置项 %[1]s 本程序不使用，已忽略",
			"unknown key %[1]q is ignored", key.String())))
	}
	return out
}
