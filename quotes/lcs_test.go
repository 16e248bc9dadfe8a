package quotes

import (
	"context"
	"math/rand"
	"testing"

	"github.com/accord-news/accord"
)

// TestLCSInts checks the bit-parallel LCS against the table.
func TestLCSInts(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 3000; n++ {
		la, lb := r.Intn(80), r.Intn(80)
		alpha := 1 + r.Intn(20)
		a, b := make([]int32, la), make([]int32, lb)
		for i := range a {
			a[i] = int32(r.Intn(alpha))
		}
		for i := range b {
			b[i] = int32(r.Intn(alpha))
			if r.Intn(4) == 0 {
				b[i] += 1 << 20 // a word a does not hold
			}
		}
		want := lcsFunc(la, lb, func(x, y int) bool { return a[x] == b[y] })
		if got := lcsInts(a, b); got != want {
			t.Fatalf("lcsInts(%v, %v) = %d, want %d", a, b, got, want)
		}
	}
}

// TestMatchCancel checks that a cancelled context stops the matcher.
func TestMatchCancel(t *testing.T) {
	docs := synthCorpus(t, 200)
	for _, d := range docs {
		d.Quotes = Extract(d)
	}
	c := accord.NewCorpus(docs, accord.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := NewCorpus().Analyze(ctx, c); err == nil {
		t.Fatal("no error from a cancelled context")
	}
	if c.Quotes != nil {
		t.Fatal("quotes set by a cancelled run")
	}
}
