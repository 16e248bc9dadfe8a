// Package unionfind is the disjoint-set forest that several stages use to
// group items (claims, quote variants, timeline happenings, entity chains).
// A Set is a plain parent slice, so a caller keeps full control of which
// root a union keeps (parent[ra] = rb), and with it of any ordering that
// depends on roots.
package unionfind

// Set is a parent slice: Set[i] == i for a root.
type Set []int

// New returns n singletons.
func New(n int) Set {
	s := make(Set, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// Find returns the root of x, halving the path on the way.
func (s Set) Find(x int) int {
	for s[x] != x {
		s[x] = s[s[x]]
		x = s[x]
	}
	return x
}
