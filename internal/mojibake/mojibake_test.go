package mojibake

import "testing"

func TestFind(t *testing.T) {
	tests := []struct {
		in   string
		want []string
		sure bool
	}{
		{"推进“示范?!薄皹?biāo)杆院系”和", []string{"?!薄皹?biāo)"}, true},
		{"抓住创建“示范?!钡臋C(jī)遇,坚持", []string{"?!钡臋C(jī)"}, true},
		{"党建“示范?!鄙陥?bào)过程", []string{"?!鄙陥?bào)"}, true},
		{"锟斤拷锟斤拷", []string{"锟斤拷", "锟斤拷"}, true},
		{"鈥滃弻鍒涒€", []string{"鈥"}, true},
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
