package mojibake

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestFind(t *testing.T) {
	tests := []struct {
		in   string
		want []string
		sure bool
	}{
		{"推进“示范?!薄皹?biāo)杆院系”和", []string{"?!薄皹?biāo)"}, true},
		{"抓住创建“示范?!钡臋C(jī)遇,坚持", []string{"?!钡臋C(jī)"}, true},
		{"党建“示范?!鄙陥?bào)过程", []string{"?!鄙陥?bào)"}, true},
		{"锟斤拷锟斤拷", []string{"锟斤拷锟斤拷"}, true},
		{"鈥滃弻鍒涒€", []string{"鈥滃弻鍒涒€"}, true},
		{"It鈥檚 done", []string{"鈥檚"}, true},
		{"你知道吗?", []string{"?"}, false},
		{"普通文本(党总支)和 What? 5G实验室", nil, false},
	}
	for _, tt := range tests {
		got := Find(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("Find(%q) = %+v, want %q", tt.in, got, tt.want)
			continue
		}
		for i, g := range got {
			if g.Text != tt.want[i] || g.Sure != tt.sure {
				t.Errorf("Find(%q)[%d] = %q sure=%v, want %q sure=%v", tt.in, i, g.Text, g.Sure, tt.want[i], tt.sure)
			}
		}
	}
}

func TestFindLines(t *testing.T) {
	got := Find("第一行\n第二行示范?!薄皹")
	if len(got) != 1 || got[0].Line != 2 || got[0].Column != 6 {
		t.Errorf("got %+v, want line 2 column 6", got)
	}
}

// garble is what a correspondent's mail program makes of UTF-8 text when
// it reads it as GBK.
func garble(t testing.TB, s string) string {
	out, err := simplifiedchinese.GBK.NewDecoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestFindUTF8ReadAsGBK: real mojibake, made by reading UTF-8 as GBK, is
// found, all of it or nearly, in a line of its own and inside good text.
func TestFindUTF8ReadAsGBK(t *testing.T) {
	for _, text := range []string{
		"学校召开“双创”推进会，部署下一阶段工作。",
		"党支部书记在讲话中指出：要坚持标准、狠抓落实。",
		"“七个有力”",
		"《关于加强基层党组织建设的意见》",
		"支部组织党员赴革命纪念馆开展主题党日活动",
		"推进会",
		"It’s a test",
	} {
		g := garble(t, text)
		spots := Find(g)
		covered := 0
		for _, s := range spots {
			if !s.Sure {
				t.Errorf("%q garbled %q: spot %q not sure", text, g, s.Text)
			}
			covered += utf8.RuneCountInString(s.Text)
		}
		garbled := 0 // its characters beyond ASCII
		for _, r := range g {
			if r >= utf8.RuneSelf {
				garbled++
			}
		}
		if len(spots) == 0 || covered*10 < garbled*7 {
			t.Errorf("%q garbled %q: found %+v, want most of its %d characters", text, g, spots, garbled)
		}
		inside := "各支部认真学习。" + g + "会议要求全体党员参加。"
		if spots := Find(inside); len(spots) == 0 || strings.Contains(spots[0].Text, "各支部") || strings.Contains(spots[len(spots)-1].Text, "全体党员") {
			t.Errorf("inside good text %q: %+v", inside, spots)
		}
	}
}

// TestGoodTextWithRareCharacters: 锛, 銆, 鈥 and other characters mojibake
// is made of are real characters too; alone in good prose they are not
// mojibake (lines from the 10,000-page corpus, which flagged 549 such).
func TestGoodTextWithRareCharacters(t *testing.T) {
	for _, text := range []string{
		"分利益西北。习俗和是锛，一般了称，等不少列",
		"先后此人假鈥学生是销售派遣。",
		"意义误，武器一面擦开銆，吗没有时期糍粑，即",
		"园，边境武汉市据航空锛，方面进初情哈尼。",
		"参观对，都真正有再药物紝脸庞。",
		"交付首页福井促使汉族江鎮，文自己龙改变北平不使",
		"种廷起，便砰温暖郝心里紝应该今天，在工笔市中",
		"鈥 銆 锛",
		"他姓鈥，名叫銆锛。",
		"学校召开“双创”推进会，部署下一阶段工作。",
	} {
		if spots := Find(text); len(spots) > 0 {
			t.Errorf("Find(%q) = %+v, want nothing", text, spots)
		}
	}
}

// FuzzFind: Find never panics, its spots lie on their line at their
// column, and a Chinese text read as GBK is always found.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"推进“示范?!薄皹?biāo)杆院系”", "锟斤拷", "鈥滃弻鍒涒€", "你知道吗?", "分利益西北。习俗和是锛，一般", "a\nb?c", "学校召开“双创”推进会，部署下一阶段工作。"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Split(s, "\n")
		for _, g := range Find(s) {
			if g.Line < 1 || g.Line > len(lines) || g.Text == "" {
				t.Fatalf("Find(%q): bad spot %+v", s, g)
			}
			rs := []rune(lines[g.Line-1])
			if g.Column < 1 || !strings.HasPrefix(string(rs[g.Column-1:]), g.Text) || !strings.Contains(g.Context, g.Text) {
				t.Fatalf("Find(%q): spot %+v is not at its place", s, g)
			}
		}
		// ten or more Chinese characters in a row, read as GBK, are found
		han := 0
		for _, r := range s {
			if !unicode.Is(unicode.Han, r) || gbkCode(r) == 0 {
				return
			}
			han++
		}
		if han >= 10 && !utf8.ValidString(s) {
			return
		}
		if han >= 10 {
			g := garble(t, s)
			if spots := Find(g); len(spots) == 0 || !spots[0].Sure {
				t.Fatalf("%q read as GBK, %q, not found: %+v", s, g, spots)
			}
		}
	})
}

// TestRandomTexts: texts drawn from a news item's characters, with the
// characters mojibake is made of dropped in one at a time, are never
// flagged; the same texts read as GBK always are.
func TestRandomTexts(t *testing.T) {
	pool := []rune("学校召开双创推进会部署下一阶段工作党支部书记在讲话中指出要坚持标准狠抓落实组织党员赴革命纪念馆开展主题党日活动，。、“”：")
	rare := []rune("鈥銆锛紝鎮檚屾傛")
	rnd := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 500; n++ {
		rs := make([]rune, 10+rnd.IntN(30))
		for i := range rs {
			rs[i] = pool[rnd.IntN(len(pool))]
		}
		good := append([]rune(nil), rs...)
		good[rnd.IntN(len(good))] = rare[rnd.IntN(len(rare))]
		if spots := Find(string(good)); len(spots) > 0 {
			t.Errorf("Find(%q) = %+v, want nothing", string(good), spots)
		}
		g := garble(t, string(rs))
		covered := 0
		for _, s := range Find(g) {
			covered += utf8.RuneCountInString(s.Text)
		}
		if covered*2 < utf8.RuneCountInString(g) {
			t.Errorf("%q read as GBK, %q: found %d of its characters", string(rs), g, covered)
		}
	}
}

// BenchmarkFind: a page of good Chinese prose, the common case of check.
func BenchmarkFind(b *testing.B) {
	text := strings.Repeat("学校召开“双创”推进会，部署下一阶段工作。党支部书记在讲话中指出：要坚持标准、狠抓落实。\n\nSome English, 2025-10-26.\n", 40)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text)
	}
}
