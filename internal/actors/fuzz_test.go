package actors_test

import (
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzResolve checks the span invariant on arbitrary text.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"The Russian side put forward demands; Kyiv’s reply came.",
		"Hamas said the group and the two sides agreed with Qatari mediators.",
		"Military says Sudan\u00a0left\nthe talks (the Kingdom of Saudi Arabia, the AU).",
		"Élysée, ÉLYSÉE, İstanbul, Türkiye’s envoy, U.S.-brokered",
	} {
		f.Add(s)
	}
	g := load(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		ms := g.Resolve(text, time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC))
		checkSpans(t, text, ms)
	})
}

func TestAntecedent(t *testing.T) {
	g := load(t)
	text := "Hamas met Israeli officials in Cairo with Qatari mediators, and it said"
	ms := g.Resolve(text, day("2024-06-01"))
	pos := len(text) - len("it said")
	if m, ok := g.Antecedent(ms, pos, "group"); !ok || m.Party != "Hamas" {
		t.Errorf("Antecedent(group) = %+v, %v; want Hamas", m, ok)
	}
	if m, ok := g.Antecedent(ms, pos); !ok || m.Party != "Egypt" && m.Party != "Israel" {
		t.Errorf("Antecedent() = %+v, %v; want the last non-mediator party", m, ok)
	}
	if g.Kind("Hamas") != "group" || g.Kind("Atlantis") != "" {
		t.Error("Kind gives wrong kinds")
	}
}
