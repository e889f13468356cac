package importer

import (
	"strings"
	"testing"
)

// BenchmarkHostileDocx imports Word files shaped to be slow, each just
// under the limits (or just over, where the error is the answer):
//
//	go test ./internal/importer -run '^$' -bench HostileDocx -benchtime 1x
func BenchmarkHostileDocx(b *testing.B) {
	pngData, _ := testPictures(b)
	for _, c := range []struct{ name, body string }{
		{"nested-2M", strings.Repeat("<w:sdt>", 2_000_000)},
		{"empty-paragraphs-480k", strings.Repeat("<w:p/>", 480_000)},
		{"text-fragments-400k", "<w:p><w:r><w:t>" + strings.Repeat("文<!---->", 400_000) + "</w:t></w:r></w:p>"},
		{"bold-and-plain-runs-120k", "<w:p>" + strings.Repeat("<w:r><w:t>文字</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>文字</w:t></w:r>", 60_000) + "</w:p>"},
		{"links-80k", "<w:p>" + strings.Repeat(`<w:hyperlink r:id="rId8"><w:r><w:t>文字</w:t></w:r></w:hyperlink><w:r><w:t>x</w:t></w:r>`, 80_000) + "</w:p>"},
		{"annotated-text-1MB", para("", strings.Repeat("學校(xué xiào)*[", 50_000))},
		{"pictures-100k", "<w:p>" + strings.Repeat(`<w:r><w:drawing><a:blip r:embed="rId5"/></w:drawing></w:r>`, 100_000) + "</w:p>"},
		{"nested-tables-8", strings.Repeat("<w:tbl><w:tr><w:tc>", 8) + strings.Repeat(para("", "深"), 120_000) + strings.Repeat("</w:tc></w:tr></w:tbl>", 8)},
		{"attributes-2.7M", "<w:p " + strings.Repeat(`a="b" `, 2_700_000) + "/>"},
		{"attributes-490k", strings.Repeat("<w:p "+strings.Repeat(`a="b" `, 10_000)+"/>", 49)},
	} {
		data := docxFile(b, c.body, map[string][]byte{"image1.png": pngData})
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Import("来稿.docx", data, Options{})
			}
		})
	}
}
