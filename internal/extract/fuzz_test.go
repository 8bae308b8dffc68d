package extract_test

import (
	"testing"
	"unicode/utf8"
)

func FuzzExtract(f *testing.F) {
	seeds := []string{
		"",
		"Russia demanded a ceasefire.",
		"According to the New York Times, according to people familiar with the matter, Putin may accept a truce.",
		"The Russian side put forward three preconditions: first, it demanded neutrality;Secondly, recognition of Crimea;Finally, the status quo.",
		"Hamas proposes 135-day truce – reports\n\nTerror group seeking withdrawal of Israeli forces",
		"Egypt, which has said it rejects any Israeli deployment, asked the U.S. for guarantees.\"We refuse.\"",
		"If Ukraine rejects the proposal, Zelensky** will be forced to give up Donbas; the sources said.",
		"“Of course, we will not take a single step back,” Aliyev said.",
		"Qatari and Egyptian mediators and the U.S.-backed plan; both sides agreed.",
		"Brig. Gen. Mr. Dr. Jan. Feb. U.S. U.K.",
		"\xff\xfe\x00 demand \u00a0 ’s ‘ ” … — –",
		"a.b.c.d;;;,,,::: the group he it they we",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	x := starterExtractor(f)
	f.Fuzz(func(t *testing.T, text string) {
		cs := x.Extract(doc(text))
		checkSpans(t, text, cs)
		for _, c := range cs {
			if c.Actor == "" || c.Act == "" || c.Issue == "" {
				t.Fatalf("incomplete claim %+v", c)
			}
			if utf8.ValidString(text) && !utf8.ValidString(c.Sentence) {
				t.Fatalf("sentence cut inside a rune: %q", c.Sentence)
			}
		}
	})
}
