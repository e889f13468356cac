package check

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"showcase/internal/content"
	"showcase/internal/lang"
	"showcase/internal/markdown/outline"
)

// genericAlt matches alt texts that say nothing about the picture: file
// names, camera names, 图片, image.
var genericAlt = regexp.MustCompile(`(?i)^(图片?|照片|插图|配图|image|img|photo|picture|pic|图\s*\d+|【图\d+】|(img|dsc|dscn|dji|mmexport|wechat|微信图片)[_\- ]?\d.*|.+\.(jpe?g|png|gif|webp|bmp))$`)

func (c *checker) image(p *content.Page, l outline.Link) {
	dest := strings.TrimSpace(l.Dest)
	switch {
	case localFile.MatchString(dest):
		c.add("images", Error, p.File, l.Line, lang.Sprintf("图片 %[1]q 位于作者电脑上，读者看不到：请把图片放进稿件文件夹", "picture %[1]q is on the author's computer: put the file in the page's folder", dest))
		return
	case strings.HasPrefix(dest, "//"), strings.HasPrefix(strings.ToLower(dest), "http:"), strings.HasPrefix(strings.ToLower(dest), "https:"):
		c.add("images", Warning, p.File, l.Line, lang.Sprintf("外链图片 %[1]q 在别的网站上，可能无法显示：请下载到稿件文件夹（showcase check --localize 可自动下载）", "picture %[1]q is on another site: it may be blocked or vanish; download it into the page's folder", dest))
	}
	c.alt(p, l.Line, l.Text, path.Base(dest))
}

// alt checks one alt text (or caption): present, and saying something.
func (c *checker) alt(p *content.Page, line int, alt, file string) {
	alt = strings.TrimSpace(alt)
	switch {
	case alt == "":
		c.add("images", Error, p.File, line, lang.Sprintf("图片 %[1]s 缺少说明文字（替代文本），请写明图片内容", "picture %[1]s has no alt text: describe what it shows", file))
	case genericAlt.MatchString(alt) || strings.EqualFold(alt, file) || strings.EqualFold(alt, strings.TrimSuffix(file, path.Ext(file))):
		c.add("images", Warning, p.File, line, lang.Sprintf("图片 %[1]s 的说明“%[2]s”过于笼统，请写明人物、地点和事情", "picture %[1]s: alt text %[2]q says nothing about it", file, alt))
	}
}

// covers checks the cover's cover_alt and each album photo's caption.
func (c *checker) covers(p *content.Page) {
	if p.Cover != "" {
		c.alt(p, keyLine(p, "cover_alt"), p.CoverAlt, path.Base(p.Cover))
		if localFile.MatchString(p.Cover) {
			c.add("images", Error, p.File, keyLine(p, "cover"), lang.Sprintf("封面图片位于作者电脑上，读者看不到：请把图片放进稿件文件夹", "cover is on the author's computer"))
		}
		if content.Remote(p.Cover) {
			c.add("images", Warning, p.File, keyLine(p, "cover"), lang.Sprintf("封面图片 %[1]q 在别的网站上：可能失效、校内打开慢、对方可看到读者；showcase check --localize 可将其下载到稿件文件夹",
				"cover %[1]q is on another site: it may vanish, load slowly or track readers; showcase check --localize downloads it", p.Cover))
		}
	}
	for _, ph := range p.Photos {
		c.alt(p, c.lineOf(p, `"`+ph.Src+`"`), ph.Caption, ph.Src)
	}
}

// lineOf finds the first line of a page's file that contains needle, or 1.
func (c *checker) lineOf(p *content.Page, needle string) int {
	if c.opts.Site == nil {
		return 1
	}
	data, err := fs.ReadFile(c.opts.Site, p.File)
	if err != nil {
		return 1
	}
	if i := bytes.Index(data, []byte(needle)); i >= 0 {
		return bytes.Count(data[:i], []byte("\n")) + 1
	}
	return 1
}

// fileSizes reports originals above the size limit among the files of
// published bundles and attachments.
func (c *checker) fileSizes() {
	if c.opts.Site == nil {
		return
	}
	publish := c.site.Config.Images.PublishOriginals
	limit := c.opts.MaxFileSize
	for file := range c.site.Files {
		info, err := fs.Stat(c.opts.Site, file)
		if err != nil || info.Size() <= limit {
			continue
		}
		size := fmt.Sprintf("%.1f MB", float64(info.Size())/(1<<20))
		ext := strings.ToLower(path.Ext(file))
		isImage := ext == ".jpg" || ext == ".jpeg" || ext == ".png" || ext == ".webp" || ext == ".gif" || ext == ".bmp" || ext == ".tif" || ext == ".tiff"
		switch {
		case isImage && publish:
			c.add("size", Error, file, 0, lang.Sprintf("原图 %s，超过 %d MB，且设置为原样发布，请压缩后再发布", "%s, larger than %d MB, and [images] publishOriginals publishes it as it is: shrink it", size, limit>>20))
		case isImage:
			c.add("size", Warning, file, 0, lang.Sprintf("原图 %s，超过 %d MB，建议压缩到宽 2000 像素左右", "%s, larger than %d MB: slow to build and to keep; shrink it to about 2000 pixels wide", size, limit>>20))
		default:
			c.add("size", Warning, file, 0, lang.Sprintf("附件 %s，超过 %d MB，手机读者下载缓慢", "%s, larger than %d MB: readers on phones will wait", size, limit>>20))
		}
	}
}
