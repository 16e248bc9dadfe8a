#!/bin/sh
# Reproduces the vendored front-end libraries under http/assets/vendor from the
# npm registry: pinned versions, the distributed minified build and its LICENSE.
# Run from anywhere: sh http/assets/fetch.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/vendor"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
cd "$tmp"
fetch() { # package version file-in-package target-name
	npm pack --silent "$1@$2" >/dev/null
	mkdir -p "$1"
	tar -xzf "$(echo "$1" | tr -d @ | tr / -)-$2.tgz" -C "$1"
	cp "$1/package/$3" "$out/$4"
	cp "$1/package/LICENSE"* "$out/$4.LICENSE.txt" 2>/dev/null || cp "$1/package/license"* "$out/$4.LICENSE.txt"
}
fetch chart.js 4.5.1 dist/chart.umd.min.js chart.umd.min.js
fetch cytoscape 3.33.1 dist/cytoscape.min.js cytoscape.min.js
( cd "$out" && sha256sum chart.umd.min.js cytoscape.min.js > SHA256SUMS )
echo "vendored into $out:"; ls -l "$out"
