package deploy

import (
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"showcase/internal/lang"
)

// Stage is the step of a deploy in which a file is sent. A file is sent
// only after every file it may refer to: a page never points at an image
// that is not there yet, a feed or sitemap never at a page that is not.
type Stage int

const (
	// Assets: images, CSS, JS, fonts, search shards, downloads.
	Assets Stage = iota
	// Pages: .html files.
	Pages
	// Indexes: feeds, sitemaps (.xml), robots.txt and other .txt, and
	// manifests (any file whose name holds "manifest", such as the search
	// manifest that names the shards).
	Indexes
)

var stageNames = [...]string{Assets: "asset", Pages: "page", Indexes: "index"}

// stageChinese names the stages in the --dry-run listing.
var stageChinese = [...]string{Assets: "资源", Pages: "页面", Indexes: "索引"}

func (s Stage) String() string { return stageNames[s] }

// StageOf tells in which stage a file is sent.
func StageOf(name string) Stage {
	base := strings.ToLower(path.Base(name))
	switch ext := path.Ext(base); {
	case ext == ".html" || ext == ".htm":
		return Pages
	case ext == ".xml" || ext == ".txt" || strings.Contains(base, "manifest"):
		return Indexes
	}
	return Assets
}

// Change is a file the deploy sends.
type Change struct {
	Path  string
	Stage Stage
	Entry
	New bool // the target does not have the path yet
}

// Removal is a file the deploy deletes.
type Removal struct {
	Path   string
	Size   int64 // -1 when not known
	Listed bool  // in the manifest (else found by --prune, or left by an interrupted deploy)
}

// Plan is what a deploy does, in order: Send (sorted by stage, then path),
// then Delete.
type Plan struct {
	Send      []Change
	Delete    []Removal
	Unchanged int // files of the build already in place
}

// makePlan compares the build with what the target holds.
func makePlan(local Files, st *targetState, pruned []string) *Plan {
	p := &Plan{}
	for name, e := range local {
		have, ok := st.known[name]
		if ok && have == e {
			p.Unchanged++
			continue
		}
		p.Send = append(p.Send, Change{Path: name, Stage: StageOf(name), Entry: e, New: !ok && !st.owned[name]})
	}
	sort.Slice(p.Send, func(i, j int) bool {
		a, b := p.Send[i], p.Send[j]
		if a.Stage != b.Stage {
			return a.Stage < b.Stage
		}
		return a.Path < b.Path
	})
	for name, e := range st.known {
		if _, ok := local[name]; !ok {
			p.Delete = append(p.Delete, Removal{Path: name, Size: e.Size, Listed: true})
		}
	}
	for name := range st.owned {
		if _, ok := local[name]; !ok {
			p.Delete = append(p.Delete, Removal{Path: name, Size: -1})
		}
	}
	for _, name := range pruned {
		p.Delete = append(p.Delete, Removal{Path: name, Size: -1})
	}
	sort.Slice(p.Delete, func(i, j int) bool { return p.Delete[i].Path < p.Delete[j].Path })
	return p
}

// Bytes is the size of the files to send.
func (p *Plan) Bytes() int64 {
	var n int64
	for _, c := range p.Send {
		n += c.Size
	}
	return n
}

// Empty reports whether the target already holds the build.
func (p *Plan) Empty() bool { return len(p.Send) == 0 && len(p.Delete) == 0 }

// stage returns the changes of one stage.
func (p *Plan) stage(s Stage) []Change {
	var out []Change
	for _, c := range p.Send {
		if c.Stage == s {
			out = append(out, c)
		}
	}
	return out
}

// Describe lists the plan for --dry-run: each file with its size, in the
// order the deploy would go.
func (p *Plan) Describe(w io.Writer) {
	fmt.Fprintln(w, lang.Say("预演（没有改动任何文件）：将上传 %d 个文件（共 %s），删除 %d 个，%d 个没有变化",
		"would send %d file(s) / %s, delete %d file(s); %d file(s) unchanged (a dry run: nothing was changed)",
		len(p.Send), FormatSize(p.Bytes()), len(p.Delete), p.Unchanged))
	for _, c := range p.Send {
		verb, stage := "update", c.Stage.String()
		if c.New {
			verb = "add"
		}
		if !lang.English() {
			verb, stage = map[string]string{"add": "新增", "update": "更新"}[verb], stageChinese[c.Stage]
			fmt.Fprintf(w, "  %s %s %10s  %s\n", verb, stage, FormatSize(c.Size), c.Path)
			continue
		}
		fmt.Fprintf(w, "  %-6s %-5s %10s  %s\n", verb, stage, FormatSize(c.Size), c.Path)
	}
	for _, d := range p.Delete {
		size := "?"
		if d.Size >= 0 {
			size = FormatSize(d.Size)
		}
		note := ""
		if !d.Listed {
			note = lang.Say("  （不在发布清单中）", "  (not in the manifest)")
		}
		if !lang.English() {
			fmt.Fprintf(w, "  删除      %10s  %s%s\n", size, d.Path, note)
			continue
		}
		fmt.Fprintf(w, "  %-6s %-5s %10s  %s%s\n", "delete", "", size, d.Path, note)
	}
}

// FormatSize writes a byte count for people: 812 B, 12.3 KB, 4.56 MB.
func FormatSize(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d B", n)
	case n < 1024*1024:
		return fmt.Sprintf("%.1f KB", float64(n)/1024)
	case n < 1024*1024*1024:
		return fmt.Sprintf("%.2f MB", float64(n)/(1024*1024))
	}
	return fmt.Sprintf("%.2f GB", float64(n)/(1024*1024*1024))
}
