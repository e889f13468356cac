package dates

import (
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	tests := map[string]string{
		"2025-10-26":            "2025-10-26T00:00:00+08:00",
		"2025年10月26日 11:30":     "2025-10-26T11:30:00+08:00",
		"2025/1/2":              "2025-01-02T00:00:00+08:00",
		"1761449400":            "2025-10-26T11:30:00+08:00",
		"2025-10-26T03:30:00Z":  "2025-10-26T11:30:00+08:00",
		"发布时间：2025.10.26 09:05": "2025-10-26T09:05:00+08:00",
	}
	for in, want := range tests {
		got, ok := Parse(in)
		if !ok || got.Format(time.RFC3339) != want {
			t.Errorf("Parse(%q) = %v %v, want %s", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "2025-02-30", "明天", "2025-13-01", "1899-01-01"} {
		if _, ok := Parse(in); ok {
			t.Errorf("Parse(%q) succeeded", in)
		}
	}
}
