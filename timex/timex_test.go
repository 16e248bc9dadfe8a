package timex

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

func tagText(s, ref string) []accord.Timex {
	d := &accord.Document{Text: s, Published: ref}
	_ = text.New().Annotate(d)
	_ = New().Annotate(d)
	return d.Timexes
}

func TestTagger(t *testing.T) {
	// Reference: Friday 2022-01-14.
	const ref = "2022-01-14"
	tests := []struct {
		text, span, typ, value string
	}{
		{"The talks began on Monday in Geneva.", "Monday", "DATE", "2022-01-10"},
		{"The ministers will meet on Monday.", "Monday", "DATE", "2022-01-17"},
		{"Officials met on Wednesday in Brussels.", "Wednesday", "DATE", "2022-01-12"},
		{"He spoke to reporters yesterday.", "yesterday", "DATE", "2022-01-13"},
		{"Prices rose last month.", "last month", "DATE", "2021-12"},
		{"The summit took place in June last year.", "June last year", "DATE", "2021-06"},
		{"Earlier on December 30, the leaders spoke.", "December 30", "DATE", "2021-12-30"},
		{"Talks opened on 10 January 2022.", "10 January 2022", "DATE", "2022-01-10"},
		{"The deal was signed on Jan. 10, 2022.", "Jan. 10, 2022", "DATE", "2022-01-10"},
		{"Sales fell in the third quarter.", "the third quarter", "DATE", "2021-Q3"}, // not yet begun in January: last year's
		{"The meeting lasted four hours.", "four hours", "DURATION", "PT4H"},
		{"Inflation has risen for three years.", "three years", "DURATION", "P3Y"},
		{"He has worked there for the past two decades.", "the past two decades", "DURATION", "P20Y"},
		{"The board meets every week.", "every week", "SET", "P1W"},
		{"Dividends are paid yearly.", "yearly", "SET", "P1Y"},
		{"Daily flights resume.", "Daily", "SET", "P1D"},
		// A capitalized "Daily" before a name or in mid-sentence names a paper.
		{"The talks failed, the Daily Mail reported.", "", "", ""},
		{"Weekly Standard editors met.", "", "", ""},
		{"Prices are currently high.", "currently", "DATE", "PRESENT_REF"},
		{"The firm recently moved.", "recently", "DATE", "PAST_REF"},
		{"The vote is expected this week.", "this week", "DATE", "2022-W02"},
		{"The plant closed in 1998.", "1998", "DATE", "1998"},
		{"It was a hit in the 1990s.", "the 1990s", "DATE", "199"},
		{"The strike began at 2 p.m. Tuesday.", "2 p.m. Tuesday", "TIME", "2022-01-11T14:00"},
		{"Protests spread this summer.", "this summer", "DATE", "2022-SU"},
		{"A report came out two weeks ago.", "two weeks ago", "DATE", "2021-W52"},
		{"The firm was founded in March 1995.", "March 1995", "DATE", "1995-03"},
		{"He met her on Jan. 3. The next day they signed.", "The next day", "DATE", "2022-01-04"},
		{"Shares rose today.", "today", "DATE", "2022-01-14"},
		{"It reopens next year.", "next year", "DATE", "2023"},
		{"Talks will resume in the near future.", "the near future", "DATE", "FUTURE_REF"},
		{"They arrived on Christmas Eve.", "Christmas Eve", "DATE", "2021-12-24"},
		{"A 6-year-old boy was hurt.", "", "", ""},
		{"The company's results for the quarter ended Sept. 30 improved.", "Sept. 30", "DATE", "2021-09-30"},
		// An infinitive takes the tense of the verb it depends on, unless
		// that verb looks ahead; "next to" is a place.
		{"Two bidders extended their offers to acquire the maker Wednesday.", "Wednesday", "DATE", "2022-01-12"},
		{"The unions agreed to meet the minister Wednesday.", "Wednesday", "DATE", "2022-01-19"},
		{"Protesters were planning to march on Wednesday.", "Wednesday", "DATE", "2022-01-19"},
		{"A bomb exploded next to the embassy Wednesday morning.", "Wednesday morning", "DATE", "2022-01-12"},
		// "the year" alone is the current year; "the year ended" a fiscal year.
		{"For the year, volume was flat.", "the year", "DATE", "2022"},
		{"The cuts are due by the end of the year.", "the end of the year", "DATE", "2022"},
		{"Revenue was $5 million for the year ended March 31.", "the year", "DURATION", "P1Y"},
		{"Profit doubled from the year-ago third quarter.", "the year-ago third quarter", "DATE", "2021-Q3"},
		{"Growth slowed in the last half of 1989.", "the last half of 1989", "DATE", "1989-H2"},
		{"Output rose in the first two quarters of 1990.", "the first two quarters of 1990", "DATE", "1990-H1"},
		{"Sales fell in the fourth quarter.", "the fourth quarter", "DATE", "2021-Q4"},
		{"Sales will rise in the fourth quarter.", "the fourth quarter", "DATE", "2022-Q4"},
		// A possessive weekday names a day already told of.
		{"The family will appeal Wednesday's ruling.", "Wednesday", "DATE", "2022-01-12"},
		{"The plan was scrapped this past spring.", "this past spring", "DATE", "2021-SP"},
		{"He met her on Jan. 3. Talks had begun the previous Friday.", "the previous Friday", "DATE", "2021-12-31"},
		{"Trade stalled now that the border is shut.", "now", "DATE", "PRESENT_REF"},
		{"The deadline was extended to Tuesday.", "Tuesday", "DATE", "2022-01-18"},
		{"The bonus will be paid Tuesday.", "Tuesday", "DATE", "2022-01-18"},
		{"The bullet tore through his window Wednesday night.", "Wednesday night", "DATE", "2022-01-12"},
		{"The minister could not be reached Wednesday.", "Wednesday", "DATE", "2022-01-12"},
		{"On Tuesday, the national association of nurses and doctors plans to hold a rally.", "Tuesday", "DATE", "2022-01-18"},
		{"The deal should close by year-end.", "year-end", "DATE", "2022-12-31"},
		{"The index has risen 9% since year end.", "year end", "DATE", "2021-12-31"},
		// A deadline lies ahead unless the past perfect closes it.
		{"The agency extended its deadline until 9 a.m. Tuesday.", "9 a.m. Tuesday", "TIME", "2022-01-18T09:00"},
		{"Thirty members had filed their reports by Wednesday.", "Wednesday", "DATE", "2022-01-12"},
	}
	for _, tc := range tests {
		got := tagText(tc.text, ref)
		if tc.span == "" {
			if len(got) != 0 {
				t.Errorf("%q: want nothing, got %+v", tc.text, got)
			}
			continue
		}
		found := false
		for _, g := range got {
			if g.Text == tc.span {
				found = true
				if g.Type != tc.typ || g.Value != tc.value {
					t.Errorf("%q: %q = %s %s, want %s %s", tc.text, g.Text, g.Type, g.Value, tc.typ, tc.value)
				}
			}
		}
		if !found {
			t.Errorf("%q: %q not found in %+v", tc.text, tc.span, got)
		}
	}
}

