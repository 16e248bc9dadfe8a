package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accord-news/accord"
)

// seedInput builds the Input that the ingest layer makes of a seed file:
// a leading "date" header becomes metadata and the first line the title.
func seedInput(t *testing.T, path string) *accord.Input {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	txt := strings.TrimLeft(string(b), " \t\r\n")
	in := &accord.Input{ID: filepath.Base(path), Source: path}
	if strings.HasPrefix(txt, "date ") {
		in.Published, in.PublishedBasis = txt[5:15], accord.BasisMetadata
		txt = strings.TrimLeft(txt[15:], " ")
	}
	in.Text = txt
	first := strings.TrimSpace(strings.SplitN(txt, "\n", 2)[0])
	if len(first) <= 300 && strings.Contains(txt, "\n") {
		in.Title, in.TitleFromText = first, true
	}
	return in
}

func TestSeeds(t *testing.T) {
	// The boilerplate lines of the seeds, by file; every other line is content.
	boiler := map[string][]string{
		"002_fe3f2a92b747950d.txt": {
			"FIND OUT MORE: Fierceness over Hillsong Church 'dual common'",
			"FIND OUT MORE: The scary of the Costa Concordia shipwreck",
		},
		"003_7e33a5092b9d5df3.txt": {"CLICK HERE TO GET THE DALLAS EXPRESS APP"},
		"004_61c29e4f4db52dc5.txt": {"(Image: AP)"},
	}
	files, _ := filepath.Glob("testdata/seeds/*.txt")
	if len(files) != 5 {
		t.Fatalf("want 5 seeds, got %d", len(files))
	}
	c := New()
	for _, f := range files {
		in := seedInput(t, f)
		d, err := c.Clean(in, accord.Options{})
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		bad := map[string]bool{}
		for _, b := range boiler[name] {
			bad[b] = true
		}
		removed := map[string]bool{}
		for _, r := range d.Removed {
			removed[r.Text] = true
			if !bad[r.Text] {
				t.Errorf("%s: content line removed (%s): %q", name, r.Reason, r.Text)
			}
		}
		for b := range bad {
			if !removed[b] {
				t.Errorf("%s: boilerplate kept: %q", name, b)
			}
			if strings.Contains(d.Text, b) {
				t.Errorf("%s: boilerplate in text: %q", name, b)
			}
		}
		// Every content line is in the text, one paragraph per line.
		lines := strings.Split(in.Text, "\n")
		for i, l := range lines {
			l = strings.TrimSpace(l)
			if l == "" || bad[l] || (i == 0 && in.TitleFromText) {
				continue
			}
			if !strings.Contains(d.Text, l) {
				t.Errorf("%s: content line lost: %q", name, l)
			}
		}
		if in.Title == "" {
			if d.Title == "" || len(d.Title) > 200 || !strings.HasPrefix(d.Text, strings.TrimSuffix(d.Title, "…")) {
				t.Errorf("%s: derived title %q", name, d.Title)
			}
		} else if d.Title != in.Title {
			t.Errorf("%s: title %q, want %q", name, d.Title, in.Title)
		}
		if strings.HasPrefix(d.Text, in.Title) && in.TitleFromText {
			t.Errorf("%s: title duplicated at the start of the text", name)
		}
		if d.Language != "en" {
			t.Errorf("%s: language %q", name, d.Language)
		}
	}
}

func TestNoClean(t *testing.T) {
	c := New()
	tests := []struct {
		name string
		in   accord.Input
		want string
	}{
		{"text kept exactly", accord.Input{Text: "Title\n\nCLICK HERE NOW TO GET THE APP\n  body  \n", TitleFromText: true, Title: "Title"}, "Title\n\nCLICK HERE NOW TO GET THE APP\n  body  \n"},
		{"html extracted", accord.Input{HTML: "<html><body><nav>Home</nav><p>One para.</p><p>Two &amp; three.</p></body></html>"}, "Home\nOne para.\nTwo & three."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := c.Clean(&tc.in, accord.Options{NoClean: true})
			if err != nil {
				t.Fatal(err)
			}
			if d.Text != tc.want {
				t.Errorf("text %q, want %q", d.Text, tc.want)
			}
			if len(d.Removed) != 0 {
				t.Errorf("removed %v with NoClean", d.Removed)
			}
		})
	}
}

