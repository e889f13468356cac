package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"golang.org/x/term"

	"showcase/internal/build"
	"showcase/internal/config"
	"showcase/internal/deploy"
	"showcase/internal/diag"
	"showcase/internal/lang"
	"showcase/internal/search"
	"showcase/internal/sitefs"
)

const deployUsage = `用法：showcase deploy [选项]   把网站发布到学校服务器

先生成网站、做发布前检查，再把自上次发布以来有变化的文件发送到 site.toml 中
[[deploy.targets]] 的一个发布目标（或 --target 网址）：先发样式和图片，再发页面，
再发订阅源和站点地图，最后删除不再需要的文件。

选项：
  -s, --source 文件夹       网站文件夹（默认为当前文件夹 "."）
  -d, --destination 文件夹  要发布的生成结果（默认为网站文件夹中的 public）
      --target 名称|网址    site.toml 中的发布目标名称，或 sftp://用户@主机[:端口]/路径、
                            file:///路径（也可直接写文件夹，如 D:\发布\网站）、
                            对象存储 s3://桶/前缀?endpoint=网址&region=地域、
                            oss://桶/前缀?region=地域（阿里云）或 cos://桶/前缀?region=地域
                            （腾讯云）（默认为 site.toml 中唯一的发布目标）
      --no-build            不先生成，按现有的生成结果发布
      --dry-run             预演：列出要发送和删除的文件，不做任何改动
      --max-deletes 数量    要删除的文件超过这个数量时停下（默认为 [deploy] maxDeletes，256）
      --prune               同时删除目标上不是发布放上去的文件
                            （只清理本网站发布过的目标）
      --force-unlock        解除另一台电脑上已停止的发布留下的锁
                            （本机上已结束的发布留下的锁会自动接管）
  -j, --jobs 数量           同时发送的文件数（默认 16）
`

const deployUsageEn = `Usage: showcase deploy [flags]   publish the site to the campus host

Builds the site, runs its checks, and sends what changed since the last
deploy to a target of site.toml's [[deploy.targets]] (or --target URL):
assets first, then pages, then feeds and sitemap, then deletions.

Flags:
  -s, --source DIR        the site folder (default ".")
  -d, --destination DIR   the build output to publish (default SOURCE/public)
      --target NAME|URL   a target named in site.toml, or sftp://user@host[:port]/path,
                          file:///path (or the folder itself, as D:\www), s3://bucket/prefix?endpoint=URL&region=R,
                          oss://bucket/prefix?region=R or cos://bucket/prefix?region=R
                          (default: the only target in site.toml)
      --no-build          publish the output as it is, without building first
      --dry-run           list what would be sent and deleted, change nothing
      --max-deletes N     refuse to delete more than N files (default [deploy] maxDeletes, 256)
      --prune             also delete files on the target that no deploy put there
                          (only on a target this site's deploys made)
      --force-unlock      break the lock of a deploy on another computer that has
                          stopped (a dead deploy's lock on this computer is taken over unasked)
  -j, --jobs N            files sent at once (default 16)
`

