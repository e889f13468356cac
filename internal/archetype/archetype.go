// Package archetype scaffolds new pages for "showcase new": a page bundle
// (a folder with index.md) whose front matter already lists every field
// its section expects, each with a Chinese comment saying what goes there.
//
// # Kinds and where they go
//
//	news    工作动态   content/news/SLUG/index.md
//	case    经验交流   content/cases/SLUG/index.md   (主要做法 / 特色经验 / 建设成效)
//	album   图片新闻   content/photos/SLUG/index.md  (one [[resources]] per photo)
//	branch  支部风采   content/branches/SLUG/index.md ([params]: kind, level, batch, 文号 …)
//
// Any other kind works when the site has archetypes/KIND.md: the page goes
// to content/KIND/.
//
// # Archetypes
//
// An archetype is a Go text/template: archetypes/KIND.md of the site, else
// the default embedded in the binary (the repository's archetypes/ folder,
// showcase.Archetypes), else archetypes/default.md. It sees .Title, .Date
// (RFC 3339 in +08:00), .Year, .Slug, .Kind, .Section and, for albums,
// .Photos (each .Src, .Title, .Taken); the function quote writes a TOML
// string, so a title holding quotation marks stays valid.
//
// # Slugs and safety
//
// The folder name is --slug when given, else the pinyin of the title
// shortened to a few syllables (bundle.ShortSlug), else the date. A taken
// name gets -2, -3 …: nothing is ever overwritten.
package archetype

import (
	"bytes"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"text/template"
	"time"

	"showcase/internal/bundle"
	"showcase/internal/dates"
	"showcase/internal/lang"
	"showcase/internal/overlay"
	"showcase/internal/photofolder"
	"showcase/internal/sitefs"
)

// sections maps the kinds of "showcase new" to their content folders; the
// folder names are accepted as kinds too.
var sections = map[string]string{
	"news": "news", "case": "cases", "cases": "cases", "album": "photos", "photos": "photos",
	"photo": "photos", "branch": "branches", "branches": "branches",
}

// canonical names the archetype file of a kind given by its folder name.
var canonical = map[string]string{"cases": "case", "photos": "album", "photo": "album", "branches": "branch"}

// Page is what a new page is made from.
type Page struct {
	Kind   string // news, case, album, branch, or a kind the site has an archetype for
	Title  string
	Date   time.Time
	Slug   string  // "" for one made from the title
	Photos []Photo // for an album made from a folder of photos
}

// Photo is one photo of a new album.
type Photo struct {
	From  string // file name in the photographer's folder
	Src   string // file name in the bundle
	Title string // the caption, "" for a person to write
	Taken string // when it was taken, "2025年10月18日 14:03" (2025-10-18 14:03 with --lang en), or ""
}

// templateData is what an archetype template sees.
type templateData struct {
	Title, Date, Slug, Kind, Section string
	Year                             int
	Photos                           []Photo
}

var funcs = template.FuncMap{"quote": bundle.TOMLString}

// Layers stacks a site's archetypes over the embedded defaults.
func Layers(site, embedded fs.FS) fs.FS {
	return overlay.New(site, embedded)
}

// Section returns the content folder of a kind, and the archetype name to
// use. An unknown kind is its own folder.
func Section(kind string) (section, name string) {
	kind = strings.ToLower(strings.TrimSpace(kind))
	if c, ok := canonical[kind]; ok {
		kind = c
	}
	if s, ok := sections[kind]; ok {
		return s, kind
	}
	return kind, kind
}