func TestPlainTextLines(t *testing.T) {
	c := New()
	tests := []struct {
		name        string
		text        string
		wantRemoved []string
		wantAuthor  string
		wantDate    string
	}{
		{"byline and dateline", "By Jane Doe\nJanuary 14, 2022 10:30 am\nThe talks ended on Thursday without a deal, officials said.\nMore talks are planned.", []string{"By Jane Doe", "January 14, 2022 10:30 am"}, "Jane Doe", "2022-01-14T10:30:00"},
		{"byline with date", "By John Smith | Jan 3, 2021\nThe minister resigned on Sunday after weeks of pressure from his party.", []string{"By John Smith | Jan 3, 2021"}, "John Smith", "2021-01-03"},
		{"sentence starting with By kept", "By Monday, the talks had collapsed and both sides left Geneva.\nSecond line of the story here.", nil, "", ""},
		{"caps label related link", "The court ruled on Friday that the law stands.\nSEE ALSO: Ten things to know about the court\nThe ruling can be appealed.", []string{"SEE ALSO: Ten things to know about the court"}, "", ""},
		{"dateline city kept", "NEW DELHI: The government announced new rules for the sector on Tuesday, officials said.\nMore follows.", nil, "", ""},
		{"credit line", "The minister spoke in Paris.\n(Photo: Reuters/John Doe)", []string{"(Photo: Reuters/John Doe)"}, "", ""},
		{"caps call to action", "Prices rose sharply in March.\nSIGN UP FOR OUR DAILY NEWSLETTER\nAnalysts expect more.", []string{"SIGN UP FOR OUR DAILY NEWSLETTER"}, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := c.Clean(&accord.Input{Text: tc.text}, accord.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range d.Removed {
				got = append(got, r.Text)
				if strings.Contains(d.Text, r.Text) {
					t.Errorf("removed line still in text: %q", r.Text)
				}
			}
			if strings.Join(got, "|") != strings.Join(tc.wantRemoved, "|") {
				t.Errorf("removed %q, want %q", got, tc.wantRemoved)
			}
			if d.Author != tc.wantAuthor {
				t.Errorf("author %q, want %q", d.Author, tc.wantAuthor)
			}
			if d.Published != tc.wantDate {
				t.Errorf("published %q, want %q", d.Published, tc.wantDate)
			}
			if tc.wantDate != "" && d.PublishedBasis != accord.BasisText {
				t.Errorf("basis %q", d.PublishedBasis)
			}
		})
	}
}

func TestPrepareRepeated(t *testing.T) {
	var inputs []*accord.Input
	bodies := []string{
		"The council approved the budget on Monday after a long debate.",
		"A storm closed the harbour for two days, the port authority said.",
		"The museum reopened its east wing to visitors this weekend.",
		"Local elections will be held in May, the commission announced.",
	}
	for i, b := range bodies {
		inputs = append(inputs, &accord.Input{ID: string(rune('a' + i)), Outlet: "Example Times", Text: b + "\nFollow us for the latest local updates"})
	}
	c := New()
	c.Prepare(inputs)
	for _, in := range inputs {
		d, _ := c.Clean(in, accord.Options{})
		if strings.Contains(d.Text, "Follow us") {
			t.Errorf("%s: repeated line kept: %q", in.ID, d.Text)
		}
		if !strings.Contains(d.Text, strings.SplitN(in.Text, "\n", 2)[0]) {
			t.Errorf("%s: body lost", in.ID)
		}
	}
	// Copies of one text are not a repeated footer.
	same := []*accord.Input{}
	for i := 0; i < 4; i++ {
		same = append(same, &accord.Input{ID: string(rune('a' + i)), Outlet: "Wire", Text: "Line one of the copied story.\nLine two of the copied story.\nLine three."})
	}
	c.Prepare(same)
	d, _ := c.Clean(same[0], accord.Options{})
	if len(d.Removed) != 0 {
		t.Errorf("copies lost lines: %v", d.Removed)
	}
}

