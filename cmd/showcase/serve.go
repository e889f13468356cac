package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	flag "github.com/spf13/pflag"

	"showcase"
	"showcase/internal/build"
	"showcase/internal/diag"
	"showcase/internal/lang"
	"showcase/internal/server"
	"showcase/internal/sitefs"
)

const serveUsage = `showcase serve —— 预览网站：保存稿件后自动重新生成并刷新浏览器

用法：
  showcase serve [选项]

选项：
  -s, --source 文件夹       网站文件夹（默认为当前文件夹 "."）
  -p, --port 端口           端口（默认 1313；被占用时换一个空闲的）
      --bind 地址           监听的地址（默认 127.0.0.1，只有本机能打开；
                            0.0.0.0 可让同一网络中的手机打开，用于手机预览）
  -b, --baseURL 网址        临时替换 site.toml 中的 baseURL
  -D, --buildDrafts         包含草稿，标为“草稿”（默认包含；--buildDrafts=false 不包含）
  -F, --buildFuture         包含日期在未来的稿件（默认包含）
  -E, --buildExpired        包含已过期的稿件
      --poll[=间隔]         每隔一段时间（默认 500ms）查看有无修改，而不是等待文件事件：
                            网络盘、WSL 请使用

网站生成在一个临时文件夹中，不会写入 public/。
`

const serveUsageEn = `showcase serve — preview with live reload

Usage:
  showcase serve [flags]

Flags:
  -s, --source DIR          the site folder (default ".")
  -p, --port PORT           the port (default 1313; another free one if it is taken)
      --bind ADDRESS        the address to listen on (default 127.0.0.1, this computer only;
                            0.0.0.0 lets phones on the same network open it)
  -b, --baseURL URL         override site.toml's baseURL
  -D, --buildDrafts         include drafts, marked 草稿 (default on; --buildDrafts=false to leave out)
  -F, --buildFuture         include pages dated in the future (default on)
  -E, --buildExpired        include expired pages
      --editor              serve the editor (编辑部) at <base>/_edit/ (default on; --editor=false to leave out);
                            from other computers it needs the token printed in its address
      --poll[=INTERVAL]     look for changes every INTERVAL (default 500ms) instead of waiting
                            for file events: for network drives and WSL

The site is built into a temporary folder, never into public/.
`

// serveFlags are the flags of showcase serve.
type serveFlags struct {
	source, bind, baseURL   string
	port                    int
	drafts, future, expired bool
	portGiven               bool
	editor                  bool
	poll                    time.Duration // 0: file events
}

// parseServeFlags reads the flags; ok is false (with the exit code) when
// the command is not to run.
func parseServeFlags(args []string, stderr io.Writer) (f serveFlags, code int, ok bool) {
	fs := commandFlags("serve", serveUsage, stderr)
	fs.StringVarP(&f.source, "source", "s", ".", "")
	fs.IntVarP(&f.port, "port", "p", 1313, "")
	fs.StringVar(&f.bind, "bind", "127.0.0.1", "")
	fs.StringVarP(&f.baseURL, "baseURL", "b", "", "")
	fs.BoolVarP(&f.drafts, "buildDrafts", "D", true, "")
	fs.BoolVarP(&f.future, "buildFuture", "F", true, "")
	fs.BoolVarP(&f.expired, "buildExpired", "E", false, "")
	fs.BoolVar(&f.editor, "editor", true, "")
	poll := fs.String("poll", "", "")
	fs.Lookup("poll").NoOptDefVal = "500ms"
	langFromArgs(args)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return f, 0, false
		}
		fmt.Fprintf(stderr, "showcase serve: %s\n\n%s", lang.Sprintf("选项写法有误，请对照下面的说明", "%v", err), localUsage(serveUsage))
		return f, 2, false
	}
	if !takeLang(fs) {
		return f, 2, false
	}
	fixPathFlags(fs, windowsArgs)
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "showcase serve: %s\n", lang.Sprintf("多余的参数 %q：网站文件夹请用 -s 指定", "unexpected argument %q", fs.Arg(0)))
		return f, 2, false
	}
	if f.port < 0 || f.port > 65535 {
		fmt.Fprintf(stderr, "showcase serve: %s\n", lang.Sprintf("端口号应在 0 到 65535 之间，%[1]d 不行", "port %[1]d is out of range", f.port))
		return f, 2, false
	}
	if *poll != "" {
		d, err := time.ParseDuration(*poll)
		if err != nil || d <= 0 {
			fmt.Fprintf(stderr, "showcase serve: %s\n", lang.Sprintf("--poll 的间隔 %[1]q 写法有误，请写成 500ms 或 2s 这样", "--poll %[1]q is not a duration such as 500ms", *poll))
			return f, 2, false
		}
		f.poll = d
	}
	f.portGiven = fs.Changed("port")
	return f, 0, true
}

