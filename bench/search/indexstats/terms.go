package main

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"math/bits"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// termStats breaks the shards (t/B.bin, index format 6: internal/search/
// terms.go) of a base of docs pages down by term kind and by column: raw
// bytes, and gzip bytes of each column compressed alone per shard (an
// estimate: the shard is compressed whole). Terms found by fingerprints
// (one or two Han characters) are one kind, "han1-2 fp".
func termStats(files map[string][]byte, docs int) {
	type acc struct{ terms, df1, docs, strGz, postBits, impGz int }
	by := map[string]*acc{}
	var fpBits, dfBits, tailRaw, tailGz, denseNames int
	kindOf := func(t string) string {
		if t == "" {
			return "han1-2 fp"
		}
		if strings.IndexFunc(t, func(r rune) bool { return r < 128 }) >= 0 {
			return "latin"
		}
		return fmt.Sprintf("han%d", utf8.RuneCountInString(t))
	}
	gzn := func(b []byte) int {
		if len(b) == 0 {
			return 0
		}
		var buf bytes.Buffer
		w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
		w.Write(b)
		w.Close()
		return buf.Len() - 18
	}
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
		if m := uv(); m > 0 {
			uv()
			width := int(r[0])
			br := &bitReader{b: r[1:]}
			br.list(m, 1<<width)
			fpBits += br.at
			r = br.rest()
			texts = append(texts, make([]string, m)...)
		}
		br := &bitReader{b: r}
		dfs := make([]int, len(texts))
		for i := range dfs {
			dfs[i] = br.gamma()
		}
		dfBits += br.at
		strCol, impCol := map[string][]byte{}, map[string][]byte{}
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
			strCol[k] = append(strCol[k], t...)
			if dfs[i] > 1024 && dfs[i]*8 > docs {
				continue
			}
			a.docs += dfs[i]
			at := br.at
			br.list(dfs[i], docs)
			a.postBits += br.at - at
		}
		r = br.rest()
		for i, t := range texts {
			if dfs[i] <= 1024 || dfs[i]*8 <= docs {
				k := kindOf(t)
				impCol[k] = append(impCol[k], r[:dfs[i]]...)
				r = r[dfs[i]:]
			}
		}
		for i, t := range texts {
			if dfs[i] > 1024 && dfs[i]*8 > docs {
				w := 8
				if utf8.RuneCountInString(t) == 4 && kindOf(t) == "han4" {
					w = 16
				}
				denseNames += w
				r = r[w:]
			}
		}
		tailRaw += len(r)
		tailGz += gzn(r)
		for k, a := range by {
			a.strGz += gzn(strCol[k])
			a.impGz += gzn(impCol[k])
		}
	}
	var ks []string
	for k := range by {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	fmt.Printf("%-10s %8s %8s %8s %10s %10s %10s\n", "kind", "terms", "df=1", "docs", "str gz", "post", "imp gz")
	for _, k := range ks {
		a := by[k]
		fmt.Printf("%-10s %8d %8d %8d %10d %10d %10d\n", k, a.terms, a.df1, a.docs, a.strGz, a.postBits/8, a.impGz)
	}
	fmt.Printf("fingerprints %d, dfs %d, dense names %d, positions and next columns %d (gzip alone %d) bytes\n",
		fpBits/8, dfBits/8, denseNames, tailRaw, tailGz)
}

// bitReader reads the bit columns of a shard (internal/search/rice.go).
type bitReader struct {
	b  []byte
	at int
}

func (r *bitReader) bit() int {
	if r.at >= len(r.b)*8 {
		r.at++
		return 0
	}
	v := int(r.b[r.at>>3]>>(7-r.at&7)) & 1
	r.at++
	return v
}

func (r *bitReader) unary() int {
	n := 0
	for r.bit() == 1 {
		n++
	}
	return n
}

func (r *bitReader) gamma() int {
	n, v := r.unary(), 1
	for range n {
		v = v<<1 | r.bit()
	}
	return v
}

func (r *bitReader) list(n, total int) {
	k := 0
	if q := total / (n + 1); q > 0 {
		k = bits.Len(uint(q)) - 1
	}
	for range n {
		r.unary()
		r.at += k
	}
}

func (r *bitReader) rest() []byte { return r.b[min(len(r.b), (r.at+7)>>3):] }