// TestValueFixes: one case per cause of the error analysis in
// docs/notes/timex.md (session 7), each with its own reference date.
func TestValueFixes(t *testing.T) {
	tests := []struct {
		ref, text, span, typ, value string
	}{
		// A month governed by a close past verb of its own clause is
		// past, even when next year's month would be nearer.
		{"1989-11-02", "The chairman stepped down in March for health reasons.", "March", "DATE", "1989-03"},
		{"1989-10-31", "In the fiscal year ended Jan. 31, the chain reported sales of $60 million.", "Jan. 31", "DATE", "1989-01-31"},
		{"1989-10-27", "In January, the group brought in a new chief executive.", "January", "DATE", "1989-01"},
		// ... but not a reporting verb, a deadline, a present passive
		// or an adjective in -ed.
		{"1989-10-20", "The board declared a dividend payable Dec. 15.", "Dec. 15", "DATE", "1989-12-15"},
		{"2000-03-29", "The appeal is heard in May by the full court.", "May", "DATE", "2000-05"},
		{"1989-10-27", "The shares would be paid on a still unspecified date in January.", "January", "DATE", "1990-01"},
		{"1989-10-27", "The sale, which had been expected, will repay the loan by February.", "February", "DATE", "1990-02"},
		// A part of day after a weekday is kept in the value, as after
		// "yesterday" and "last Friday".
		{"2022-01-14", "Rebels attacked the town Wednesday night.", "Wednesday night", "DATE", "2022-01-12"},
		{"2022-01-14", "The minister arrived Thursday evening.", "Thursday evening", "DATE", "2022-01-13"},
		{"2022-01-14", "The leaders will meet Monday morning.", "Monday morning", "DATE", "2022-01-17"},
		// A plan told in the past still lies ahead: "were planning".
		{"2022-01-14", "Organizers were planning a march on Saturday.", "Saturday", "DATE", "2022-01-15"},
		{"2022-01-14", "Unions announced a large protest in the capital on Saturday and were planning to march.", "Saturday", "DATE", "2022-01-15"},
		// ... but not from a clause after the day: "as he was about to".
		{"2022-01-14", "Police arrested him early Thursday morning as he was about to leave.", "early Thursday morning", "DATE", "2022-01-13"},
		// "the hastily planned visit" is an adjective: no future cue.
		{"2022-01-14", "On Monday, the hastily planned visit was cut short.", "Monday", "DATE", "2022-01-10"},
		// "the 1988 period" is that year's quarter under report.
		{"1989-10-26", "Acme earned $5 million in the third quarter, up from $3 million in the 1988 period.", "the 1988 period", "DATE", "1988-Q3"},
		// A forecast quarter is not what "the year-ago period" compares with.
		{"1989-10-26", "Acme's profit rose in the third quarter. It sees weak demand through the third quarter of 1990. It earned $4 million in the year-ago period.", "the year-ago period", "DATE", "1988-Q3"},
		// A quarter named as an aside in another sentence does not replace
		// the report's quarter; in the same sentence it does.
		{"1989-10-26", "Acme posted higher third-quarter profit. It blamed a flat second quarter on prices. The comparison was helped by charges taken in the year-earlier period.", "the year-earlier period", "DATE", "1988-Q3"},
		{"1989-10-26", "Acme posted higher third-quarter profit. Its second quarter was flat, below the year-earlier period.", "the year-earlier period", "DATE", "1988-Q2"},
	}
	for _, tc := range tests {
		found := false
		for _, g := range tagText(tc.text, tc.ref) {
			if g.Text == tc.span {
				found = true
				if g.Type != tc.typ || g.Value != tc.value {
					t.Errorf("%q: %q = %s %s, want %s %s", tc.text, g.Text, g.Type, g.Value, tc.typ, tc.value)
				}
			}
		}
		if !found {
			t.Errorf("%q: %q not found in %+v", tc.text, tc.span, tagText(tc.text, tc.ref))
		}
	}
}

