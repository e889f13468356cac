package newsroom

import (
	"bytes"
	"io"
	"net/http"
	"path"
	"path/filepath"
	"strings"

	"showcase/internal/archetype"
	"showcase/internal/check"
	"showcase/internal/importer"
)

// importTypes are the files the dashboard takes to import.
var importTypes = map[string]bool{".docx": true, ".html": true, ".htm": true, ".txt": true}

// serveImport turns a dropped .docx, .html or .txt (?name=) into a new page
// bundle under content/SECTION/ (?section=, default news), as
// "showcase import" does, and answers with the page and the import report.
func (n *Newsroom) serveImport(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	if name == "" || strings.ContainsAny(name, "/\\\x00") || strings.HasPrefix(name, ".") || !importTypes[strings.ToLower(path.Ext(name))] {
		fail(w, http.StatusBadRequest, "只能导入 Word 文档（.docx）、网页（.html）或文本文件（.txt）（"+name+"）")
		return
	}
	section := r.URL.Query().Get("section")
	if section == "" {
		section = "news"
	}
	folder, _ := archetype.Section(section)
	if err := checkContentPath("content/" + folder); err != nil || strings.Contains(folder, "/") {
		fail(w, http.StatusBadRequest, "栏目名称不能用（bad section "+section+"）")
		return
	}
	data, err := io.ReadAll(r.Body)
	if err != nil {
		fail(w, http.StatusBadRequest, "文件没有传完（upload interrupted: "+err.Error()+"）")
		return
	}
	cfg, err := n.config()
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	b, err := importer.Import(name, data, importer.Options{Now: n.opts.Now(), Words: check.Words(cfg)})
	if err != nil {
		fail(w, http.StatusBadRequest, name+"："+err.Error())
		return
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	if prev, _ := importer.Imported(filepath.Join(n.source, "content"), b.SourceHash); prev != "" {
		rel, _ := filepath.Rel(n.source, prev)
		reply(w, http.StatusConflict, map[string]any{"error": "这篇稿件已经导入过，没有再导入一份（imported before）", "file": filepath.ToSlash(rel)})
		return
	}
	if err := n.makeFolder("content/" + folder); err != nil {
		fail(w, http.StatusBadRequest, err.Error())
		return
	}
	dir, err := b.Write(filepath.Join(n.source, "content", folder))
	if err != nil {
		fail(w, http.StatusInternalServerError, "导入失败："+err.Error())
		return
	}
	rel, err := filepath.Rel(n.source, filepath.Join(dir, "index.md"))
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	rel = filepath.ToSlash(rel)
	files := []string{rel}
	for f := range b.Files {
		files = append(files, path.Dir(rel)+"/"+f)
	}
	n.saved(rel)
	if err := n.keepVersion("编辑器导入 "+name+" → "+rel, files...); err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	var report bytes.Buffer
	b.Report.Write(&report, rel)
	reply(w, http.StatusOK, map[string]any{"file": rel, "report": report.String(), "attention": b.Report.NeedsPerson()})
}
