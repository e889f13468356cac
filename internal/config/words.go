package config

import (
	"sort"
	"strings"

	"showcase/internal/diag"
)

// Check configures "showcase check" ([check] in site.toml).
type Check struct {
	Words Words
}

// Words is the site's word list, [check.words] in site.toml:
//
//	[check.words]
//	forbidden = ["某某"]        # 禁用词：出现即为错误，须删改
//	sensitive = ["某某某"]      # 敏感词：提示人工核对（警告）
//	defaults = true             # 同时使用内置的规范词形表（著力→着力 等），默认 true
//
//	[check.words.standard]      # 固定表述："正确写法" = ["错误写法", …]
//	"两个维护" = ["两个捍卫"]   # 错误写法为错误；showcase check --fix 自动改正
//
// check looks for the words in the text of every page (not in code or
// URLs) and in its front matter.
type Words struct {
	Forbidden []string
	Sensitive []string
	// Standard maps each fixed phrasing to its wrong variants.
	Standard map[string][]string
	// Defaults adds the built-in list of standard word forms.
	Defaults bool
}

// StandardList returns Standard as (right, wrong) pairs, sorted.
func (w Words) StandardList() [][2]string {
	var out [][2]string
	for right, wrongs := range w.Standard {
		for _, wrong := range wrongs {
			out = append(out, [2]string{right, wrong})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i][1] != out[j][1] {
			return out[i][1] < out[j][1]
		}
		return out[i][0] < out[j][0]
	})
	return out
}

// rawCheck mirrors [check] as written.
type rawCheck struct {
	Words struct {
		Forbidden []string            `toml:"forbidden"`
		Sensitive []string            `toml:"sensitive"`
		Standard  map[string][]string `toml:"standard"`
		Defaults  *bool               `toml:"defaults"`
	} `toml:"words"`
}

func (r rawCheck) resolve(file string) (Check, error) {
	raw := r.Words
	w := Words{Defaults: raw.Defaults == nil || *raw.Defaults, Standard: map[string][]string{}}
	var err error
	if w.Forbidden, err = wordList(file, "forbidden", raw.Forbidden); err != nil {
		return Check{}, err
	}
	if w.Sensitive, err = wordList(file, "sensitive", raw.Sensitive); err != nil {
		return Check{}, err
	}
	rightOf := map[string]string{}
	for right, wrongs := range raw.Standard {
		right = strings.TrimSpace(right)
		if right == "" {
			return Check{}, diag.Errorf(file, 0, "[check.words.standard] 中有空的正确写法（an empty right form）")
		}
		list, err := wordList(file, "standard."+right, wrongs)
		if err != nil {
			return Check{}, err
		}
		for _, wrong := range list {
			switch other, dup := rightOf[wrong]; {
			case wrong == right:
				return Check{}, diag.Errorf(file, 0, "[check.words.standard] “%s”的错误写法与正确写法相同（the wrong form equals the right one）", right)
			case dup && other != right:
				return Check{}, diag.Errorf(file, 0, "[check.words.standard] 错误写法“%s”同时列在“%s”和“%s”下，无法确定改成哪个（a wrong form listed under two right forms）", wrong, other, right)
			}
			rightOf[wrong] = right
		}
		w.Standard[right] = append(w.Standard[right], list...)
	}
	return Check{Words: w}, nil
}

// wordList trims the words of a list and refuses empty ones.
func wordList(file, key string, words []string) ([]string, error) {
	var out []string
	for _, word := range words {
		word = strings.TrimSpace(word)
		if word == "" {
			return nil, diag.Errorf(file, 0, "[check.words] %s 中有空词，请删去（an empty word）", key)
		}
		out = append(out, word)
	}
	return out, nil
}
