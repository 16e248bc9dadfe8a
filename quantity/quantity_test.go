package quantity

import (
	"strings"
	"testing"

	"github.com/accord-news/accord"
	"github.com/accord-news/accord/text"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in          string
		text        string
		value       float64
		low, high   float64
		approx      bool
		unit, count string
	}{
		{"Russia deployed approximately 100,000 troops.", "approximately 100,000 troops", 1e5, 1e5, 1e5, true, "", "troop"},
		{"around one lakh Russian troops have", "around one lakh Russian troops", 1e5, 1e5, 1e5, true, "", "troop"},
		{"some 100 thousand troops", "some 100 thousand troops", 1e5, 1e5, 1e5, true, "", "troop"},
		{"100k troops", "100k troops", 1e5, 1e5, 1e5, false, "", "troop"},
		{"after a 4 hour-long meeting", "4 hour-long", 4, 4, 4, false, "hour", ""},
		{"tens of thousands of Russian soldiers", "tens of thousands of Russian soldiers", 59999.5, 20000, 99999, true, "", "soldier"},
		{"more than 100,000 soldiers", "more than 100,000 soldiers", 1e5, 1e5, 1e5, true, "", "soldier"},
		{"twenty-five people died", "twenty-five people", 25, 25, 25, false, "", "people"},
		{"three million dollars", "three million dollars", 3e6, 3e6, 3e6, false, "USD", ""},
		{"a $5bn deal", "$5bn", 5e9, 5e9, 5e9, false, "USD", ""},
		{"2.5 million euros", "2.5 million euros", 2.5e6, 2.5e6, 2.5e6, false, "EUR", ""},
		{"down 7.6 per cent", "7.6 per cent", 7.6, 7.6, 7.6, false, "%", ""},
		{"rose 12%", "12%", 12, 12, 12, false, "%", ""},
		{"Eight years seems long", "Eight years", 8, 8, 8, false, "year", ""},
		{"up to 30 km away", "up to 30 km", 30, 0, 30, true, "km", ""},
		{"nearly 2,000 homes", "nearly 2,000 homes", 2000, 1800, 2000, true, "", "home"},
		{"Rs 5 crore was paid", "Rs 5 crore", 5e7, 5e7, 5e7, false, "INR", ""},
		{"a £300m loss", "£300m", 3e8, 3e8, 3e8, false, "GBP", ""},
		{"the man who killed four people in", "four people", 4, 4, 4, false, "", "people"},
		{"captured 23 pirates in the Gulf", "23 pirates", 23, 23, 23, false, "", "pirate"},
		{"a 12-gauge shotgun", "12-gauge", 12, 12, 12, false, "", "gauge"},
		{"58-3 with 51 knockouts", "51 knockouts", 51, 51, 51, false, "", "knockout"},
		{"about 400 yards rushing", "about 400 yards", 400, 400, 400, true, "yard", ""},
		{"including nine children, were", "nine children", 9, 9, 9, false, "", "child"},
		{"one hour later", "one hour", 1, 1, 1, false, "hour", ""},
		{"hundreds of people", "hundreds of people", 599.5, 200, 999, true, "", "people"},
	}
	for _, tc := range tests {
		qs := Parse(tc.in)
		if len(qs) != 1 {
			t.Errorf("%q: got %d quantities %+v", tc.in, len(qs), qs)
			continue
		}
		q := qs[0]
		if q.Text != tc.text || q.Value != tc.value || q.Low != tc.low || q.High != tc.high || q.Approximate != tc.approx || q.Unit != tc.unit || q.Counts != tc.count {
			t.Errorf("%q: got %q v=%g [%g,%g] approx=%v unit=%q counts=%q", tc.in, q.Text, q.Value, q.Low, q.High, q.Approximate, q.Unit, q.Counts)
		}
	}
}

func TestSkips(t *testing.T) {
	for _, in := range []string{
		"In 2019 the treaty ended.",
		"at 3:33 a.m. on Route 52",
		"won 91-73 on the night",
		"for the third time",
		"one of them said",
		"the 5th round",
		"call 555-1234 now",
		"No. 5 seed",
	} {
		if qs := Parse(in); len(qs) != 0 {
			t.Errorf("%q: want none, got %+v", in, qs)
		}
	}
}

