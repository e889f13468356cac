package newsroom

import (
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"showcase/internal/archetype"
	"showcase/internal/sitefs"
)

// newRequest makes a page from the archetype of its kind, then fills in
// the fields the form was given.
type newRequest struct {
	Kind   string  `json:"kind"`
	Title  string  `json:"title"`
	Date   string  `json:"date"` // "2025-10-26T09:30", Beijing time; "" for now
	Fields []field `json:"fields"`
}

func (n *Newsroom) serveNew(w http.ResponseWriter, r *http.Request) {
	var req newRequest
	if !readJSON(w, r, &req) {
		return
	}
	req.Title = strings.TrimSpace(req.Title)
	if req.Title == "" {
		fail(w, http.StatusBadRequest, "请填写标题（a title is required）")
		return
	}
	known := false
	for _, k := range kinds {
		known = known || k.ID == req.Kind
	}
	if !known {
		fail(w, http.StatusBadRequest, "请选择稿件类型（unknown kind "+req.Kind+"）")
		return
	}
	date := n.opts.Now()
	if req.Date != "" {
		t, err := time.ParseInLocation("2006-01-02T15:04", req.Date, beijing)
		if err != nil {
			fail(w, http.StatusBadRequest, "发布日期无法识别（bad date "+req.Date+"）")
			return
		}
		date = t
	}
	section, _ := archetype.Section(req.Kind)
	n.mu.Lock()
	defer n.mu.Unlock()
	if err := n.makeFolder("content/" + section); err != nil {
		fail(w, http.StatusBadRequest, err.Error())
		return
	}
	layers := archetype.Layers(sitefs.New(n.source), n.opts.Archetypes)
	dir, err := archetype.Create(n.source, layers, archetype.Page{Kind: req.Kind, Title: req.Title, Date: date}, nil)
	if err != nil {
		fail(w, http.StatusInternalServerError, "新建稿件失败："+err.Error())
		return
	}
	rel, err := filepath.Rel(n.source, filepath.Join(dir, "index.md"))
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	rel = filepath.ToSlash(rel)
	data, err := n.readFile(rel)
	if err == nil && len(req.Fields) > 0 {
		data, err = n.change(rel, version(data), func(old []byte) ([]byte, error) { return applyFields(old, req.Fields) })
	} else if err == nil {
		n.saved(rel)
	}
	if err != nil {
		fail(w, http.StatusBadRequest, "新建的稿件无法填写："+err.Error())
		return
	}
	reply(w, http.StatusOK, map[string]any{"file": rel, "version": version(data)})
}
