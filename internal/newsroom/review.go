package newsroom

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"showcase/internal/config"
	"showcase/internal/content"
	"showcase/internal/frontedit"
)

// LedgerFile is the review ledger (审核台账): one row per sign-off.
const LedgerFile = "data/review-ledger.csv"

var ledgerHeader = []string{"时间", "页面文件", "标题", "审核阶段", "审核人"}

// A sign-off is written in the page's signoffs list as "阶段 姓名 时间":
//
//	signoffs = ["初审 钱锐 2026-12-03T10:00:00+08:00", "复审 姚文均 2026-12-03T11:30:00+08:00"]
//
// and the signer is added to reviewer. review stays "draft" (待审) until
// the last stage is signed; then it is "reviewed", which the build's
// review gate ([review] required) publishes.
type signoff struct{ Stage, Name, At string }

func parseSignoffs(list []string) []signoff {
	var out []signoff
	for _, s := range list {
		f := strings.Fields(s)
		if len(f) >= 2 {
			so := signoff{Stage: f[0], Name: f[1]}
			if len(f) > 2 {
				so.At = f[2]
			}
			out = append(out, so)
		}
	}
	return out
}

// signRequest signs one stage of a page.
type signRequest struct {
	File    string `json:"file"`
	Version string `json:"version"`
	Stage   string `json:"stage"`
	Name    string `json:"name"`
}

func (n *Newsroom) serveSign(w http.ResponseWriter, r *http.Request) {
	var req signRequest
	if !readJSON(w, r, &req) {
		return
	}
	if err := checkPagePath(req.File); err != nil {
		fail(w, http.StatusBadRequest, err.Error())
		return
	}
	cfg, err := n.config()
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	req.Name = strings.TrimSpace(req.Name)
	if req.Name == "" || strings.ContainsAny(req.Name, " \t\n,\"") || len([]rune(req.Name)) > 20 {
		fail(w, http.StatusBadRequest, "请填写审核人姓名（不含空格和标点）（a name without spaces is required）")
		return
	}
	now := n.opts.Now().In(beijing)
	var title string
	n.mu.Lock()
	data, err := n.change(req.File, req.Version, func(old []byte) ([]byte, error) {
		p, problems := content.ParsePage(req.File, old, cfg)
		if p == nil {
			return nil, fmt.Errorf("稿件有错误，请先改正：%v", problems)
		}
		title = p.Title
		signed := parseSignoffs(stringList(p.Params[SignoffKey]))
		if err := nextStage(cfg.Review, signed, req.Stage); err != nil {
			return nil, err
		}
		list := stringList(p.Params[SignoffKey])
		list = append(list, req.Stage+" "+req.Name+" "+now.Format(time.RFC3339))
		data, err := frontedit.Set(old, SignoffKey, list)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(p.Byline.Reviewers, req.Name) {
			if data, err = frontedit.Set(data, "reviewer", append(slices.Clone(p.Byline.Reviewers), req.Name)); err != nil {
				return nil, err
			}
		}
		state := content.ReviewDraft
		if len(signed)+1 == len(cfg.Review.Stages) {
			state = content.ReviewDone
		}
		return frontedit.Set(data, "review", state)
	})
	if err == nil {
		err = n.appendLedger([]string{now.Format("2006-01-02 15:04:05"), req.File, title, req.Stage, req.Name})
	}
	n.mu.Unlock()
	if err != nil {
		n.failWrite(w, req.File, err)
		return
	}
	if err := n.keepVersion(req.Stage+"："+req.Name+" 签署 "+req.File, req.File, LedgerFile); err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	out, err := n.describePage(req.File, data)
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	reply(w, http.StatusOK, out)
}

// nextStage checks that stage is the next one to sign.
func nextStage(r config.Review, signed []signoff, stage string) error {
	if len(r.Stages) == 0 {
		return errors.New("网站没有设置审核阶段：请在 site.toml 的 [review] 中写 stages = [\"初审\", \"复审\", \"终审\"]（no [review] stages）")
	}
	if len(signed) >= len(r.Stages) {
		return errors.New("各审核阶段都已签署（every stage is signed）")
	}
	if want := r.Stages[len(signed)]; stage != want {
		return fmt.Errorf("现在应签署“%s”，不是“%s”（the next stage is %s）", want, stage, want)
	}
	return nil
}

// appendLedger adds a row to the ledger, writing it whole (atomically).
// The file starts with a UTF-8 byte-order mark, so Excel reads it. The
// caller holds n.mu.
func (n *Newsroom) appendLedger(row []string) error {
	if err := n.makeFolder("data"); err != nil {
		return err
	}
	old, err := n.readFile(LedgerFile)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	var b bytes.Buffer
	cw := csv.NewWriter(&b)
	if len(old) == 0 {
		b.WriteString("\ufeff")
		cw.Write(ledgerHeader)
	} else {
		b.Write(old)
		if old[len(old)-1] != '\n' {
			b.WriteByte('\n')
		}
	}
	cw.Write(row)
	cw.Flush()
	return writeAtomic(filepath.Join(n.source, filepath.FromSlash(LedgerFile)), b.Bytes())
}

// ledger reads the ledger's rows, without the header.
func (n *Newsroom) ledger() ([][]string, error) {
	data, err := n.readFile(LedgerFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s 无法读取（%v）", LedgerFile, err)
	}
	if len(rows) > 0 && rows[0][0] == ledgerHeader[0] {
		rows = rows[1:]
	}
	return rows, nil
}

func (n *Newsroom) serveLedger(w http.ResponseWriter, r *http.Request) {
	rows, err := n.ledger()
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	if rows == nil {
		rows = [][]string{}
	}
	reply(w, http.StatusOK, map[string]any{"header": ledgerHeader, "rows": rows})
}

// serveLedgerCSV sends the ledger as a file to download (审核台账.csv).
func (n *Newsroom) serveLedgerCSV(w http.ResponseWriter, r *http.Request) {
	rows, err := n.ledger()
	if err != nil {
		fail(w, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="review-ledger.csv"; filename*=UTF-8''%E5%AE%A1%E6%A0%B8%E5%8F%B0%E8%B4%A6.csv`)
	w.Write([]byte("\ufeff"))
	cw := csv.NewWriter(w)
	cw.Write(ledgerHeader)
	cw.WriteAll(rows)
}
