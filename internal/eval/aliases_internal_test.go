package eval

import "testing"

// FuzzAliasesAdd feeds arbitrary YAML to the alias loader: it may reject
// it, but must not panic, and what it accepts must leave every name in a
// class whose representative is its own parent.
func FuzzAliasesAdd(f *testing.F) {
	f.Add([]byte(embeddedAliases))
	f.Add([]byte("- name: A\n  aliases: [B, C]\n"))
	f.Add([]byte("- {name: A, aliases: [B]}\n- name: B\n"))
	f.Add([]byte("- aliases: [B]\n"))
	f.Add([]byte("name: A\n"))
	f.Add([]byte("---\n- name: A\n---\n- name: B\n  aliases: [a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a := &Aliases{parent: map[string]string{}}
		if err := a.add("fuzz.yaml", data); err != nil {
			return
		}
		for k := range a.parent {
			if r := a.find(k); a.parent[r] != r {
				t.Fatalf("class of %q ends at %q, whose parent is %q", k, r, a.parent[r])
			}
		}
	})
}
