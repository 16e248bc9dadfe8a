// Command try prints the quantities found in its arguments (a debugging aid).
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/accord-news/accord/quantity"
)

func main() {
	for _, q := range quantity.Parse(strings.Join(os.Args[1:], " ")) {
		fmt.Printf("%q value=%g low=%g high=%g approx=%v bound=%q unit=%q counts=%q\n", q.Text, q.Value, q.Low, q.High, q.Approximate, q.Bound, q.Unit, q.Counts)
	}
}
