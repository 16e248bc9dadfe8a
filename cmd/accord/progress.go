package main

import (
	"io"
	"os"
	"sync"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"
)

// progress draws a bar on stderr only when stderr is a terminal, --quiet is
// off and the work has taken more than a second; in pipes it stays silent.
type progress struct {
	mu      sync.Mutex
	enabled bool
	out     io.Writer
	start   time.Time
	bar     *progressbar.ProgressBar
	desc    string
}

func newProgress(g *globals) *progress {
	p := &progress{out: g.stderr, start: time.Now()}
	if f, ok := g.stderr.(*os.File); ok && !g.quiet {
		p.enabled = isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
	}
	return p
}

// Set reports done of total (total < 0: unknown) under a description.
func (p *progress) Set(desc string, done, total int) {
	if !p.enabled {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if time.Since(p.start) < time.Second {
		return
	}
	if p.bar == nil || p.desc != desc {
		if p.bar != nil {
			_ = p.bar.Finish()
		}
		p.desc = desc
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(p.out),
			progressbar.OptionSetDescription(desc),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("docs"),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	_ = p.bar.Set(done)
}

// Stage shows the name of a corpus stage that is running.
func (p *progress) Stage(name string) {
	if !p.enabled {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if time.Since(p.start) < time.Second {
		return
	}
	if p.bar != nil {
		_ = p.bar.Finish()
	}
	p.desc = "stage " + name
	p.bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(p.out), progressbar.OptionSetDescription(p.desc),
		progressbar.OptionSpinnerType(14), progressbar.OptionClearOnFinish())
	_ = p.bar.Add(1)
}

// Done clears the bar.
func (p *progress) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Finish()
		p.bar = nil
	}
}
