// Command showcase builds a Chinese campus Party-building publicity site
// ("双创" showcase) from Markdown content.
//
//	showcase build [-s DIR] [-d DIR] [-b URL] [-D] [-F] [-E]
//	showcase version
//
// Run "showcase help" for the full usage.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	flag "github.com/spf13/pflag"

	"showcase"
	"showcase/internal/build"
	"showcase/internal/dates"
	"showcase/internal/diag"
	"showcase/internal/lang"
)

const usage = `showcase —— 党建“双创”宣传网站生成器

用法：
  showcase build [选项]        生成网站，放进 public/ 文件夹
  showcase serve [选项]        预览网站：保存稿件后浏览器自动刷新
  showcase deploy [选项]       发布到学校服务器
  showcase new 类别 标题       新建稿件，类别：news（新闻）、case（案例）、album（图集）、branch（支部）
  showcase import 文件         导入来稿（Word .docx、.html 或 .txt）
  showcase check [选项]        发布前检查
  showcase version             显示版本
  showcase help                显示本说明

每个命令后加 -h 可看它的全部选项；加 --lang en 则所有提示只用英文（LANG 为英文时也是）。

build 的选项：
  -s, --source 文件夹          网站文件夹（默认为当前文件夹 "."）
  -d, --destination 文件夹     生成到哪个文件夹（默认为网站文件夹中的 public）
  -b, --baseURL 网址           临时替换 site.toml 中的 baseURL
  -D, --buildDrafts            包含草稿
  -F, --buildFuture            包含日期在未来的稿件
  -E, --buildExpired           包含已过期的稿件
  -q, --quiet                  只显示错误
      --strict                 先运行 showcase check，有错误则不生成
`

const usageEn = `showcase — a static site generator for campus Party-building publicity

Usage:
  showcase build [flags]    build the site into public/
  showcase serve            preview with live reload
  showcase deploy           publish to the campus host
  showcase new KIND TITLE   a new page from an archetype: news, case, album, branch
  showcase import FILE      a Word, HTML or text file as a page
  showcase check            the review gate before publishing
  showcase version          print the version
  showcase help             this text

Every command takes -h for its flags, and --lang en for messages in English
alone (also when LANG is English).

Flags of build:
  -s, --source DIR          the site folder (default ".")
  -d, --destination DIR     the output folder (default SOURCE/public)
  -b, --baseURL URL         override site.toml's baseURL
  -D, --buildDrafts         include drafts
  -F, --buildFuture         include pages dated in the future
  -E, --buildExpired        include expired pages
  -q, --quiet               print errors only
      --strict              run "showcase check" first and stop on its errors
`

func main() {
	// messages in English alone when the locale is English; --lang wins
	english, _ := lang.Choose("", os.Getenv)
	lang.SetEnglish(english)
	stopProfile := startProfile(os.Stderr)
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	stopProfile()
	if len(os.Args) == 1 && startedByExplorer() {
		explorerPause(os.Stderr, os.Stdin)
	}
	os.Exit(code)
}

