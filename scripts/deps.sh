#!/usr/bin/env bash
# Installs what DesaGis needs and the machine lacks: PostgreSQL + PostGIS (unless DESAGIS_DATABASE points at one),
# GDAL's command-line tools, Chromium for browser tests, fonts for map rendering, and the viewer's npm packages.
#   scripts/deps.sh run    what `make run` needs
#   scripts/deps.sh test   what `make test` needs as well
#   scripts/deps.sh bench  what `make bench` needs as well
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-run}

need=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
want() { for p in "$@"; do have_pkg "$p" || need+=("$p"); done; }

if [[ -z ${DESAGIS_DATABASE:-} ]]; then
  want postgresql-15 postgresql-15-postgis-3
fi
want postgresql-client fontconfig fonts-dejavu-core fonts-noto-core
if [[ $mode == test || $mode == bench ]]; then
  want gdal-bin chromium poppler-utils
fi
if [[ $mode == test ]]; then
  # Debian's QGIS (PyQGIS, headless): the tests open offline packages in the desktop client they are made for.
  want python3-qgis qgis-providers
fi
if [[ $mode == bench ]]; then
  # MapServer 8 as a FastCGI peer behind nginx (scripts/bench-mapserver.sh).
  want wrk cgi-mapserver spawn-fcgi nginx-light
fi

if ((${#need[@]})); then
  sudo=""
  if [[ $(id -u) != 0 ]]; then sudo="sudo"; fi
  echo "installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
  $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# The Debian package starts a cluster of its own; we do not use it, and it would hold port 5432.
if [[ -z ${DESAGIS_DATABASE:-} ]] && command -v pg_lsclusters >/dev/null; then
  :
fi

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (https://dot.net); install it and run make again." >&2; exit 1; }

# The viewer's front-end packages, when the viewer exists and they changed.
if [[ -f src/DesaGis.Viewer/package.json ]]; then
  command -v npm >/dev/null || { echo "npm is required to build the viewer" >&2; exit 1; }
  stamp=src/DesaGis.Viewer/node_modules/.installed
  if [[ ! -f $stamp || src/DesaGis.Viewer/package-lock.json -nt $stamp ]]; then
    (cd src/DesaGis.Viewer && npm ci --no-audit --no-fund --loglevel=error) && touch "$stamp"
  fi
fi

# The MapLibre style validator that the style tests run.
if [[ $mode == test || $mode == bench ]] && [[ -f styles/tooling/package-lock.json ]]; then
  stamp=styles/tooling/node_modules/.installed
  if [[ ! -f $stamp || styles/tooling/package-lock.json -nt $stamp ]]; then
    (cd styles/tooling && npm ci --no-audit --no-fund --loglevel=error) && touch "$stamp"
  fi
fi
