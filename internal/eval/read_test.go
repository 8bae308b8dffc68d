package eval_test

import (
	"strings"
	"testing"

	"parley/internal/eval"
	"parley/internal/model"
)

const goodLine = `{"doc": "d1", "sentence": "Hamas wants a ceasefire.", "actor": "Hamas", "act": "demand", "issue": "ceasefire", "position": "ceasefire", "precondition": true, "source": {"kind": "anonymous", "name": null, "via": "Reuters"}, "hedged": false}`

func TestReadClaims(t *testing.T) {
	in := goodLine + "\n\n" +
		`{"doc": "d2", "sentence": "Russia offered talks.", "actor": "Russia", "act": "propose", "issue": "talks", "source": {"kind": "official", "name": "Peskov", "via": null}, "hedged": true, "evidence": {"sentence": {"start": 0, "end": 21}, "anything": [1, 2]}, "extra": 1}`
	claims, err := eval.ReadClaims(strings.NewReader(in), "c.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Claim{
		{Doc: "d1", Sentence: "Hamas wants a ceasefire.", Actor: "Hamas", Act: "demand", Issue: "ceasefire", Position: "ceasefire", Precondition: true, Source: model.Source{Kind: "anonymous", Via: "Reuters"}},
		{Doc: "d2", Sentence: "Russia offered talks.", Actor: "Russia", Act: "propose", Issue: "talks", Source: model.Source{Kind: "official", Name: "Peskov"}, Hedged: true},
	}
	if len(claims) != len(want) {
		t.Fatalf("got %d claims, want %d", len(claims), len(want))
	}
	for i := range want {
		if claims[i] != want[i] {
			t.Errorf("claim %d = %+v, want %+v", i, claims[i], want[i])
		}
	}
}

func TestReadClaimsErrors(t *testing.T) {
	tests := []struct {
		name, line, want string
	}{
		{"syntax", `{"doc": "d1", "sentence": }`, "bad.jsonl:3:27: invalid JSON"},
		{"truncated", `{"doc": "d1", "sentence": "x"`, "bad.jsonl:3: invalid JSON"},
		{"two values", goodLine + ` {}`, "bad.jsonl:3:"},
		{"wrong type", strings.Replace(goodLine, `"hedged": false`, `"hedged": "no"`, 1), `bad.jsonl:3:`},
		{"not an object", `["d1"]`, "bad.jsonl:3:"},
		{"unknown act", strings.Replace(goodLine, `"act": "demand"`, `"act": "demands"`, 1), `bad.jsonl:3: unknown act "demands"`},
		{"unknown issue", strings.Replace(goodLine, `"issue": "ceasefire"`, `"issue": "truce"`, 1), `bad.jsonl:3: unknown issue "truce"`},
		{"unknown source kind", strings.Replace(goodLine, `"kind": "anonymous"`, `"kind": "sources"`, 1), `bad.jsonl:3: unknown source kind "sources"`},
		{"missing source", strings.Replace(goodLine, `"source": {"kind": "anonymous", "name": null, "via": "Reuters"}`, `"source": null`, 1), `bad.jsonl:3: missing "source"`},
		{"missing doc", strings.Replace(goodLine, `"doc": "d1"`, `"doc": null`, 1), `bad.jsonl:3: missing "doc"`},
		{"empty sentence", strings.Replace(goodLine, `"sentence": "Hamas wants a ceasefire."`, `"sentence": " "`, 1), `bad.jsonl:3: missing "sentence"`},
		{"sentence without words", strings.Replace(goodLine, `"sentence": "Hamas wants a ceasefire."`, `"sentence": "**"`, 1), `bad.jsonl:3: sentence "**" has no words`},
		{"missing actor", strings.Replace(goodLine, `"actor": "Hamas"`, `"actor": ""`, 1), `bad.jsonl:3: missing "actor"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := goodLine + "\n" + goodLine + "\n" + tt.line + "\n" + goodLine + "\n"
			_, err := eval.ReadClaims(strings.NewReader(in), "bad.jsonl")
			if err == nil {
				t.Fatalf("no error for %s", tt.line)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
		})
	}
}

func FuzzReadClaims(f *testing.F) {
	f.Add(goodLine)
	f.Add(`{"doc": "d", "source": {}}`)
	f.Add("\n\n{}\n[1]\n")
	f.Fuzz(func(t *testing.T, in string) {
		claims, err := eval.ReadClaims(strings.NewReader(in), "f.jsonl")
		if err != nil {
			return
		}
		// Whatever reads must score against itself perfectly.
		r := eval.Score(claims, claims, eval.Options{})
		if r.Strict.Matched != len(claims) {
			t.Fatalf("matched %d of %d", r.Strict.Matched, len(claims))
		}
	})
}
