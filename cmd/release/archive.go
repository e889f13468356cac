package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
)

// file is one file of an archive, at a slash path below its top folder.
type file struct {
	name string
	data []byte
	exec bool
}

// release builds showcase for goos/goarch and writes its archive into out;
// it returns the archive's path.
func release(root, out, goos, goarch string, st stamp) (string, error) {
	binary, err := buildBinary(root, goos, goarch, st)
	if err != nil {
		return "", err
	}
	return pack(root, out, goos, goarch, st, binary)
}

// pack writes the archive of one platform around its binary.
func pack(root, out, goos, goarch string, st stamp, binary []byte) (string, error) {
	exe := "showcase"
	if goos == "windows" {
		exe += ".exe"
	}
	files := []file{{name: exe, data: binary, exec: true}}
	guide, err := guideText(goos, goarch, st)
	if err != nil {
		return "", err
	}
	files = append(files, file{name: "使用说明.txt", data: guide})
	workflow, err := os.ReadFile(filepath.Join(root, "docs", "workflow.md"))
	if err != nil {
		return "", err
	}
	files = append(files, file{name: "编辑工作流程.md", data: workflow})
	demo, err := demoSite(root)
	if err != nil {
		return "", err
	}
	files = append(files, demo...)
	if goos == "windows" {
		files = append(files, file{name: "预览示例网站.bat", data: crlf(previewBat)})
	}
	top := "showcase-" + st.Version + "-" + goos + "-" + goarch
	if goos == "linux" {
		name := filepath.Join(out, top+".tar.gz")
		return name, writeArchive(name, func(w io.Writer) error { return writeTarGz(w, top, files, st) })
	}
	name := filepath.Join(out, top+".zip")
	return name, writeArchive(name, func(w io.Writer) error { return writeZip(w, top, files, st) })
}

// previewBat starts the preview of the demo site when double-clicked in
// Windows Explorer, and keeps the window open if it stops. It is ASCII
// only: cmd.exe may read a .bat in the system's code page whatever chcp
// says (Wine's does), which would garble a Chinese folder name; the site
// is found as the folder beside it that holds site.toml, a name cmd keeps
// in Unicode. (One line for the loop: Wine's cmd leaves %%d as it is in a
// bracketed body.)
const previewBat = `@echo off
chcp 65001 >nul
cd /d "%~dp0"
for /d %%d in (*) do if exist "%%d\site.toml" set "site=%%d"
showcase.exe serve -s "%site%"
pause
`

// buildBinary cross-compiles the command, stamped with the commit.
func buildBinary(root, goos, goarch string, st stamp) ([]byte, error) {
	tmp, err := os.MkdirTemp("", "showcase-release-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "showcase")
	ldflags := "-s -w -X main.commit=" + st.Commit + " -X main.date=" + st.Date.Format("2006-01-02T15:04:05Z07:00")
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false", "-ldflags", ldflags, "-o", bin, "./cmd/showcase")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH="+goarch, "CGO_ENABLED=0")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return nil, err
	}
	return os.ReadFile(bin)
}

// demoSite is the repository's own site.toml and content/ (the files git
// tracks), under 示例网站/.
func demoSite(root string) ([]file, error) {
	list, err := git(root, "ls-files", "-z", "--", "site.toml", "content")
	if err != nil {
		return nil, err
	}
	var files []file
	for _, rel := range strings.Split(strings.TrimRight(list, "\x00"), "\x00") {
		if rel == "" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			return nil, err
		}
		files = append(files, file{name: path.Join("示例网站", rel), data: data})
	}
	return files, nil
}

func writeArchive(name string, write func(io.Writer) error) error {
	tmp := name + ".part"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, name)
}

func writeZip(w io.Writer, top string, files []file, st stamp) error {
	zw := zip.NewWriter(w)
	for _, f := range files {
		h := &zip.FileHeader{Name: top + "/" + f.name, Method: zip.Deflate, Modified: st.Date}
		h.SetMode(mode(f))
		fw, err := zw.CreateHeader(h) // names are UTF-8 and flagged as such
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

func writeTarGz(w io.Writer, top string, files []file, st stamp) error {
	gz := gzip.NewWriter(w)
	tw := tar.NewWriter(gz)
	for _, f := range files {
		h := &tar.Header{Name: top + "/" + f.name, Mode: int64(mode(f)), Size: int64(len(f.data)),
			ModTime: st.Date, Typeflag: tar.TypeReg, Format: tar.FormatPAX}
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		if _, err := tw.Write(f.data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}

func mode(f file) os.FileMode {
	if f.exec {
		return 0o755
	}
	return 0o644
}

// crlf gives text Windows line ends, for Notepad and cmd.exe.
func crlf(s string) []byte {
	return bytes.ReplaceAll([]byte(strings.ReplaceAll(s, "\r\n", "\n")), []byte("\n"), []byte("\r\n"))
}
