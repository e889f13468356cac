package newsroom

import (
	"errors"
	"net/http"
)

// saveRequest is a save from the edit view: the fields the form changed
// and the body, or (from the source view) the whole file.
type saveRequest struct {
	File    string  `json:"file"`
	Version string  `json:"version"` // the version the editor opened
	Fields  []field `json:"fields"`
	Body    *string `json:"body"`
	Text    *string `json:"text"`
	Keep    bool    `json:"keep"` // 保存: keep this version in the history
	Who     string  `json:"who"`
}

// serveSave writes a page when it is still at the version the editor
// opened; otherwise it answers 409 with the file as it now is.
func (n *Newsroom) serveSave(w http.ResponseWriter, r *http.Request) {
	var req saveRequest
	if !readJSON(w, r, &req) {
		return
	}
	if err := checkPagePath(req.File); err != nil {
		fail(w, http.StatusBadRequest, err.Error())
		return
	}
	n.mu.Lock()
	data, err := n.change(req.File, req.Version, func(old []byte) ([]byte, error) {
		if req.Text != nil {
			return []byte(*req.Text), nil
		}
		data, err := applyFields(old, req.Fields)
		if err == nil && req.Body != nil {
			data, err = replaceBody(data, *req.Body)
		}
		return data, err
	})
	n.mu.Unlock()
	if err != nil {
		n.failWrite(w, req.File, err)
		return
	}
	if req.Keep {
		if err := n.keepVersion("编辑器保存 "+req.File+whoSuffix(req.Who), req.File); err != nil {
			fail(w, http.StatusInternalServerError, err.Error())
			return
		}
	}
	out, err := n.describePage(req.File, data)
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	reply(w, http.StatusOK, out)
}

func whoSuffix(who string) string {
	if who == "" {
		return ""
	}
	return "（" + who + "）"
}

// change reads rel, checks it is at version want, applies edit and writes
// the result atomically, then lets the preview rebuild it. The caller
// holds n.mu.
func (n *Newsroom) change(rel, want string, edit func([]byte) ([]byte, error)) ([]byte, error) {
	old, err := n.readFile(rel)
	if err != nil {
		return nil, err
	}
	if version(old) != want {
		return nil, errConflict
	}
	data, err := edit(old)
	if err != nil {
		return nil, err
	}
	if string(data) == string(old) {
		return data, nil
	}
	if err := n.writeChecked(rel, want, data); err != nil {
		return nil, err
	}
	n.saved(rel)
	return data, nil
}

func (n *Newsroom) saved(rel string) {
	n.checks.markStale()
	if n.opts.Saved != nil {
		n.opts.Saved(rel)
	}
}

// failWrite answers a failed write: a conflict with the file as it is now.
func (n *Newsroom) failWrite(w http.ResponseWriter, rel string, err error) {
	if errors.Is(err, errConflict) {
		now, rerr := n.readFile(rel)
		if rerr != nil {
			fail(w, http.StatusConflict, "这个页面已被删除或移动（the page is gone）")
			return
		}
		reply(w, http.StatusConflict, map[string]any{
			"error":    "冲突：这个文件在您打开之后被别人或别的程序改过，您的修改没有保存。请查看现在的内容，复制您要保留的文字后重新打开（conflict: the file changed on disk since it was opened; nothing was written）",
			"conflict": true, "text": string(now), "version": version(now),
		})
		return
	}
	fail(w, http.StatusBadRequest, "保存失败："+err.Error())
}
