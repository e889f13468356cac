package newsroom

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"showcase/internal/browsertest"
	"showcase/internal/sitetest"
)

// TestBrowserNewsItemAndReview: a news item made through the form, its body
// typed and seen in the preview, every stage signed, then the ledger.
func TestBrowserNewsItemAndReview(t *testing.T) {
	ctx := browsertest.New(t)
	src, editURL, _ := editorSite(t, map[string]string{
		"content/news/b/index.md": "+++\ntitle = \"旧稿\"\ndate = 2025-01-01\nauthor = \"陈宝\"\ntags = [\"双创\"]\n+++\n",
	})
	run(t, ctx, chromedp.Navigate(editURL+"#/new"))
	waitUntil(t, ctx, "the form shows", `document.querySelector('input[name="title"]') && document.querySelector('datalist#pick-people option[value="陈宝"]')`)
	run(t, ctx,
		chromedp.SendKeys(chromedp.CSS(`input[name="title"]`), "学校召开党建工作会议"),
		chromedp.SendKeys(chromedp.CSS(`input[name="author"]`), "储德丹"),
		chromedp.Click(chromedp.CSS(`form button[type="submit"]`)))
	waitUntil(t, ctx, "the new page opens for editing", `location.hash.startsWith("#/edit") && document.getElementById("body")`)
	file := browsertest.Step(t, ctx, 5*time.Second, chromedp.Evaluate[string](`decodeURIComponent(location.hash.split("file=")[1])`))
	if !strings.HasPrefix(file, "content/news/") {
		t.Fatalf("new file %q", file)
	}
	text := readSite(t, src, file)
	if !strings.Contains(text, `title = "学校召开党建工作会议"`) || !strings.Contains(text, `author = "储德丹"`) {
		t.Fatalf("the new page:\n%s", text)
	}
	run(t, ctx, typeAtEnd("#body", "会议部署了下一阶段工作。"))
	waitUntil(t, ctx, "the preview shows the typed body", previewText+` && `+previewText+`.innerText.includes("会议部署了下一阶段工作。")`)

	for i, stage := range []string{"初审", "复审", "终审"} {
		waitUntil(t, ctx, stage+" can be signed", `[...document.querySelectorAll("button")].some(b => b.textContent === "签署`+stage+`")`)
		run(t, ctx,
			chromedp.SetValue(chromedp.CSS(`input[name="signer"]`), []string{"钱锐", "姚文均", "李锦"}[i]),
			chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll("button")].find(b => b.textContent === "签署`+stage+`").click()`))
		waitUntil(t, ctx, stage+" is signed", `document.querySelector('li[data-stage="`+stage+`"]') && document.querySelector('li[data-stage="`+stage+`"]').textContent.includes("已签署")`)
	}
	waitUntil(t, ctx, "the page is ready to publish", `document.body.innerText.includes("各阶段都已签署")`)
	text = readSite(t, src, file)
	if !strings.Contains(text, `review = "reviewed"`) || !strings.Contains(text, `reviewer = ["钱锐", "姚文均", "李锦"]`) {
		t.Errorf("the signed page:\n%s", text)
	}
	run(t, ctx, chromedp.Navigate(editURL+"#/ledger"))
	waitUntil(t, ctx, "the ledger lists the three sign-offs", `document.querySelectorAll("tbody tr").length === 3 && document.body.innerText.includes("李锦")`)
	if ledger := readSite(t, src, filepath.ToSlash(LedgerFile)); strings.Count(ledger, "学校召开党建工作会议") != 3 {
		t.Errorf("ledger file:\n%s", ledger)
	}
}

// TestBrowserPhoto: a photo chosen in the editor asks for its caption,
// lands in the page's folder under a safe name and shows in the preview.
func TestBrowserPhoto(t *testing.T) {
	ctx := browsertest.New(t)
	src, editURL, _ := editorSite(t, nil)
	photo := filepath.Join(t.TempDir(), "会议 现场.jpg")
	if err := os.WriteFile(photo, sitetest.Image(t, "GEN jpeg 800x600"), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, ctx, chromedp.Navigate(editURL+"#/edit?file=content/news/a/index.md"))
	waitUntil(t, ctx, "the edit view opens", `document.getElementById("photo-input")`)
	run(t, ctx, chromedp.SetUploadFiles(chromedp.CSS(`#photo-input`), []string{photo}))
	waitUntil(t, ctx, "the caption is asked", `document.querySelector('dialog[open] input[name="alt"]')`)
	run(t, ctx, chromedp.SendKeys(chromedp.CSS(`dialog[open] input[name="alt"]`), "党员在会议现场"),
		chromedp.Click(chromedp.CSS(`dialog[open] button[type="submit"]`)))
	waitUntil(t, ctx, "the photo is in the body", `document.getElementById("body").value.includes("![党员在会议现场](hui-yi-xian-chang.jpg)")`)
	waitUntil(t, ctx, "the preview shows the photo", previewText+` && [...`+previewText+`.querySelectorAll("img")].some(i => i.alt === "党员在会议现场" && i.complete && i.naturalWidth > 0)`)
	if _, err := os.Stat(filepath.Join(src, "content/news/a/hui-yi-xian-chang.jpg")); err != nil {
		t.Error(err)
	}
}
