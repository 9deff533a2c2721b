#!/usr/bin/env bash
# Builds the web viewer (MapLibre GL JS, bundled locally) into the server's wwwroot when its sources changed.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f src/DesaGis.Viewer/package.json ]] || exit 0
scripts/deps.sh run >/dev/null
cd src/DesaGis.Viewer
out=../DesaGis.Server/wwwroot/viewer/dist
if [[ ! -f $out/.built ]] || [[ -n $(find src package.json package-lock.json build.mjs -newer "$out/.built" 2>/dev/null | head -n 1) ]]; then
  npm run --silent build
  touch "$out/.built"
fi
