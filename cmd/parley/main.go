// Command parley reads news reports on peace and ceasefire talks and tells
// who demands what, on which issue, according to whom, and how sure it is.
package main

import (
	"os"

	"parley/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
