package main

import (
	"bufio"
	"fmt"
	"io"

	"showcase/internal/lang"
)

// Staff who download showcase double-click showcase.exe, as they would any
// program. Without arguments it prints its usage and ends, and Windows
// closes the window it opened before anyone can read it. Started so (see
// startedByExplorer), it says how it is used and waits for Enter.

// explorerPause says that showcase is typed, not double-clicked, and
// waits for a line (Enter) on in.
func explorerPause(out io.Writer, in io.Reader) {
	fmt.Fprintln(out, lang.Say(`
showcase 需要在命令窗口中使用，不能直接双击打开。
  · 预览示例网站：双击同一文件夹中的“预览示例网站.bat”。
  · 其他用法：在这个文件夹的空白处按住 Shift 点右键，选“在此处打开 PowerShell 窗口”，
    输入 .\showcase.exe help 查看全部命令。详见“使用说明.txt”。
按回车键关闭此窗口。`, `
showcase runs in a command window, not by double-clicking it.
  · To preview the demo site, double-click 预览示例网站.bat in this folder.
  · Otherwise open PowerShell in this folder (Shift + right-click) and run
    .\showcase.exe help. See 使用说明.txt.
Press Enter to close this window.`))
	bufio.NewReader(in).ReadString('\n')
}