func TestQuarterInView(t *testing.T) {
	// "the quarter" after other dates is the quarter the report is about
	// (the first one named), not the last completed one.
	got := tagText("Acme earned $5 million in its fiscal first quarter, ended Sept. 29. In the quarter, sales rose. A year earlier, it lost money.", "1989-10-26")
	want := map[string]string{"the quarter": "1989-Q1", "A year earlier": "1988-Q1"}
	got = append(got, tagText("Acme lost $8 million in the third quarter, against net income of $2 million for the corresponding period last year. Sales for last year's quarter were $3 million.", "1989-10-26")...)
	want["the corresponding period last year"] = "1988-Q3"
	want["last year's quarter"] = "1988-Q3"
	for _, g := range got {
		if w, ok := want[g.Text]; ok {
			if g.Value != w {
				t.Errorf("%q = %s, want %s", g.Text, g.Value, w)
			}
			delete(want, g.Text)
		}
	}
	if len(want) > 0 {
		t.Errorf("not found: %v in %+v", want, got)
	}
}

func TestNoReference(t *testing.T) {
	tests := []struct{ text, span, value string }{
		{"They met on Monday.", "Monday", "XXXX-WXX-1"},
		{"It happened on December 30.", "December 30", "XXXX-12-30"},
		{"It happened last year.", "last year", "XXXX"},
		{"Talks opened on 10 January 2022.", "10 January 2022", "2022-01-10"},
	}
	for _, tc := range tests {
		got := tagText(tc.text, "")
		ok := false
		for _, g := range got {
			if g.Text == tc.span {
				ok = g.Value == tc.value
				if !ok {
					t.Errorf("%q: %s, want %s", tc.span, g.Value, tc.value)
				}
			}
		}
		if !ok {
			t.Errorf("%q: %q not tagged as %s: %+v", tc.text, tc.span, tc.value, got)
		}
	}
}

