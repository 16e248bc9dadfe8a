package main

import (
	"bufio"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// setMemoryLimit gives the Go runtime a soft memory limit of three quarters
// of the memory this process may use (the cgroup's limit, else the
// machine's), unless GOMEMLIMIT says otherwise. Without it a large corpus
// run lets the heap grow to twice its live size between collections; with
// it the collector works harder as the limit nears instead of the kernel
// killing the process. It returns the limit set, or 0.
func setMemoryLimit() int64 {
	if os.Getenv("GOMEMLIMIT") != "" {
		return 0
	}
	total := memoryAvailable()
	if total <= 0 {
		return 0
	}
	limit := total / 4 * 3
	debug.SetMemoryLimit(limit)
	return limit
}

// memoryAvailable is the cgroup (v2, then v1) memory limit when there is
// one below the machine's memory, else the machine's memory; 0 when unknown.
func memoryAvailable() int64 {
	total := memTotal("/proc/meminfo")
	for _, p := range []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		if b, err := os.ReadFile(p); err == nil {
			if v, ok := parseLimit(string(b)); ok && (total == 0 || v < total) {
				return v
			}
		}
	}
	return total
}

// parseLimit reads a cgroup memory limit: a byte count, or "max".
func parseLimit(s string) (int64, bool) {
	v, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || v <= 0 || v >= 1<<60 {
		return 0, false
	}
	return v, true
}

// memTotal reads MemTotal (in kB) from a meminfo file, in bytes.
func memTotal(path string) int64 {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) >= 2 && fs[0] == "MemTotal:" {
			kb, err := strconv.ParseInt(fs[1], 10, 64)
			if err != nil || kb <= 0 {
				return 0
			}
			return kb * 1024
		}
	}
	return 0
}
