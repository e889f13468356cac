package render

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/template"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

	"showcase/internal/config"
	"showcase/internal/diag"
	"showcase/internal/lang"
)

// A site's own words: Hugo's i18n/ folder, one file a language
// (i18n/en.toml, i18n/zh-cn.yaml, i18n/zh.json), read over the theme's
// table (i18n.go): a key of the file replaces the theme's word, a new key
// adds one, for the site's own layouts and shortcodes. A file holds, by
// key, the word itself (home = "Home") or a table with it
// ([home] other = "Home", Hugo's form; "one" or "translation" when there
// is no "other"), or a list of {id, translation} (go-i18n's older form).
// A word may use the number an i18n call passes ({{ i18n "count" 3 }}) as
// {{ .Count }}, or the value it passes as {{ . }}, as Hugo's do.
//
// The file of a language is the one named by its code (the language's key
// in [languages]; defaultContentLanguage for a site without languages),
// else by its languageCode ("zh-cn"), else by that code's language
// ("zh"); names are matched without regard to case.

// vocabulary is what i18n says in one language: the site's words over the
// theme's.
type vocabulary struct {
	code string            // the language's code: the theme's words in it
	site map[string]string // the site's words, by key and by lower-case key
	mu   sync.Mutex
	tmpl map[string]*template.Template // words with {{ }}, parsed once
}

// siteWords reads the site's words for cfg's language from fsys's i18n/.
// A file that does not parse is an error naming it; the vocabulary is
// then the theme's alone.
func siteWords(fsys fs.FS, cfg *config.Config) (*vocabulary, error) {
	w := &vocabulary{code: cfg.Lang, site: map[string]string{}, tmpl: map[string]*template.Template{}}
	if fsys == nil {
		return w, nil
	}
	entries, err := fs.ReadDir(fsys, "i18n")
	if err != nil {
		return w, nil // no i18n/: the theme's words
	}
	byName := map[string]string{} // "en" → "i18n/en.toml"
	for _, e := range entries {
		ext := path.Ext(e.Name())
		switch strings.ToLower(ext) {
		case ".toml", ".yaml", ".yml", ".json":
			if _, ok := byName[strings.ToLower(strings.TrimSuffix(e.Name(), ext))]; !ok && !e.IsDir() {
				byName[strings.ToLower(strings.TrimSuffix(e.Name(), ext))] = "i18n/" + e.Name()
			}
		}
	}
	for _, name := range wordFiles(cfg) {
		file, ok := byName[name]
		if !ok {
			continue
		}
		data, err := fs.ReadFile(fsys, file)
		if err != nil {
			return w, diag.Errorf(file, 0, "%s", lang.Sprintf("无法读取这个翻译文件", "cannot read the i18n file: %v", err))
		}
		table, err := parseWords(file, data)
		if err != nil {
			return w, err // the theme's words meanwhile
		}
		for k, v := range table {
			w.site[k] = v
			if _, ok := w.site[strings.ToLower(k)]; !ok {
				w.site[strings.ToLower(k)] = v
			}
		}
		break
	}
	return w, nil
}

// wordFiles are the names of i18n/ files (without extension, lower case)
// that may hold cfg's language's words, best first.
func wordFiles(cfg *config.Config) []string {
	code := cfg.Lang
	languageCode := cfg.LanguageCode
	if l := cfg.Language(); l != nil {
		languageCode = l.LanguageCode
	}
	if code == "" {
		code = cfg.DefaultContentLanguage
	}
	var names []string
	for _, n := range []string{code, languageCode} {
		n = strings.ToLower(strings.ReplaceAll(n, "_", "-"))
		if n != "" {
			names = append(names, n)
		}
	}
	if base, _, ok := strings.Cut(strings.ToLower(languageCode), "-"); ok {
		names = append(names, base)
	}
	return names
}

// parseWords reads an i18n file into key → word.
func parseWords(file string, data []byte) (map[string]string, error) {
	var raw any
	var err error
	switch strings.ToLower(path.Ext(file)) {
	case ".toml":
		var m map[string]any
		_, err = toml.Decode(string(data), &m)
		raw = m
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, wordsProblem(file, perr.Position.Line, perr.Message)
		}
	case ".json":
		err = json.Unmarshal(data, &raw)
		var serr *json.SyntaxError
		if errors.As(err, &serr) {
			return nil, wordsProblem(file, 1+bytes.Count(data[:min(int(serr.Offset), len(data))], []byte("\n")), err.Error())
		}
	default:
		err = yaml.Unmarshal(data, &raw)
		if err != nil {
			line := 0
			if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
				line, _ = strconv.Atoi(m[1])
			}
			return nil, wordsProblem(file, line, err.Error())
		}
	}
	if err != nil {
		return nil, wordsProblem(file, 0, err.Error())
	}
	table := map[string]string{}
	switch v := raw.(type) {
	case map[string]any:
		for k, val := range v {
			if s, ok := wordOf(val); ok {
				table[k] = s
			}
		}
	case []any: // go-i18n's older form: a list of {id, translation}
		for _, item := range v {
			m, ok := item.(map[string]any)
			if !ok {
				continue
			}
			id, _ := m["id"].(string)
			if s, ok := wordOf(m["translation"]); ok && id != "" {
				table[id] = s
			}
		}
	case nil:
	default:
		return nil, wordsProblem(file, 0, fmt.Sprintf("want a table of words, got %T", raw))
	}
	return table, nil
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

func wordsProblem(file string, line int, detail string) error {
	return diag.Errorf(file, line, "%s", lang.Sprintf("翻译文件写得不对，无法读取：每个词写成 键 = \"译文\"，或 [键] 下写 other = \"译文\"（%[1]s）",
		"the i18n file does not parse: write each word as key = \"word\", or other = \"word\" under [key] (%[1]s)", detail))
}

// wordOf is an i18n value's word: the text itself, or the "other" (else
// "one", else "translation") of a table.
func wordOf(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case map[string]any:
		keys := []string{"other", "one", "translation"}
		for _, k := range keys {
			if s, ok := v[k].(string); ok {
				return s, true
			}
		}
		var rest []string // a plural form the site wrote alone ("few")
		for k := range v {
			rest = append(rest, k)
		}
		sort.Strings(rest)
		for _, k := range rest {
			if s, ok := v[k].(string); ok {
				return s, true
			}
		}
	}
	return "", false
}

// say is i18n: key's word in the language, the site's over the theme's,
// with the value an i18n call passes (Hugo's .Count for a number).
func (w *vocabulary) say(key string, args ...any) string {
	word, ok := w.site[key]
	if !ok {
		word, ok = w.site[strings.ToLower(key)]
	}
	if !ok {
		word = T(w.code, key)
	}
	if !strings.Contains(word, "{{") {
		return word
	}
	w.mu.Lock()
	t, ok := w.tmpl[word]
	if !ok {
		t, _ = template.New("").Parse(word) // nil: shown as written
		w.tmpl[word] = t
	}
	w.mu.Unlock()
	if t == nil {
		return word
	}
	var data any
	if len(args) > 0 {
		data = args[0]
		switch reflect.ValueOf(data).Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8,
			reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
			data = map[string]any{"Count": data}
		}
	}
	var buf strings.Builder
	if err := t.Execute(&buf, data); err != nil {
		return word
	}
	return buf.String()
}

// say is the template function i18n.
func (s *Set) say(key string, args ...any) string {
	if s.words == nil { // a Set not made by Load
		return T(s.env.Config.Lang, key)
	}
	return s.words.say(key, args...)
}