func TestParseRef(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{{"2022-01-14", true}, {"1998-02-06T22:19:00", true}, {"2022-01-14T10:00:00Z", true}, {"", false}, {"yesterday", false}, {"2022-13-40", false}, {"Fri, 14 Jan 2022 10:00:00 GMT", true}, {"January 14, 2022", true}} {
		if _, ok := ParseRef(tc.in); ok != tc.ok {
			t.Errorf("ParseRef(%q) ok=%v", tc.in, ok)
		}
	}
}

func TestHolidays(t *testing.T) {
	for _, tc := range []struct {
		name string
		y    int
		m, d int
	}{{"thanksgiving", 1999, 11, 25}, {"easter", 2000, 4, 23}, {"election", 1998, 11, 3}, {"christmas", 2021, 12, 25}} {
		m, d := holidayDate(tc.name, tc.y)
		if m != tc.m || d != tc.d {
			t.Errorf("%s %d = %d-%d, want %d-%d", tc.name, tc.y, m, d, tc.m, tc.d)
		}
	}
}

func FuzzTag(f *testing.F) {
	for _, s := range []string{"on Monday", "Dec. 30, 2021", "the next day", "2 1/2 years", "10:35 a.m. EST Tuesday", "the '80s", "last year's quarter", "ï¿½ 1/1/99", "the 31st of February"} {
		f.Add(s, "2022-01-14")
	}
	f.Fuzz(func(t *testing.T, s, ref string) {
		got := tagText(s, ref)
		prev := -1
		for _, g := range got {
			if g.Start < 0 || g.End > len(s) || g.Start >= g.End || g.Start < prev {
				t.Fatalf("bad span %+v in %q", g, s)
			}
			prev = g.End
			if s[g.Start:g.End] != g.Text {
				t.Fatalf("text mismatch %+v", g)
			}
			if utf8.ValidString(s) && !utf8.ValidString(g.Text) {
				t.Fatalf("split rune %+v", g)
			}
			if g.Value == "" {
				t.Fatalf("empty value %+v", g)
			}
		}
	})
}

func BenchmarkTag(b *testing.B) {
	body := strings.Repeat("Russian Deputy Foreign Minister met US officials in Geneva on Monday, and the NATO-Russia Council will meet on Wednesday. Talks held last month ended after three hours. The summit took place in June last year; prices rose 3% in the third quarter of 2021. ", 8)
	d := &accord.Document{Text: body, Published: "2022-01-14"}
	_ = text.New().Annotate(d)
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = New().Annotate(d)
	}
}