func runDeploy(args []string, stdout, stderr io.Writer) int {
	fs := commandFlags("deploy", deployUsage, stderr)
	source := fs.StringP("source", "s", ".", "")
	dest := fs.StringP("destination", "d", "", "")
	target := fs.String("target", "", "")
	noBuild := fs.Bool("no-build", false, "")
	dryRun := fs.Bool("dry-run", false, "")
	maxDeletes := fs.Int("max-deletes", 0, "")
	prune := fs.Bool("prune", false, "")
	forceUnlock := fs.Bool("force-unlock", false, "")
	jobs := fs.IntP("jobs", "j", deploy.DefaultWorkers, "")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "showcase deploy: %s\n", lang.Sprintf("多余的参数 %q：网站文件夹请用 -s 指定", "unexpected argument %q", fs.Arg(0)))
		return 2
	}
	if *dest == "" {
		*dest = filepath.Join(*source, "public")
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "showcase deploy: %v\n", err)
		return 1
	}
	cfg, err := build.LoadConfig(sitefs.New(*source), &diag.List{})
	if err != nil {
		return fail(err)
	}
	tgt, err := deploy.ChooseTarget(cfg.Deploy.Targets, *target)
	if err != nil {
		return fail(err)
	}
	tgt = resolveKeyFiles(tgt, *source)
	if !fs.Changed("max-deletes") {
		*maxDeletes = cfg.Deploy.MaxDeletes
	}
	if !*noBuild {
		if code := runBuild([]string{"-s", *source, "-d", *dest}, stdout, stderr); code != 0 {
			fmt.Fprintln(stderr, "showcase deploy:", lang.Sprintf("网站生成失败，没有发布任何文件", "the build failed; nothing was published"))
			return 1
		}
	} else if fi, err := os.Stat(*dest); err != nil || !fi.IsDir() {
		return fail(lang.Errorf("%[1]s 里没有生成好的网站：请先运行 showcase build，或去掉 --no-build 再发布",
			"no built site in %[1]s: run showcase build, or deploy without --no-build", *dest))
	}
	if err := runSiteChecks(*source, *dest, stdout, stderr); err != nil {
		return fail(nothingPublished(err))
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	finished := make(chan struct{})
	defer close(finished) // before stop: the goroutine below then says nothing
	go func() {
		// the first Ctrl-C lets the files in flight land; a second one
		// ends the process at once (the site stays consistent either way)
		<-ctx.Done()
		select {
		case <-finished:
			return
		default:
		}
		stop()
		fmt.Fprintln(stderr, "\nshowcase deploy:", lang.Sprintf("正在停止：等正在上传的文件传完；再按一次 Ctrl-C 立即退出",
			"stopping after the files in flight; Ctrl-C again quits at once"))
	}()
	conn := deploy.Connect{}
	if term.IsTerminal(int(os.Stdin.Fd())) {
		conn.Prompt = askOnTerminal(stderr)
	}
	t, err := deploy.Open(ctx, tgt, conn)
	if err != nil {
		return fail(err)
	}
	defer t.Close()
	opts := deploy.Options{
		Source: *dest, Site: siteName(cfg), MaxDeletes: *maxDeletes, Prune: *prune, DryRun: *dryRun,
		ForceUnlock: *forceUnlock, Workers: *jobs, Replaced: replacedIndexFile,
	}
	if f, ok := stdout.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		opts.Progress = stdout
	}
	res, err := deploy.Deploy(ctx, t, opts)
	cdn := cdnRefresh(cfg, tgt, *source, stdout, stderr)
	if err != nil {
		if cdn != nil && res != nil && res.Plan != nil && !*dryRun {
			cdn.Remember(deploy.ChangedURLs(res.Plan, cdn.base)) // the rerun refreshes them
		}
		return fail(err)
	}
	if *dryRun {
		res.Plan.Describe(stdout)
		counted := deploy.CountedDeletes(res.Plan, opts.Replaced)
		if n := len(res.Plan.Delete) - counted; n > 0 {
			fmt.Fprintln(stdout, lang.Sprintf("其中 %[1]d 个是生成网站时已被新索引取代的搜索索引文件，不计入删除上限",
				"%[1]d of the deletions are search index files the build replaced: they do not count against --max-deletes", n))
		}
		if *maxDeletes >= 0 && counted > *maxDeletes {
			fmt.Fprintln(stdout, lang.Sprintf("注意：要删除 %[1]d 个文件，超过上限 %[2]d 个，正式发布时会停下不做；确实要删除时加 --max-deletes %[1]d",
				"note: %[1]d deletions are more than --max-deletes %[2]d: a real deploy would refuse", counted, *maxDeletes))
		}
		if r := res.PruneRefused; r != nil {
			fmt.Fprintln(stdout, lang.Say("注意：正式发布会拒绝 --prune：%s", "note: a real deploy would refuse --prune: %s", r.Reason))
		}
		if cdn != nil {
			urls := deploy.ChangedURLs(res.Plan, cdn.base)
			fmt.Fprintln(stdout, lang.Sprintf("发布后将刷新 CDN 上的 %[1]d 个网址：", "the CDN refresh would get %[1]d URL(s):", len(urls)))
			for _, u := range urls {
				fmt.Fprintln(stdout, "  "+u)
			}
		}
		return 0
	}
	fmt.Fprintln(stdout, res.Summary())
	if cdn != nil {
		urls, err := cdn.Run(ctx, deploy.ChangedURLs(res.Plan, cdn.base))
		if err != nil {
			return fail(err)
		}
		fmt.Fprintln(stdout, lang.Sprintf("已将 %[1]d 个有变动的网址写入 %[2]s", "%[1]d changed URL(s) listed in %[2]s", len(urls), cdn.File))
	}
	if deploy.ObjectStorage(tgt.URL) && cdn != nil {
		if err := deploy.CheckWebsite(ctx, http.DefaultClient, cdn.base, *dest); err != nil {
			fmt.Fprintln(stderr, lang.Say("注意：", "warning: ")+err.Error())
		}
	}
	return 0
}

