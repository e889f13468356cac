package deploy

import (
	"context"
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"showcase/internal/lang"
)

// linkGuard keeps a deploy from following a symbolic link on the target.
// Before a path is written, renamed, deleted or read, every folder between
// the target's root and it is looked at with lstat (never stat), and a link
// is refused: a planted css -> /elsewhere would otherwise take the
// stylesheets out of the target, and a manifest entry under a linked folder
// would delete a file outside it. A folder found real is remembered for the
// rest of the deploy (as is one the deploy made), so each costs one lstat.
//
// The root itself may be a link (servers often have /var/www/site ->
// /srv/site): it is what the operator named, and it is resolved once, when
// the target is opened. Only what lies below it must be real folders.
//
// The check and the use are separate calls, so a link planted between the
// two, during the deploy, is not caught; a link planted before it is.
type linkGuard struct {
	target string                                 // the target, for messages
	lstat  func(name string) (fs.FileInfo, error) // name is relative to the root
	real   sync.Map                               // folders known to be real in this deploy
	absent sync.Map                               // folders found missing (until the deploy makes them)
}

// SymlinkError stops a deploy at a symbolic link below the target's root.
type SymlinkError struct {
	Target string
	Links  []string // relative to the target's root, sorted
}

func (e *SymlinkError) Error() string {
	return lang.Sprintf("发布目标上的 %[3]s 是符号链接（或快捷方式），发布不会经过它写入或删除文件，以免改动目标目录以外的文件：请在服务器上删除该链接（需要时换成真实的文件夹或文件），然后重新发布。",
		"%[1]s: %[2]s is a symbolic link below the target folder; deploy never follows links on the target",
		e.Target, strings.Join(e.Links, ", "), strings.Join(e.Links, "、"))
}

// targetError is the error of a target's operation, explained: a
// *SymlinkError already says everything (in Chinese first), and is passed
// on whole; any other is worded from zh and en (see package lang).
func targetError(err error, zh, en string, args ...any) error {
	if se := (*SymlinkError)(nil); errors.As(err, &se) {
		return se
	}
	return lang.Errorf(zh, en, args...)
}

func (g *linkGuard) linkError(name string) error {
	return &SymlinkError{Target: g.target, Links: []string{name}}
}

// folders checks the folders above name (not name itself). A folder that
// does not exist ends the check: the deploy will make it, and what it
// makes is no link.
func (g *linkGuard) folders(name string) error {
	dir := path.Dir(name)
	if dir == "." {
		return nil
	}
	if _, ok := g.real.Load(dir); ok {
		return nil
	}
	for i := 0; i <= len(dir); i++ {
		if i < len(dir) && dir[i] != '/' {
			continue
		}
		d := dir[:i]
		if _, ok := g.real.Load(d); ok {
			continue
		}
		if _, ok := g.absent.Load(d); ok {
			return nil
		}
		fi, err := g.lstat(d)
		if errors.Is(err, fs.ErrNotExist) {
			g.absent.Store(d, true)
			return nil
		}
		if err != nil {
			return lang.Errorf("无法查看发布目标 %[2]s 上的文件夹 %[1]s", "checking the folder %[1]s on %[2]s: %[3]v", d, g.target, err)
		}
		if err := g.noLink(d, fi); err != nil {
			return err
		}
		if !fi.IsDir() {
			return lang.Errorf("发布目标上的 %[1]s 不是文件夹，无法在其中放入 %[2]s：请在服务器上把它删除或改名，然后重新发布",
				"%[3]s: %[1]s is not a folder", d, name, g.target)
		}
		g.real.Store(d, true)
	}
	return nil
}

// file checks the folders above name and name itself, which may be absent
// but not a link: for opening a file, which would follow one.
func (g *linkGuard) file(name string) error {
	if err := g.folders(name); err != nil {
		return err
	}
	fi, err := g.lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return lang.Errorf("无法查看发布目标 %[2]s 上的文件 %[1]s", "checking %[1]s on %[2]s: %[3]v", name, g.target, err)
	}
	return g.noLink(name, fi)
}

// noLink refuses a link (or a Windows junction, which Lstat reports as
// irregular).
func (g *linkGuard) noLink(name string, fi fs.FileInfo) error {
	if fi.Mode()&(fs.ModeSymlink|fs.ModeIrregular) != 0 {
		return g.linkError(name)
	}
	return nil
}

// made records a folder the deploy made, or found real, and its parents.
func (g *linkGuard) made(dir string) {
	for d := dir; d != "." && d != "/" && d != ""; d = path.Dir(d) {
		g.real.Store(d, true)
		g.absent.Delete(d)
	}
}

// removed forgets a folder the deploy removed.
func (g *linkGuard) removed(dir string) { g.real.Delete(dir) }

// checkLinks looks, before a deploy changes anything, at the folders of
// every path it will write or delete, and refuses with every link found.
// Each folder is looked at once; the deploy's own calls then find them
// known.
func checkLinks(ctx context.Context, t Target, workers int, plan *Plan) error {
	seen := map[string]bool{}
	var names []string
	add := func(name string) {
		if dir := path.Dir(name); !seen[dir] {
			seen[dir] = true
			names = append(names, name)
		}
	}
	for _, c := range plan.Send {
		add(c.Path)
	}
	for _, d := range plan.Delete {
		add(d.Path)
	}
	var mu sync.Mutex
	links := map[string]bool{}
	err := forEach(ctx, workers, names, func(name string) error {
		err := t.CheckPath(name)
		var link *SymlinkError
		if errors.As(err, &link) {
			mu.Lock()
			for _, l := range link.Links {
				links[l] = true
			}
			mu.Unlock()
			return nil
		}
		return err
	})
	if err != nil {
		return err
	}
	if len(links) == 0 {
		return nil
	}
	all := &SymlinkError{Target: t.String()}
	for l := range links {
		all.Links = append(all.Links, l)
	}
	sort.Strings(all.Links)
	return all
}
