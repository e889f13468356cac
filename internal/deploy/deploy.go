package deploy

import (
	"context"
	"errors"
	"io"
	"time"

	"showcase/internal/lang"
)

// Options say what to publish and how carefully.
type Options struct {
	Source string // the built site (the build's output folder)
	Site   string // names the site in the manifest; Prune prunes only a target whose manifest names it

	MaxDeletes  int       // refuse a deploy deleting more files (not checked by a dry run); negative: no limit
	Prune       bool      // also delete files on the target that no manifest listed
	DryRun      bool      // only plan: change nothing, take no lock
	ForceUnlock bool      // break a stale lock (see StaleLockAge)
	Workers     int       // files sent at once (default DefaultWorkers)
	Progress    io.Writer // a terminal to draw a progress bar on, or nil
	// Replaced, when set, tells the deletions that only remove a file the
	// build replaced by others (a merged search index's): they do not
	// count against MaxDeletes.
	Replaced func(path string) bool

	// test hooks
	afterChange func(name string) // after each file sent or deleted
	lockedHook  func()            // once the lock is held
}

// DefaultWorkers is the number of files in flight at once over the one SFTP
// session. Each file costs four round trips (open, write, close, rename)
// that the server answers one request at a time, so more files in flight
// hide the latency rather than add load (bench/deploy/README.md).
const DefaultWorkers = 16

// Result tells what a deploy did (or, with DryRun, would do).
type Result struct {
	Target      string
	Plan        *Plan
	Sent        int    // files sent
	SentBytes   int64  // their bytes
	Deleted     int    // files deleted
	Interrupted bool   // a previous deploy had been cut off; this one finished its work
	Verified    int    // files of that deploy found already in place (not sent again)
	TookOver    string // says whose lock, left by a deploy that had ended, was taken over; or ""
	// PruneRefused, in a dry run, tells why a real deploy would refuse to
	// prune (a real deploy returns it as its error); nil when it would not.
	PruneRefused *PruneRefusedError
	WireSent     int64 // bytes sent over the SSH connection (0 for file://)
	WireRecv     int64 // bytes received over it
	Took         time.Duration
}

// Summary is the line printed after a deploy (see package lang): Chinese
// alone, or English alone.
func (r *Result) Summary() string {
	s := lang.Say("已发布到 %[1]s：上传 %[2]d 个文件（共 %[3]s），删除 %[4]d 个，%[5]d 个没有变化，用时 %[7]s",
		"sent %[2]d file(s) / %[3]s, deleted %[4]d, %[5]d unchanged, took %[6]s → %[1]s",
		r.Target, r.Sent, FormatSize(r.SentBytes), r.Deleted, r.Plan.Unchanged, r.Took.Round(time.Millisecond), chineseTook(r.Took))
	if r.WireSent > 0 {
		s += lang.Say("（网络传输：上传 %s，下载 %s）", " (SSH traffic %s up, %s down)", FormatSize(r.WireSent), FormatSize(r.WireRecv))
	}
	if r.TookOver != "" {
		s += lang.Say("；", "; ") + r.TookOver
	}
	if r.Interrupted {
		s += lang.Say("；已续完上次中断的发布，其中 %d 个文件已在服务器上，没有重传",
			"; finished an interrupted deploy, %d file(s) of which were found in place", r.Verified)
	}
	return s
}

