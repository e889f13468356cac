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
	"showcase/internal/server"
	"showcase/internal/sitefs"
)

const serveUsage = `showcase serve — 预览网站：保存即自动重新生成并刷新浏览器 (preview with live reload)

Usage:
  showcase serve [flags]

Flags:
  -s, --source DIR          the site folder (default ".")
  -p, --port PORT           the port (default 1313; another free one if it is taken)
      --bind ADDRESS        the address to listen on (default 127.0.0.1, this computer only;
                            0.0.0.0 lets phones on the same network open it: 手机预览)
  -b, --baseURL URL         override site.toml's baseURL
  -D, --buildDrafts         include drafts, marked 草稿 (default on; --buildDrafts=false to leave out)
  -F, --buildFuture         include pages dated in the future (default on)
  -E, --buildExpired        include expired pages
      --editor              serve the editor (编辑部) at <base>/_edit/ (default on; --editor=false to leave out);
                            from other computers it needs the token printed in its address
      --poll[=INTERVAL]     look for changes every INTERVAL (default 500ms) instead of waiting
                            for file events: for network drives and WSL (网络盘、WSL 请使用)

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
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return f, 0, false
		}
		fmt.Fprintf(stderr, "showcase serve: %v\n\n%s", err, serveUsage)
		return f, 2, false
	}
	if !takeLang(fs) {
		return f, 2, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "showcase serve: unexpected argument %q\n", fs.Arg(0))
		return f, 2, false
	}
	if f.port < 0 || f.port > 65535 {
		fmt.Fprintf(stderr, "showcase serve: port %d is out of range (端口号应在 0 到 65535 之间)\n", f.port)
		return f, 2, false
	}
	if *poll != "" {
		d, err := time.ParseDuration(*poll)
		if err != nil || d <= 0 {
			fmt.Fprintf(stderr, "showcase serve: --poll %q is not a duration such as 500ms (轮询间隔格式错误)\n", *poll)
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
		fmt.Fprintln(stderr, "showcase serve: cannot read the site's configuration; fix it and start again (请先修改网站配置文件后重新启动)")
		return 1
	}

	// the preview is built into a private folder: public/ is for deploying
	tmp, err := os.MkdirTemp("", "showcase-serve-")
	if err != nil {
		fmt.Fprintf(stderr, "showcase: cannot create a temporary folder: %v\n", err)
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
	defer session.Close() // before the folder goes: no index written into it after
	editor, token, err := newEditor(flags, opts, base)
	if err != nil {
		fmt.Fprintf(stderr, "showcase: %v\n", err)
		return 1
	}
	srv, err := server.New(server.Options{
		Source: src, Root: dest, BasePath: base, Poll: flags.poll, Log: stdout, Editor: editor,
		Rebuild: previewRebuild(session, &warningPrinter{w: stderr}, func() {
			if now, err := sitePath(src, flags.baseURL); err == nil && now != base {
				fmt.Fprintf(stderr, "网站路径已改为 %s，请重新启动 showcase serve (the base path changed: restart)\n", now)
			}
		}),
	})
	if err != nil {
		fmt.Fprintf(stderr, "showcase: %v\n", err)
		return 1
	}
	ln, err := listen(flags.bind, flags.port, flags.portGiven, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "showcase serve: cannot listen on %s (无法监听该地址/端口): %v\n", net.JoinHostPort(flags.bind, strconv.Itoa(flags.port)), err)
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

	fmt.Fprintln(stdout, "正在生成网站…")
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
		fmt.Fprintln(stdout, "\n预览已停止 (stopped)")
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
		how := "完整生成"
		if res.Fast {
			how = "快速更新"
		}
		return server.Result{Changed: files, Summary: fmt.Sprintf("%s %d 页，%d 个文件有变化，用时 %s",
			how, res.Pages, len(files), res.Took.Round(time.Millisecond)), Broken: res.Broken}, nil
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
	fmt.Fprintf(stderr, "端口 %d 已被占用，改用端口 %d (port %d is in use)\n", port, ln.Addr().(*net.TCPAddr).Port, port)
	return ln, nil
}

// printAddresses prints the preview's URL and, when phones can reach it,
// the LAN URLs and a QR code of the first.
func printAddresses(w io.Writer, bind string, port int, base string) {
	fmt.Fprintf(w, "\n网站预览地址：%s\n", server.LocalURL(bind, port, base))
	lan := server.LANURLs(bind, port, base)
	if len(lan) > 0 {
		fmt.Fprintln(w, "手机预览（手机与电脑连接同一网络，扫码或输入网址）：")
		for _, u := range lan {
			fmt.Fprintf(w, "  %s\n", u)
		}
		if qr, err := server.QRCode(lan[0], colorTerminal(w)); err == nil {
			fmt.Fprint(w, qr)
		}
	} else if bind == "127.0.0.1" || bind == "localhost" || bind == "::1" {
		fmt.Fprintln(w, "（仅本机可访问；手机预览请加 --bind 0.0.0.0）")
	}
	fmt.Fprintln(w, "保存文件后浏览器会自动刷新。按 Ctrl+C 停止预览。")
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
		fmt.Fprintf(&b, "警告 warning: %s\n", w.Error())
	}
	if b.String() != p.last {
		fmt.Fprint(p.w, b.String())
		p.last = b.String()
	}
}
