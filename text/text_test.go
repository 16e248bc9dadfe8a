package text

import (
	"reflect"
	"strings"
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

func TestEnglish(t *testing.T) {
	for _, tc := range []struct {
		name, lang, text string
		want             bool
	}{
		{"english", "en", "The minister said on Monday that the talks would go on, and that both sides had agreed to meet again in the spring.", true},
		{"undetected", "", "Die Regierung hat am Montag beschlossen, dass die Gespräche weitergehen und dass beide Seiten sich im Frühjahr wieder treffen.", true},
		{"german", "de", "Die Regierung hat am Montag beschlossen, dass die Gespräche weitergehen und dass beide Seiten sich im Frühjahr wieder treffen werden, sagte der Minister.", false},
		{"french", "fr", "Le ministre a déclaré lundi que les discussions se poursuivraient et que les deux parties avaient convenu de se retrouver au printemps.", false},
		{"table misread as french", "fr", "Shr profit three cts vs loss seven cts\nNet profit 161,000 vs loss 367,000\nRevs 24.3 mln vs 26.5 mln\nAvg shrs 1,135,000 vs 576,000\nNOTE: Net excludes gains", true},
		{"english misread as german", "de", "The minister said on Monday that the talks would go on, and that both sides had agreed to meet again in the spring.", true},
		{"short", "de", "Die Regierung und der Minister", true},
		{"no list", "pl", "Minister powiedział w poniedziałek, że rozmowy będą kontynuowane, a obie strony zgodziły się spotkać ponownie wiosną tego roku.", true},
		{"cyrillic", "", strings.Repeat("Министр заявил в понедельник, что переговоры продолжатся. ", 3), false},
	} {
		d := &accord.Document{Language: tc.lang, Text: tc.text}
		if got := English(d); got != tc.want {
			t.Errorf("%s: English = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestForeignStopwordsLoaded(t *testing.T) {
	for _, c := range []struct{ lang, w string }{{"de", "und"}, {"fr", "et"}, {"es", "que"}, {"nb", "og"}, {"ru", "и"}} {
		if !IsForeignStopword(c.lang, c.w) {
			t.Errorf("%q is not a %s stop word", c.w, c.lang)
		}
	}
	if IsForeignStopword("en", "the") {
		t.Error("English has no foreign list")
	}
}

func FuzzEnglish(f *testing.F) {
	f.Add("de", "Die Regierung hat am Montag beschlossen, dass die Gespräche weitergehen.")
	f.Add("", strings.Repeat("é", englishSample))
	f.Add("nb", "\xff\xfe og ikke")
	f.Fuzz(func(t *testing.T, lang, s string) {
		d := &accord.Document{Language: lang, Text: s}
		if English(d) != (ForeignLanguage(d) == "") {
			t.Fatal("English and ForeignLanguage disagree")
		}
	})
}

func BenchmarkEnglish(b *testing.B) {
	for _, tc := range []struct{ name, lang, body string }{
		{"en", "en", strings.Repeat("The minister said on Monday that the talks would go on, and that both sides agreed. ", 60)},
		{"de", "de", strings.Repeat("Die Regierung hat am Montag beschlossen, dass die Gespräche weitergehen werden. ", 60)},
	} {
		d := &accord.Document{Language: tc.lang, Text: tc.body}
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				English(d)
			}
		})
	}
}
