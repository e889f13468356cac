package newsroom

import (
	"net/http"
	"strings"
	"testing"
)

func TestImportText(t *testing.T) {
	dir := testSite(t, nil)
	n := testNewsroom(t, dir, "")
	text := "学校召开主题教育总结大会\n\n12月1日上午，学校召开主题教育总结大会。\n\n会议总结了主题教育的成效。\n"
	var out struct {
		File, Report string
	}
	if w := n.do(t, call{method: "POST", path: "api/import?name=会议.txt", csrf: true, body: text}, &out); w.Code != http.StatusOK {
		t.Fatalf("import: %d %s", w.Code, w.Body)
	}
	if !strings.HasPrefix(out.File, "content/news/") || !strings.Contains(readSite(t, dir, out.File), "会议总结了主题教育的成效。") {
		t.Errorf("imported %q:\n%s", out.File, readSite(t, dir, out.File))
	}
	if w := n.do(t, call{method: "POST", path: "api/import?name=会议.txt", csrf: true, body: text}, nil); w.Code != http.StatusConflict {
		t.Errorf("the same text again: %d", w.Code)
	}
	for _, name := range []string{"../../x.txt", "a.exe", ".x.txt"} {
		if w := n.do(t, call{method: "POST", path: "api/import?name=" + name, csrf: true, body: text}, nil); w.Code != http.StatusBadRequest {
			t.Errorf("import named %q: %d", name, w.Code)
		}
	}
	if w := n.do(t, call{method: "POST", path: "api/import?name=a.txt&section=../../etc", csrf: true, body: "x\n\ny\n"}, nil); w.Code != http.StatusBadRequest {
		t.Errorf("a section outside content: %d", w.Code)
	}
}
