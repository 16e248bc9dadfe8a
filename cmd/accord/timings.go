package main

import (
	"fmt"
	"io"
	"runtime"
	"time"
)

// stageTimer prints one line on stderr per phase of an analysis (reading,
// per-document stages, each corpus stage, the report): wall time, CPU time
// of the process (user+system, where the system tells it), the live heap
// after the phase and the peak resident size so far. It is off (nil) unless
// --timings is given; every method is safe on a nil timer.
type stageTimer struct {
	out   io.Writer
	name  string
	wall  time.Time
	cpu   time.Duration
	start time.Time
	cpu0  time.Duration
}

func newStageTimer(out io.Writer, on bool) *stageTimer {
	if !on {
		return nil
	}
	now := time.Now()
	c := processCPU()
	return &stageTimer{out: out, wall: now, cpu: c, start: now, cpu0: c}
}

// Mark ends the running phase (printing its line) and starts the phase name;
// an empty name only ends the running one.
func (t *stageTimer) Mark(name string) {
	if t == nil {
		return
	}
	now, c := time.Now(), processCPU()
	if t.name != "" {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		cpu := "?"
		if c >= 0 {
			cpu = fmt.Sprintf("%.2fs", (c - t.cpu).Seconds())
		}
		fmt.Fprintf(t.out, "accord: timing %-12s wall %7.2fs  cpu %8s  heap %6.0f MiB  peak rss %6s\n",
			t.name, now.Sub(t.wall).Seconds(), cpu, float64(ms.HeapAlloc)/(1<<20), peakRSS())
	}
	t.name, t.wall, t.cpu = name, now, c
}

// Total ends the running phase and prints the whole run's figures.
func (t *stageTimer) Total() {
	if t == nil {
		return
	}
	t.Mark("")
	c := processCPU()
	cpu := "?"
	if c >= 0 {
		cpu = fmt.Sprintf("%.2fs", (c - t.cpu0).Seconds())
	}
	fmt.Fprintf(t.out, "accord: timing %-12s wall %7.2fs  cpu %8s  peak rss %6s\n",
		"total", time.Since(t.start).Seconds(), cpu, peakRSS())
}
