package config

import (
	"bytes"
	"strings"

	"showcase/internal/diag"
)

// number is one numeric setting of site.toml and the values it may take.
type number struct {
	table, key string // where it is written: [table] key = …
	value      int
	min, max   int
	zh, en     string // what it is, for the message
	noDefault  bool   // 0 is a value like any other, not "the default"
}

// numbers are the numeric settings of a site and their ranges: a value out
// of range is an error at its line, before anything uses it (a pagerSize of
// 9223372036854775807 once overflowed the pager's arithmetic).
func (r *rawConfig) numbers() []number {
	ns := []number{
		{"", "paginate", r.Paginate, 1, 10_000, "每页条数", "items per list page", false},
		{"pagination", "pagerSize", r.Pagination.PagerSize, 1, 10_000, "每页条数", "items per list page", false},
		{"", "summaryLength", r.SummaryLength, 1, 10_000, "摘要字数", "characters of a generated summary", false},
		{"images", "quality", r.Images.Quality, 1, 100, "图片质量", "JPEG quality", false},
		{"images", "maxPixels", r.Images.MaxPixels, 1, 1_000_000_000, "图片像素上限", "pixels of the largest photo", false},
		{"deploy", "maxDeletes", r.Deploy.MaxDeletes, -1, 1_000_000_000, "一次发布最多删除的文件数，-1 为不限", "deletions a deploy may make, -1: no limit", false},
	}
	for _, w := range r.Images.Widths {
		ns = append(ns, number{"images", "widths", w, 1, 10_000, "图片宽度", "a responsive width", true})
	}
	return ns
}

// maxWidths is how many responsive widths a photo may be made in.
const maxWidths = 12

// checkNumbers refuses a numeric setting out of its range, naming its line.
func (r *rawConfig) checkNumbers(data []byte, file, format string) error {
	for _, n := range r.numbers() {
		if n.value == 0 && !n.noDefault || n.value >= n.min && n.value <= n.max {
			continue
		}
		return diag.Errorf(file, lineOf(data, format, n.table, n.key),
			"%s应在 %d 到 %d 之间，这里写的是 %d（%s: %s, %d to %d）", n.zh, n.min, n.max, n.value, n.path(), n.en, n.min, n.max)
	}
	if len(r.Images.Widths) > maxWidths {
		return diag.Errorf(file, lineOf(data, format, "images", "widths"),
			"图片宽度最多 %d 种，这里有 %d 种（[images] widths: at most %d）", maxWidths, len(r.Images.Widths), maxWidths)
	}
	return nil
}

func (n number) path() string {
	if n.table == "" {
		return n.key
	}
	return "[" + n.table + "] " + n.key
}

// keyLine is the line of data where table.key is set, under a [table]
// header or as a dotted key; 0 when it cannot be found.
func keyLine(data []byte, table, key string) int {
	want := key
	if table != "" {
		want = table + "." + key
	}
	current := ""
	for i, line := range bytes.Split(data, []byte("\n")) {
		t := strings.TrimSpace(string(line))
		if strings.HasPrefix(t, "[") {
			t, _, _ = strings.Cut(t, "#")
			current = strings.Trim(strings.TrimSpace(t), "[] ")
			continue
		}
		name, _, ok := strings.Cut(t, "=")
		if !ok {
			continue
		}
		name = strings.ReplaceAll(strings.ReplaceAll(name, " ", ""), "\"", "")
		if current != "" {
			name = current + "." + name
		}
		if name == want {
			return i + 1
		}
	}
	return 0
}
