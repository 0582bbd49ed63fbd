#!/usr/bin/env bash
# Copies the page and the files it needs from node_modules into OUT (the
# folder `dateline serve` hands out, build/web by default):
#   web/build.sh OUT
# Needs web/node_modules (make web runs `npm ci` first). Nothing is fetched.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: web/build.sh OUT_DIR}
nm="$here/node_modules"
for f in d3/dist/d3.min.js topojson-client/dist/topojson-client.min.js world-atlas/countries-50m.json; do
  [ -f "$nm/$f" ] || { echo "web/build.sh: $nm/$f is missing; run 'npm ci' in web/ (make web does)" >&2; exit 1; }
done
rm -rf "$out/vendor"
mkdir -p "$out/vendor"
cp "$here/index.html" "$here/app.js" "$here/style.css" "$out/"
cp "$nm/d3/dist/d3.min.js" "$nm/topojson-client/dist/topojson-client.min.js" \
   "$nm/world-atlas/countries-50m.json" "$out/vendor/"
# The licences travel with the files they cover.
cp "$nm/d3/LICENSE" "$out/vendor/LICENSE.d3"
cp "$nm/topojson-client/LICENSE" "$out/vendor/LICENSE.topojson-client"
cp "$nm/world-atlas/LICENSE" "$out/vendor/LICENSE.world-atlas"
