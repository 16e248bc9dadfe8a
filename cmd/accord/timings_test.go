package main

import (
	"strings"
	"testing"
)

// --timings prints one line per phase on stderr, and nothing on stdout but
// the report.
func TestAnalyzeTimings(t *testing.T) {
	in := `{"id": "a", "title": "Rates", "text": "The bank raised rates on Monday. It said prices rose 3%.", "published": "2024-05-06"}` + "\n"
	out, errOut, code := runCLI(t, in, "analyze", "--format", "json", "--timings", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(strings.TrimSpace(out), "{") {
		t.Fatalf("stdout is not the report: %.80q", out)
	}
	for _, phase := range []string{"read", "documents", "copies", "claims", "brief", "report", "write", "total"} {
		if !strings.Contains(errOut, "accord: timing "+phase+" ") {
			t.Errorf("no timing line for %s in:\n%s", phase, errOut)
		}
	}
	_, errOut, _ = runCLI(t, in, "analyze", "--format", "json", "-")
	if strings.Contains(errOut, "timing") {
		t.Errorf("timings printed without --timings:\n%s", errOut)
	}
}
