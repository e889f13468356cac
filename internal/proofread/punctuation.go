package proofread

// This file holds the punctuation rules the package doc lists.

// fixPunctuation applies the punctuation and spacing rules to a block
// once and reports whether it changed anything.
func fixPunctuation(b []char) bool {
	changed := false
	for i := range b {
		c := &b[i]
		if c.marker() || c.keep || c.edited() {
			continue
		}
		if to, ok := fullWidth(b, i); ok {
			c.set(to, Punctuation)
			changed = true
		}
	}
	if pairBrackets(b) {
		changed = true
	}
	if dropSpaces(b) {
		changed = true
	}
	return changed
}

// fullWidth returns the full-width form of the ASCII mark b[i], if the
// rules want one there. Brackets are matched in pairs by pairBrackets.
func fullWidth(b []char, i int) (string, bool) {
	left, right := runeBefore(b, i, false), runeAfter(b, i, false)
	switch r := b[i].orig; r {
	case ',', ';', ':':
		if isChinese(runeBefore(b, i, true)) || r != ':' && isASCIIAlnum(left) && isHan(right) {
			return map[rune]string{',': "，", ';': "；", ':': "："}[r], true
		}
	case '!':
		if isChinese(left) && right != '?' && right != '[' {
			return "！", true
		}
	case '?':
		if !isChinese(left) {
			break
		}
		if right == 0 || right == lineBreak || isSpace(right) || right == object || isCJKPunct(right) ||
			right == '"' || right == ')' || isQuestionParticle(left) || asks(b, i) {
			return "？", true
		}
	case '.':
		sentence := isHan(left) && !isNumeral(left) || isClosingBracket(left) || left == '”' || left == '’'
		next := right == 0 || right == lineBreak || isSpace(right) || isHan(right) ||
			isOpeningBracket(right) || isClosingBracket(right) || right == '“' || right == '”' || right == '’'
		if sentence && next {
			return "。", true
		}
	}
	return "", false
}

// asks reports whether the clause before b[i] holds a question word.
func asks(b []char, i int) bool {
	for k, n := i-1, 0; k >= 0 && n < 30; k, n = k-1, n+1 {
		r := b[k].last()
		switch {
		case b[k].deleted():
			continue
		case r == lineBreak || isStop(r) || r == ',' || r == '.' || r == '!' || r == '?' || r == ';':
			return false
		case isQuestionWord(r):
			return true
		}
	}
	return false
}

// pairBrackets matches round brackets, of either width, and makes a pair
// full-width when it mixes widths, encloses Chinese text, or stands
// between Chinese characters.
func pairBrackets(b []char) bool {
	changed := false
	var open []int
	for i := range b {
		c := &b[i]
		if c.marker() || c.keep || c.deleted() {
			continue
		}
		switch {
		case c.is('(') || c.is('（'):
			open = append(open, i)
		case c.is(')') || c.is('）'):
			if len(open) == 0 {
				continue
			}
			o := open[len(open)-1]
			open = open[:len(open)-1]
			if b[o].afterLink || !chineseBrackets(b, o, i) {
				continue
			}
			for _, k := range []int{o, i} {
				if b[k].is('(') {
					b[k].set("（", Punctuation)
					changed = true
				} else if b[k].is(')') {
					b[k].set("）", Punctuation)
					changed = true
				}
			}
		}
	}
	return changed
}

// chineseBrackets reports whether the pair b[o], b[c] should be
// full-width.
func chineseBrackets(b []char, o, c int) bool {
	if b[o].is('（') || b[c].is('）') {
		return true
	}
	han := false
	for k := o + 1; k < c; k++ {
		if !b[k].marker() && isHan(b[k].first()) {
			han = true
			break
		}
	}
	left, right := runeBefore(b, o, true), runeAfter(b, c, true)
	leftOK := isChinese(left) || left == 0 || left == lineBreak
	rightOK := isChinese(right) || right == 0 || right == lineBreak
	if han {
		return isChinese(left) || isChinese(right) || leftOK && rightOK
	}
	return isChinese(left) && rightOK
}

// dropSpaces removes runs of ASCII spaces, within one text segment, that
// stand after or before full-width punctuation, or between a Chinese
// character and an opening bracket.
func dropSpaces(b []char) bool {
	changed := false
	for i := 0; i < len(b); i++ {
		if b[i].marker() || b[i].deleted() || !isSpace(b[i].first()) || b[i].edited() || b[i].keep {
			continue
		}
		j := i
		for j < len(b) && b[j].seg == b[i].seg && !b[j].deleted() && !b[j].keep && isSpace(b[j].first()) {
			j++
		}
		p := i - 1
		for p >= 0 && b[p].seg == b[i].seg && b[p].deleted() {
			p--
		}
		if p < 0 || j >= len(b) || b[p].seg != b[i].seg || b[j].seg != b[i].seg {
			i = j - 1
			continue
		}
		prev, next := b[p].last(), b[j].first()
		// Spaces beside a URL or between < and > stay: "<https://a.cn ，>" is
		// no autolink, keep it so; and beside * _ ~, whose spaces decide what
		// they emphasize.
		if b[p].keep || b[j].keep || isDelimiter(prev) || isDelimiter(next) || betweenAngles(b, i, j) {
			i = j - 1
			continue
		}
		if tightAfter(prev) || tightBefore(next) || isOpeningBracket(next) && isChinese(prev) {
			for k := i; k < j; k++ {
				b[k].set("", Spacing)
			}
			changed = true
		}
		i = j - 1
	}
	return changed
}

// betweenAngles reports whether the line of b[i] has a "<" before i and
// a ">" from j on.
func betweenAngles(b []char, i, j int) bool {
	open := false
	for k := i - 1; k >= 0 && b[k].orig != lineBreak && !open; k-- {
		open = b[k].orig == '<' && !b[k].marker()
	}
	for k := j; open && k < len(b) && b[k].orig != lineBreak; k++ {
		if b[k].orig == '>' && !b[k].marker() {
			return true
		}
	}
	return false
}

// runeBefore returns the character before b[i] as it reads now, passing
// over deleted characters and emphasis marks left as text (* _ ~), and
// over spaces too when skipSpaces; 0 at the start of the block.
func runeBefore(b []char, i int, skipSpaces bool) rune {
	for k := i - 1; k >= 0; k-- {
		if r := b[k].last(); !passOver(&b[k], r, skipSpaces) {
			return r
		}
	}
	return 0
}

// runeAfter is runeBefore looking forward.
func runeAfter(b []char, i int, skipSpaces bool) rune {
	for k := i + 1; k < len(b); k++ {
		if r := b[k].first(); !passOver(&b[k], r, skipSpaces) {
			return r
		}
	}
	return 0
}

func passOver(c *char, r rune, skipSpaces bool) bool {
	return c.deleted() || !c.marker() && (isDelimiter(r) || skipSpaces && isSpace(r))
}

// isDelimiter reports the characters of emphasis and strikethrough.
func isDelimiter(r rune) bool { return r == '*' || r == '_' || r == '~' }
