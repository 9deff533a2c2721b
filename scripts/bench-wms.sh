#!/usr/bin/env bash
# The WMS part of `make bench`: GetMap 256 × 256 PNG tiles per second of the village choropleth, cold (no image cache:
# every tile read from PostGIS and drawn) and warm (served from the image cache), beside the MVT figures of the same
# tile list measured in the same run (uncached and cached), and the time of a 1024 × 768 GetMap of a kabupaten.
# Self-contained: it loads the national demo into desagis_bench when that is missing (as scripts/bench.sh does), runs
# servers of its own on free ports, and writes its section into bench/RESULTS.md between its markers (replacing an
# older one), leaving the rest of the file as it is.
# Settings: BENCH_SECONDS (15), BENCH_CONNECTIONS (16), BENCH_THREADS (2), BENCH_ROUNDS (2).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DESAGIS_DATABASE:?set DESAGIS_DATABASE (make bench does)}"
seconds=${BENCH_SECONDS:-15}
connections=${BENCH_CONNECTIONS:-16}
threads=${BENCH_THREADS:-2}
rounds=${BENCH_ROUNDS:-2}
art=bench/artifacts
mkdir -p "$art"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
bench_db=$(sed -E 's/(^|;)Database=[^;]*/\1Database=desagis_bench/' <<<"$DESAGIS_DATABASE")
if ! grep -q 'Database=desagis_bench' <<<"$bench_db"; then bench_db="$bench_db;Database=desagis_bench"; fi
log() { printf '[bench-wms %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

dotnet build src/DesaGis.Server -c Release -v:q -clp:ErrorsOnly --nologo >/dev/null
dotnet build src/DesaGis.Cli -c Release -v:q -clp:ErrorsOnly --nologo >/dev/null
dotnet build tests/DesaGis.Benchmarks -c Release -v:q -clp:ErrorsOnly --nologo >/dev/null
cli="dotnet src/DesaGis.Cli/bin/Release/net10.0/desagis.dll"
benchtool="dotnet $PWD/tests/DesaGis.Benchmarks/bin/Release/net10.0/DesaGis.Benchmarks.dll"

psql_admin() {
  local host port user pass
  host=$(grep -oP '(?<=Host=)[^;]+' <<<"$DESAGIS_DATABASE"); port=$(grep -oP '(?<=Port=)[^;]+' <<<"$DESAGIS_DATABASE" || echo 5432)
  user=$(grep -oP '(?<=Username=)[^;]+' <<<"$DESAGIS_DATABASE"); pass=$(grep -oP '(?<=Password=)[^;]+' <<<"$DESAGIS_DATABASE" || true)
  PGPASSWORD=$pass psql -h "$host" -p "$port" -U "$user" -v ON_ERROR_STOP=1 -qAt "$@"
}

villages=$(psql_admin -d desagis_bench -c "SELECT count(*) FROM desagis.desa" 2>/dev/null || echo 0)
if (( villages < 80000 )); then
  log "loading the 83,000-village national demo into desagis_bench"
  psql_admin -d postgres -c "DROP DATABASE IF EXISTS desagis_bench" -c "CREATE DATABASE desagis_bench"
  [[ -f geodata/national/desa.geojson ]] || $cli demo generate --villages 83000 --out geodata/national
  DESAGIS_DATABASE=$bench_db $cli db migrate
  DESAGIS_DATABASE=$bench_db $cli demo load --dir geodata/national
  psql_admin -d desagis_bench -c "VACUUM ANALYZE"
fi
DESAGIS_DATABASE=$bench_db $cli db migrate >/dev/null
villages=$(psql_admin -d desagis_bench -c "SELECT count(*) FROM desagis.desa")
# The same seeded list as the MVT runs: 4000 tiles weighted over z5–z14 by where traffic goes.
DESAGIS_DATABASE=$bench_db $benchtool tiles --count 4000 --out "$art/wms-tiles.txt"
awk -F/ '$1 >= 10' "$art/wms-tiles.txt" > "$art/wms-tiles-z10.txt"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
next_port=$((21000 + RANDOM % 8000))
pick_port() { while ! port_free "$next_port"; do next_port=$((next_port + 1)); done; printf -v "$1" '%s' "$next_port"; next_port=$((next_port + 1)); }
wait_up() { for _ in $(seq 1 120); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.5; done; echo "server at $1 did not start" >&2; exit 1; }
start_server() { # port tileCacheMegabytes imageCacheMegabytes
  DESAGIS_DATABASE=$bench_db Logging__LogLevel__Default=Warning DesaGis__Tiles__CacheMegabytes=$2 DesaGis__Ows__ImageCacheMegabytes=$3 \
    DesaGis__Security__RequestsPerSecond=0 \
    dotnet src/DesaGis.Server/bin/Release/net10.0/DesaGis.Server.dll --urls "http://127.0.0.1:$1" >"$art/wms-server-$1.log" 2>&1 &
  pids+=($!)
  wait_up "http://127.0.0.1:$1/health"
  kill -0 "$!" 2>/dev/null || { echo "a bench server exited early; see $art/wms-server-$1.log" >&2; exit 1; }
}

pick_port p_cold; pick_port p_warm
start_server "$p_cold" 0 0
start_server "$p_warm" 2048 1024

run() { # name port lua list [prefix suffix]
  local out="$art/wrk-wms-$1.txt"
  TILE_LIST=$4 TILE_PREFIX=${5:-} TILE_SUFFIX=${6:-} wrk -t"$threads" -c"$connections" -d3s --timeout 60s -s "$3" "http://127.0.0.1:$2" >/dev/null 2>&1 || true
  TILE_LIST=$4 TILE_PREFIX=${5:-} TILE_SUFFIX=${6:-} wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 60s --latency -s "$3" "http://127.0.0.1:$2" >"$out"
  local rps; rps=$(awk '/Requests\/sec/ {print $2}' "$out")
  local errors; errors=$(awk '/Non-2xx|Socket errors/ {print}' "$out" | tr '\n' ' ')
  log "$1: $rps req/s $errors"
  if [[ -n $errors ]]; then echo "$1: $errors" >>"$art/wms-errors.txt"; fi
  echo "$rps" >>"$art/rps-wms-$1.txt"
}

rm -f "$art"/rps-wms-*.txt "$art/wms-errors.txt"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for r in $(seq 1 "$rounds"); do
  log "round $r/$rounds (cold)"
  run wms-cold "$p_cold" bench/wms.lua "$art/wms-tiles.txt"
  run mvt-uncached "$p_cold" bench/tiles.lua "$art/wms-tiles.txt" /tiles/village_indicators/ .mvt
  run wms-cold-z10 "$p_cold" bench/wms.lua "$art/wms-tiles-z10.txt"
  run mvt-uncached-z10 "$p_cold" bench/tiles.lua "$art/wms-tiles-z10.txt" /tiles/village_indicators/ .mvt
done
log "warming the image and tile caches"
half=20037508.342789244
sort -u "$art/wms-tiles.txt" | awk -F/ -v h="$half" '{ s = 2*h/(2^$1); x0 = -h + $2*s; y1 = h - $3*s;
    printf "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=village_indicators&STYLES=&CRS=EPSG:3857&BBOX=%.3f,%.3f,%.3f,%.3f&WIDTH=256&HEIGHT=256&FORMAT=image/png\n", x0, y1 - s, x0 + s, y1 }' \
  | xargs -P 4 -I{} curl -s -o /dev/null "http://127.0.0.1:$p_warm{}"
