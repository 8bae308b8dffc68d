package analyse

// Compromise is the compromise model (CM): the mean of the positions
// weighted by capability × salience, x̂ = Σ c·s·x / Σ c·s.
func Compromise(actors []Actor) (float64, error) {
	var num, den float64
	for _, a := range actors {
		w := a.Capability * a.Salience
		num += w * a.Position
		den += w
	}
	if den <= 0 {
		return 0, ErrNoWeight
	}
	return num / den, nil
}

// Mean is the unweighted mean of the positions.
func Mean(actors []Actor) (float64, error) {
	if len(actors) == 0 {
		return 0, ErrNoWeight
	}
	var sum float64
	for _, a := range actors {
		sum += a.Position
	}
	return sum / float64(len(actors)), nil
}