// siteCDN is the CDN refresh of a target, with the site's public address.
type siteCDN struct {
	deploy.CDNRefresh
	base string // ends in "/"
}

// cdnRefresh is the target's CDN refresh: for a target with
// [deploy.targets.cdn] refresh, or on object storage, whose URLs are the
// target's domain or else baseURL; nil when there is no public address.
func cdnRefresh(cfg *config.Config, tgt config.DeployTarget, source string, stdout, stderr io.Writer) *siteCDN {
	base := tgt.Domain
	if base == "" {
		base = cfg.BaseURL
	}
	if tgt.CDN.Refresh == "" && !deploy.ObjectStorage(tgt.URL) {
		return nil
	}
	if !strings.HasPrefix(base, "http://") && !strings.HasPrefix(base, "https://") {
		if tgt.CDN.Refresh != "" {
			fmt.Fprintln(stderr, lang.Say("注意：", "warning: ")+lang.Sprintf("site.toml 没有写网站的完整网址（baseURL 或发布目标的 domain，如 https://dangjian.example.edu.cn/），无法列出要刷新的 CDN 网址，这次不会刷新 CDN",
				"site.toml gives no absolute address (baseURL, or the target's domain): the CDN refresh is skipped"))
		}
		return nil
	}
	return &siteCDN{base: strings.TrimSuffix(base, "/") + "/", CDNRefresh: deploy.CDNRefresh{
		File: filepath.Join(source, ".showcase-cache", "cdn-refresh.txt"), Command: tgt.CDN.Refresh, Stdout: stdout, Stderr: stderr}}
}

// nothingPublished says that the review gate stopped the deploy, after
// the gate's own message.
func nothingPublished(err error) error {
	if lang.English() {
		return fmt.Errorf("%v; nothing was published", err)
	}
	return fmt.Errorf("%v。没有发布任何文件 (nothing was published)", err)
}

// siteName names the site in the target's manifest, so that --prune
// prunes only a target this site's deploys made: its baseURL, or its title
// when it has none.
func siteName(cfg *config.Config) string {
	if cfg.BaseURL != "/" {
		return cfg.BaseURL
	}
	return cfg.Title
}

// replacedIndexFile tells a deletion of a search index file, which a build
// removes only when it replaced it by others (internal/search.IndexFile).
func replacedIndexFile(p string) bool {
	rel, ok := strings.CutPrefix(p, "search/")
	return ok && search.IndexFile(rel)
}

// runSiteChecks runs "showcase check" (the review gate) before anything is
// published; an error stops the deploy.
func runSiteChecks(source, dest string, stdout, stderr io.Writer) error {
	return siteCheckGate(source, stderr, false)
}

// resolveKeyFiles reads a target's relative key and known_hosts paths as
// relative to the site folder, like the other paths of site.toml.
func resolveKeyFiles(t config.DeployTarget, source string) config.DeployTarget {
	rel := func(p string) string {
		if p == "" || filepath.IsAbs(p) || strings.HasPrefix(p, "~") {
			return p
		}
		return filepath.Join(source, p)
	}
	t.IdentityFile, t.KnownHosts = rel(t.IdentityFile), rel(t.KnownHosts)
	return t
}

// askOnTerminal asks a question without echoing the answer (a password).
func askOnTerminal(stderr io.Writer) func(string) (string, error) {
	return func(question string) (string, error) {
		fmt.Fprint(stderr, question)
		answer, err := term.ReadPassword(int(os.Stdin.Fd()))
		fmt.Fprintln(stderr)
		return string(answer), err
	}
}
