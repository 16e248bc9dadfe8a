package main

import (
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"strings"
)

// writeJSONIndented writes v as json.Encoder with SetIndent("", "  ") and
// SetEscapeHTML(false) would, byte for byte, but encodes a top-level
// struct's slice fields one element at a time: the encoder builds the whole
// text in memory and then an indented copy of it, which for a large report
// is about twice its size on top of the report itself. Anything but a plain
// struct (tags with options, custom marshalers) goes to the encoder whole.
func writeJSONIndented(w io.Writer, v any) error {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv = rv.Elem()
	}
	if !streamable(rv) {
		return encodeIndented(w, v, "")
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	// encode writes one value, indented as at the given depth, without the
	// encoder's trailing newline.
	encode := func(x any, prefix string) error {
		buf.Reset()
		enc.SetIndent(prefix, "  ")
		if err := enc.Encode(x); err != nil {
			return err
		}
		_, err := w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		return err
	}
	write := func(s string) error {
		_, err := io.WriteString(w, s)
		return err
	}
	rt := rv.Type()
	fields := 0
	if err := write("{"); err != nil {
		return err
	}
	for i := 0; i < rt.NumField(); i++ {
		f := rt.Field(i)
		name, ok := jsonName(f)
		if !ok {
			continue
		}
		sep := "\n  "
		if fields > 0 {
			sep = ",\n  "
		}
		fields++
		if err := write(sep + `"` + name + `": `); err != nil {
			return err
		}
		fv := rv.Field(i)
		if fv.Kind() != reflect.Slice || fv.IsNil() || fv.Len() == 0 {
			if err := encode(fv.Interface(), "  "); err != nil {
				return err
			}
			continue
		}
		if err := write("["); err != nil {
			return err
		}
		for k := 0; k < fv.Len(); k++ {
			sep := "\n    "
			if k > 0 {
				sep = ",\n    "
			}
			if err := write(sep); err != nil {
				return err
			}
			if err := encode(fv.Index(k).Interface(), "    "); err != nil {
				return err
			}
		}
		if err := write("\n  ]"); err != nil {
			return err
		}
	}
	end := "}\n"
	if fields > 0 {
		end = "\n}\n"
	}
	return write(end)
}

var marshalerType = reflect.TypeFor[json.Marshaler]()

// streamable: a struct whose exported fields all have a plain name tag (or
// none) and no custom marshaling on the struct or its slices.
func streamable(rv reflect.Value) bool {
	if rv.Kind() != reflect.Struct {
		return false
	}
	rt := rv.Type()
	if rt.Implements(marshalerType) || reflect.PointerTo(rt).Implements(marshalerType) {
		return false
	}
	for i := 0; i < rt.NumField(); i++ {
		f := rt.Field(i)
		if f.Anonymous {
			return false
		}
		if !f.IsExported() {
			continue
		}
		if tag := f.Tag.Get("json"); strings.Contains(tag, ",") {
			return false
		}
		if f.Type.Kind() == reflect.Slice && (f.Type.Implements(marshalerType) || reflect.PointerTo(f.Type).Implements(marshalerType) ||
			reflect.PointerTo(f.Type.Elem()).Implements(marshalerType)) {
			// An element given alone is not addressable: a marshaler on
			// its pointer would not run.
			return false
		}
	}
	return true
}

// jsonName is a streamable struct field's key, or false for a field the
// encoder leaves out.
func jsonName(f reflect.StructField) (string, bool) {
	if !f.IsExported() {
		return "", false
	}
	tag := f.Tag.Get("json")
	if tag == "-" {
		return "", false
	}
	if tag == "" {
		return f.Name, true
	}
	return tag, true
}

func encodeIndented(w io.Writer, v any, prefix string) error {
	enc := json.NewEncoder(w)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
