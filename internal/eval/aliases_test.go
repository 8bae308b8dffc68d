package eval_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/internal/eval"
)

func TestAliasesEmbedded(t *testing.T) {
	a := loadAliases(t)
	tests := []struct {
		x, y string
		same bool
	}{
		{"US", "United States", true},
		{"U.S.", "the United States", true},
		{"USA", "America", true},
		{"EU", "the European Union", true},
		{"DRC", "DR Congo", true},
		{"Democratic Republic of the Congo", "drc", true},
		{"Kremlin", "Russia", true},
		{"the Kremlin", "Moscow", true},
		{"Russian Federation", "RUSSIA", true},
		{"Kyiv", "Ukraine", true},
		{"Kiev", "Kyiv", true},
		{"UK", "Britain", true},
		{"UN", "United Nations", true},
		{"AU", "African Union", true},
		{"Sudan’s army", "SAF", true},
		{"Hamas", "hamas", true},
		{"Northern  Alliance", "the northern alliance", true},
		{"Russia", "Ukraine", false},
		{"United Nations", "UN Security Council", false},
		{"European Union", "African Union", false},
		{"Them", "the m", false},
	}
	for _, tt := range tests {
		t.Run(tt.x+"="+tt.y, func(t *testing.T) {
			if got := a.Same(tt.x, tt.y); got != tt.same {
				t.Errorf("Same(%q, %q) = %v, want %v", tt.x, tt.y, got, tt.same)
			}
		})
	}
}

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestAliasesUserFile(t *testing.T) {
	user := writeFile(t, "more.yaml", `
# New party and an extension of an existing one.
- name: Northland
  aliases: [Northern Republic, Nordstadt]
- name: Russia
  aliases: [RF]
`)
	a, err := eval.LoadAliases(user)
	if err != nil {
		t.Fatal(err)
	}
	for _, pair := range [][2]string{{"Nordstadt", "northland"}, {"the Northern Republic", "Northland"}, {"RF", "Kremlin"}} {
		if !a.Same(pair[0], pair[1]) {
			t.Errorf("%q and %q should be the same party", pair[0], pair[1])
		}
	}
	if a.Same("Northland", "Russia") {
		t.Error("Northland and Russia should differ")
	}
	plain := loadAliases(t)
	if plain.Same("RF", "Russia") {
		t.Error("a user file must not change the embedded table of another load")
	}
}

func TestAliasesErrors(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"unknown field", "- name: Northland\n  alias: [N]\n", "bad.yaml:2:3:"},
		{"wrong type", "- name: Northland\n  aliases: N\n", "bad.yaml:2:"},
		{"not a list", "name: Northland\n", "bad.yaml:1:"},
		{"syntax", "- name: [Northland\n", "bad.yaml:1:"},
		{"no name", "- aliases: [N]\n", "bad.yaml:1:3: entry without a name"},
		{"empty alias", "- name: Northland\n  aliases: ['']\n", `bad.yaml:2:13: entry "Northland" has an empty alias`},
		{"listed twice", "- name: Northland\n  aliases: [N]\n- name: Southland\n  aliases: [the n]\n", `bad.yaml:4:13: "the n" is already listed in the entry at line 1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := eval.LoadAliases(writeFile(t, "bad.yaml", tt.text))
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
		})
	}
	if _, err := eval.LoadAliases(filepath.Join(t.TempDir(), "missing.yaml")); err == nil {
		t.Error("no error for a missing file")
	}
}
