package analyse

import "testing"

func TestAdjustedWinner(t *testing.T) {
	mk := func(a, b string, names []string, pa, pb []float64) *Division {
		d := &Division{Parties: [2]string{a, b}}
		for i, n := range names {
			d.Items = append(d.Items, Item{Name: n, Points: [2]float64{pa[i], pb[i]}})
		}
		return d
	}
	tests := []struct {
		name      string
		d         *Division
		shareA    []float64
		points    float64
		split     int
		splitFrac float64
	}{
		{
			name: "Bob/Carol",
			d: mk("Carol", "Bob", []string{"retirement", "home", "cottage", "investments", "other"},
				[]float64{50, 20, 15, 10, 5}, []float64{40, 30, 10, 10, 10}),
			shareA: []float64{5.0 / 6, 0, 1, 0, 0}, points: 170.0 / 3, split: 0, splitFrac: 5.0 / 6,
		},
		{
			name: "Mike/Phil",
			d: mk("Mike", "Phil", []string{"stereo", "smoking", "party", "cleanliness", "alcohol", "phone", "lights-out", "visitors"},
				[]float64{4, 10, 50, 6, 15, 1, 10, 4}, []float64{22, 20, 25, 3, 15, 8, 2, 5}),
			shareA: []float64{0, 0, 1, 1, 2.0 / 15, 0, 1, 0}, points: 68, split: 4, splitFrac: 2.0 / 15,
		},
		{
			name:   "no split needed",
			d:      mk("A", "B", []string{"x", "y"}, []float64{60, 40}, []float64{40, 60}),
			shareA: []float64{1, 0}, points: 60, split: -1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := AdjustedWinner(tt.d)
			if err != nil {
				t.Fatal(err)
			}
			for i, want := range tt.shareA {
				if !near(a.ShareA[i], want, 1e-12) {
					t.Errorf("%s: %s share %v, want %v", tt.d.Items[i].Name, tt.d.Parties[0], a.ShareA[i], want)
				}
			}
			if !near(a.Points[0], tt.points, 1e-9) || !near(a.Points[1], tt.points, 1e-9) {
				t.Errorf("points %v, want %v each", a.Points, tt.points)
			}
			if a.Split != tt.split || (tt.split >= 0 && !near(a.SplitShareA, tt.splitFrac, 1e-12)) {
				t.Errorf("split item %d share %v, want %d share %v", a.Split, a.SplitShareA, tt.split, tt.splitFrac)
			}
		})
	}
	bad := mk("A", "B", []string{"x"}, []float64{90}, []float64{100})
	if _, err := AdjustedWinner(bad); err == nil {
		t.Error("points summing to 90: no error")
	}
}
