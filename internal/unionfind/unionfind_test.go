package unionfind

import "testing"

func TestFind(t *testing.T) {
	s := New(6)
	s[s.Find(1)] = s.Find(0)
	s[s.Find(2)] = s.Find(1)
	s[s.Find(4)] = s.Find(5)
	tests := []struct {
		a, b int
		same bool
	}{
		{0, 2, true}, {1, 2, true}, {4, 5, true}, {0, 4, false}, {3, 3, true}, {3, 5, false},
	}
	for _, tt := range tests {
		if got := s.Find(tt.a) == s.Find(tt.b); got != tt.same {
			t.Errorf("same(%d, %d) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
	if s.Find(2) != 0 || s.Find(4) != 5 {
		t.Errorf("roots moved: %v", s)
	}
}
