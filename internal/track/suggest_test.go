package track_test

import (
	"strings"
	"testing"

	"parley/internal/track"
)

func TestSuggest(t *testing.T) {
	f := newFixture().
		doc("a", "A", "2022-03-01").claim("a", "Russia demands neutrality.", "Russia", "demand", "alliance").
		claim("a", "Kyiv rejects it.", "Ukraine", "reject", "alliance").
		claim("a", "Turkey offers to host talks.", "Turkey", "propose", "talks").
		doc("a2", "A2", "2022-03-01").copyOf("a2", "a").claim("a2", "Russia demands neutrality.", "Russia", "demand", "alliance").
		claim("a2", "Hamas demands a truce.", "Hamas", "demand", "ceasefire").
		claim("a2", "Israel rejects a truce.", "Israel", "reject", "ceasefire").
		doc("b", "B", "2022-03-29").claim("b", "Russia wants the land.", "Russia", "demand", "territory").
		claim("b", "Ukraine offers neutrality.", "Ukraine", "propose", "alliance").
		claim("b", "Turkey proposes a summit.", "Turkey", "propose", "talks")
	ss := track.Suggest(f.claims, f.docs, 2)
	if len(ss) < 1 {
		t.Fatal("no suggestion")
	}
	s := ss[0]
	if s.Case.Name != "russia-ukraine" || s.Reports != 2 {
		t.Errorf("first suggestion %s with %d reports, want russia-ukraine with 2 (the copy counts once)", s.Case.Name, s.Reports)
	}
	if len(s.Case.Issues) == 0 || s.Case.Issues[0] != "alliance" {
		t.Errorf("issues %v, want alliance first", s.Case.Issues)
	}
	if len(s.Case.Mediators) != 1 || s.Case.Mediators[0] != "Turkey" {
		t.Errorf("mediators %v, want Turkey", s.Case.Mediators)
	}
	if s.Case.Window.From != "2022-03-01" || s.Case.Window.To != "2022-03-29" {
		t.Errorf("window %+v", s.Case.Window)
	}
	y, err := track.SuggestionYAML(ss)
	if err != nil {
		t.Fatal(err)
	}
	first := strings.Split(string(y), "---\n")[0]
	if _, err := track.ParseCase("suggested.yaml", []byte(first)); err != nil {
		t.Errorf("suggested case does not parse: %v\n%s", err, first)
	}
}
