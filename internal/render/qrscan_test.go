package render

import (
	"encoding/base64"
	"image"
	"image/color"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// scanQR draws the dark modules of a QR image's SVG path (M x y h run …)
// as 4×4 pixels and reads them with ZXing's decoder, as a phone would.
func scanQR(t *testing.T, img *QRImage) string {
	t.Helper()
	svg, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(string(img.Src()), "data:image/svg+xml;base64,"))
	if err != nil {
		t.Fatal(err)
	}
	n := regexp.MustCompile(`viewBox="0 0 (\d+) `).FindSubmatch(svg)
	if n == nil {
		t.Fatalf("no viewBox: %.80s", svg)
	}
	size, _ := strconv.Atoi(string(n[1]))
	const px = 4
	pic := image.NewGray(image.Rect(0, 0, size*px, size*px))
	for i := range pic.Pix {
		pic.Pix[i] = 255
	}
	for _, m := range regexp.MustCompile(`M(\d+) (\d+)h(\d+)`).FindAllSubmatch(svg, -1) {
		x, _ := strconv.Atoi(string(m[1]))
		y, _ := strconv.Atoi(string(m[2]))
		run, _ := strconv.Atoi(string(m[3]))
		for dx := 0; dx < run*px; dx++ {
			for dy := 0; dy < px; dy++ {
				pic.SetGray(x*px+dx, y*px+dy, color.Gray{})
			}
		}
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(pic)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Errorf("the QR code does not scan: %v", err)
		return ""
	}
	return res.GetText()
}