func TestReflow(t *testing.T) {
	wire := "Showers continued throughout the week in\nthe cocoa zone, alleviating the drought since early\nJanuary and improving prospects for the coming crop,\nalthough normal humidity levels have not been restored,\nthe review said.\n    The dry period means the crop will be late this year.\n    Arrivals for the week ended February 22 were 155,221 bags\nof 60 kilos making a cumulative total for the season of 5.93\nmln against 5.81 at the same stage last year.\n"
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"wire copy", wire, []string{
			"Showers continued throughout the week in the cocoa zone, alleviating the drought since early January and improving prospects for the coming crop, although normal humidity levels have not been restored, the review said.",
			"The dry period means the crop will be late this year.",
			"Arrivals for the week ended February 22 were 155,221 bags of 60 kilos making a cumulative total for the season of 5.93 mln against 5.81 at the same stage last year.",
		}},
		{"one paragraph per line kept", "First paragraph is a long line that goes on and on well past the usual wrap width of old wire copy.\nSecond.\nThird line.\nFourth line here.", []string{
			"First paragraph is a long line that goes on and on well past the usual wrap width of old wire copy.", "Second.", "Third line.", "Fourth line here.",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, l := range reflow(strings.Split(tc.in, "\n")) {
				if l = strings.TrimSpace(l); l != "" {
					got = append(got, l)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestCountWords(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a  b\tc\n", "\u00a0x\u2003y\u0085", "\xff \xfe", "日本 語"} {
		if got, want := countWords(s), len(strings.Fields(s)); got != want {
			t.Errorf("countWords(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestEdgeWords(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a  b\tc\n", "\u00a0x\u2003y\u0085z ", "\xff \xfe", "日本 語", "one two"} {
		f := strings.Fields(s)
		a, b, l, n := edgeWords(s)
		if n != len(f) || (n > 0 && (a != f[0] || l != f[n-1])) || (n > 1 && b != f[1]) {
			t.Errorf("edgeWords(%q) = %q %q %q %d, want %q", s, a, b, l, n, f)
		}
	}
}

func TestSoftHyphensDropped(t *testing.T) {
	c := New()
	for _, tc := range []struct {
		name    string
		in      accord.Input
		noClean bool
		want    string
	}{
		{"text", accord.Input{Text: "The Bundes\u00adkanzler spoke on Monday about the new housing plan for the country.", Title: "Bundes\u00adkanzler"}, false, "Bundeskanzler"},
		{"html", accord.Input{HTML: "<html><head><title>Bundes\u00adkanzler</title></head><body><article><p>The Bundes\u00adkanzler spoke on Monday about the new housing plan for the whole country, officials said.</p></article></body></html>"}, false, "Bundeskanzler"},
		{"kept with NoClean", accord.Input{Text: "Bundes\u00adkanzler spoke.", Title: "x"}, true, "Bundes\u00adkanzler"},
	} {
		d, err := c.Clean(&tc.in, accord.Options{NoClean: tc.noClean})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(d.Text, tc.want) {
			t.Errorf("%s: text %q lacks %q", tc.name, d.Text, tc.want)
		}
		if !tc.noClean && strings.ContainsRune(d.Title+d.Text, '\u00ad') {
			t.Errorf("%s: soft hyphen left in %q / %q", tc.name, d.Title, d.Text)
		}
	}
}
