#!/usr/bin/env bash
# Try the Windows release as a Windows user would, under Wine: the archive
# unpacked into a folder whose path has Chinese and a space (D:\宣传 资料),
# then version, build -s "D:\…", new, check, import (Word, Notepad text,
# GBK text), files saved by Notepad (CRLF, BOM, GBK), deploy to
# file:///D:/… and D:\…, a file renamed only in case, serve (fetched from
# Linux with curl), the archive's .bat, and the Windows-only tests. Each
# step prints ok or FAIL; the exit status is the number of failures.
#
#   bench/wine.sh                 (about two minutes)
#
# Needs wine (Debian: apt-get install -y wine wine64), unzip, curl, script.
# Environment:
#   WINEPREFIX  the Wine prefix to use (default ~/.wine-showcase; made on
#               first use, about 10 s)
#   WORK        the Linux folder mapped as drive D: (default /tmp/showcase-wine)
#   PORT        the preview's port (default 18313)
#
# Wine 8 (Debian bookworm) lacks two things real Windows 10 and later have,
# which this script works around or reports as Wine's:
#   - bcryptprimitives.dll (Go programs call its ProcessPrng at start): a
#     forwarding stub is written by bench/wine/bcryptprimitives.go;
#   - cmd.exe reads a .bat in the ANSI code page whatever chcp says (Windows'
#     cmd reads each line in the code page chcp set), and leaves a for
#     loop's %%d as it is in a bracketed body: the archive's 预览示例网站.bat
#     is ASCII and finds its site in one line, which both read alike.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export WINEPREFIX=${WINEPREFIX:-$HOME/.wine-showcase}
export WINEDEBUG=-all
WORK=${WORK:-/tmp/showcase-wine}
PORT=${PORT:-18313}
D=$WORK/d                         # drive D:
TOP="$D/宣传 资料"                 # where the archive is unpacked
SITE="$TOP/示例网站"               # the site the steps work on
WSITE='D:\宣传 资料\示例网站'      # … as Windows writes it
OUT=$WORK/out                     # command output of the last step
failed=0

for tool in wine unzip curl script go; do
	command -v "$tool" >/dev/null || { echo "wine.sh: $tool is missing (apt-get install -y wine wine64 unzip curl bsdutils)" >&2; exit 2; }
done

ok() { echo "ok    $*"; }
fail() {
	echo "FAIL  $*"
	sed 's/^/      | /' "$OUT" | head -20
	failed=$((failed + 1))
}
note() { echo "note  $*"; }

# expect NAME RC TEXT COMMAND…: the command (run where the shell is) ends
# with status RC ("0" or "!0") and its output holds TEXT.
expect() {
	local name=$1 rc=$2 text=$3
	shift 3
	"$@" >"$OUT" 2>&1
	local got=$?
	if { [ "$rc" = 0 ] && [ $got -ne 0 ]; } || { [ "$rc" = '!0' ] && [ $got -eq 0 ]; }; then
		fail "$name (exit status $got)"
	elif ! grep -qF -- "$text" "$OUT"; then
		fail "$name: no \"$text\" in the output"
	else
		ok "$name"
	fi
}

exe() { wine "$TOP/showcase.exe" "$@"; }

# --- Wine prefix, drive D:, the Go runtime's DLL --------------------------
rm -rf "$WORK" && mkdir -p "$D" || exit 2
if [ ! -d "$WINEPREFIX/drive_c" ]; then
	wineboot -i >/dev/null 2>&1 || { echo "wine.sh: wineboot failed" >&2; exit 2; }
fi
ln -sfn "$D" "$WINEPREFIX/dosdevices/d:"
dll="$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"
if [ ! -f "$dll" ] || [ -L "$dll" ]; then
	rm -f "$dll"
	(cd "$ROOT" && go run bench/wine/bcryptprimitives.go "$dll") || exit 2
fi

# --- the release archive ---------------------------------------------------
(cd "$ROOT" && go run ./cmd/release -o "$WORK/dist" -only windows/amd64) >"$OUT" 2>&1 || { fail "release"; exit 1; }
mkdir -p "$TOP" && (cd "$TOP" && unzip -q "$WORK"/dist/showcase-*-windows-amd64.zip) || { fail "unzip"; exit 1; }
ARCHIVE=$(echo "$TOP"/showcase-*-windows-amd64)
cp "$ARCHIVE/showcase.exe" "$TOP/" && cp -r "$ARCHIVE/示例网站" "$SITE"
ok "release archive unpacked into D:\\宣传 资料"

