package render

import (
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"showcase/internal/lang"
	"showcase/internal/slug"
)

// shortcodeFuncs are the functions shortcode templates may call besides
// the layout functions: the Hugo functions shortcodes commonly use, under
// Hugo's names, and those the built-in shortcodes need.
//
//	safeHTML safeHTMLAttr safeURL safeCSS safeJS  trust a value
//	htmlEscape htmlUnescape plainify markdownify emojify jsonify
//	default errorf warnf cond in isset slice int float string
//	lower upper title trim chomp replace replaceRE findRE split delimit substr
//	hasPrefix hasSuffix urlize anchorize md5 now relURL mul div mod
//	strings.X urls.Parse path.X   namespaces, as in Hugo
//	ref relref .Page "news/a.md"  another page's URL
//	responsiveImage .Page src alt  a page's image as a responsive <picture>
//	resolveLink .Page dest         a link as Markdown links are resolved
//	requiredParam .Page key        a page or site parameter, an error when absent
//	qr text level scale            a QR code as an image: .Src .Width .Height
//	readDir "static/css"           the entries of a folder of the site (.Name .Size .IsDir)
func shortcodeFuncs(opts ShortcodeOptions) template.FuncMap {
	return template.FuncMap{
		"safeHTML":     func(v any) template.HTML { return template.HTML(toString(v)) },
		"safeHTMLAttr": func(v any) template.HTMLAttr { return template.HTMLAttr(toString(v)) },
		"safeURL":      func(v any) template.URL { return template.URL(toString(v)) },
		"safeCSS":      func(v any) template.CSS { return template.CSS(toString(v)) },
		"safeJS":       func(v any) template.JS { return template.JS(toString(v)) },
		"htmlEscape":   func(v any) string { return html.EscapeString(toString(v)) },
		"htmlUnescape": func(v any) string { return html.UnescapeString(toString(v)) },
		"plainify":     func(v any) string { return PlainText(toString(v)) },
		"markdownify": func(v any) (template.HTML, error) {
			if opts.Markdownify == nil {
				return "", nil
			}
			return opts.Markdownify(toString(v))
		},
		"emojify": func(v any) template.HTML { return template.HTML(toString(v)) },
		"jsonify": func(v any) (template.HTML, error) {
			b, err := json.Marshal(v)
			return template.HTML(b), err
		},
		"default": func(def any, given ...any) any {
			if len(given) > 0 && truth(given[0]) {
				return given[0]
			}
			return def
		},
		"errorf": func(format string, args ...any) (string, error) {
			return "", &raisedError{msg: fmt.Sprintf(format, args...)}
		},
		"warnf": func(format string, args ...any) string {
			if opts.Warn != nil {
				opts.Warn(fmt.Sprintf(format, args...))
			}
			return ""
		},
		"cond": func(c bool, a, b any) any {
			if c {
				return a
			}
			return b
		},
		"in":     in,
		"isset":  isset,
		"slice":  func(v ...any) []any { return v },
		"int":    toIntE,
		"float":  func(v any) (float64, error) { return strconv.ParseFloat(strings.TrimSpace(toString(v)), 64) },
		"string": toString,
		"lower":  func(v any) string { return strings.ToLower(toString(v)) },
		"upper":  func(v any) string { return strings.ToUpper(toString(v)) },
		"title":  func(v any) string { return titleCase(toString(v)) },
		"trim":   func(v any, cut string) string { return strings.Trim(toString(v), cut) },
		"chomp":  func(v any) string { return strings.TrimRight(toString(v), "\r\n") },
		"replace": func(v any, old, new any) string {
			return strings.ReplaceAll(toString(v), toString(old), toString(new))
		},
		"replaceRE": func(pattern, repl, v any) (string, error) {
			re, err := regexp.Compile(toString(pattern))
			if err != nil {
				return "", err
			}
			return re.ReplaceAllString(toString(v), toString(repl)), nil
		},
		"findRE": func(pattern, v any) ([]string, error) {
			re, err := regexp.Compile(toString(pattern))
			if err != nil {
				return nil, err
			}
			return re.FindAllString(toString(v), -1), nil
		},
		"split":     func(v any, sep string) []string { return strings.Split(toString(v), sep) },
		"substr":    substr,
		"delimit":   delimit,
		"hasPrefix": func(v, p any) bool { return strings.HasPrefix(toString(v), toString(p)) },
		"hasSuffix": func(v, p any) bool { return strings.HasSuffix(toString(v), toString(p)) },
		"urlize":    func(v any) string { return slug.Make(toString(v)) },
		"anchorize": func(v any) string { return slug.Make(toString(v)) },
		"md5": func(v any) string {
			sum := md5.Sum([]byte(toString(v)))
			return hex.EncodeToString(sum[:])
		},
		"now":     time.Now,
		"relURL":  func(v any) string { return toString(v) },
		"mul":     func(a, b int) int { return a * b },
		"div":     divide,
		"mod":     modulo,
		"strings": func() stringsNS { return stringsNS{} },
		"urls":    func() urlsNS { return urlsNS{} },
		"path":    func() pathNS { return pathNS{} },
		"ref":     func(p *ShortcodePage, ref any) (string, error) { return raise(p.Ref(ref)) },
		"relref":  func(p *ShortcodePage, ref any) (string, error) { return raise(p.RelRef(ref)) },
		"responsiveImage": func(p *ShortcodePage, src, alt any) (template.HTML, error) {
			return raise(p.hooks.Image(toString(src), toString(alt)))
		},
		"resolveLink": func(p *ShortcodePage, dest any) (string, error) { return raise(p.hooks.Link(toString(dest))) },
		"requiredParam": func(p *ShortcodePage, key any) (any, error) {
			if toString(key) == "" {
				return raise[any](nil, lang.Errorf("没有写要显示的参数名", "param: no key given"))
			}
			if v := p.Param(key); v != nil {
				return v, nil
			}
			return raise[any](nil, lang.Errorf("页面和网站配置里都没有参数 %q", "param %q is set neither in the page nor in the site's [params]", toString(key)))
		},
		"qr": func(text, level, scale any) (*QRImage, error) { return raise(QR(text, level, scale)) },
	}
}

