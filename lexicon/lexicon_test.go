package lexicon

import (
	"testing"
	"time"
)

func TestLoad(t *testing.T) {
	start := time.Now()
	if err := Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("load %v, %d words", time.Since(start), len(load().wordList))
	if len(load().wordList) < 50000 {
		t.Fatalf("only %d words", len(load().wordList))
	}
}

func TestRelated(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"war", "battle", true},
		{"price", "cost", true},
		{"carpenter", "woodworker", true},
		{"Carpenter", "Woodworker", true},
		{"border", "boundary", true},
		{"invasion", "intrusion", true},
		{"wars", "battles", true},
		{"stopped", "halted", true},
		{"ran", "run", true},
		{"houses", "house", true},
		{"quickly", "rapidly", true},
		{"big", "large", true},
		{"war", "banana", false},
		{"dog", "cat", false},
		{"", "", false},
		{"xyzzyq", "xyzzyq", true},
		{"xyzzyq", "plugh", false},
	}
	for _, c := range cases {
		if got := Related(c.a, c.b); got != c.want {
			t.Errorf("Related(%q,%q)=%v want %v", c.a, c.b, got, c.want)
		}
		if got := Related(c.b, c.a); got != c.want {
			t.Errorf("Related(%q,%q)=%v want %v (symmetry)", c.b, c.a, got, c.want)
		}
	}
}

func TestLemmasSynonyms(t *testing.T) {
	cases := []struct {
		w, lemma, syn string
	}{
		{"ran", "run", ""},
		{"geese", "goose", ""},
		{"cars", "car", "automobile"},
		{"stopping", "stop", "halt"},
	}
	for _, c := range cases {
		ls := Lemmas(c.w)
		found := false
		for _, l := range ls {
			found = found || l == c.lemma
		}
		if !found {
			t.Errorf("Lemmas(%q)=%v, want %q", c.w, ls, c.lemma)
		}
		if c.syn != "" {
			ok := false
			for _, s := range Synonyms(c.w) {
				ok = ok || s == c.syn
			}
			if !ok {
				t.Errorf("Synonyms(%q) lacks %q", c.w, c.syn)
			}
		}
	}
	if Known("qwxzv") || !Known("Dogs") {
		t.Error("Known")
	}
	if Broader(1<<30) != nil {
		t.Error("Broader out of range")
	}
}

func TestDecodeCorrupt(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("x"), tableGz[:len(tableGz)/2]} {
		if _, err := decode(b); err == nil {
			t.Errorf("decode(%d bytes) no error", len(b))
		}
	}
}

func FuzzRelated(f *testing.F) {
	f.Add("war", "battle")
	f.Add("Ünïcode", "\xff\xfe")
	f.Fuzz(func(t *testing.T, a, b string) {
		_ = Related(a, b)
		_ = Lemmas(a)
		_ = Senses(nil, b, 3)
	})
}

func TestIsKindOf(t *testing.T) {
	if err := Err(); err != nil {
		t.Skip(err)
	}
	cases := []struct {
		w    string
		want bool
	}{
		{"UK", true}, {"france", true}, {"London", true}, {"press", false}, {"guardian", false}, {"", false}, {"zzqx", false},
	}
	for _, c := range cases {
		if got := IsKindOf(c.w, 4, "country", "city", "region"); got != c.want {
			t.Errorf("IsKindOf(%q) = %v, want %v", c.w, got, c.want)
		}
	}
}

func TestSharedSenses(t *testing.T) {
	for _, c := range []struct {
		words []string
		empty bool
	}{
		{[]string{"country", "state", "land"}, false},
		{[]string{"organization", "organisation"}, false},
		{[]string{"location"}, false},
		{[]string{"country", "banana"}, true},
		{[]string{"qzxqzx"}, true},
		{nil, true},
	} {
		got := SharedSenses(c.words...)
		if (len(got) == 0) != c.empty {
			t.Errorf("SharedSenses(%q) = %d senses, want empty %v", c.words, len(got), c.empty)
		}
		for s := range got {
			for _, w := range c.words {
				found := false
				for _, x := range Senses(nil, w, 0) {
					found = found || x == s
				}
				if !found {
					t.Errorf("SharedSenses(%q): sense %d is not one of %q", c.words, s, w)
				}
			}
		}
	}
}