cd "$TOP" || exit 2
expect "version" 0 "windows/amd64" exe version
expect "build -s \"$WSITE\"" 0 "已生成网站" exe build -s "$WSITE"
expect "build again (the previous output swapped out)" 0 "已生成网站" exe build -s "$WSITE"
# PowerShell passes a Tab-completed 'D:\…\示例网站\' as D:\…\示例网站"
expect "build -s 'D:\\…\\示例网站\\' from PowerShell" 0 "已生成网站" exe build -s "$WSITE\""
if ls -a "$SITE" | grep -q '^\.public\.building'; then fail "a staging folder was left: $(ls -a "$SITE" | grep building)"; else ok "no staging folder left"; fi

cd "$SITE" || exit 2
expect "new news \"测试稿件\"" 0 'content\news\ce-shi-gao-jian\index.md' exe new news "测试稿件"
expect "check" 0 "检查完毕" exe check

# --- import: Word, Notepad text (BOM, CRLF), GBK text; Chinese, spaced names
mkdir -p "$D/来稿 材料"
python3 - "$D/来稿 材料" <<'EOF'
import sys, zipfile, os
d = sys.argv[1]
w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="%s"><w:body>'
       '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>机械学院党委开展主题党日活动</w:t></w:r></w:p>'
       '<w:p><w:r><w:t>2026年11月20日，机械学院党委组织全体党员赴红色教育基地开展主题党日活动。</w:t></w:r></w:p>'
       '</w:body></w:document>') % w