// raise passes on an error that is about the page, not the template (a
// missing image, a ref to no page): Execute reports its message alone.
func raise[T any](v T, err error) (T, error) {
	if err != nil {
		return v, &raisedError{msg: err.Error()}
	}
	return v, nil
}

// toString is a value as text: "" for nil.
func toString(v any) string {
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}

func toIntE(v any) (int, error) {
	if n, ok := toInt(v); ok {
		return n, nil
	}
	return strconv.Atoi(strings.TrimSpace(toString(v)))
}

// truth is whether a template's "if" would take v.
func truth(v any) bool {
	if v == nil {
		return false
	}
	r := reflect.ValueOf(v)
	switch r.Kind() {
	case reflect.String, reflect.Slice, reflect.Map, reflect.Array:
		return r.Len() > 0
	case reflect.Bool:
		return r.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return r.Int() != 0
	case reflect.Float32, reflect.Float64:
		return r.Float() != 0
	case reflect.Pointer, reflect.Interface:
		return !r.IsNil()
	}
	return true
}

// in reports whether a list holds v, or a text contains it.
func in(set, v any) bool {
	r := reflect.ValueOf(set)
	switch r.Kind() {
	case reflect.Slice, reflect.Array:
		for i := 0; i < r.Len(); i++ {
			if toString(r.Index(i).Interface()) == toString(v) {
				return true
			}
		}
		return false
	case reflect.String:
		return strings.Contains(r.String(), toString(v))
	}
	return false
}

// isset reports whether a map has a key or a list an index.
func isset(c, key any) bool {
	r := reflect.ValueOf(c)
	switch r.Kind() {
	case reflect.Map:
		return r.MapIndex(reflect.ValueOf(toString(key))).IsValid()
	case reflect.Slice, reflect.Array:
		i, ok := toInt(key)
		return ok && i >= 0 && i < r.Len()
	}
	return false
}

// delimit joins a list's items with sep (and the last with last, if given).
func delimit(list any, sep any, last ...any) string {
	r := reflect.ValueOf(list)
	if r.Kind() != reflect.Slice && r.Kind() != reflect.Array {
		return toString(list)
	}
	var parts []string
	for i := 0; i < r.Len(); i++ {
		parts = append(parts, toString(r.Index(i).Interface()))
	}
	if len(last) > 0 && len(parts) > 1 {
		return strings.Join(parts[:len(parts)-1], toString(sep)) + toString(last[0]) + parts[len(parts)-1]
	}
	return strings.Join(parts, toString(sep))
}

func divide(a, b int) (int, error) {
	if b == 0 {
		return 0, fmt.Errorf("division by zero")
	}
	return a / b, nil
}

func modulo(a, b int) (int, error) {
	if b == 0 {
		return 0, fmt.Errorf("division by zero")
	}
	return a % b, nil
}

// titleCase capitalizes the first letter of each word.
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r := []rune(w)
		words[i] = strings.ToUpper(string(r[:1])) + string(r[1:])
	}
	return strings.Join(words, " ")
}

// substr is Hugo's substr: the characters of v from start (counted from
// the end when negative), length of them (all when left out, the rest but
// -length when negative).
func substr(v any, start any, length ...any) (string, error) {
	r := []rune(toString(v))
	from, err := toIntE(start)
	if err != nil {
		return "", err
	}
	if from < 0 {
		from += len(r)
	}
	from = max(0, min(from, len(r)))
	to := len(r)
	if len(length) > 0 {
		n, err := toIntE(length[0])
		if err != nil {
			return "", err
		}
		if n < 0 {
			to += n
		} else {
			to = from + n
		}
	}
	to = max(from, min(to, len(r)))
	return string(r[from:to]), nil
}

// readDir is Hugo's readDir for a site's folder ("static/css/"), read
// through fsys: the entries' information, by name.
func readDir(fsys fs.FS) func(dir any) ([]fs.FileInfo, error) {
	return func(dir any) ([]fs.FileInfo, error) {
		name := path.Clean(strings.Trim(toString(dir), "/"))
		if !fs.ValidPath(name) {
			return nil, lang.Errorf("readDir 只能读网站文件夹中的文件夹，不能是 %[1]q", "readDir %[1]q: not a folder of the site", toString(dir))
		}
		entries, err := fs.ReadDir(fsys, name)
		if err != nil {
			return nil, lang.Errorf("readDir 读不到文件夹 %[1]s", "readDir %[1]s: %[2]v", name, err)
		}
		var out []fs.FileInfo
		for _, e := range entries {
			if info, err := e.Info(); err == nil {
				out = append(out, info)
			}
		}
		return out, nil
	}
}