func runServe(args []string, stdout, stderr io.Writer) int {
	flags, code, ok := parseServeFlags(args, stderr)
	if !ok {
		return code
	}
	src, err := filepath.Abs(flags.source)
	if err != nil {
		fmt.Fprintf(stderr, "showcase: %v\n", err)
		return 1
	}
	base, err := sitePath(src, flags.baseURL)
	if err != nil {
		printBuildError(stderr, err)
		fmt.Fprintln(stderr, "showcase serve:", lang.Sprintf("无法读取网站配置文件：请按上面的提示修改后重新启动", "cannot read the site's configuration; fix it and start again"))
		return 1
	}

	// the preview is built into a private folder: public/ is for deploying
	tmp, err := os.MkdirTemp("", "showcase-serve-")
	if err != nil {
		fmt.Fprintf(stderr, "showcase serve: %s\n", lang.Sprintf("无法建立存放预览的临时文件夹：请检查磁盘空间", "cannot create a temporary folder: %v", err))
		return 1
	}
	defer os.RemoveAll(tmp)
	dest := filepath.Join(tmp, "site")
	opts := build.Options{
		Source: src, Destination: dest, BaseURL: flags.baseURL,
		Drafts: flags.drafts, Future: flags.future, Expired: flags.expired, Theme: showcase.Theme(),
		Preview: true, PreviewHead: server.PreviewHead(base),
	}
	session := build.NewSession(opts)
	defer session.Close()  // before the folder goes: no index written into it after
	var srv *server.Server // set before anything is served
	editor, token, err := newEditor(flags, opts, base, func(rel string) { srv.Saved(rel) })
	if err != nil {
		fmt.Fprintf(stderr, "showcase: %v\n", err)
		return 1
	}
	srv, err = server.New(server.Options{
		Source: src, Root: dest, BasePath: base, Poll: flags.poll, Log: stdout, Editor: editor,
		Rebuild: previewRebuild(session, &warningPrinter{w: stderr}, func() {
			if now, err := sitePath(src, flags.baseURL); err == nil && now != base {
				fmt.Fprintln(stderr, lang.Sprintf("网站路径已改为 %[1]s，请重新启动 showcase serve", "the base path changed to %[1]s: restart showcase serve", now))
			}
		}),
	})
	if err != nil {
		fmt.Fprintf(stderr, "showcase: %v\n", err)
		return 1
	}
	ln, err := listen(flags.bind, flags.port, flags.portGiven, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "showcase serve: %s\n", lang.Sprintf("无法在 %[1]s 上提供预览（地址或端口不可用）：请换一个端口，如 -p 1314", "cannot listen on %[1]s: %[2]v", net.JoinHostPort(flags.bind, strconv.Itoa(flags.port)), err))
		return 1
	}
	return runPreview(srv, ln, flags.bind, base, token, editor != nil, stdout, stderr)
}

// runPreview watches, builds, serves and rebuilds until Ctrl+C.
func runPreview(srv *server.Server, ln net.Listener, bind, base, token string, editor bool, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := srv.Watch(ctx); err != nil {
		ln.Close()
		fmt.Fprintf(stderr, "showcase serve: %v\n", err)
		return 1
	}
	httpSrv := srv.HTTPServer(ln)
	served := make(chan error, 1)
	go func() { served <- httpSrv.Serve(ln) }()

	fmt.Fprintln(stdout, lang.Say("正在生成网站…", "building the site…"))
	srv.Rebuild(nil)
	printAddresses(stdout, bind, ln.Addr().(*net.TCPAddr).Port, base)
	if editor {
		printEditorAddresses(stdout, bind, ln.Addr().(*net.TCPAddr).Port, base, token)
	}

	ran := make(chan struct{})
	go func() {
		srv.Run(ctx)
		close(ran)
	}()
	code := 0
	select {
	case <-ctx.Done():
		fmt.Fprintln(stdout, "\n"+lang.Say("预览已停止", "stopped"))
	case err := <-served:
		fmt.Fprintf(stderr, "showcase serve: %v\n", err)
		code = 1
		stop()
	}
	<-ran // the rebuild under way finishes, the pages' streams close
	shutdown, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	httpSrv.Shutdown(shutdown)
	return code
}

