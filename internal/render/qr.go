package render

import (
	"bytes"
	"encoding/base64"
	"html/template"
	"strconv"
	"strings"
	"sync"

	"showcase/internal/lang"
	"showcase/internal/qrcode"
)

// QRImage is a QR code drawn as an SVG image in a data: URL, so that the
// page needs no other file: <img src="{{ .Src }}" width height>, or
// <img {{ .SrcAttr }} width height>, the same bytes, for which html/template
// need not go over the few thousand characters of the URL again (as it
// does for src="{{ .Src }}" on every page's share QR code).
type QRImage struct {
	SrcAttr       template.HTMLAttr // src="…", escaped (Src is the URL)
	Width, Height int
}

// QR encodes text as a QR code with Hugo's error correction levels (low,
// medium, quartile, high) and scale (pixels per module, at least 2).
func QR(text any, level any, scale any) (*QRImage, error) {
	t := toString(text)
	if t == "" {
		return nil, lang.Errorf("二维码缺少要编码的文字（text）", "qr: no text to encode")
	}
	levels := map[string]qrcode.Level{"low": qrcode.Low, "medium": qrcode.Medium, "quartile": qrcode.Quartile, "high": qrcode.High}
	lv, ok := levels[toString(level)]
	if toString(level) == "" {
		lv, ok = qrcode.Medium, true
	}
	if !ok {
		return nil, lang.Errorf("二维码的纠错级别只能是 low、medium、quartile 或 high", "qr: level %q is not low, medium, quartile or high", toString(level))
	}
	px := 4
	if s := toString(scale); s != "" {
		n, err := toIntE(scale)
		if err != nil || n < 2 {
			return nil, lang.Errorf("二维码的 scale 须为不小于 2 的整数", "qr: scale %q is not an integer of at least 2", s)
		}
		px = n
	}
	// the buffer holds the path of the symbol's dark modules, then the
	// SVG around a copy of it, then the SVG's base64
	pooled := svgBuffers.Get().(*[]byte)
	defer svgBuffers.Put(pooled)
	buf := (*pooled)[:0]
	n, err := qrcode.Runs(t, lv, func(x, y, run int) {
		// M{x} {y}h{run}v1h-{run}z
		buf = appendSmall(append(buf, 'M'), x)
		buf = appendSmall(append(buf, ' '), y)
		buf = appendSmall(append(buf, 'h'), run)
		buf = appendSmall(append(buf, "v1h-"...), run)
		buf = append(buf, 'z')
	})
	if err != nil {
		return nil, lang.Errorf("无法生成二维码", "qr: %v", err)
	}
	path := len(buf)
	buf = append(buf, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `...)
	buf = strconv.AppendInt(buf, int64(n), 10)
	buf = append(buf, ' ')
	buf = strconv.AppendInt(buf, int64(n), 10)
	buf = append(buf, `" shape-rendering="crispEdges"><rect width="`...)
	buf = strconv.AppendInt(buf, int64(n), 10)
	buf = append(buf, `" height="`...)
	buf = strconv.AppendInt(buf, int64(n), 10)
	buf = append(buf, `" fill="#fff"/><path d="`...)
	buf = append(buf, buf[:path]...)
	buf = append(buf, `" fill="#000"/></svg>`...)
	end := len(buf)
	buf = base64.StdEncoding.AppendEncode(buf, buf[path:])
	*pooled = buf
	return &QRImage{SrcAttr: srcAttr(buf[end:]), Width: n * px, Height: n * px}, nil
}

// appendSmall appends v ≥ 0 in decimal: the numbers of a symbol's path,
// mostly below 100, are written without strconv's generality.
func appendSmall(b []byte, v int) []byte {
	switch {
	case v < 10:
		return append(b, byte('0'+v))
	case v < 100:
		return append(b, byte('0'+v/10), byte('0'+v%10))
	}
	return strconv.AppendInt(b, int64(v), 10)
}

// Src is the QR code's data: URL.
func (q *QRImage) Src() template.URL {
	src := strings.TrimSuffix(strings.TrimPrefix(string(q.SrcAttr), `src="`), `"`)
	return template.URL(strings.ReplaceAll(src, "&#43;", "+"))
}

// svgBuffers hold the path of a QR code, its SVG and the SVG's base64.
var svgBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 16384); return &b }}

// srcAttr is src="…" of the data: URL of an SVG's base64 as html/template
// writes src="{{ .Src }}": the characters of the URL are left as they are
// but for +, which it writes &#43;.
func srcAttr(b64 []byte) template.HTMLAttr {
	const head = `src="data:image/svg&#43;xml;base64,`
	var out strings.Builder
	out.Grow(len(head) + len(b64) + 4*bytes.Count(b64, []byte("+")) + 1)
	out.WriteString(head)
	for {
		i := bytes.IndexByte(b64, '+')
		if i < 0 {
			break
		}
		out.Write(b64[:i])
		out.WriteString("&#43;")
		b64 = b64[i+1:]
	}
	out.Write(b64)
	out.WriteByte('"')
	return template.HTMLAttr(out.String())
}
