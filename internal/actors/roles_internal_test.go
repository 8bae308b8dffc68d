package actors

import (
	"strings"
	"testing"
)

// TestMediatorPhraseShapes checks the shapes mediatedAround's quick filters
// rely on.
func TestMediatorPhraseShapes(t *testing.T) {
	for _, p := range mediatedBy {
		if !strings.HasSuffix(p, "by ") && !strings.HasSuffix(p, "of ") && !strings.HasSuffix(p, "from ") && !strings.HasSuffix(p, "in ") {
			t.Errorf("mediatedBy %q must end with by, of, from or in", p)
		}
	}
	for _, p := range mediatedSuffix {
		if !strings.HasPrefix(p, "-") && !strings.HasPrefix(p, ",") && !strings.HasPrefix(p, " wh") {
			t.Errorf("mediatedSuffix %q must start with -, , or \" wh\"", p)
		}
	}
	for _, w := range []string{"President", "FOREIGN", "Minister", "former"} {
		if foldWord(w) == noKey {
			t.Errorf("foldWord(%q) = noKey, want a role word", w)
		}
	}
	if foldWord("Kenyatta") != noKey {
		t.Error("foldWord(Kenyatta) is a role word")
	}
}
