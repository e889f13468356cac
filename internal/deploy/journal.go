package deploy

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"sync"
	"time"

	"showcase/internal/lang"
)

// journalLine is one line of the journal (JSON lines). The first says who
// started the deploy; then come the intentions ("put" with the new size and
// hash, "delete"), written before anything on the target changes; then a
// "done" line for each path whose change is complete, appended as the
// deploy goes.
type journalLine struct {
	Op      string    `json:"op"` // start, put, delete, done
	Path    string    `json:"path,omitempty"`
	Size    int64     `json:"size,omitempty"`
	SHA256  string    `json:"sha256,omitempty"`
	Host    string    `json:"host,omitempty"`
	User    string    `json:"user,omitempty"`
	PID     int       `json:"pid,omitempty"`
	Run     string    `json:"run,omitempty"`
	Started time.Time `json:"started,omitzero"`
}

// journalState is what the journal of an interrupted deploy tells.
type journalState struct {
	by      lockInfo        // who ran it
	puts    Files           // files it meant to write
	deletes map[string]bool // files it meant to delete
	done    map[string]bool // changes it finished
}

// readJournal reads the journal a deploy left behind; nil when there is
// none (the last deploy finished). A line cut off by the interruption is
// ignored: its change is then simply not known to be done.
func readJournal(t Target) (*journalState, error) {
	data, err := t.ReadFile(JournalName)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, targetError(err, "无法读取发布目标 %[2]s 上的发布日志 %[1]s", "reading %[1]s on %[2]s: %[3]v", JournalName, t, err)
	}
	j := &journalState{puts: Files{}, deletes: map[string]bool{}, done: map[string]bool{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		var l journalLine
		if json.Unmarshal(sc.Bytes(), &l) != nil {
			continue
		}
		if l.Op == "start" {
			j.by = lockInfo{Host: l.Host, User: l.User, PID: l.PID, Started: l.Started, Run: l.Run}
			continue
		}
		if err := checkName(l.Path); err != nil {
			return nil, lang.Errorf("发布目标 %[2]s 上的发布日志 %[1]s 内容有误", "%[1]s on %[2]s: %[3]v", JournalName, t, err)
		}
		switch l.Op {
		case "put":
			j.puts[l.Path] = Entry{Size: l.Size, SHA256: l.SHA256}
		case "delete":
			j.deletes[l.Path] = true
		case "done":
			j.done[l.Path] = true
		}
	}
	return j, nil
}

// journal is the journal of the deploy under way. Done lines are gathered
// and written by one goroutine, each write carrying all that came in during
// the previous one, so recording costs the transfers nothing.
type journal struct {
	w       io.WriteCloser
	mu      sync.Mutex // guards buf
	buf     []byte
	writeMu sync.Mutex // one write at a time; guards err
	err     error
	kick    chan struct{}
	stopped chan struct{}
}

// startJournal writes the journal's intentions, before the deploy changes
// anything, and starts recording.
func startJournal(t Target, by lockInfo, plan *Plan) (*journal, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.Encode(journalLine{Op: "start", Host: by.Host, User: by.User, PID: by.PID, Started: by.Started, Run: by.Run})
	for _, c := range plan.Send {
		enc.Encode(journalLine{Op: "put", Path: c.Path, Size: c.Size, SHA256: c.SHA256})
	}
	for _, d := range plan.Delete {
		enc.Encode(journalLine{Op: "delete", Path: d.Path})
	}
	w, err := t.Create(JournalName)
	if err == nil {
		if _, err = w.Write(b.Bytes()); err != nil {
			w.Close()
		}
	}
	if err != nil {
		return nil, targetError(err, "无法在发布目标 %[2]s 上写入发布日志 %[1]s", "writing %[1]s on %[2]s: %[3]v", JournalName, t, err)
	}
	j := &journal{w: w, kick: make(chan struct{}, 1), stopped: make(chan struct{})}
	go func() {
		defer close(j.stopped)
		for range j.kick {
			j.flush()
		}
	}()
	return j, nil
}

// done records that the change of a path is complete.
func (j *journal) done(name string) {
	line, _ := json.Marshal(journalLine{Op: "done", Path: name})
	j.mu.Lock()
	j.buf = append(append(j.buf, line...), '\n')
	j.mu.Unlock()
	select {
	case j.kick <- struct{}{}:
	default:
	}
}

// flush writes what was recorded. A failed write is kept and reported by
// close: the lines it lost only make a rerun check those files.
func (j *journal) flush() error {
	j.writeMu.Lock()
	defer j.writeMu.Unlock()
	j.mu.Lock()
	buf := j.buf
	j.buf = nil
	j.mu.Unlock()
	if len(buf) > 0 && j.err == nil {
		_, j.err = j.w.Write(buf)
	}
	return j.err
}

// close stops recording, writes what is left and closes the file.
func (j *journal) close() error {
	close(j.kick)
	<-j.stopped
	err := j.flush()
	if cerr := j.w.Close(); err == nil {
		err = cerr
	}
	return err
}

// finish ends a deploy that completed: the journal is removed, which is the
// last change a deploy makes.
func (j *journal) finish(t Target) error {
	if err := j.close(); err != nil {
		return lang.Errorf("无法在发布目标 %[2]s 上写入发布日志 %[1]s", "writing %[1]s on %[2]s: %[3]v", JournalName, t, err)
	}
	if err := t.Remove(JournalName); err != nil {
		return lang.Errorf("文件都已发布，但无法删除发布目标 %[2]s 上的发布日志 %[1]s：下次发布会再核对一遍",
			"removing %[1]s on %[2]s: %[3]v", JournalName, t, err)
	}
	return nil
}
