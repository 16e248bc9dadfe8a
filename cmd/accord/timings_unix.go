//go:build unix

package main

import (
	"fmt"
	"runtime"
	"syscall"
	"time"
)

// processCPU is the user+system CPU time of this process so far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return -1
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSS is the peak resident set size of this process so far.
func peakRSS() string {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return "?"
	}
	kb := int64(ru.Maxrss) // kilobytes on Linux and the BSDs, bytes on macOS
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		kb /= 1024
	}
	return fmt.Sprintf("%.0f MiB", float64(kb)/1024)
}
