package accord

import (
	"reflect"
	"testing"
)

func TestEntityAliasLabels(t *testing.T) {
	for _, tc := range []struct {
		name string
		e    Entity
		want []string
	}{
		{"none spun", Entity{Aliases: []string{"A", "B"}}, []string{"A", "B"}},
		{"one spun", Entity{Aliases: []string{"A", "B"}, SpunAliases: []string{"B"}}, []string{"A", "B (spun copy)"}},
		{"empty", Entity{}, []string{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.e.AliasLabels(); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("AliasLabels() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestQuoteVariantStatedLabel(t *testing.T) {
	e := &Entity{Name: "Michael Smith", Aliases: []string{"Michael Smith", "Smith", "Michael Smithy", "MS"}, SpunAliases: []string{"Michael Smithy"}}
	for _, tc := range []struct {
		name, text string
		e          *Entity
		want       string
	}{
		{"no entity, a phrase", "a US Embassy spokesman", nil, "a US Embassy spokesman"},
		{"no entity, a pronoun", "She", nil, "unknown"},
		{"no entity, no wording", "", nil, "unknown"},
		{"no wording", "", e, "Michael Smith"},
		{"part of the name", "Smith", e, "Michael Smith"},
		{"an alias", "MS", e, "Michael Smith"},
		{"a spun alias", "Michael Smithy", e, "Michael Smithy (Michael Smith)"},
		{"not an alias", "Mike", e, "Mike (Michael Smith)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := (QuoteVariant{StatedSpeakerText: tc.text}).StatedLabel(tc.e); got != tc.want {
				t.Errorf("StatedLabel = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestQuoteSpeakerLabel(t *testing.T) {
	str := func(s string) *string { return &s }
	e := &Entity{ID: "E1", Name: "Jane Smith"}
	for _, tc := range []struct {
		name string
		q    Quote
		e    *Entity
		want string
	}{
		{"entity", Quote{Speaker: str("E1")}, e, "Jane Smith"},
		{"wording", Quote{Variants: []QuoteVariant{{StatedSpeakerText: "Smith"}, {}}}, nil, "Smith"},
		{"pronoun only", Quote{Variants: []QuoteVariant{{StatedSpeakerText: "she"}}}, nil, "unknown"},
		{"disagree", Quote{Variants: []QuoteVariant{{StatedSpeakerText: "Smith"}, {StatedSpeakerText: "a spokesman"}}}, nil, "unknown"},
		{"none", Quote{}, nil, "unknown"},
	} {
		if got := tc.q.SpeakerLabel(tc.e); got != tc.want {
			t.Errorf("%s: SpeakerLabel = %q, want %q", tc.name, got, tc.want)
		}
	}
}