func TestSameValue(t *testing.T) {
	// The seed pair: "approximately 100,000 troops" and "around one lakh troops".
	a := Parse("Russia has deployed approximately 100,000 troops")
	b := Parse("around one lakh Russian troops have been pressed")
	if len(a) != 1 || len(b) != 1 || a[0].Value != b[0].Value || a[0].Counts != b[0].Counts {
		t.Fatalf("not one value: %+v %+v", a, b)
	}
}

func TestStageSkipsDates(t *testing.T) {
	d := &accord.Document{Text: "On December 30 he met 12 officials."}
	(text.New()).Annotate(d)
	d.Timexes = []accord.Timex{{Span: accord.Span{Start: 3, End: 14}, Type: "DATE"}}
	if err := New().Annotate(d); err != nil {
		t.Fatal(err)
	}
	if len(d.Quantities) != 1 || d.Quantities[0].Counts != "official" {
		t.Fatalf("got %+v", d.Quantities)
	}
	q := d.Quantities[0]
	if d.Text[q.Start:q.End] != q.Text {
		t.Fatal("span mismatch")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"approximately 100,000 troops", "one lakh", "$5bn", "tens of thousands of", "3:33", "1,2,3.4.5", "\xff9 x", "more than"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, q := range Parse(s) {
			if q.Start < 0 || q.End > len(s) || q.Start > q.End || s[q.Start:q.End] != q.Text {
				t.Fatalf("bad span %+v in %q", q, s)
			}
			if q.Low > q.High && q.Bound == "" && !strings.Contains(q.Text, "nearly") {
				t.Fatalf("low > high: %+v", q)
			}
		}
	})
}

// TestCompoundDuration: a duration told in two or three units is one
// quantity in the smallest unit read.
func TestCompoundDuration(t *testing.T) {
	tests := []struct {
		in        string
		n         int // quantities found
		text      string
		value     float64
		low, high float64
		unit      string
	}{
		{"the talks lasted two hours 15 minutes on Monday", 1, "two hours 15 minutes", 135, 135, 135, "minute"},
		{"after 2 hours and 30 minutes of debate", 1, "2 hours and 30 minutes", 150, 150, 150, "minute"},
		{"a flight of 1 hour 20 minutes 30 seconds", 1, "1 hour 20 minutes 30 seconds", 4830, 4830, 4830, "second"},
		{"held for 3 days and 4 hours", 1, "3 days and 4 hours", 76, 76, 76, "hour"},
		{"a sentence of five years six months", 1, "five years six months", 66, 66, 66, "month"},
		{"two weeks three days later", 1, "two weeks three days", 17, 17, 17, "day"},
		{"up to 2 hours 45 minutes", 1, "up to 2 hours 45 minutes", 165, 0, 165, "minute"},
		{"about 3 hours 10 minutes", 1, "about 3 hours 10 minutes", 190, 190, 190, "minute"},
		// Not one duration: a part as large as the bigger unit, units not
		// next to each other, a larger unit after a smaller one, a count.
		{"2 hours 90 minutes", 2, "2 hours", 2, 2, 2, "hour"},
		{"3 years 4 days", 2, "3 years", 3, 3, 3, "year"},
		{"15 minutes 2 hours", 2, "15 minutes", 15, 15, 15, "minute"},
		{"two hours 15 people", 2, "two hours", 2, 2, 2, "hour"},
		{"two hours", 1, "two hours", 2, 2, 2, "hour"},
	}
	for _, tc := range tests {
		qs := Parse(tc.in)
		if len(qs) != tc.n {
			t.Errorf("%q: got %d quantities %+v, want %d", tc.in, len(qs), qs, tc.n)
			continue
		}
		q := qs[0]
		if q.Text != tc.text || q.Value != tc.value || q.Low != tc.low || q.High != tc.high || q.Unit != tc.unit {
			t.Errorf("%q: got %q v=%g [%g,%g] unit=%q, want %q v=%g [%g,%g] unit=%q", tc.in, q.Text, q.Value, q.Low, q.High, q.Unit, tc.text, tc.value, tc.low, tc.high, tc.unit)
		}
	}
}
