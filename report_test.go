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
