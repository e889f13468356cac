package render

import (
	"encoding/base64"
	"fmt"
	"html/template"
	"strconv"

	"showcase/internal/lang"
	"showcase/internal/qrcode"
)

// QRImage is a QR code drawn as an SVG image in a data: URL, so that the
// page needs no other file: <img src="{{ .Src }}" width height>.
type QRImage struct {
	Src           template.URL
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
	bits, err := qrcode.Encode(t, lv) // with its quiet zone
	if err != nil {
		return nil, lang.Errorf("无法生成二维码", "qr: %v", err)
	}
	n := len(bits)
	var d []byte
	for y, row := range bits {
		for x := 0; x < len(row); x++ {
			if !row[x] {
				continue
			}
			run := 1
			for x+run < len(row) && row[x+run] {
				run++
			}
			// M{x} {y}h{run}v1h-{run}z
			d = append(d, 'M')
			d = strconv.AppendInt(d, int64(x), 10)
			d = append(d, ' ')
			d = strconv.AppendInt(d, int64(y), 10)
			d = append(d, 'h')
			d = strconv.AppendInt(d, int64(run), 10)
			d = append(d, "v1h-"...)
			d = strconv.AppendInt(d, int64(run), 10)
			d = append(d, 'z')
			x += run
		}
	}
	svg := fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" shape-rendering="crispEdges"><rect width="%d" height="%d" fill="#fff"/><path d="%s" fill="#000"/></svg>`,
		n, n, n, n, d)
	return &QRImage{
		Src:   template.URL("data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString([]byte(svg))),
		Width: n * px, Height: n * px,
	}, nil
}
