package deploy

import (
	"context"
	"errors"
	"io/fs"
	"sync"
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
			return targetError(err, "checking %s on %s: %v (无法检查目标文件)", name, t, err)
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
		return Entry{}, targetError(err, "reading %s on %s: %v (无法读取目标文件)", name, t, err)
	}
	defer r.Close()
	e, err := hashReader(r)
	if err != nil {
		return Entry{}, targetError(err, "reading %s on %s: %v (无法读取目标文件)", name, t, err)
	}
	return e, nil
}
