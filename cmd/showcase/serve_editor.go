package main

import (
	"fmt"
	"io"
	"net/http"
	"net/netip"

	"showcase"
	"showcase/internal/build"
	"showcase/internal/newsroom"
	"showcase/internal/server"
)

// newEditor makes the editor served at <base>/_edit/, or nil with
// --editor=false. Bound to an address other computers reach, it gets a
// token, which only the printed address carries. saved is told of each
// file it writes (the preview's Server.Saved: a page is rebuilt at once).
func newEditor(flags serveFlags, opts build.Options, base string, saved func(rel string)) (http.Handler, string, error) {
	if !flags.editor {
		return nil, "", nil
	}
	token := ""
	if ip, err := netip.ParseAddr(flags.bind); flags.bind != "localhost" && (err != nil || !ip.IsLoopback()) {
		token = newsroom.RandomToken()
	}
	n, err := newsroom.New(newsroom.Options{Build: opts, BasePath: base, Token: token, Saved: saved, Archetypes: showcase.Archetypes()})
	if err != nil {
		return nil, "", err
	}
	return n, token, nil
}

// printEditorAddresses prints where the editor is; the other computers'
// addresses carry the token.
func printEditorAddresses(w io.Writer, bind string, port int, base, token string) {
	fmt.Fprintf(w, "编辑部（在浏览器里写稿、审稿）：%s%s\n", server.LocalURL(bind, port, base), server.EditorPath)
	if token == "" {
		return
	}
	lan := server.LANURLs(bind, port, base)
	if len(lan) == 0 {
		return
	}
	fmt.Fprintln(w, "其他电脑打开编辑部请用下面带令牌的地址（令牌相当于密码，请勿外传）：")
	for _, u := range lan {
		fmt.Fprintf(w, "  %s%s?token=%s\n", u, server.EditorPath, token)
	}
	fmt.Fprintln(w, "手机扫下面的二维码打开编辑部（含令牌）：")
	if qr, err := server.QRCode(lan[0]+server.EditorPath+"?token="+token, colorTerminal(w)); err == nil {
		fmt.Fprint(w, qr)
	}
}
