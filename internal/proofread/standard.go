package proofread

import "slices"

// Standard returns the built-in list of standard word forms: variants
// that 《第一批异形词整理表》 (GF 1001-2001) or 《现代汉语词典》 ranks below
// another form, and set phrases commonly mistyped. OpenCC, which the
// importer runs, corrects none of them. Each wrong form is one no right
// text contains, or is guarded by its exceptions (著力 is left alone in
// 显著力量, 做为 in 当做为).
func Standard() []WordVariant { return slices.Clone(standard) }

var standard = []WordVariant{
	// 异形词 and the dictionary's preferred forms
	{Wrong: "著力", Right: "着力", Except: []string{"显著", "卓著", "昭著", "编著", "名著", "专著", "原著", "巨著", "译著", "遗著", "合著", "论著", "土著", "新著", "拙著", "撰著", "大著"}},
	{Wrong: "做为", Right: "作为", Except: []string{"当做", "看做", "叫做", "比做", "装做", "算做", "称做", "认做", "视做", "用做", "化做", "读做", "写做", "为难", "为人", "为民", "为群众", "为师生", "为大家", "为他", "为她", "为我", "为你", "为自己", "为国", "为党", "为社会"}},
	{Wrong: "惟一", Right: "唯一"},
	{Wrong: "参预", Right: "参与"},
	{Wrong: "直接了当", Right: "直截了当"},
	{Wrong: "必恭必敬", Right: "毕恭毕敬"},
	{Wrong: "丰富多采", Right: "丰富多彩"},
	{Wrong: "出谋画策", Right: "出谋划策"},
	{Wrong: "布署", Right: "部署", Except: []string{"署名", "署长", "署理"}},
	// set phrases commonly mistyped
	{Wrong: "再接再励", Right: "再接再厉"},
	{Wrong: "相辅相承", Right: "相辅相成"},
	{Wrong: "一如继往", Right: "一如既往"},
	{Wrong: "迫不急待", Right: "迫不及待"},
	{Wrong: "按步就班", Right: "按部就班"},
	{Wrong: "默守成规", Right: "墨守成规"},
	{Wrong: "走头无路", Right: "走投无路"},
	{Wrong: "变本加利", Right: "变本加厉"},
	{Wrong: "既往不究", Right: "既往不咎"},
	{Wrong: "美仑美奂", Right: "美轮美奂"},
	{Wrong: "穿流不息", Right: "川流不息"},
	{Wrong: "莫明其妙", Right: "莫名其妙"},
	{Wrong: "委屈求全", Right: "委曲求全"},
	{Wrong: "渲泄", Right: "宣泄"},
	{Wrong: "迫在眉捷", Right: "迫在眉睫"},
	{Wrong: "砥励", Right: "砥砺"},
	{Wrong: "竞竞业业", Right: "兢兢业业"},
	{Wrong: "一以惯之", Right: "一以贯之"},
	{Wrong: "鞠躬尽粹", Right: "鞠躬尽瘁"},
}
