package newsroom

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // the formats the build publishes
	_ "image/jpeg"
	_ "image/png"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"showcase/internal/frontedit"
	"showcase/internal/slug"
)

// maxPhoto is the largest photo the editor takes (a camera's JPEG is
// 5-15 MB).
const maxPhoto = 30 << 20

// photoTypes maps the extensions taken to the format the file must hold.
var photoTypes = map[string]string{".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".gif": "gif"}

// servePhoto stores a photo dropped into a page's editor in the page's
// bundle: ?file= names the page, ?name= the photo's own file name. The
// photo is checked (type, size, decodable, pixels) and named safely (the
// ASCII slug of its name; -2, -3 … when taken). The build publishes
// resized, upright, metadata-free variants of it.
func (n *Newsroom) servePhoto(w http.ResponseWriter, r *http.Request) {
	page, name := r.URL.Query().Get("file"), r.URL.Query().Get("name")
	if err := checkPagePath(page); err != nil {
		fail(w, http.StatusBadRequest, err.Error())
		return
	}
	if path.Base(page) != "index.md" {
		fail(w, http.StatusBadRequest, "这篇稿件不是文件夹形式（index.md），照片无处存放；请新建稿件，或把它移到同名文件夹中（photos need a page bundle）")
		return
	}
	ext, err := photoName(name)
	if err != nil {
		fail(w, http.StatusBadRequest, err.Error())
		return
	}
	data, err := io.ReadAll(io.LimitReader(r.Body, maxPhoto+1))
	if err != nil {
		fail(w, http.StatusBadRequest, "照片没有传完（upload interrupted: "+err.Error()+"）")
		return
	}
	cfg, err := n.config()
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	if err := checkPhoto(data, ext, int64(cfg.Images.MaxPixels)); err != nil {
		fail(w, http.StatusBadRequest, name+"："+err.Error())
		return
	}
	stem := slug.Make(strings.TrimSuffix(name, path.Ext(name)))
	if stem == "" {
		stem = "photo"
	}
	if ext == ".jpeg" {
		ext = ".jpg"
	}
	dir := path.Dir(page)
	n.mu.Lock()
	defer n.mu.Unlock()
	album, ver, err := n.albumPage(page)
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	alt := strings.TrimSpace(r.URL.Query().Get("alt"))
	if album && (alt == "" || r.URL.Query().Get("version") != ver) {
		if alt == "" {
			fail(w, http.StatusBadRequest, "请写照片说明（a caption is required for an album photo）")
		} else {
			n.failWrite(w, page, errConflict)
		}
		return
	}
	rel := ""
	for i := 1; ; i++ {
		rel = dir + "/" + stem + ext
		if i > 1 {
			rel = fmt.Sprintf("%s/%s-%d%s", dir, stem, i, ext)
		}
		if _, err := n.readFile(rel); errors.Is(err, fs.ErrNotExist) {
			break
		}
	}
	if err := n.writeChecked(rel, "", data); err != nil {
		fail(w, http.StatusBadRequest, "照片保存失败："+err.Error())
		return
	}
	out := map[string]any{"file": rel, "name": path.Base(rel)}
	kept := []string{rel}
	if album { // an album lists its photos in [[resources]], the caption as title
		updated, err := n.change(page, ver, func(old []byte) ([]byte, error) {
			return frontedit.AppendTable(old, "resources", [][2]string{{"src", path.Base(rel)}, {"title", alt}})
		})
		if err != nil {
			fail(w, http.StatusBadRequest, "照片已保存，但没能加入图集列表："+err.Error())
			return
		}
		out["album"], out["version"] = true, version(updated)
		kept = append(kept, page)
	}
	if err := n.keepVersion("编辑器添加照片 "+rel, kept...); err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	reply(w, http.StatusOK, out)
}

// albumPage tells whether page is an album (in photos/, or listing
// resources or photos), and its version. An album's photos join its
// resources: [[resources]] tables in TOML, items of the resources list in
// YAML (frontedit.AppendTable).
func (n *Newsroom) albumPage(page string) (bool, string, error) {
	data, err := n.readFile(page)
	if err != nil {
		return false, "", err
	}
	keys, err := frontedit.Keys(data)
	if err != nil {
		return false, version(data), nil
	}
	album := strings.HasPrefix(page, "content/photos/")
	for _, k := range keys {
		album = album || strings.EqualFold(k, "photos") || strings.EqualFold(k, "resources") // YAML's list
	}
	if strings.Contains(string(data), "[[resources]]") {
		album = true
	}
	return album, version(data), nil
}

// photoName checks a photo's own name and returns its extension.
func photoName(name string) (string, error) {
	if name == "" || strings.ContainsAny(name, "/\\\x00") || strings.Contains(name, "..") || strings.HasPrefix(name, ".") {
		return "", fmt.Errorf("照片文件名 %q 不能用（不能含路径）（unsafe photo name）", name)
	}
	ext := strings.ToLower(path.Ext(name))
	if _, ok := photoTypes[ext]; !ok {
		return "", fmt.Errorf("%s：只能上传 JPG、PNG 或 GIF 照片（手机的 HEIC 照片请先导出为 JPG）（not a JPEG, PNG or GIF）", name)
	}
	return ext, nil
}

// checkPhoto checks size, that the content is of the extension's format,
// within the pixel limit, and decodes whole.
func checkPhoto(data []byte, ext string, maxPixels int64) error {
	if len(data) > maxPhoto {
		return fmt.Errorf("照片超过 %d MB，请先缩小（photo too large）", maxPhoto>>20)
	}
	c, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return errors.New("不是能打开的照片文件（cannot be decoded: " + err.Error() + "）")
	}
	if want := photoTypes[ext]; format != want {
		return fmt.Errorf("文件内容是 %s，与扩展名 %s 不符（content is %s）", format, ext, format)
	}
	if maxPixels > 0 && int64(c.Width)*int64(c.Height) > maxPixels {
		return fmt.Errorf("照片有 %d×%d 像素，超过网站的上限（too many pixels）", c.Width, c.Height)
	}
	if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
		return errors.New("照片文件已损坏（cannot be decoded: " + err.Error() + "）")
	}
	return nil
}
