// Package examples holds parley's bundled example reports: twelve short
// news reports, written for the project, on the African Union-led talks
// between the Ethiopian federal government and the TPLF (August 2022 –
// March 2023), from several fictional outlets, as plain text, HTML pages,
// an RSS feed and JSON Lines, with one syndicated near-duplicate and one
// undated analysis; and the case file that describes that negotiation.
package examples

import "embed"

// FS holds the report files at its root.
//
//go:embed *.txt *.html *.xml *.jsonl
var FS embed.FS

// Cases holds case files (negotiations) under cases/.
//
//go:embed cases/*.yaml
var Cases embed.FS

// CaseFile is the path in Cases of the example negotiation's case file.
const CaseFile = "cases/ethiopia-tplf.yaml"
