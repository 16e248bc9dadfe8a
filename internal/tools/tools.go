//go:build tools

// Package tools pins the modules that Accord's packages use, so that go.mod
// keeps them while several packages are developed at once.
package tools

import (
	_ "github.com/PuerkitoBio/goquery"
	_ "github.com/RadhiFadlillah/whatlanggo"
	_ "github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/markusmobius/go-htmldate"
	_ "github.com/markusmobius/go-trafilatura"
	_ "github.com/mattn/go-isatty"
	_ "github.com/mmcdole/gofeed"
	_ "github.com/nats-io/nats-server/v2/server"
	_ "github.com/nats-io/nats.go"
	_ "github.com/nats-io/nats.go/jetstream"
	_ "github.com/santhosh-tekuri/jsonschema/v6"
	_ "github.com/schollz/progressbar/v3"
	_ "github.com/spf13/cobra"
	_ "github.com/zeebo/xxh3"
	_ "golang.org/x/net/html"
	_ "golang.org/x/text/encoding/htmlindex"
	_ "modernc.org/sqlite"
)