func TestClauseMarksCuts(t *testing.T) {
	long := "The board, which had met eleven times over the winter to weigh the offers of three bidders and the objections of two unions and a city council, finally approved the sale on Monday; the unions said they would appeal the ruling in court."
	k := strings.Index(long, "Monday")
	got := clause(long, accord.Span{Start: 0, End: len(long)}, accord.Span{Start: k, End: k + len("Monday")})
	if !strings.HasPrefix(got, "… ") && !strings.HasSuffix(got, " …") {
		t.Errorf("cut clause not marked: %q", got)
	}
	if !strings.Contains(got, "Monday") {
		t.Errorf("clause lost its date: %q", got)
	}
	short := "The board approved the sale on Monday."
	if got := clause(short, accord.Span{Start: 0, End: len(short)}, accord.Span{Start: 31, End: 37}); got != short {
		t.Errorf("short sentence changed: %q", got)
	}
}

func TestFoldMonths(t *testing.T) {
	sig := func(names ...string) signature {
		s := signature{words: map[string]bool{"treaty": true}, names: map[string]bool{}, events: map[string]bool{"sign": true}}
		for _, n := range names {
			s.names[n] = true
		}
		return s
	}
	d1, d2, d3 := &accord.Document{ID: "a"}, &accord.Document{ID: "b"}, &accord.Document{ID: "c"}
	byDate := map[string][]happening{
		"2023-05":    {{date: "2023-05", doc: d1, sig: sig("oslo")}},
		"2023-05-04": {{date: "2023-05-04", doc: d2, sig: sig("oslo")}},
	}
	foldMonths(byDate)
	if len(byDate["2023-05"]) != 0 || len(byDate["2023-05-04"]) != 2 || !byDate["2023-05-04"][1].folded {
		t.Errorf("month happening not folded into its one day: %+v", byDate)
	}
	// Two days with a like happening: ambiguous, the month stays.
	byDate = map[string][]happening{
		"2023-05":    {{date: "2023-05", doc: d1, sig: sig("oslo")}},
		"2023-05-04": {{date: "2023-05-04", doc: d2, sig: sig("oslo")}},
		"2023-05-09": {{date: "2023-05-09", doc: d3, sig: sig("oslo")}},
	}
	foldMonths(byDate)
	if len(byDate["2023-05"]) != 1 {
		t.Errorf("ambiguous month happening folded: %+v", byDate)
	}
}

func TestNotBeforeOriginal(t *testing.T) {
	orig := &accord.Document{ID: "o", Published: "2023-05-04", PublishedBasis: accord.BasisMetadata}
	spun := &accord.Document{ID: "s", Published: "2023-04-03", PublishedBasis: accord.BasisInferred}
	near := &accord.Document{ID: "n", Published: "2023-05-02", PublishedBasis: accord.BasisInferred}
	other := &accord.Document{ID: "x", Published: "2023-05-01", PublishedBasis: accord.BasisInferred}
	c := accord.NewCorpus([]*accord.Document{orig, spun, near, other}, accord.Options{})
	c.Links = []accord.Link{{From: "s", To: "o", Kind: accord.LinkSpun}, {From: "n", To: "o", Kind: accord.LinkSpun}, {From: "x", To: "o", Kind: accord.LinkCites}}
	infos := map[string]*docInfo{}
	for _, d := range c.Docs {
		ref, _ := ParseRef(d.Published)
		infos[d.ID] = &docInfo{d: d, ref: ref, has: true, pub: true}
	}
	notBeforeOriginal(c, infos)
	if spun.Published != "2023-05-04" || spun.PublishedBasis != accord.BasisInferred {
		t.Errorf("spun rewrite dated %s (%s), want 2023-05-04 inferred", spun.Published, spun.PublishedBasis)
	}
	if near.Published != "2023-05-02" {
		t.Errorf("a rewrite two days before its original was moved to %s", near.Published)
	}
	if other.Published != "2023-05-01" {
		t.Errorf("a citing document was moved to %s", other.Published)
	}
}
