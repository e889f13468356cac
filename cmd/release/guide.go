package main

import (
	"bytes"
	_ "embed"
	"text/template"
)

//go:embed guide.txt
var guideSource string

var guide = template.Must(template.New("guide").Parse(guideSource))

// platformNames are the platforms as staff know them.
var platformNames = map[string]string{
	"windows/amd64": "Windows（64 位，常见的台式机和笔记本）",
	"windows/arm64": "Windows（ARM 处理器，如部分 Surface 和骁龙笔记本）",
	"darwin/arm64":  "macOS（Apple M 系列芯片）",
	"darwin/amd64":  "macOS（Intel 芯片）",
	"linux/amd64":   "Linux（64 位 x86，如学校服务器、统信 UOS、麒麟）",
	"linux/arm64":   "Linux（ARM64，如鲲鹏、飞腾服务器）",
}

// guideText is 使用说明.txt for one platform: Windows gets CRLF line ends
// (and a byte-order mark, so older Notepads read it as UTF-8).
func guideText(goos, goarch string, st stamp) ([]byte, error) {
	platform := platformNames[goos+"/"+goarch]
	if platform == "" {
		platform = goos + "/" + goarch
	}
	data := map[string]string{
		"Version": st.Version, "Commit": st.Commit, "Date": st.Date.In(beijing).Format("2006年1月2日"),
		"Platform": platform, "OS": goos,
		"Exe": "./showcase", "Folder": "~/showcase", "SiteFolder": "本校网站",
	}
	if goos == "windows" {
		data["Exe"], data["Folder"] = `.\showcase.exe`, `D:\宣传\showcase`
	}
	var b bytes.Buffer
	if err := guide.Execute(&b, data); err != nil {
		return nil, err
	}
	if goos == "windows" {
		return append([]byte("\ufeff"), crlf(b.String())...), nil
	}
	return b.Bytes(), nil
}
