package extract_test

import (
	"slices"
	"strings"
	"testing"

	"parley/internal/extract"
	"parley/internal/model"
)

// TestGeneralConstructions checks constructions found in reports on
// negotiations the rules were not written for, with the actor gazetteer.
// undated marks a report with no date.
func TestGeneralConstructions(t *testing.T) {
	x, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text string
		undated    bool
		want       []string
	}{
		{"statement opener credits the subject", "In a statement, Hamas demanded the release of prisoners.", false,
			[]string{"Hamas demand prisoners src=official"}},
		{"its after the subject", "Canada offered to host talks. In a statement, the Ambazonia Governing Council (AGovC), an armed separatist movement, listed its demands: first, the withdrawal of the army; second, the release of all detained separatist leaders.", false,
			[]string{"Canada propose talks", "AGovC demand withdrawal src=official", "AGovC demand prisoners src=official"}},
		{"an undated report naming a de-facto government", "Talks between Pakistan and Afghanistan's Taliban government ended. Kabul demanded that Pakistan stop air strikes.", true,
			[]string{"Taliban demand ceasefire"}},
		{"a dated report keeps the resolver's reading", "Talks between Pakistan and the Taliban government ended. Kabul demanded that Pakistan stop air strikes.", false,
			[]string{"Taliban demand ceasefire"}},
		{"an undated report that does not call the group the government", "The Taliban attacked a post. Kabul demanded that Pakistan stop air strikes.", true,
			[]string{"Afghanistan demand ceasefire"}},
		{"willing to accept a thing offers it", "Iran is willing to accept temporary limits on enrichment.", false,
			[]string{"Iran propose disarmament"}},
		{"willing to accept a demand accepts it", "Armenia is willing to accept Azerbaijan's demand on the constitution.", false,
			[]string{"Armenia accept governance", "Azerbaijan demand governance"}},
		{"talks mediated by are no plan", "The talks, mediated by Turkey and Qatar, were meant to consolidate a truce.", false,
			nil},
		{"refusing to give up is a rejection", "Iran will not give up enrichment on its own soil.", false,
			[]string{"Iran reject disarmament"}},
		{"put on hold by", "The decommissioning of the combatants was put on hold by the MILF.", false,
			[]string{"MILF reject disarmament"}},
		{"coordinated after a possessive name, and the groups after", "The opposition groups, among them Pagan Amum's Real SPLM and Thomas Cirillo's National Salvation Front (NAS), insist on a new census. The groups also demand the release of political detainees.", false,
			[]string{"Real SPLM demand governance", "NAS demand governance", "Real SPLM demand prisoners", "NAS demand prisoners"}},
		{"and said it: the first subject", "Pakistan welcomed the US offer of mediation and said it was ready to hold talks at a neutral venue.", false,
			[]string{"Pakistan accept talks src=official", "United States propose talks src=official", "Pakistan propose talks src=official"}},
		{"a closing source speaks for the whole sentence", "Iran will not give up enrichment on its own soil, which is a red line, Foreign Minister Abbas Araghchi said after the meeting.", false,
			[]string{"Iran reject disarmament src=official"}},
		{"whoever issues a statement speaks officially", "The Office of the Presidential Adviser on Peace, Reconciliation and Unity said in a statement that the Philippine government is ready to expedite amnesty applications.", false,
			[]string{"Philippines propose justice src=official"}},
		{"a quotation after a quoted sentence is the same speaker's", "\"The talks are over,\" the Hamas spokesman said. \"Hamas will not accept the disarmament of its fighters.\"", false,
			[]string{"Hamas reject disarmament src=official"}},
		{"a closing source before 'although'", "The Polisario may be open to direct talks with Rabat, a source close to the movement told AFP, although no official confirmation was given.", false,
			[]string{"Polisario Front propose talks src=anonymous hedged"}},
		{"a party named 'Government of …', and both delegations after the sides' claims", "The LNA delegation demanded the withdrawal of Turkish forces. The delegation of the Government of National Unity refuses to discuss the withdrawal of Turkish advisers. Turkey, Turkish officers and Ankara were not present. The UN proposed ceasefire monitors, and both delegations approved in principle the first batch of the observers.", false,
			[]string{"Libyan National Army demand withdrawal", "Government of National Unity reject withdrawal", "United Nations propose security_guarantees",
				"Libyan National Army accept security_guarantees", "Government of National Unity accept security_guarantees"}},
		{"coordination across a name in apposition", "The President of Renamo, Ossufo Momade, and the Head of State Filipe Nyusi signed the agreement of definitive cessation of military hostilities.", false,
			[]string{"Renamo accept ceasefire src=official", "Mozambique accept ceasefire src=official"}},
		{"', saying' credits the subject", "The Polisario Front rejected the resolution, saying that it excludes a referendum on self-determination.", false,
			[]string{"Polisario Front reject recognition src=official"}},
		{"a condition on something no issue names", "Islamabad insisted on a written and verifiable commitment to act against the TTP as a condition for any deal.", false,
			[]string{"Pakistan demand other precondition"}},
		{"the government is not the mediator's", "The Kenyan-mediated initiative between South Sudan's government and the opposition has stalled. \"Whatever comes from Nairobi must be part of that agreement.\" The government may be ready to extend the transitional period.", false,
			[]string{"South Sudan propose governance hedged"}},
		{"a requirement on a bare issue noun", "Hamas said that sanctions relief must be real.", false,
			[]string{"Hamas demand economy src=official"}},
		{"no requirement on a thing that names no issue", "Hamas said the nation should be strong.", false,
			nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := doc(tc.text)
			if tc.undated {
				d = model.Document{ID: "t", Text: tc.text}
			}
			cs := x.Extract(d)
			checkSpans(t, tc.text, cs)
			got := claimKeys(cs)
			slices.Sort(got)
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("claims of %q:\n got %q\nwant %q", tc.text, got, want)
			}
		})
	}
}
