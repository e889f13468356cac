package config

import (
	"strings"
	"testing"
)

func TestReviewStages(t *testing.T) {
	cfg, _, err := Parse([]byte("title = \"x\"\n[review]\nrequired = true\nstages = [\"初审\", \"复审\", \"终审\"]\n"), "site.toml")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(cfg.Review.Stages, ",") != "初审,复审,终审" {
		t.Errorf("stages %q", cfg.Review.Stages)
	}
	for _, bad := range []string{`["初审", "初审"]`, `["初 审"]`, `[""]`} {
		if _, _, err := Parse([]byte("title = \"x\"\n[review]\nstages = "+bad+"\n"), "site.toml"); err == nil || !strings.Contains(err.Error(), "审核阶段") {
			t.Errorf("stages = %s: %v", bad, err)
		}
	}
}
