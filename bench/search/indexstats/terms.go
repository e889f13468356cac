package main

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// termStats breaks the shards (t/B.bin) down by term length in characters
// and by column: raw bytes, and gzip bytes of each column compressed alone
// per shard (an estimate: the shard is compressed whole).
func termStats(files map[string][]byte) {
	type acc struct{ terms, df1, strRaw, strGz, postRaw, postGz, impRaw, impGz, docs int }
	by := map[string]*acc{}
	kindOf := func(t string) string {
		n := utf8.RuneCountInString(t)
		ascii := strings.IndexFunc(t, func(r rune) bool { return r < 128 }) >= 0
		if ascii {
			return "latin"
		}
		return fmt.Sprintf("han%d", n)
	}
	gzn := func(b []byte) int {
		var buf bytes.Buffer
		w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		w.Write(b)
		w.Close()
		return buf.Len() - 18
	}
	denseSeen := map[string]string{}
	for name, data := range files {
		if !strings.Contains(name, "/t/") {
			continue
		}
		zr, _ := gzip.NewReader(bytes.NewReader(data))
		raw, _ := io.ReadAll(zr)
		r := raw
		uv := func() int {
			v, n := binary.Uvarint(r)
			r = r[n:]
			return int(v)
		}
		n := uv()
		texts := make([]string, n)
		for i := range texts {
			l := uv()
			b := r[:l/2]
			r = r[l/2:]
			if l%2 == 1 {
				b, _ = simplifiedchinese.GB18030.NewDecoder().Bytes(b)
			}
			texts[i] = string(b)
		}
		dfs := make([]int, n)
		kinds := make([]byte, n)
		for i := range dfs {
			dfs[i] = uv()
			kinds[i] = r[0]
			r = r[1:]
		}
		strCol, postCol, impCol := map[string][]byte{}, map[string][]byte{}, map[string][]byte{}
		for i, t := range texts {
			k := kindOf(t)
			a := by[k]
			if a == nil {
				a = &acc{}
				by[k] = a
			}
			a.terms++
			if dfs[i] == 1 {
				a.df1++
			}
			a.strRaw += len(t) + 1
			strCol[k] = append(strCol[k], t...)
			if kinds[i] == 0 {
				a.docs += dfs[i]
				start := len(r)
				for j := 0; j < dfs[i]; j++ {
					uv()
				}
				postCol[k] = append(postCol[k], raw[len(raw)-start:len(raw)-len(r)]...)
			}
		}
		for i, t := range texts {
			if kinds[i] == 0 {
				k := kindOf(t)
				impCol[k] = append(impCol[k], r[:dfs[i]]...)
				r = r[dfs[i]:]
			}
		}
		for i, t := range texts {
			if kinds[i] == 1 {
				name := "d/" + hex.EncodeToString(r[:8]) + ".bin"
				r = r[8:]
				denseSeen[name] = "postings"
				if utf8.RuneCountInString(t) == 4 && !strings.ContainsFunc(t, func(c rune) bool { return c < 128 }) || strings.Count(t, "") > 5 && denseHasPos(t) {
					if len(r) >= 8 {
						denseSeen["d/"+hex.EncodeToString(r[:8])+".bin"] = "positions"
						r = r[8:]
					}
				}
			}
		}
		for k, a := range by {
			a.strGz += gzn(strCol[k])
			a.postRaw += len(postCol[k])
			a.postGz += gzn(postCol[k])
			a.impRaw += len(impCol[k])
			a.impGz += gzn(impCol[k])
		}
	}
	sums := map[string][2]int{}
	for name, kind := range denseSeen {
		v := sums[kind]
		sums[kind] = [2]int{v[0] + 1, v[1] + len(files[name])}
	}
	fmt.Printf("dense files: %v (kind: files, bytes)\n", sums)
	var ks []string
	for k := range by {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	fmt.Printf("%-6s %8s %8s %7s %10s %10s %10s %10s %10s\n", "kind", "terms", "df=1", "docs", "str raw", "str gz", "post raw", "post gz", "imp gz")
	for _, k := range ks {
		a := by[k]
		fmt.Printf("%-6s %8d %8d %7d %10d %10d %10d %10d %10d\n", k, a.terms, a.df1, a.docs, a.strRaw, a.strGz, a.postRaw, a.postGz, a.impGz)
	}
}

// denseHasPos: a dense term with a Latin word has positions when it has
// Gram units; this breakdown counts only Han terms' exactly.
func denseHasPos(string) bool { return false }
