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
	"showcase/internal/lang"
	"showcase/internal/sitefs"
)

const newUsage = `用法：
  showcase new news|case|album|branch 标题 [选项]   新建稿件（按稿件模板）
  showcase new album 照片文件夹 [选项]               由一个照片文件夹新建图集

稿件放在 content/news|cases|photos|branches/文件夹名/index.md，包含该栏目需要的
所有字段；已有的文件从不覆盖（文件夹名已被占用时用 文件夹名-2 …）。
网站的 archetypes/类别.md 会替换内置的稿件模板。

选项：
  -s, --source 文件夹   网站文件夹（默认为当前文件夹 "."）
      --slug 名称       稿件文件夹名（默认为标题的拼音）
      --date 日期       日期，如 2025-10-26 或 "2025-10-26 09:30"（默认为现在）
      --title 标题      图集的标题（默认为照片文件夹的名字）
`

const newUsageEn = `Usage:
  showcase new news|case|album|branch TITLE [flags]   a new page bundle from an archetype
  showcase new album PHOTO-FOLDER [flags]             an album of a folder of photos

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
		fmt.Fprint(stderr, localUsage(newUsage))
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
			fmt.Fprintf(stderr, "showcase new: %s\n", lang.Sprintf("文件夹 %[1]s 没有建完整：请把它删除后再试", "%[1]s was left half-made: remove it", dir))
		}
		return 1
	}
	index := filepath.Join(dir, "index.md")
	fmt.Fprintln(stdout, lang.Say("已创建 %s", "created %s", index))
	if len(page.Photos) > 0 {
		fmt.Fprintln(stdout, lang.Say("已复制 %d 张照片，按拍摄时间排序", "copied %d photo(s), ordered by time taken", len(page.Photos)))
	}
	fmt.Fprintln(stdout, lang.Say("下一步：编辑 %[1]s，填写各项说明；审核通过后把 review 改为 \"reviewed\"，再运行 showcase check -s %[2]s",
		"next: edit %[1]s and fill in its fields; once reviewed, set review to \"reviewed\" and run showcase check -s %[2]s", index, *source))
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
	return lang.Errorf("找不到 site.toml，%[1]s 不是网站文件夹：请用 -s 指定网站文件夹", "%[1]s has no site.toml: give the site folder with -s", dir)
}