with zipfile.ZipFile(os.path.join(d, '机械学院 主题党日.docx'), 'w') as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    z.writestr('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    z.writestr('word/document.xml', doc)
t = '外语学院召开教师党支部会议\r\n\r\n2026年11月25日下午，外语学院教师党支部召开支部党员大会。\r\n'
open(os.path.join(d, '外语学院 支部会议.txt'), 'wb').write(b'\xef\xbb\xbf' + t.encode('utf-8'))
g = '化学学院举办党课\r\n\r\n2026年11月26日，化学学院举办专题党课，全体党员参加。\r\n'
open(os.path.join(d, '化学学院 党课.txt'), 'wb').write(g.encode('gbk'))
EOF
expect "import D:\\来稿 材料\\机械学院 主题党日.docx" 0 "标题取自第一段" exe import 'D:\来稿 材料\机械学院 主题党日.docx'
expect "import a Notepad .txt (BOM, CRLF)" 0 'content\news\wai-yu-xue-yuan' exe import 'D:\来稿 材料\外语学院 支部会议.txt'
expect "import a GBK .txt" 0 "文件编码为 GBK/GB18030，已转为 UTF-8" exe import 'D:\来稿 材料\化学学院 党课.txt'

# --- files as Notepad saves them -------------------------------------------
python3 - "$SITE" <<'EOF'
import sys, os, glob
site = sys.argv[1]
page = '''+++
title = "记事本保存的稿件"
date = 2026-11-30T10:00:00+08:00
author = "张三"
photographer = "李四"
reviewer = ["王五"]
editor = "赵六"
review = "reviewed"
+++

这是用记事本保存的稿件，换行是 CRLF，文件开头有 BOM。

![合影](主题 党日 合影.JPG)
'''
d = os.path.join(site, 'content', 'news', '记事本 稿件')
os.makedirs(d)
open(os.path.join(d, 'index.md'), 'wb').write(b'\xef\xbb\xbf' + page.replace('\n', '\r\n').encode('utf-8'))
jpg = sorted(glob.glob(os.path.join(site, 'content', 'news', '*', 'cover.jpg')))[0]
open(os.path.join(d, '主题 党日 合影.JPG'), 'wb').write(open(jpg, 'rb').read())
s = open(os.path.join(site, 'site.toml'), 'rb').read().decode('utf-8-sig').replace('\r\n', '\n')
open(os.path.join(site, 'site.toml'), 'wb').write(b'\xef\xbb\xbf' + s.replace('\n', '\r\n').encode('utf-8'))
EOF
expect "build with a CRLF+BOM page and site.toml, a photo named 主题 党日 合影.JPG" 0 "已生成网站" exe build
if grep -q 'alt="合影"' public/news/ji-shi-ben-gao-jian/index.html && grep -q '文件开头有 BOM。' public/news/ji-shi-ben-gao-jian/index.html; then
	ok "the Notepad page has its photo and text"
else
	fail "the Notepad page lacks its photo or text"
fi
mkdir -p "content/news/gbk 稿件"
printf '+++\r\ntitle = "GBK 稿件"\r\ndate = 2026-11-30\r\n+++\r\n正文。\r\n' | iconv -f utf-8 -t gbk >"content/news/gbk 稿件/index.md"
expect "a GBK page: the error names file:line and how to save as UTF-8" '!0' 'content/news/gbk 稿件/index.md:2: 文件不是 UTF-8 编码，可能是 GBK：请用记事本打开，选“另存为”' exe build
rm -r "content/news/gbk 稿件"
cp site.toml "$WORK/site.toml.utf8" && sed '1s/^\xEF\xBB\xBF//' "$WORK/site.toml.utf8" | iconv -f utf-8 -t gbk >site.toml
expect "a GBK site.toml: the same error" '!0' '文件不是 UTF-8 编码，可能是 GBK' exe build
cp "$WORK/site.toml.utf8" site.toml

# --- the same output as on Linux ---------------------------------------------
expect "build into D:\\out-win" 0 "已生成网站" exe build -d 'D:\out-win'
(cd "$ROOT" && go build -o "$WORK/showcase-linux" ./cmd/showcase) && cp -r "$SITE" "$WORK/linux-site" &&
	rm -rf "$WORK/linux-site/.showcase-cache" && "$WORK/showcase-linux" build -q -s "$WORK/linux-site" -d "$WORK/out-linux" >"$OUT" 2>&1
if diff -r "$WORK/out-linux" "$D/out-win" >"$OUT" 2>&1; then ok "the Windows build's output equals the Linux build's"; else fail "Windows and Linux outputs differ"; fi

# --- deploy to a folder, as Windows users write it ---------------------------
mkdir -p "$D/发布/网站"
expect "deploy --target file:///D:/发布/网站" 0 "已发布到 file:///D:/发布/网站" exe deploy --target 'file:///D:/发布/网站'
mkdir -p static/files && echo "通知" >static/files/Tongzhi.TXT
expect "deploy --target D:\\发布\\网站" 0 "已发布到 file:///D:/发布/网站" exe deploy --target 'D:\发布\网站'
mv static/files/Tongzhi.TXT static/files/tongzhi.txt
expect "deploy a file renamed only in case" 0 "已发布到" exe deploy --target 'file://D:/发布/网站'
if [ -f "$D/发布/网站/files/tongzhi.txt" ] || [ -f "$D/发布/网站/files/Tongzhi.TXT" ]; then ok "the renamed file is on the target"; else fail "the file renamed only in case was deleted from the target"; fi

# --- serve, fetched from Linux -------------------------------------------------
wait_for() { # wait_for URL TEXT: up to 30 s for the page to hold TEXT
	for _ in $(seq 60); do
		curl -s "$1" 2>/dev/null | grep -qF -- "$2" && return 0
		sleep 0.5
	done
	return 1
}
timeout 90 wine "$TOP/showcase.exe" serve -s "$WSITE" -p "$PORT" >"$WORK/serve.out" 2>&1 &
serve_pid=$!
if wait_for "http://127.0.0.1:$PORT/dangjian/" "<title>"; then ok "serve: the home page"; else cp "$WORK/serve.out" "$OUT"; fail "serve: no home page"; fi
printf '\r\n预览中修改的一段。\r\n' >>"content/news/记事本 稿件/index.md"
if wait_for "http://127.0.0.1:$PORT/dangjian/news/ji-shi-ben-gao-jian/" "预览中修改的一段。"; then ok "serve: an edit is rebuilt"; else cp "$WORK/serve.out" "$OUT"; fail "serve: the edit never showed"; fi
kill "$serve_pid" 2>/dev/null
wait "$serve_pid" 2>/dev/null

# --- the archive's .bat (cmd needs a console: script gives it a pty) ---------
cd "$ARCHIVE" || exit 2
if curl -s -o /dev/null "http://127.0.0.1:1313/"; then
	note "预览示例网站.bat not tried: port 1313 is taken"
else
timeout 40 script -qc "wine cmd /c 预览示例网站.bat" /dev/null </dev/null >"$WORK/bat.out" 2>&1 &
bat_pid=$!
if wait_for "http://127.0.0.1:1313/dangjian/" "<title>"; then
	ok "预览示例网站.bat serves the demo"
else
	fail "预览示例网站.bat did not start the preview: $(sed 's/\x1b\[[?0-9;]*[a-zA-Z]//g' "$WORK/bat.out" | tr -d '\r' | grep -m1 site.toml)"
fi
kill "$bat_pid" 2>/dev/null
wait "$bat_pid" 2>/dev/null
fi

# --- the tests that need Windows -------------------------------------------------
cd "$ROOT" || exit 2
for t in "internal/robustio:." "internal/deploy:RenamedInCase|OpenPlain|FolderOfURL|PlainFolder|FileURLOf"; do
	pkg=${t%%:*}
	GOOS=windows GOARCH=amd64 go test -c -o "$WORK/test.exe" "./$pkg" >"$OUT" 2>&1 &&
		(cd "$WORK" && wine test.exe -test.run "${t#*:}" -test.v) >"$OUT" 2>&1
	if [ $? -eq 0 ] && grep -q '^PASS' "$OUT"; then ok "go test ./$pkg on Windows ($(grep -c '^--- PASS' "$OUT") passed)"; else fail "go test ./$pkg on Windows"; fi
done

wineserver -k 2>/dev/null
echo "wine.sh: $failed failure(s)"
exit "$failed"
