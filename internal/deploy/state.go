package deploy

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"showcase/internal/lang"
)

// targetState is what a deploy knows of the target before it changes
// anything.
type targetState struct {
	// known lists the files present on the target with their contents:
	// the manifest, corrected by the journal of an interrupted deploy and
	// by what was verified on the target.
	known Files
	// owned lists files a deploy may have placed whose content is not
	// known (they differ from the build): overwritten if the build has
	// them, deleted if it has not.
	owned map[string]bool
	// interrupted is the journal of a deploy that did not finish, or nil.
	interrupted *journalState
	// uncertain lists the paths that deploy was changing when cut off.
	uncertain []string
	// verified counts files found already in place by reading them back.
	verified int
	// manifest tells whether the target has a manifest, and site which
	// site it records ("" for one written before manifests named it).
	manifest bool
	site     string
}

// readState reads the manifest and, when the last deploy was cut off, its
// journal: a path the journal marks done has the content it meant to put
// (or is gone, for a deletion); a path it meant to change but did not mark
// done is uncertain, and is looked at on the target. A file there with the
// size and SHA-256 of the build's file is not sent again.
func readState(ctx context.Context, t Target, local Files, workers int) (*targetState, error) {
	head, err := readManifestHead(t)
	if err != nil {
		return nil, err
	}
	j, err := readJournal(t)
	if err != nil {
		return nil, err
	}
	known := Files{}
	st := &targetState{known: known, owned: map[string]bool{}, interrupted: j, manifest: head != nil}
	if head != nil {
		known, st.known, st.site = head.Files, head.Files, head.Site
	}
	if j == nil {
		return st, nil
	}
	for name, e := range j.puts {
		delete(known, name)
		if j.done[name] {
			known[name] = e
		} else {
			st.uncertain = append(st.uncertain, name)
		}
	}
	for name := range j.deletes {
		delete(known, name)
		if !j.done[name] {
			st.uncertain = append(st.uncertain, name)
		}
	}
	var mu sync.Mutex
	err = forEach(ctx, workers, st.uncertain, func(name string) error {
		size, err := t.Size(name)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return targetError(err, "无法查看发布目标 %[2]s 上的文件 %[1]s", "checking %[1]s on %[2]s: %[3]v", name, t, err)
		}
		want, inBuild := local[name]
		if inBuild && want.Size == size {
			got, err := hashRemote(t, name)
			if err != nil {
				return err
			}
			if got == want {
				mu.Lock()
				known[name] = want
				st.verified++
				mu.Unlock()
				return nil
			}
		}
		mu.Lock()
		st.owned[name] = true
		mu.Unlock()
		return nil
	})
	if err != nil {
		return nil, err
	}
	return st, nil
}

// hashRemote reads a file of the target back and hashes it.
func hashRemote(t Target, name string) (Entry, error) {
	r, err := t.Open(name)
	if err != nil {
		return Entry{}, targetError(err, "无法读取发布目标 %[2]s 上的文件 %[1]s", "reading %[1]s on %[2]s: %[3]v", name, t, err)
	}
	defer r.Close()
	e, err := hashReader(r)
	if err != nil {
		return Entry{}, targetError(err, "无法读取发布目标 %[2]s 上的文件 %[1]s", "reading %[1]s on %[2]s: %[3]v", name, t, err)
	}
	return e, nil
}

// Prune deletes files on the target that no manifest lists, so it must be
// sure the target is this site's: a wrong --target (another site's folder,
// a site's source folder) would otherwise lose every file the build does
// not have. It prunes only a target whose manifest was written by a deploy
// of this site (Options.Site); any other target — one with no manifest,
// one whose manifest is another site's or predates manifests naming their
// site — is refused before anything changes, with the list of files it
// would have removed. A deploy without --prune writes the manifest (and so
// adopts the target), after which --prune is allowed.

// PruneRefusedError stops a --prune deploy to a target whose manifest this
// site did not write. Nothing on the target has changed.
type PruneRefusedError struct {
	Target string
	Reason string   // why the target is not known to be this site's, worded by package lang
	Files  []string // what --prune would remove, sorted
}

// pruneListMax is how many files the error lists (a dry run lists all).
const pruneListMax = 30

func (e *PruneRefusedError) Error() string {
	var b strings.Builder
	b.WriteString(lang.Say("不能清理发布目标 %[1]s：%[2]s。--prune 会删除其中以下 %[3]d 个本网站发布清单以外的文件：\n",
		"refusing --prune on %[1]s: %[2]s; it would delete these %[3]d files that no manifest of this site lists:\n", e.Target, e.Reason, len(e.Files)))
	for i, name := range e.Files {
		if i == pruneListMax {
			b.WriteString(lang.Say("  ……另有 %d 个（加 --dry-run 可列出全部）\n", "  … and %d more (--dry-run lists them all)\n", len(e.Files)-i))
			break
		}
		fmt.Fprintf(&b, "  %s\n", name)
	}
	b.WriteString(lang.Sprintf("没有删除或改动任何文件。请先确认 --target 指向的是本网站的发布目录；如果确实是，先不加 --prune 发布一次"+
		"（发布清单会记下本网站），核对无误后再加 --prune 清理。",
		"its manifest was not written by a deploy of this site; nothing was changed: check that --target is this site's folder, and if it is, deploy once without --prune (the manifest then names this site) before pruning"))
	return b.String()
}

// foreignTarget refuses to prune a target whose manifest this site did not
// write; nil when it did, or when there is nothing to prune.
func foreignTarget(t Target, site string, st *targetState, pruned []string) *PruneRefusedError {
	if len(pruned) == 0 {
		return nil
	}
	var reason string
	switch {
	case !st.manifest:
		reason = lang.Sprintf("目标上没有 showcase 的发布清单（%s），无法确认其中的文件是本网站发布的", "it has no showcase manifest (%s)", ManifestName)
	case st.site == "":
		reason = lang.Sprintf("目标上的发布清单由旧版 showcase 写成，没有记下是哪个网站的", "its manifest does not name its site; this is %q", site)
	case st.site != site:
		reason = lang.Sprintf("目标上的发布清单属于另一个网站“%[1]s”，而本网站是“%[2]s”", "its manifest is for the site %[1]q, this is %[2]q", st.site, site)
	default:
		return nil
	}
	files := append([]string(nil), pruned...)
	sort.Strings(files)
	return &PruneRefusedError{Target: t.String(), Reason: reason, Files: files}
}

// unlisted walks the target for files that neither the build, the manifest
// nor the journal knows (for --prune).
func unlisted(ctx context.Context, t Target, local Files, st *targetState) ([]string, error) {
	var names []string
	err := t.Walk(ctx, func(name string, _ int64) error {
		if _, ok := local[name]; ok || isControl(name) || st.owned[name] {
			return nil
		}
		if _, ok := st.known[name]; ok {
			return nil
		}
		names = append(names, name)
		return nil
	})
	if err != nil {
		return nil, lang.Errorf("无法列出发布目标 %[1]s 上的文件", "listing the files on %[1]s: %[2]v", t, err)
	}
	return names, nil
}
