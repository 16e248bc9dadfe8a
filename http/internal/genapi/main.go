// Command genapi writes http/assets/openapi.json: the hand-written
// openapi.src.json with the report contract (shared/contract/report.schema.json)
// embedded as the Report component schema, its $defs moved to components.
//
//	go run ./http/internal/genapi -contract ../shared/contract/report.schema.json
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	contract := flag.String("contract", "../shared/contract/report.schema.json", "the report contract's JSON Schema")
	src := flag.String("src", "http/assets/openapi.src.json", "the hand-written OpenAPI document")
	out := flag.String("o", "http/assets/openapi.json", "where to write the result")
	flag.Parse()
	if err := run(*contract, *src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genapi:", err)
		os.Exit(1)
	}
}

func run(contractPath, srcPath, outPath string) error {
	cb, err := os.ReadFile(contractPath)
	if err != nil {
		return err
	}
	// Rewrite the contract's local references to component references.
	cs := strings.ReplaceAll(string(cb), `"#/$defs/`, `"#/components/schemas/Contract_`)
	var schema map[string]any
	if err := json.Unmarshal([]byte(cs), &schema); err != nil {
		return fmt.Errorf("%s: %w", contractPath, err)
	}
	sb, err := os.ReadFile(srcPath)
	if err != nil {
		return err
	}
	var doc map[string]any
	if err := json.Unmarshal(sb, &doc); err != nil {
		return fmt.Errorf("%s: %w", srcPath, err)
	}
	schemas := doc["components"].(map[string]any)["schemas"].(map[string]any)
	if defs, ok := schema["$defs"].(map[string]any); ok {
		for k, v := range defs {
			schemas["Contract_"+k] = v
		}
	}
	delete(schema, "$defs")
	delete(schema, "$schema")
	delete(schema, "$id")
	schemas["Report"] = schema
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return err
	}
	return os.WriteFile(outPath, buf.Bytes(), 0o644)
}
