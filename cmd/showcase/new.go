package main

import (
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"showcase"
	"showcase/internal/archetype"
	"showcase/internal/sitefs"
)

const newUsage = `Usage:
  showcase new news|case|album|branch TITLE [flags]   新建稿件 (a new page bundle from an archetype)
  showcase new album PHOTO-FOLDER [flags]             由照片文件夹新建图集 (an album of a folder of photos)

The page goes to content/news|cases|photos|branches/SLUG/index.md with every
field its section expects; nothing is ever overwritten (SLUG-2 … when taken).
A site's archetypes/KIND.md replaces the built-in archetype.

Flags:
  -s, --source DIR    the site folder (default ".")
      --slug SLUG     the folder name (default: pinyin of the title)
      --date DATE     the date, e.g. 2025-10-26 or "2025-10-26 09:30" (default: now)
      --title TITLE   an album's title (default: the photo folder's name)
`

// runNew scaffolds a page: "showcase new KIND TITLE".
func runNew(args []string, stdout, stderr io.Writer) int {
	fs := commandFlags("new", newUsage, stderr)
	source := fs.StringP("source", "s", ".", "")
	slugFlag := fs.String("slug", "", "")
	dateFlag := fs.String("date", "", "")
	titleFlag := fs.String("title", "", "")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() < 2 {
		fmt.Fprint(stderr, newUsage)
		return 2
	}
	if err := requireSite(*source); err != nil {
		fmt.Fprintf(stderr, "showcase new: %v\n", err)
		return 1
	}
	page := archetype.Page{Kind: fs.Arg(0), Title: strings.TrimSpace(strings.Join(fs.Args()[1:], " ")), Slug: *slugFlag, Date: time.Now()}
	if *dateFlag != "" {
		d, ok := parseDateFlag("new", *dateFlag, stderr)
		if !ok {
			return 2
		}
		page.Date = d
	}
	var photos iofs.FS // the photographer's folder, for "new album FOLDER"
	if _, kind := archetype.Section(page.Kind); kind == "album" && fs.NArg() == 2 {
		if info, err := os.Stat(page.Title); err == nil && info.IsDir() {
			folder := page.Title
			photos = sitefs.New(folder)
			list, first, err := archetype.AlbumPhotos(photos)
			if err != nil {
				fmt.Fprintf(stderr, "showcase new: %s: %v\n", folder, err)
				return 1
			}
			page.Photos = list
			page.Title = filepath.Base(filepath.Clean(folder))
			if *dateFlag == "" && !first.IsZero() {
				page.Date = first
			}
		}
	}
	if *titleFlag != "" {
		page.Title = *titleFlag
	}
	layers := archetype.Layers(sitefs.New(*source), showcase.Archetypes())
	dir, err := archetype.Create(*source, layers, page, photos)
	if err != nil {
		fmt.Fprintf(stderr, "showcase new: %v\n", err)
		if dir != "" {
			fmt.Fprintf(stderr, "showcase new: %s was left half-made: remove it (未完成的文件夹请删除)\n", dir)
		}
		return 1
	}
	index := filepath.Join(dir, "index.md")
	fmt.Fprintf(stdout, "已创建 (created) %s\n", index)
	if len(page.Photos) > 0 {
		fmt.Fprintf(stdout, "复制照片 %d 张 (photos copied), 按拍摄时间排序 (ordered by time taken)\n", len(page.Photos))
	}
	fmt.Fprintf(stdout, "下一步 (next): 编辑 %s，填写各项说明；审核通过后把 review 改为 \"reviewed\"，再运行 showcase check -s %s\n", index, *source)
	return 0
}

// requireSite refuses a folder without site.toml, so that new and import
// never write pages into a folder that is not a site.
func requireSite(dir string) error {
	for _, name := range []string{"site.toml", "hugo.toml", "config.toml"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return nil
		}
	}
	return fmt.Errorf("%s has no site.toml: give the site folder with -s (找不到 site.toml，请用 -s 指定网站目录)", dir)
}
