package archetype

import (
	"testing"
	"testing/fstest"

	"showcase"
	"showcase/internal/lang"
)

// TestMessagesInBothLanguages: an unknown kind, a folder without photos
// and a photo's time read Chinese first (dates as 2026年3月5日), English
// alone with --lang en. No test of this package runs in parallel.
func TestMessagesInBothLanguages(t *testing.T) {
	messages := func() []string {
		_, err := Render(showcase.Archetypes(), Page{Kind: "notice", Title: "x", Date: day}, "x")
		_, _, none := AlbumPhotos(fstest.MapFS{"x.txt": {}})
		photos, _, _ := AlbumPhotos(fstest.MapFS{"a.jpg": {Data: []byte("not a real jpeg"), ModTime: day}})
		return []string{err.Error(), none.Error(), photos[0].Taken}
	}
	for _, c := range []struct {
		english bool
		want    []string
	}{
		{false, []string{
			"没有“notice”这种稿件类型：请写 news（新闻）、case（案例）、album（图集）或 branch（支部），或在网站中加上模板 archetypes/notice.md (no archetype for \"notice\": use news, case, album or branch, or add archetypes/notice.md to the site)",
			"这个文件夹里没有照片（.jpg、.png、.webp、.gif）：请确认选对了文件夹 (no photos (.jpg, .png, .webp, .gif) in the folder)",
			"2026年3月5日 09:30（文件修改时间，照片里没有拍摄时间）"}},
		{true, []string{
			"no archetype for \"notice\": use news, case, album or branch, or add archetypes/notice.md to the site",
			"no photos (.jpg, .png, .webp, .gif) in the folder",
			"2026-03-05 09:30 (the file's time: the photo does not say when it was taken)"}},
	} {
		lang.SetEnglish(c.english)
		t.Cleanup(func() { lang.SetEnglish(false) })
		for i, got := range messages() {
			if got != c.want[i] {
				t.Errorf("english=%v:\n got %s\nwant %s", c.english, got, c.want[i])
			}
		}
	}
}
