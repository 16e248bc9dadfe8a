// Package longdoc invents long news texts for the benchmarks that check a
// stage stays near-linear in one document's length.
package longdoc

import (
	"fmt"
	"strings"
)

// Text invents one long single-paragraph news text of about n sentences:
// officials with titles, organisations, quotes with their speakers and
// pronouns, dates and durations, so that every later sentence has many
// earlier mentions, quotes and time expressions before it (the per-item
// scans of all earlier items that made long documents quadratic).
func Text(n int) string {
	first := []string{"Ola", "Ivo", "Mira", "Tomas", "Lena", "Rafe", "Nadia", "Per"}
	last := []string{"Berg", "Lind", "Sarko", "Vell", "Ostrand", "Kade", "Morrow", "Quist"}
	orgs := []string{"Vesterby Council", "Acme Freight", "the Northern Rail Authority", "Halden Bank"}
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	var b strings.Builder
	for i := 0; b.Len() < n*90; i++ {
		name := first[i%len(first)] + " " + last[(i/len(first))%len(last)]
		org := orgs[i%len(orgs)]
		day := days[i%len(days)]
		switch i % 5 {
		case 0:
			fmt.Fprintf(&b, "Minister %s said on %s that %s would spend %d million euros on the line. ", name, day, org, 10+i%90)
		case 1:
			fmt.Fprintf(&b, "“We will not wait two hours 15 minutes for an answer,” %s told reporters on %s. ", name, day)
		case 2:
			fmt.Fprintf(&b, "The talks at %s lasted 3 days and 4 hours in March %d, according to spokesman %s. ", org, 2001+i%20, name)
		case 3:
			fmt.Fprintf(&b, "He said the board of %s had met %d times since last year. ", org, 2+i%9)
		default:
			fmt.Fprintf(&b, "“The plan is late, and it costs too much,” she said, adding that %s chairman %s agreed. ", org, name)
		}
	}
	return b.String()
}
