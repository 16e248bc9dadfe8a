package accord

import "testing"

func TestResolveNameIDs(t *testing.T) {
	stored := map[string]string{"001": "corpus/business/001.txt", "feed-1": "feed.xml"}
	lookup := func(id string) (string, bool, error) {
		src, ok := stored[id]
		return src, ok, nil
	}
	tests := []struct {
		name string
		in   []*Input
		want []string
	}{
		{"same file again keeps its id",
			[]*Input{{ID: "001", Source: "corpus/business/001.txt", IDFromName: true}}, []string{"001"}},
		{"same name in another folder",
			[]*Input{{ID: "001", Source: "corpus/sport/001.txt", IDFromName: true}}, []string{"001~sport"}},
		{"new name",
			[]*Input{{ID: "002", Source: "corpus/sport/002.txt", IDFromName: true}}, []string{"002"}},
		{"collisions inside one batch",
			[]*Input{
				{ID: "003", Source: "x/tech/003.txt", IDFromName: true},
				{ID: "003", Source: "x/politics/003.txt", IDFromName: true},
				{ID: "003", Source: "y/tech/003.txt", IDFromName: true},
				{ID: "003", Source: "z/tech/003.txt", IDFromName: true},
				{ID: "003", Source: "x/politics/003.txt", IDFromName: true},
			}, []string{"003", "003~politics", "003~tech", "003~" + sourceTag("z/tech/003.txt"), "003~politics"}},
		{"a stated id is never changed",
			[]*Input{{ID: "feed-1", Source: "other-feed.xml"}}, []string{"feed-1"}},
		{"root folder falls back to a hash",
			[]*Input{{ID: "001", Source: "001.txt", IDFromName: true}}, []string{"001~" + sourceTag("001.txt")}},
		{"odd folder names are reduced",
			[]*Input{{ID: "001", Source: "a/b c!/001.txt", IDFromName: true}}, []string{"001~bc"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := ResolveNameIDs(tc.in, lookup); err != nil {
				t.Fatal(err)
			}
			for i, in := range tc.in {
				if in.ID != tc.want[i] {
					t.Errorf("input %d: id %q, want %q", i, in.ID, tc.want[i])
				}
			}
		})
	}
}
