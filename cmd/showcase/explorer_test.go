package main

import (
	"strings"
	"testing"
)

// TestExplorerPause: double-clicked, showcase says how it is used and
// waits for Enter (here a reader at its end) before its window closes.
func TestExplorerPause(t *testing.T) {
	var out strings.Builder
	explorerPause(&out, strings.NewReader(""))
	for _, want := range []string{"不能直接双击打开", "预览示例网站.bat", `.\showcase.exe help`, "按回车键关闭此窗口"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("no %q in:\n%s", want, out.String())
		}
	}
}
