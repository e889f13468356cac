package render

import (
	"net/url"
	"path"
	"strings"
)

// stringsNS is Hugo's strings namespace: strings.TrimSpace .Inner.
type stringsNS struct{}

func (stringsNS) TrimSpace(v any) string        { return strings.TrimSpace(toString(v)) }
func (stringsNS) TrimPrefix(p, v any) string    { return strings.TrimPrefix(toString(v), toString(p)) }
func (stringsNS) TrimSuffix(s, v any) string    { return strings.TrimSuffix(toString(v), toString(s)) }
func (stringsNS) Trim(v, cut any) string        { return strings.Trim(toString(v), toString(cut)) }
func (stringsNS) TrimLeft(cut, v any) string    { return strings.TrimLeft(toString(v), toString(cut)) }
func (stringsNS) TrimRight(cut, v any) string   { return strings.TrimRight(toString(v), toString(cut)) }
func (stringsNS) Contains(v, sub any) bool      { return strings.Contains(toString(v), toString(sub)) }
func (stringsNS) HasPrefix(v, p any) bool       { return strings.HasPrefix(toString(v), toString(p)) }
func (stringsNS) HasSuffix(v, s any) bool       { return strings.HasSuffix(toString(v), toString(s)) }
func (stringsNS) ToLower(v any) string          { return strings.ToLower(toString(v)) }
func (stringsNS) ToUpper(v any) string          { return strings.ToUpper(toString(v)) }
func (stringsNS) Title(v any) string            { return titleCase(toString(v)) }
func (stringsNS) Split(v any, sep any) []string { return strings.Split(toString(v), toString(sep)) }
func (stringsNS) Replace(v, old, new any) string {
	return strings.ReplaceAll(toString(v), toString(old), toString(new))
}
func (stringsNS) Repeat(n int, v any) string   { return strings.Repeat(toString(v), max(n, 0)) }
func (stringsNS) RuneCount(v any) int          { return len([]rune(toString(v))) }
func (stringsNS) Count(sub, v any) int         { return strings.Count(toString(v), toString(sub)) }
func (stringsNS) FirstUpper(v any) string      { return titleCase(toString(v)) }
func (stringsNS) Chomp(v any) string           { return strings.TrimRight(toString(v), "\r\n") }
func (stringsNS) Truncate(n int, v any) string { return truncateRunes(toString(v), n) }
func (stringsNS) ContainsAny(v, chars any) bool {
	return strings.ContainsAny(toString(v), toString(chars))
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:max(n, 0)])) + "…"
}

// urlsNS is Hugo's urls namespace.
type urlsNS struct{}

// Parse parses a URL: .Path, .IsAbs, .String …
func (urlsNS) Parse(v any) (*url.URL, error) { return url.Parse(toString(v)) }

// pathNS is Hugo's path namespace.
type pathNS struct{}

func (pathNS) Base(v any) string  { return path.Base(toString(v)) }
func (pathNS) Dir(v any) string   { return path.Dir(toString(v)) }
func (pathNS) Ext(v any) string   { return path.Ext(toString(v)) }
func (pathNS) Clean(v any) string { return path.Clean(toString(v)) }
func (pathNS) Join(v ...any) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = toString(x)
	}
	return path.Join(parts...)
}
