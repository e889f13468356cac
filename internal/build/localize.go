package build

import (
	"path"
	"strings"

	"showcase/internal/content"
	"showcase/internal/localize"
)

// RemotePictures lists, for "showcase check --localize", the pictures
// every page (drafts too) shows from another site: the pictures of its
// Markdown and its cover, to be saved in the page's folder (the bundle, or
// the folder of a single file, whose files it may name). It reads the site
// as Check does; opts are those of Check.
func RemotePictures(opts Options) ([]localize.Job, error) {
	res, err := Check(opts)
	if err != nil {
		return nil, err
	}
	s := res.Site
	if s == nil {
		return nil, nil
	}
	all := append(append([]*content.Page{s.Home}, s.Pages...), s.Profiles...)
	for _, sec := range s.Sections {
		all = append(all, sec.Page)
	}
	if s.Search != nil {
		all = append(all, s.Search)
	}
	var jobs []localize.Job
	for _, p := range all {
		job := localize.Job{File: p.File, Dir: p.Bundle}
		if job.Dir == "" {
			job.Dir = path.Dir(p.File)
		}
		if remotePicture(p.Cover) {
			job.URLs = append(job.URLs, p.Cover)
		}
		for _, l := range res.Docs[p.File].Links {
			if l.Image && remotePicture(l.Dest) {
				job.URLs = append(job.URLs, l.Dest)
			}
		}
		if len(job.URLs) > 0 {
			jobs = append(jobs, job)
		}
	}
	return jobs, nil
}

func remotePicture(u string) bool {
	l := strings.ToLower(u)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "//")
}