func run(args []string, stdout, stderr io.Writer) int {
	langFromArgs(args)
	if len(args) == 0 {
		fmt.Fprint(stderr, localUsage(usage))
		return 2
	}
	switch args[0] {
	case "build":
		return runBuild(args[1:], stdout, stderr)
	case "serve", "server":
		return runServe(args[1:], stdout, stderr)
	case "deploy":
		return runDeploy(args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr)
	case "import":
		return runImport(args[1:], stdout, stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "version", "--version", "-v":
		return runVersion(stdout)
	case "help", "--help", "-h":
		fmt.Fprint(stdout, localUsage(usage))
		return 0
	}
	fmt.Fprintf(stderr, "showcase: %s\n\n%s", lang.Sprintf("没有 %q 这个命令", "unknown command %q", args[0]), localUsage(usage))
	return 2
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := commandFlags("build", usage, stderr)
	source := fs.StringP("source", "s", ".", "")
	dest := fs.StringP("destination", "d", "", "")
	base := fs.StringP("baseURL", "b", "", "")
	drafts := fs.BoolP("buildDrafts", "D", false, "")
	future := fs.BoolP("buildFuture", "F", false, "")
	expired := fs.BoolP("buildExpired", "E", false, "")
	quiet := fs.BoolP("quiet", "q", false, "")
	strict := fs.Bool("strict", false, "")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "showcase build: %s\n", lang.Sprintf("多余的参数 %q：网站文件夹请用 -s 指定", "unexpected argument %q", fs.Arg(0)))
		return 2
	}
	if *dest == "" {
		*dest = filepath.Join(*source, "public")
	}
	if *strict {
		if err := siteCheckGate(*source, stderr, true); err != nil {
			fmt.Fprintf(stderr, "showcase: %v\n", err)
			return 1
		}
	}
	collectLessOften()
	res, err := build.Build(build.Options{
		Source: *source, Destination: *dest, BaseURL: *base,
		Drafts: *drafts, Future: *future, Expired: *expired, Theme: showcase.Theme(),
	})
	if res != nil && !*quiet {
		for _, w := range res.Warnings {
			fmt.Fprintf(stderr, "%s %s\n", lang.Say("警告", "warning:"), w.Error())
		}
	}
	if err != nil {
		var f *diag.Failure
		if errors.As(err, &f) {
			for _, p := range f.Problems {
				fmt.Fprintln(stderr, p.Error())
			}
			fmt.Fprintln(stderr, lang.Sprintf("生成失败：共 %[1]d 处错误，请按上面的提示修改；%[2]s 中原有的网站没有改动",
				"build failed with %[1]d error(s); %[2]s was left as it was", len(f.Problems), *dest))
		} else {
			fmt.Fprintf(stderr, "showcase: %v\n", err)
		}
		return 1
	}
	if !*quiet {
		fmt.Fprintln(stdout, lang.Say("已生成网站：%[1]d 个页面，共 %[3]d 个文件（%[4]d 个有变化），在 %[2]s 中，用时 %[6]s",
			"built %d pages into %s: %d files (%d written, %d unchanged) in %s",
			res.Pages, *dest, res.Files, res.Written, res.Linked, res.Took.Round(1e6)))
	}
	return 0
}

// commandFlags is the flag set of a command; -h prints the command's usage.
func commandFlags(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, localUsage(usage)) }
	fs.String("lang", "", "")
	return fs
}

// parseFlags parses a command's arguments. When it says false the command
// ends with the status it gives: 0 after -h, 2 after a bad flag (said on
// the flag set's output, with the usage).
func parseFlags(fs *flag.FlagSet, args []string) (int, bool) {
	langFromArgs(args)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		fmt.Fprintf(fs.Output(), "showcase %s: %s\n\n", fs.Name(), lang.Sprintf("选项写法有误，请对照下面的说明", "%v", err))
		fs.Usage()
		return 2, false
	}
	if !takeLang(fs) {
		return 2, false
	}
	fixPathFlags(fs, windowsArgs)
	return 0, true
}

// takeLang applies a parsed --lang flag (zh or en): the language of the
// messages from here on. It says false, on the flag set's output, for a
// language it does not know.
func takeLang(fs *flag.FlagSet) bool {
	f := fs.Lookup("lang")
	if f == nil || !f.Changed {
		return true
	}
	english, err := lang.Choose(f.Value.String(), func(string) string { return "" })
	if err != nil {
		fmt.Fprintf(fs.Output(), "showcase %s: %v\n", fs.Name(), err)
		return false
	}
	lang.SetEnglish(english)
	return true
}

// parseDateFlag reads the --date of command cmd (2025-10-26 or
// "2025-10-26 11:30"); a value that is not a date is reported on stderr.
func parseDateFlag(cmd, value string, stderr io.Writer) (time.Time, bool) {
	d, ok := dates.Parse(value)
	if !ok {
		fmt.Fprintf(stderr, "showcase %s: %s\n", cmd, lang.Sprintf("日期 %[1]q 无法识别（--date），请写成 2025-10-26 或 \"2025-10-26 09:30\"", "--date %[1]q is not a date such as 2025-10-26", value))
	}
	return d, ok
}
