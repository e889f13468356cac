package config

import (
	"fmt"
	"strings"

	"showcase/internal/lang"
)

// Images configures the photo pipeline ([images] in site.toml).
type Images struct {
	Widths           []int  `toml:"widths"`           // responsive widths, default 480, 960, 1600
	Quality          int    `toml:"quality"`          // JPEG quality, default 80
	ThumbRatio       string `toml:"thumbRatio"`       // cover and grid crops, "4:3"
	MaxPixels        int    `toml:"maxPixels"`        // refuse larger images before decoding (decompression bombs)
	CacheDir         string `toml:"cacheDir"`         // relative to the site folder, default ".showcase-cache/images"
	PublishOriginals bool   `toml:"publishOriginals"` // also publish the original files
}

// Deploy configures publication to the campus host ([deploy] in site.toml).
type Deploy struct {
	MaxDeletes int            `toml:"maxDeletes"` // refuse a deploy deleting more files, default 256
	Targets    []DeployTarget `toml:"targets"`
}

// DeployTarget is one place a site is published to.
type DeployTarget struct {
	Name         string `toml:"name"`
	URL          string `toml:"url"`          // sftp://user@host[:port]/path, file:///path, s3://bucket/prefix?endpoint=…, oss://…, cos://…
	IdentityFile string `toml:"identityFile"` // an SSH private key; else ssh-agent, ~/.ssh/id_ed25519, ~/.ssh/id_rsa
	KnownHosts   string `toml:"knownHosts"`   // default ~/.ssh/known_hosts
	// Domain is the address readers reach this target at, when it is not
	// baseURL (a CDN's or a bucket's custom domain): the CDN refresh URLs
	// and the object storage website check use it.
	Domain string    `toml:"domain"`
	CDN    DeployCDN `toml:"cdn"`
}

// DeployCDN is a target's CDN ([deploy.targets.cdn] in site.toml).
type DeployCDN struct {
	// Refresh is a command given the file of URLs a deploy changed
	// ({file} in it, or its last argument), to purge them from the CDN.
	Refresh string `toml:"refresh"`
}

// Review configures the review gate (先审后发, [review] in site.toml).
type Review struct {
	// Required: a page without a reviewer (or with review = "draft") is
	// left out of the build and marked in preview.
	Required bool `toml:"required"`
	// Fields lists the front-matter fields a published page of a section
	// must carry, checked by "showcase check"; "*" applies to all sections.
	Fields map[string][]string `toml:"fields"`
	// Stages names the sign-offs (三审) a page needs, in order, such as
	// ["初审", "复审", "终审"]; the editor records each with the signer's
	// name, and marks the page reviewed when the last is signed.
	Stages []string `toml:"stages"`
}

func (r *rawConfig) resolveSections(c *Config, file string) error {
	c.Images = r.Images
	if len(c.Images.Widths) == 0 {
		c.Images.Widths = []int{480, 960, 1600}
	}
	if c.Images.Quality == 0 { // checkNumbers refused widths and a quality out of range
		c.Images.Quality = 80
	}
	if c.Images.ThumbRatio == "" {
		c.Images.ThumbRatio = "4:3"
	}
	if _, _, err := c.Images.Ratio(); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	if c.Images.MaxPixels == 0 {
		c.Images.MaxPixels = 60_000_000
	}
	if c.Images.CacheDir == "" {
		c.Images.CacheDir = ".showcase-cache/images"
	}
	c.Deploy = r.Deploy
	if c.Deploy.MaxDeletes == 0 {
		c.Deploy.MaxDeletes = 256
	}
	names := map[string]bool{}
	for _, t := range c.Deploy.Targets {
		if t.Name == "" || t.URL == "" {
			return fmt.Errorf("%s: %s", file, lang.Sprintf("每个 [[deploy.targets]]（发布目标）都要写 name（名称）和 url（服务器地址）", "[[deploy.targets]] needs name and url"))
		}
		if names[t.Name] {
			return fmt.Errorf("%s: %s", file, lang.Sprintf("有两个发布目标都叫 %[1]q；请给其中一个另取名称", "two deploy targets are named %[1]q", t.Name))
		}
		names[t.Name] = true
	}
	c.Review = r.Review
	if c.Review.Fields == nil {
		c.Review.Fields = map[string][]string{"news": {"title", "date", "reviewer", "editor"}}
	}
	stages := map[string]bool{}
	for _, st := range c.Review.Stages {
		if strings.TrimSpace(st) == "" || strings.ContainsAny(st, " \t\n") || stages[st] {
			return fmt.Errorf("%s: %s", file, lang.Sprintf("[review] stages 的每个审核阶段都要有名称，不能重复、不能含空格，如 [\"初审\", \"复审\", \"终审\"]（现在有 %[1]q）", "[review] stages: each stage needs a name without spaces, once (%[1]q)", st))
		}
		stages[st] = true
	}
	return nil
}

// Ratio returns ThumbRatio as width and height.
func (i Images) Ratio() (int, int, error) {
	var w, h int
	if _, err := fmt.Sscanf(strings.TrimSpace(i.ThumbRatio), "%d:%d", &w, &h); err != nil || w <= 0 || h <= 0 || w > 100 || h > 100 {
		return 0, 0, lang.Errorf("[images] 的缩略图比例 thumbRatio 应写成 \"4:3\" 这样的形式（两边都是 1 到 100 的整数），而不是 %[1]q", "[images] thumbRatio: %[1]q is not a ratio such as 4:3 (each side 1-100)", i.ThumbRatio)
	}
	return w, h, nil
}

// Target returns the deploy target of that name.
func (d Deploy) Target(name string) (DeployTarget, bool) {
	for _, t := range d.Targets {
		if t.Name == name {
			return t, true
		}
	}
	return DeployTarget{}, false
}
