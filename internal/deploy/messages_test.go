package deploy

import (
	"errors"
	"strings"
	"testing"
	"time"

	"showcase/internal/config"
	"showcase/internal/lang"
)

// inEnglish makes messages English only (--lang en) for the rest of the
// test. No test of this package runs in parallel, so none reads a message
// meanwhile.
func inEnglish(t *testing.T) {
	lang.SetEnglish(true)
	t.Cleanup(func() { lang.SetEnglish(false) })
}

// TestMessagesInBothLanguages: the messages staff meet most are Chinese
// first, with the technical detail in English after them, and English alone
// with --lang en.
func TestMessagesInBothLanguages(t *testing.T) {
	started := time.Date(2025, 10, 26, 9, 30, 5, 0, time.Local)
	locked := &LockedError{Target: "sftp://web@www.example.edu.cn/var/www/site",
		Holder: lockInfo{Host: "laptop-17", User: "li", PID: 4242, Started: started},
		Age:    75 * time.Minute}
	hostKey := &HostKeyError{Addr: "www.example.edu.cn:22", Kind: "changed", Fingerprint: "SHA256:abc", KnownHosts: "/home/li/.ssh/known_hosts"}
	two := []config.DeployTarget{{Name: "campus", URL: "sftp://web@h/x"}, {Name: "mirror", URL: "file:///mnt/x"}}
	messages := func() map[string]string {
		_, none := ChooseTarget(nil, "")
		_, many := ChooseTarget(two, "")
		res := &Result{Target: "file:///mnt/x", Plan: &Plan{Unchanged: 3}, Sent: 12, SentBytes: 2048, Deleted: 1, Took: 1500 * time.Millisecond}
		return map[string]string{
			"no target": none.Error(), "two targets": many.Error(), "locked": locked.Error(),
			"host key": hostKey.Error(), "summary": res.Summary(),
			"interrupted": explainAfter(errors.New("EOF"), "已上传 %d 个", "sent %d", 3).Error(),
		}
	}
	chinese := map[string]string{
		"no target":   "还没有设置发布目标：请在 site.toml 中加上 [[deploy.targets]]（写 name 和 url），或用 --target 写出发布地址 (no deploy target: add [[deploy.targets]] with name and url to site.toml, or pass --target URL)",
		"two targets": "site.toml 中有 2 个发布目标（campus, mirror）：请用 --target 名称 指定发布到哪一个 (site.toml names 2 deploy targets (campus, mirror): choose one with --target NAME)",
		"locked": "发布目标 sftp://web@www.example.edu.cn/var/www/site 正被占用：li 在电脑 laptop-17 上的发布（进程 4242），自 2025年10月26日 09:30:05 开始，已进行 1 小时 15 分。" +
			"它不在本机运行（或在另一个容器中），本机无法确认它是否已停止：请等它完成后重试；如确认它已停止（例如那台电脑已关机或断网），在它超过 15 分钟没有活动后加 --force-unlock 解锁。" +
			" (sftp://web@www.example.edu.cn/var/www/site is locked by another deploy: li@laptop-17 (pid 4242) since 2025-10-26 09:30:05, 1h15m0s ago; wait for it to finish and try again)",
		"host key":    "主机密钥已变更，已停止发布：服务器 www.example.edu.cn:22 出示的密钥 SHA256:abc 与 /home/li/.ssh/known_hosts 中记录的不符",
		"summary":     "已发布到 file:///mnt/x：上传 12 个文件（共 2.0 KB），删除 1 个，3 个没有变化，用时 1.5 秒",
		"interrupted": "EOF。已上传 3 个 (sent 3)",
	}
	english := map[string]string{
		"no target":   "no deploy target: add [[deploy.targets]] with name and url to site.toml, or pass --target URL",
		"two targets": "site.toml names 2 deploy targets (campus, mirror): choose one with --target NAME",
		"locked":      "sftp://web@www.example.edu.cn/var/www/site is locked by another deploy: li@laptop-17 (pid 4242) since 2025-10-26 09:30:05, 1h15m0s ago; wait for it to finish and try again",
		"host key":    "the host key of www.example.edu.cn:22 has CHANGED: it shows SHA256:abc, which does not match /home/li/.ssh/known_hosts.",
		"summary":     "sent 12 file(s) / 2.0 KB, deleted 1, 3 unchanged, took 1.5s → file:///mnt/x",
		"interrupted": "EOF; sent 3",
	}
	check := func(got, want map[string]string) {
		t.Helper()
		for name, w := range want {
			if name == "host key" && strings.HasPrefix(got[name], w) || got[name] == w {
				continue
			}
			t.Errorf("%s:\n got %s\nwant %s", name, got[name], w)
		}
	}
	check(messages(), chinese)
	inEnglish(t)
	check(messages(), english)
}

func TestChineseDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		45 * time.Second: "45 秒", 10 * time.Minute: "10 分钟", 5*time.Minute + 3*time.Second: "5 分 3 秒",
		2 * time.Hour: "2 小时", 2*time.Hour + 5*time.Minute + 9*time.Second: "2 小时 5 分",
		48 * time.Hour: "2 天", 75 * time.Hour: "3 天 3 小时",
	} {
		if got := chineseDuration(d); got != want {
			t.Errorf("chineseDuration(%s) = %q, want %q", d, got, want)
		}
	}
}