// previewRebuild is the server's Rebuild hook: the build session rebuilds
// what the changes need (just the edited pages when only their bodies
// changed) and says which output files it wrote, so only those pages reload.
// afterConfig runs after a successful build that followed a config change.
func previewRebuild(session *build.Session, warnings *warningPrinter, afterConfig func()) server.Rebuilder {
	return func(changed []string) (server.Result, error) {
		res, err := session.BuildChanged(changed)
		if res != nil {
			warnings.print(res.Warnings)
		}
		if err != nil {
			return server.Result{}, err
		}
		for _, c := range changed {
			if server.Classify(c) == server.Config {
				afterConfig()
				break
			}
		}
		files := res.Changed
		if files == nil {
			files = []string{} // nothing changed, which is not "unknown"
		}
		how, howEn := "完整生成", "full build"
		if res.Fast {
			how, howEn = "快速更新", "fast update"
		}
		return server.Result{Changed: files, Summary: lang.Say("%[1]s %[3]d 页，%[4]d 个文件有变化，用时 %[5]s",
			"%[2]s of %[3]d pages, %[4]d files changed in %[5]s",
			how, howEn, res.Pages, len(files), res.Took.Round(time.Millisecond)), Broken: res.Broken}, nil
	}
}

// sitePath is the site's base path from site.toml, or from baseURL when given.
func sitePath(source, baseURL string) (string, error) {
	cfg, err := build.LoadConfig(sitefs.New(source), &diag.List{})
	if err != nil {
		return "", err
	}
	if baseURL != "" {
		if cfg, err = cfg.WithBaseURL(baseURL); err != nil {
			return "", err
		}
	}
	return cfg.BasePath, nil
}

// listen opens the port; when the default port cannot be had (taken, say),
// another free one.
func listen(bind string, port int, portGiven bool, stderr io.Writer) (net.Listener, error) {
	ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(port)))
	if err == nil || portGiven {
		return ln, err
	}
	ln, err2 := net.Listen("tcp", net.JoinHostPort(bind, "0"))
	if err2 != nil {
		return nil, err
	}
	fmt.Fprintln(stderr, lang.Sprintf("端口 %[1]d 已被占用，改用端口 %[2]d", "port %[1]d is in use, using %[2]d", port, ln.Addr().(*net.TCPAddr).Port))
	return ln, nil
}

// printAddresses prints the preview's URL and, when phones can reach it,
// the LAN URLs and a QR code of the first.
func printAddresses(w io.Writer, bind string, port int, base string) {
	fmt.Fprintln(w, "\n"+lang.Say("网站预览地址：%s", "preview: %s", server.LocalURL(bind, port, base)))
	lan := server.LANURLs(bind, port, base)
	if len(lan) > 0 {
		fmt.Fprintln(w, lang.Say("手机预览（手机与电脑连接同一网络，扫码或输入网址）：", "on a phone on the same network:"))
		for _, u := range lan {
			fmt.Fprintf(w, "  %s\n", u)
		}
		if qr, err := server.QRCode(lan[0], colorTerminal(w)); err == nil {
			fmt.Fprint(w, qr)
		}
	} else if bind == "127.0.0.1" || bind == "localhost" || bind == "::1" {
		fmt.Fprintln(w, lang.Say("（仅本机可访问；手机预览请加 --bind 0.0.0.0）", "(this computer only; --bind 0.0.0.0 lets phones open it)"))
	}
	fmt.Fprintln(w, lang.Say("保存文件后浏览器会自动刷新。按 Ctrl+C 停止预览。", "the browser reloads when a file is saved; Ctrl+C stops the preview"))
}

// colorTerminal reports whether w is a terminal that takes ANSI colors.
func colorTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" || runtime.GOOS == "windows" || os.Getenv("TERM") == "dumb" {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// printBuildError prints an error of the build, one problem a line.
func printBuildError(w io.Writer, err error) {
	var f *diag.Failure
	if errors.As(err, &f) {
		for _, p := range f.Problems {
			fmt.Fprintln(w, p.Error())
		}
		return
	}
	fmt.Fprintln(w, err)
}

// warningPrinter prints a build's warnings when they differ from the last
// build's, so a rebuild does not repeat them all.
type warningPrinter struct {
	w    io.Writer
	last string
}

func (p *warningPrinter) print(warnings []*diag.Problem) {
	var b strings.Builder
	for _, w := range warnings {
		fmt.Fprintf(&b, "%s %s\n", lang.Say("警告", "warning:"), w.Error())
	}
	if b.String() != p.last {
		fmt.Fprint(p.w, b.String())
		p.last = b.String()
	}
}