// Render executes the archetype of p.Kind found in archetypes (a file
// system holding archetypes/KIND.md, such as Layers).
func Render(archetypes fs.FS, p Page, slug string) ([]byte, error) {
	section, name := Section(p.Kind)
	src, err := fs.ReadFile(archetypes, "archetypes/"+name+".md")
	if errors.Is(err, fs.ErrNotExist) {
		if _, known := sections[name]; !known {
			return nil, lang.Errorf("没有“%[3]s”这种稿件类型：请写 news（新闻）、case（案例）、album（图集）或 branch（支部），或在网站中加上模板 archetypes/%[2]s.md",
				"no archetype for %[1]q: use news, case, album or branch, or add archetypes/%[2]s.md to the site", p.Kind, name, p.Kind)
		}
		src, err = fs.ReadFile(archetypes, "archetypes/default.md")
	}
	if errors.Is(err, sitefs.ErrOutside) {
		return nil, err // it names the file, and says why it is not read
	}
	if err != nil {
		return nil, lang.Errorf("无法读取稿件模板 archetypes/%[1]s.md", "archetype %[1]s: %[2]v", name, err)
	}
	tmpl, err := template.New(name).Funcs(funcs).Option("missingkey=error").Parse(string(src))
	if err != nil {
		return nil, lang.Errorf("稿件模板 archetypes/%[1]s.md 写得有误，请改正", "archetypes/%[1]s.md: %[2]v", name, err)
	}
	date := p.Date.In(cst)
	var out bytes.Buffer
	err = tmpl.Execute(&out, templateData{
		Title: p.Title, Date: date.Format(time.RFC3339), Year: date.Year(), Slug: slug,
		Kind: name, Section: section, Photos: p.Photos,
	})
	if err != nil {
		return nil, lang.Errorf("稿件模板 archetypes/%[1]s.md 写得有误，请改正", "archetypes/%[1]s.md: %[2]v", name, err)
	}
	return out.Bytes(), nil
}

var cst = dates.CST

// Create makes the page bundle of p under site/content/SECTION/ and
// returns its folder; archetypes is where the templates are (Layers).
// With photosDir set, the photos listed in p.Photos are copied from there.
func Create(site string, archetypes fs.FS, p Page, photosDir fs.FS) (string, error) {
	if p.Date.IsZero() {
		p.Date = time.Now()
	}
	p.Date = p.Date.In(cst)
	section, _ := Section(p.Kind)
	slug := p.Slug
	if slug == "" {
		slug = bundle.ShortSlug(p.Title)
	}
	if slug == "" {
		slug = p.Date.Format("2006-01-02")
	}
	// Render first: a broken archetype must not leave an empty folder.
	if _, err := Render(archetypes, p, slug); err != nil {
		return "", err
	}
	dir, err := bundle.NewDir(filepath.Join(site, "content", section), slug)
	if err != nil {
		return "", err
	}
	data, err := Render(archetypes, p, filepath.Base(dir))
	if err != nil {
		return dir, err
	}
	if err := bundle.WriteNew(filepath.Join(dir, "index.md"), data); err != nil {
		return dir, err
	}
	for _, ph := range p.Photos {
		if photosDir == nil || ph.From == "" {
			continue
		}
		b, err := fs.ReadFile(photosDir, ph.From)
		if err != nil {
			return dir, err
		}
		if err := bundle.WriteNew(filepath.Join(dir, ph.Src), b); err != nil {
			return dir, err
		}
	}
	return dir, nil
}

// AlbumPhotos lists the photos of a photographer's folder in the order they
// were taken, and the time of the first: the album's date. The time comes
// from each photo's EXIF DateTimeOriginal (read by internal/photofolder, no cgo),
// else from the file's modification time.
func AlbumPhotos(folder fs.FS) ([]Photo, time.Time, error) {
	photos, err := photofolder.Read(folder)
	if err != nil {
		return nil, time.Time{}, err
	}
	if len(photos) == 0 {
		return nil, time.Time{}, lang.Errorf("这个文件夹里没有照片（.jpg、.png、.webp、.gif）：请确认选对了文件夹",
			"no photos (.jpg, .png, .webp, .gif) in the folder")
	}
	var out []Photo
	for _, ph := range photos {
		taken := ""
		if !ph.Taken.IsZero() {
			taken = ph.Taken.In(cst).Format(lang.Say("2006年1月2日 15:04", "2006-01-02 15:04"))
			if !ph.FromExif {
				taken += lang.Say("（文件修改时间，照片里没有拍摄时间）", " (the file's time: the photo does not say when it was taken)")
			}
		}
		out = append(out, Photo{From: ph.Name, Src: ph.Target, Title: ph.Caption, Taken: taken})
	}
	return out, photos[0].Taken, nil
}
