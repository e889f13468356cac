package newsroom

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"time"

	"showcase/internal/content"
	"showcase/internal/frontedit"
)

// servePages lists every page for the dashboard.
func (n *Newsroom) servePages(w http.ResponseWriter, r *http.Request) {
	pages, _, err := n.index.pages()
	if err != nil {
		fail(w, http.StatusInternalServerError, "无法读取网站内容（"+err.Error()+"）")
		return
	}
	reply(w, http.StatusOK, map[string]any{"pages": pages})
}

// pageReply is a page as the edit view opens it.
type pageReply struct {
	File     string         `json:"file"`
	Version  string         `json:"version"`
	Text     string         `json:"text"` // the whole file
	Body     string         `json:"body"`
	Format   string         `json:"format"`
	Fields   map[string]any `json:"fields"` // the front matter, decoded
	Info     pageInfo       `json:"info"`
	Problems []string       `json:"problems,omitempty"`
}

func (n *Newsroom) servePage(w http.ResponseWriter, r *http.Request) {
	rel := r.URL.Query().Get("file")
	if err := checkPagePath(rel); err != nil {
		fail(w, http.StatusBadRequest, err.Error())
		return
	}
	data, err := n.readFile(rel)
	if errors.Is(err, fs.ErrNotExist) {
		fail(w, http.StatusNotFound, "没有这个页面（no such page: "+rel+"）")
		return
	}
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	out, err := n.describePage(rel, data)
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	reply(w, http.StatusOK, out)
}

func (n *Newsroom) describePage(rel string, data []byte) (*pageReply, error) {
	cfg, err := n.config()
	if err != nil {
		return nil, err
	}
	out := &pageReply{File: rel, Version: version(data), Text: string(data), Fields: map[string]any{}}
	if start, err := frontedit.BodyStart(data); err == nil {
		out.Body = string(data[start:])
	}
	if norm, err := content.Normalize(data); err == nil {
		if src, err := content.Split(norm); err == nil {
			out.Format = src.Format
			if m, err := src.Decode(); err == nil {
				out.Fields = formValues(m)
			}
		}
	}
	p, problems := content.ParsePage(rel, data, cfg)
	for _, pr := range problems {
		out.Problems = append(out.Problems, pr.Error())
	}
	if p != nil {
		out.Info = pageInfoOf(p, cfg, n.opts.Now())
		for _, pr := range p.Warnings {
			out.Problems = append(out.Problems, pr.Error())
		}
	} else {
		out.Info = pageInfo{File: rel, Title: rel}
	}
	return out, nil
}

// formValues turns decoded front matter into what the form shows: dates
// as "2025-10-26T09:30" in Beijing time, the rest as JSON has it.
func formValues(m map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		key := strings.ToLower(k)
		switch v := v.(type) {
		case time.Time:
			if !strings.HasSuffix(v.Location().String(), "-local") { // a TOML local date is Beijing's already
				v = v.In(beijing)
			}
			out[key] = v.Format("2006-01-02T15:04")
		case map[string]any:
			// tables (params) are edited in the source view
		default:
			out[key] = v
		}
	}
	return out
}

var beijing = time.FixedZone("CST", 8*3600)

// field is one front-matter field the form changed.
type field struct {
	Key   string `json:"key"`
	Type  string `json:"type"` // text, list, bool, number, date; "delete" removes the key
	Value any    `json:"value"`
}

// value converts the form's value to what frontedit writes.
func (f field) value() (any, error) {
	bad := fmt.Errorf("字段 %s 的值无法识别（bad value for %s）", f.Key, f.Key)
	switch f.Type {
	case "text":
		s, ok := f.Value.(string)
		if !ok {
			return nil, bad
		}
		return s, nil
	case "bool":
		b, ok := f.Value.(bool)
		if !ok {
			return nil, bad
		}
		return b, nil
	case "number":
		switch v := f.Value.(type) {
		case float64:
			if v == float64(int64(v)) {
				return int64(v), nil
			}
			return v, nil
		case string:
			i, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			if err != nil {
				return nil, bad
			}
			return i, nil
		}
		return nil, bad
	case "list":
		items, ok := f.Value.([]any)
		if !ok {
			return nil, bad
		}
		out := []string{}
		for _, it := range items {
			s, ok := it.(string)
			if !ok {
				return nil, bad
			}
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return out, nil
	case "date":
		s, _ := f.Value.(string)
		if t, err := time.ParseInLocation("2006-01-02T15:04", s, beijing); err == nil {
			return t, nil
		}
		if _, err := time.Parse("2006-01-02", s); err == nil {
			return frontedit.Date(s), nil
		}
		return nil, fmt.Errorf("字段 %s 的日期 %q 无法识别（bad date）", f.Key, s)
	}
	return nil, bad
}

// applyFields changes data's front matter field by field.
func applyFields(data []byte, fields []field) ([]byte, error) {
	for _, f := range fields {
		var err error
		if f.Type == "delete" {
			data, err = frontedit.Delete(data, f.Key)
		} else {
			var v any
			if v, err = f.value(); err == nil {
				data, err = frontedit.Set(data, f.Key, v)
			}
		}
		if err != nil {
			return nil, err
		}
	}
	return data, nil
}

// replaceBody puts body after data's front matter.
func replaceBody(data []byte, body string) ([]byte, error) {
	start, err := frontedit.BodyStart(data)
	if err != nil {
		return nil, err
	}
	return append(bytes.Clone(data[:start]), body...), nil
}

// shellData fills the editor's page.
type shellData struct {
	CSRF, Prefix, Base string
}

var shell = template.Must(template.ParseFS(assets, "assets/index.html"))

func (n *Newsroom) serveShell(w http.ResponseWriter, r *http.Request) {
	if !navigationOnly(w, r) {
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	shell.Execute(w, shellData{CSRF: n.csrf, Prefix: n.prefix, Base: strings.TrimSuffix(n.prefix, Path)})
}

// script is the editor's JavaScript: the files of assets/js in order.
var script = func() []byte {
	names, err := fs.Glob(assets, "assets/js/*.js")
	if err != nil {
		panic(err)
	}
	var b bytes.Buffer
	for _, name := range names {
		data, _ := assets.ReadFile(name)
		b.Write(data)
		b.WriteByte('\n')
	}
	return b.Bytes()
}()

func (n *Newsroom) serveAsset(w http.ResponseWriter, r *http.Request) {
	if strings.HasSuffix(r.URL.Path, ".js") {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(script)
		return
	}
	data, _ := assets.ReadFile("assets/app.css")
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Write(data)
}