sort -u "$art/wms-tiles.txt" | xargs -P 4 -I{} curl -s -o /dev/null "http://127.0.0.1:$p_warm/tiles/village_indicators/{}.mvt"
for r in $(seq 1 "$rounds"); do
  log "round $r/$rounds (warm)"
  run wms-warm "$p_warm" bench/wms.lua "$art/wms-tiles.txt"
  run mvt-cached "$p_warm" bench/tiles.lua "$art/wms-tiles.txt" /tiles/village_indicators/ .mvt
done

# A 1024 × 768 GetMap of the kabupaten nearest 300 villages (the printed-map benchmark's), drawn from PostGIS each time
# (no image cache): the median of 5 after one warm-up, and the same for a kecamatan of it.
kab=$(psql_admin -d desagis_bench -c "SELECT kabupaten_kode FROM desagis.desa GROUP BY 1 ORDER BY abs(count(*) - 300), 1 LIMIT 1")
kab_villages=$(psql_admin -d desagis_bench -c "SELECT count(*) FROM desagis.desa WHERE kabupaten_kode = '$kab'")
box_of() { # SQL for a geometry → a 4:3 EPSG:3857 box around it
  psql_admin -d desagis_bench -c "WITH e AS (SELECT ST_Transform(ST_Envelope(($1)), 3857) g),
      b AS (SELECT (ST_XMin(g)+ST_XMax(g))/2 cx, (ST_YMin(g)+ST_YMax(g))/2 cy, greatest(ST_XMax(g)-ST_XMin(g), (ST_YMax(g)-ST_YMin(g))*4/3)*1.05 w FROM e)
      SELECT format('%s,%s,%s,%s', round((cx-w/2)::numeric,1), round((cy-w*3/8)::numeric,1), round((cx+w/2)::numeric,1), round((cy+w*3/8)::numeric,1)) FROM b"
}
kab_box=$(box_of "SELECT ST_Collect(geom) FROM desagis.desa WHERE kabupaten_kode = '$kab'")
kec=$(psql_admin -d desagis_bench -c "SELECT kecamatan_kode FROM desagis.desa WHERE kabupaten_kode = '$kab' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
kec_box=$(box_of "SELECT ST_Collect(geom) FROM desagis.desa WHERE kecamatan_kode = '$kec'")
time_map() { # box layers → "median fastest" seconds of 9 requests after one warm-up
  local url="http://127.0.0.1:$p_cold/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=$2&STYLES=&CRS=EPSG:3857&BBOX=$1&WIDTH=1024&HEIGHT=768&FORMAT=image/png"
  curl -fs -o /dev/null "$url"
  for _ in 1 2 3 4 5 6 7 8 9; do curl -fs -o /dev/null -w '%{time_total}\n' "$url"; done | sort -n | awk 'NR == 1 {m = $1} NR == 5 {d = $1} END {printf "%.3f %.3f", d, m}'
}
all_layers="village_indicators,kecamatan,kabupaten,transmigration_areas,programs,kecamatan_labels,kabupaten_labels"
read -r kab_s kab_min <<<"$(time_map "$kab_box" village_indicators)"
read -r kab_all_s kab_all_min <<<"$(time_map "$kab_box" "$all_layers")"
read -r kec_s kec_min <<<"$(time_map "$kec_box" "$all_layers")"
log "1024×768: kabupaten $kab ${kab_s} s (villages), ${kab_all_s} s (all layers); kecamatan $kec ${kec_s} s (medians)"

mean() { awk '{s+=$1} END {printf "%.0f", s/NR}' "$art/rps-wms-$1.txt"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
under() { awk -v v="$1" -v t="$2" 'BEGIN {print (v < t) ? "met" : "NOT met"}'; }
cold=$(mean wms-cold); warm=$(mean wms-warm); mvt_un=$(mean mvt-uncached); mvt_c=$(mean mvt-cached)
cold10=$(mean wms-cold-z10); mvt_un10=$(mean mvt-uncached-z10)

section=$(cat <<MD
<!-- bench-wms:begin (written by scripts/bench-wms.sh) -->
## WMS GetMap

Produced by \`scripts/bench-wms.sh\` (part of \`make bench\`) on $(date -u '+%Y-%m-%d %H:%M UTC'), on the same $villages-village
national demo and the same seeded tile list as the MVT runs, each tile asked for as a 256 × 256 PNG GetMap of
\`village_indicators\` in EPSG:3857 (as tiled WMS clients do), beside the MVT tile at the same z/x/y, measured in this run.

| run | requests/s | ratio |
|---|---:|---:|
| MVT, uncached (\`DesaGis:Tiles:CacheMegabytes=0\`), all tiles (z5–z14) | $mvt_un | 1.00 |
| **WMS GetMap PNG, cold** (no image cache: read from PostGIS and drawn every time), all tiles | $cold | **$(ratio "$cold" "$mvt_un")** × MVT uncached |
| MVT, uncached, z10–z14 tiles | $mvt_un10 | 1.00 |
| **WMS GetMap PNG, cold**, z10–z14 tiles | $cold10 | **$(ratio "$cold10" "$mvt_un10")** × MVT uncached |
| MVT, cached and warmed | $mvt_c | 1.00 |
| **WMS GetMap PNG, warm** (image cache warmed by one pass over the list) | $warm | **$(ratio "$warm" "$mvt_c")** × MVT cached |

A 1024 × 768 GetMap drawn from PostGIS (no image cache), 9 requests after one warm-up; the goal is judged on the median,
the fastest shows what the server does when the machine is not busy with other work:

| map | median s | fastest s | goal |
|---|---:|---:|---|
| kabupaten $kab ($kab_villages villages) and its neighbours, \`village_indicators\` | $kab_s | $kab_min | < 0.5 s — $(under "$kab_s" 0.5) |
| the same, every layer of the style ($all_layers) | $kab_all_s | $kab_all_min | < 0.5 s — $(under "$kab_all_s" 0.5) |
| kecamatan $kec, every layer of the style | $kec_s | $kec_min | < 0.5 s — $(under "$kec_s" 0.5) |

Each tile figure is the mean of $rounds runs of ${seconds} s (after a 3 s warm-up) with \`wrk -t$threads -c$connections\` (bench/wms.lua,
bench/tiles.lua); cold and uncached runs share one server (caches off), warm and cached runs another (2 GiB tile cache,
1 GiB image cache). Load average when the runs began: $load_start; errors reported by wrk: $(cat "$art/wms-errors.txt" 2>/dev/null | tr '\n' ';' | grep . || echo none).
<!-- bench-wms:end -->
MD
)
results=bench/RESULTS.md
[[ -f $results ]] || printf '# DesaGis benchmark results\n' >"$results"
# Replace the section when it is there, else append it.
python3 - "$results" "$section" <<'PY'
import re, sys
path, section = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
pattern = re.compile(r"<!-- bench-wms:begin.*?<!-- bench-wms:end -->", re.S)
text = pattern.sub(lambda _: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section + "\n"
open(path, "w", encoding="utf-8").write(text)
PY
log "wrote the WMS section of $results"