// Deploy publishes the folder opts.Source to t: it takes the target's lock,
// works out what changed since the manifest, and sends assets, then pages,
// then indexes, then writes the manifest and deletes what the build no
// longer has. See the package documentation for what happens when it is
// cut off.
func Deploy(ctx context.Context, t Target, opts Options) (res *Result, err error) {
	now := time.Now
	start := now()
	if m, ok := t.(interface{ Traffic() (int64, int64) }); ok {
		sent0, recv0 := m.Traffic()
		defer func() {
			if res != nil {
				sent, recv := m.Traffic()
				res.WireSent, res.WireRecv = sent-sent0, recv-recv0
			}
		}()
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = DefaultWorkers
	}
	if err := notOverlapping(t, opts.Source); err != nil {
		return nil, err
	}
	local, err := ScanFolder(ctx, opts.Source)
	if err != nil {
		return nil, err
	}
	if len(local) == 0 {
		return nil, lang.Errorf("要发布的文件夹 %[1]s 里没有文件：请先生成网站（showcase build），再发布",
			"%[1]s holds no files: build the site first", opts.Source)
	}
	if opts.Prune && opts.Site == "" {
		return nil, lang.Errorf("程序内部错误：清理目标（--prune）需要知道网站的名称",
			"deploy: Prune needs Options.Site, the name the manifest records")
	}
	me := whoAmI(start)
	var tookOver string
	if !opts.DryRun {
		l, lerr := takeLock(t, me, opts.ForceUnlock, start)
		if lerr != nil {
			return nil, lerr
		}
		tookOver = l.tookOver
		l.beat()
		defer func() { // a lock left behind must be told, even after success
			if rerr := l.release(); rerr != nil && err == nil {
				err = rerr
			}
		}()
		if opts.lockedHook != nil {
			opts.lockedHook()
		}
	}
	st, err := readState(ctx, t, local, workers)
	if err != nil {
		return nil, err
	}
	var pruned []string
	var refused *PruneRefusedError
	if opts.Prune {
		if pruned, err = unlisted(ctx, t, local, st); err != nil {
			return nil, err
		}
		refused = foreignTarget(t, opts.Site, st, pruned)
	}
	plan := makePlan(local, st, pruned)
	res = &Result{Target: t.String(), Plan: plan, Interrupted: st.interrupted != nil, Verified: st.verified,
		TookOver: tookOver, PruneRefused: refused}
	if refused != nil && !opts.DryRun {
		return res, refused
	}
	if err := checkLinks(ctx, t, workers, plan); err != nil {
		return res, err
	}
	if n := CountedDeletes(plan, opts.Replaced); !opts.DryRun && opts.MaxDeletes >= 0 && n > opts.MaxDeletes {
		return res, lang.Errorf("这次发布要从 %[2]s 删除 %[1]d 个文件，超过了上限 %[3]d 个，已停止，没有改动任何文件："+
			"请核对发布目标和生成的网站文件夹 %[4]s；加 --dry-run 可列出要删除的文件，确实要删除时加 --max-deletes %[1]d 重新发布",
			"this deploy would delete %[1]d files from %[2]s, more than the %[3]d allowed: check the target and the build folder %[4]s, list the files with --dry-run, and if they are meant to go rerun with --max-deletes %[1]d",
			n, t, opts.MaxDeletes, opts.Source)
	}
	if opts.DryRun || (plan.Empty() && st.interrupted == nil) {
		res.Took = now().Sub(start)
		return res, nil
	}
	if err := apply(ctx, t, opts, workers, me, local, st, res); err != nil {
		res.Took = now().Sub(start)
		if errors.Is(err, context.Canceled) {
			err = lang.Errorf("发布被中断", "deploy interrupted")
		}
		return res, explainAfter(err, "发布中途停止，共 %[2]d 个文件要上传，已上传 %[1]d 个；线上网站仍然完整（每个文件都是完整的旧版或新版）：请重新运行发布，会接着完成",
			"sent %d of %d file(s) before it stopped. The live site is consistent (every file whole, old or new): run the deploy again to finish",
			res.Sent, len(plan.Send))
	}
	res.Took = now().Sub(start)
	return res, nil
}

// apply carries out the plan under the journal.
func apply(ctx context.Context, t Target, opts Options, workers int, me lockInfo, local Files, st *targetState, res *Result) error {
	plan := res.Plan
	if st.interrupted != nil {
		// record what is now known before a new journal replaces the old
		if err := writeManifest(t, st.known, opts.Site, me.Started, me.Run); err != nil {
			return err
		}
		clearParts(ctx, t, workers, st)
	}
	j, err := startJournal(t, me, plan)
	if err != nil {
		return err
	}
	s := &sender{t: t, run: me.Run, source: opts.Source, journal: j, afterChange: opts.afterChange,
		progress: &progress{w: opts.Progress, files: len(plan.Send), total: plan.Bytes()}}
	defer func() {
		res.Sent, res.SentBytes = int(s.sent.Load()), s.bytes.Load()
	}()
	s.makeFolders(ctx, workers, plan.Send, st.known)
	for _, stage := range []Stage{Assets, Pages, Indexes} {
		if err := s.send(ctx, workers, plan.stage(stage)); err != nil {
			s.progress.end()
			j.close()
			return err
		}
	}
	s.progress.end()
	// every file of the build is now in place: the manifest may say so
	j.flush()
	if err := writeManifest(t, local, opts.Site, me.Started, me.Run); err != nil {
		j.close()
		return err
	}
	res.Deleted, err = s.remove(ctx, workers, plan.Delete, local)
	if err != nil {
		j.close()
		return err
	}
	return j.finish(t)
}

// clearParts removes the part files an interrupted deploy may have left:
// one for each path it had not finished.
func clearParts(ctx context.Context, t Target, workers int, st *targetState) {
	var parts []string
	for _, name := range st.uncertain {
		parts = append(parts, partName(name, st.interrupted.by.Run))
	}
	forEach(ctx, workers, parts, func(part string) error {
		t.Remove(part) // most are long gone
		return nil
	})
}

// CountedDeletes is the number of the plan's deletions that count against
// MaxDeletes: all but those replaced says the build replaced.
func CountedDeletes(p *Plan, replaced func(path string) bool) int {
	n := 0
	for _, r := range p.Delete {
		if replaced == nil || !replaced(r.Path) {
			n++
		}
	}
	return n
}
