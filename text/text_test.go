package text

import (
	"reflect"
	"testing"

	"github.com/accord-news/accord"
)

func spans(s string, sp []accord.Span) []string {
	var out []string
	for _, x := range sp {
		out = append(out, s[x.Start:x.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Mr. Smith went to Washington. He met Dr. Jones.", []string{"Mr. Smith went to Washington.", "He met Dr. Jones."}},
		{"Sergei A. Ryabkov spoke. Talks ended.", []string{"Sergei A. Ryabkov spoke.", "Talks ended."}},
		{`"We will not," she said. "Never."`, []string{`"We will not," she said.`, `"Never."`}},
		{"The U.S. and Russia met on Jan. 10 in Geneva.", []string{"The U.S. and Russia met on Jan. 10 in Geneva."}},
		{"It costs 3.5 million. Is that so? Yes!", []string{"It costs 3.5 million.", "Is that so?", "Yes!"}},
		{"Headline without period\nBody sentence one. Body two.", []string{"Headline without period", "Body sentence one.", "Body two."}},
	}
	for _, tt := range tests {
		var got []accord.Span
		for _, p := range Paragraphs(tt.in) {
			got = append(got, Sentences(tt.in, p)...)
		}
		if g := spans(tt.in, got); !reflect.DeepEqual(g, tt.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"The U.S.-Russia talks, on Jan. 10, drew 100,000 troops.", []string{"The", "U.S.", "-", "Russia", "talks", ",", "on", "Jan", ".", "10", ",", "drew", "100,000", "troops", "."}},
		{"Russia’s don't Mr. Ryabkov 3.5%", []string{"Russia’s", "don't", "Mr.", "Ryabkov", "3.5", "%"}},
	}
	for _, tt := range tests {
		toks := Tokens(tt.in, accord.Span{Start: 0, End: len(tt.in)})
		var got []string
		for _, tk := range toks {
			got = append(got, tt.in[tk.Start:tk.End])
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzSegment(f *testing.F) {
	f.Add("Mr. Smith went. He said “yes.” U.S. troops\n\nNew line.")
	f.Add("\xff\xfe broken . . ?")
	f.Fuzz(func(t *testing.T, s string) {
		d := &accord.Document{Text: s}
		_ = New().Annotate(d)
		for _, sp := range d.Sentences {
			if sp.Start < 0 || sp.End > len(s) || sp.Start >= sp.End {
				t.Fatalf("bad sentence span %v", sp)
			}
		}
		for _, tk := range d.Tokens {
			if tk.Start < 0 || tk.End > len(s) || tk.Start >= tk.End {
				t.Fatalf("bad token span %v", tk)
			}
		}
	})
}

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{{0, "0 stories"}, {1, "1 story"}, {2, "2 stories"}} {
		if got := Count(tc.n, "story", "stories"); got != tc.want {
			t.Errorf("Count(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}
