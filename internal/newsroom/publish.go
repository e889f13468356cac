package newsroom

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"sync"

	"showcase/internal/build"
	"showcase/internal/check"
	"showcase/internal/config"
	"showcase/internal/deploy"
	"showcase/internal/search"
)

// publishRequest asks for a deploy to a target of site.toml's
// [[deploy.targets]] ("" for the only one); DryRun only plans.
type publishRequest struct {
	Target string `json:"target"`
	DryRun bool   `json:"dryRun"`
}

// publishJob is the deploy under way (or the last one), as the 发布 view
// polls it.
type publishJob struct {
	mu       sync.Mutex
	Running  bool   `json:"running"`
	Stage    string `json:"stage"`    // 检查 / 生成网站 / 上传
	Progress string `json:"progress"` // the deploy's progress line
	Summary  string `json:"summary"`
	Error    string `json:"error"`
}

func (j *publishJob) set(f func(*publishJob)) {
	j.mu.Lock()
	defer j.mu.Unlock()
	f(j)
}

// Write takes the deploy's progress bar: the text after its last "\r".
func (j *publishJob) Write(p []byte) (int, error) {
	s := string(p)
	if i := strings.LastIndexByte(s, '\r'); i >= 0 {
		s = s[i+1:]
	}
	if s = strings.TrimSpace(s); s != "" {
		j.set(func(j *publishJob) { j.Progress = s })
	}
	return len(p), nil
}

// servePublish plans (dryRun: answers with the plan) or starts a deploy
// (then GET api/publish tells its progress). Either way the site is first
// checked as "showcase deploy" checks it, and built into public/.
func (n *Newsroom) servePublish(w http.ResponseWriter, r *http.Request) {
	var req publishRequest
	if !readJSON(w, r, &req) {
		return
	}
	j := &n.publishing
	j.mu.Lock()
	if j.Running {
		j.mu.Unlock()
		fail(w, http.StatusConflict, "正在发布，请等这次发布结束（a deploy is under way）")
		return
	}
	j.Running, j.Stage, j.Progress, j.Summary, j.Error = true, "检查", "", "", ""
	j.mu.Unlock()
	if req.DryRun {
		summary, err := n.publish(context.Background(), req)
		j.set(func(j *publishJob) { j.Running = false })
		if err != nil {
			fail(w, http.StatusBadRequest, err.Error())
			return
		}
		reply(w, http.StatusOK, map[string]string{"summary": summary})
		return
	}
	go func() {
		summary, err := n.publish(context.Background(), req)
		j.set(func(j *publishJob) {
			j.Running, j.Summary = false, summary
			if err != nil {
				j.Error = err.Error()
			}
		})
	}()
	reply(w, http.StatusAccepted, map[string]bool{"started": true})
}

func (n *Newsroom) servePublishState(w http.ResponseWriter, r *http.Request) {
	j := &n.publishing
	j.mu.Lock()
	defer j.mu.Unlock()
	reply(w, http.StatusOK, j)
}

// publish checks, builds and deploys (or plans); it returns the summary.
func (n *Newsroom) publish(ctx context.Context, req publishRequest) (string, error) {
	j := &n.publishing
	cfg, err := n.config()
	if err != nil {
		return "", err
	}
	if strings.Contains(req.Target, "://") {
		return "", errors.New("只能发布到 site.toml 中设置的发布目标（only configured targets）")
	}
	tgt, err := deploy.ChooseTarget(cfg.Deploy.Targets, req.Target)
	if err != nil {
		return "", err
	}
	tgt = n.resolveKeyFiles(tgt)
	if err := n.publishGate(cfg); err != nil {
		return "", err
	}
	j.set(func(j *publishJob) { j.Stage = "生成网站" })
	dest := filepath.Join(n.source, "public")
	if _, err := build.Build(build.Options{Source: n.source, Destination: dest, BaseURL: n.opts.Build.BaseURL, Theme: n.opts.Build.Theme}); err != nil {
		return "", fmt.Errorf("网站生成失败，没有发布任何文件：%v", err)
	}
	j.set(func(j *publishJob) { j.Stage = "上传" })
	t, err := deploy.Open(ctx, tgt, deploy.Connect{})
	if err != nil {
		return "", err
	}
	defer t.Close()
	site := cfg.BaseURL
	if site == "/" {
		site = cfg.Title
	}
	res, err := deploy.Deploy(ctx, t, deploy.Options{Source: dest, Site: site, MaxDeletes: cfg.Deploy.MaxDeletes, DryRun: req.DryRun,
		Progress: j, Replaced: func(p string) bool {
			rel, ok := strings.CutPrefix(p, "search/")
			return ok && search.IndexFile(rel)
		}})
	if err != nil {
		return "", err
	}
	if req.DryRun {
		var b bytes.Buffer
		res.Plan.Describe(&b)
		return b.String(), nil
	}
	return res.Summary(), nil
}

// publishGate refuses a deploy while "showcase check" finds errors, or,
// with [review] stages required, while a page to publish lacks a stage's
// sign-off.
func (n *Newsroom) publishGate(cfg *config.Config) error {
	var msgs []string
	for _, f := range n.check() {
		if f.Severity == check.Error {
			msgs = append(msgs, fmt.Sprintf("%s:%d: %s", f.File, f.Line, f.Message))
		}
	}
	if stages := cfg.Review.Stages; len(stages) > 0 && cfg.Review.Required {
		pages, _, err := n.index.pages()
		if err != nil {
			return err
		}
		for _, p := range pages {
			if p.State == StatePublished && p.Section != "" && !strings.HasSuffix(p.File, "/_index.md") && len(p.Signoffs) < len(stages) {
				msgs = append(msgs, fmt.Sprintf("%s: 还没有签署完 %s（只签了 %d 个阶段）", p.File, strings.Join(stages, "、"), len(p.Signoffs)))
			}
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	if len(msgs) > 20 {
		msgs = append(msgs[:20], fmt.Sprintf("……另有 %d 处", len(msgs)-20))
	}
	return fmt.Errorf("发布前检查发现 %d 处问题，没有发布任何文件：\n%s", len(msgs), strings.Join(msgs, "\n"))
}

// resolveKeyFiles reads a target's relative key and known_hosts paths as
// relative to the site folder, as showcase deploy does.
func (n *Newsroom) resolveKeyFiles(t config.DeployTarget) config.DeployTarget {
	rel := func(p string) string {
		if p == "" || filepath.IsAbs(p) || strings.HasPrefix(p, "~") {
			return p
		}
		return filepath.Join(n.source, p)
	}
	t.IdentityFile, t.KnownHosts = rel(t.IdentityFile), rel(t.KnownHosts)
	return t
}
