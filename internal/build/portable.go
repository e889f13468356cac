package build

import (
	"strings"

	"showcase/internal/lang"
)

// A site is built on Linux, Windows and macOS alike, and its output is
// copied to servers of either kind, so an output path must be one every
// one of them can hold: no characters or names Windows refuses, and no two
// paths that differ only in case.

// windowsDevices are the names Windows keeps for devices, with or without
// an extension ("con", "aux.html").
var windowsDevices = map[string]bool{"con": true, "prn": true, "aux": true, "nul": true}

func init() {
	for _, d := range "123456789" {
		windowsDevices["com"+string(d)] = true
		windowsDevices["lpt"+string(d)] = true
	}
}

// checkPortable refuses an output path (slash-separated) that Windows
// cannot hold, naming the part at fault.
func checkPortable(rel, by string) error {
	for _, part := range strings.Split(rel, "/") {
		why, whyEn := unportable(part)
		if why != "" {
			return lang.Errorf("%[2]s 生成的 %[1]s 不能在 Windows 上保存：%[3]q %[4]s；请改掉网址、slug 或文件名",
				"%[1]s (by %[2]s) cannot be saved on Windows: %[3]q %[5]s", rel, by, part, why, whyEn)
		}
	}
	return nil
}

// unportable says why Windows refuses a file or folder name, or "".
func unportable(name string) (zh, en string) {
	if i := strings.IndexAny(name, `<>:"|?*`); i >= 0 {
		return "中含有字符 " + name[i:i+1] + "（文件名中不能有 < > : \" | ? *）", "holds " + name[i:i+1]
	}
	for _, r := range name {
		if r < 0x20 {
			return "中含有控制字符", "holds a control character"
		}
	}
	if strings.HasSuffix(name, ".") || strings.HasSuffix(name, " ") {
		return "以句点或空格结尾", "ends in a dot or a space"
	}
	stem, _, _ := strings.Cut(name, ".")
	if windowsDevices[strings.ToLower(strings.TrimRight(stem, " "))] {
		return "是 Windows 保留的设备名", "is a name Windows keeps for a device"
	}
	return "", ""
}

// claimFolded refuses a path that differs from one already claimed only in
// case: Windows and macOS keep them in one file, the second overwriting the
// first, and a site built there would lose a page or a picture. The caller
// holds o.mu.
func (o *output) claimFolded(rel, by string) error {
	key := strings.ToLower(rel)
	if prev, ok := o.folded[key]; ok {
		return lang.Errorf("%[2]s 生成的 %[1]s 和 %[4]s 生成的 %[3]s 只有大小写不同：在 Windows 和 macOS 上是同一个文件，会互相覆盖；请改掉其中一个的网址或文件名",
			"%[1]s (by %[2]s) and %[3]s (by %[4]s) differ only in case: on Windows and macOS they are one file", prev, o.claimed[prev], rel, by)
	}
	if o.folded == nil {
		o.folded = map[string]string{}
	}
	o.folded[key] = rel
	return nil
}
