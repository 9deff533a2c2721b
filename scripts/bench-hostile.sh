#!/usr/bin/env bash
# The hostile load run of `make bench`: HOSTILE_CONNECTIONS (32) connections of the most expensive anonymous requests
# (bench/hostile.lua) for HOSTILE_SECONDS (30) s against one server, while a second client fetches vector tiles and a
# third asks /health/live every 50 ms. Reports the health p99 (target < 100 ms), the tile p99, the statuses of the
# expensive requests (no 5xx but 503 with Retry-After) and the server's peak RSS (bound: HOSTILE_RSS_MB, 2048).
# Runs on the national demo database of the bench when it is loaded, else on DESAGIS_DATABASE's data. Writes its
# section of bench/RESULTS.md between its markers (replacing an older one). Exits non-zero when a target is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DESAGIS_DATABASE:?set DESAGIS_DATABASE (make bench does)}"
seconds=${HOSTILE_SECONDS:-30}
connections=${HOSTILE_CONNECTIONS:-32}
rss_bound=${HOSTILE_RSS_MB:-2048}
art=bench/artifacts
mkdir -p "$art"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log() { printf '[bench-hostile %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk; make bench installs it)" >&2; exit 1; }

psql_db() { # database, then psql arguments
  local db=$1; shift
  local host port user pass
  host=$(grep -oP '(?<=Host=)[^;]+' <<<"$DESAGIS_DATABASE"); port=$(grep -oP '(?<=Port=)[^;]+' <<<"$DESAGIS_DATABASE" || echo 5432)
  user=$(grep -oP '(?<=Username=)[^;]+' <<<"$DESAGIS_DATABASE"); pass=$(grep -oP '(?<=Password=)[^;]+' <<<"$DESAGIS_DATABASE" || true)
  PGPASSWORD=$pass psql -h "$host" -p "$port" -U "$user" -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"
}
db=$(grep -oP '(?<=Database=)[^;]+' <<<"$DESAGIS_DATABASE" || echo desagis)
connection=$DESAGIS_DATABASE
if [[ $(psql_db desagis_bench -c "SELECT count(*) FROM desagis.desa" 2>/dev/null || echo 0) -ge 80000 ]]; then
  db=desagis_bench
  connection=$(sed -E 's/(^|;)Database=[^;]*/\1Database=desagis_bench/' <<<"$DESAGIS_DATABASE")
fi
villages=$(psql_db "$db" -c "SELECT count(*) FROM desagis.desa")
(( villages > 0 )) || { echo "no villages in $db: run 'make run' (demo data) or 'make bench' first" >&2; exit 1; }
# The kabupaten with the most villages, and its box: the costliest honest area to ask for.
IFS='|' read -r kab bbox < <(psql_db "$db" -c "
  SELECT k.kode, concat_ws(',', round(ST_XMin(e)::numeric, 4), round(ST_YMin(e)::numeric, 4), round(ST_XMax(e)::numeric, 4), round(ST_YMax(e)::numeric, 4))
  FROM desagis.kabupaten k CROSS JOIN LATERAL (SELECT ST_Extent(d.geom)::geometry AS e FROM desagis.desa d WHERE d.kode LIKE k.kode || '.%') x
  ORDER BY (SELECT count(*) FROM desagis.desa d WHERE d.kode LIKE k.kode || '.%') DESC LIMIT 1")
log "$villages villages in $db; expensive area: kabupaten $kab ($bbox)"

dotnet build src/DesaGis.Server -c Release -v:q -clp:ErrorsOnly --nologo >/dev/null

# Tiles of that kabupaten at z8–z14 for the tile client.
awk -v box="$bbox" 'BEGIN {
  split(box, b, ","); pi = atan2(0, -1)
  for (z = 8; z <= 14; z++) {
    n = 2 ^ z
    x0 = int((b[1] + 180) / 360 * n); x1 = int((b[3] + 180) / 360 * n)
    r = b[4] * pi / 180; y0 = int((1 - log(sin(r) / cos(r) + 1 / cos(r)) / pi) / 2 * n)
    r = b[2] * pi / 180; y1 = int((1 - log(sin(r) / cos(r) + 1 / cos(r)) / pi) / 2 * n)
    c = 0
    for (x = x0; x <= x1 && c < 400; x++) for (y = y0; y <= y1 && c < 400; y++) { print z "/" x "/" y; c++ }
  }
}' > "$art/hostile-tiles.txt"

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=$((29000 + RANDOM % 2000)); while ! port_free "$port"; do port=$((port + 1)); done
# Every client here comes from 127.0.0.1, so the per-address rate limit would only measure itself: off, as in the
# other load runs.
DESAGIS_DATABASE=$connection Logging__LogLevel__Default=Warning DesaGis__Security__RequestsPerSecond=0 \
  dotnet src/DesaGis.Server/bin/Release/net10.0/DesaGis.Server.dll --urls "http://127.0.0.1:$port" >"$art/hostile-server.log" 2>&1 &
server=$!
pids=("$server")
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do curl -fs "$base/health" >/dev/null 2>&1 && break; sleep 0.5; done
kill -0 "$server" 2>/dev/null || { echo "the server exited early; see $art/hostile-server.log" >&2; exit 1; }

log "$connections connections of expensive requests for ${seconds}s, a tile client and a liveness probe beside"
: >"$art/hostile-health.txt"; : >"$art/hostile-rss.txt"
( end=$((SECONDS + seconds)); while ((SECONDS < end)); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 10 "$base/health/live" >>"$art/hostile-health.txt" || echo "000 10" >>"$art/hostile-health.txt"
    sleep 0.05; done ) &
pids+=($!); prober=$!
( end=$((SECONDS + seconds + 5)); while ((SECONDS < end)); do ps -o rss= -p "$server" >>"$art/hostile-rss.txt" || true; sleep 0.5; done ) &
pids+=($!); sampler=$!
TILE_LIST="$art/hostile-tiles.txt" wrk -t1 -c2 -d"${seconds}s" --timeout 30s --latency -s bench/tiles.lua "$base" >"$art/hostile-tiles-wrk.txt" &
pids+=($!); tiles=$!
KABUPATEN=$kab BBOX=$bbox wrk -t2 -c"$connections" -d"${seconds}s" --timeout 120s -s bench/hostile.lua "$base" >"$art/hostile-wrk.txt"
wait "$tiles" "$prober" "$sampler" || true

health_p99=$(awk '{print $2 * 1000}' "$art/hostile-health.txt" | sort -n | awk '{a[NR] = $1} END {i = int(NR * 0.99); if (i < 1) i = 1; printf "%.1f", a[i]}')
health_max=$(awk '{print $2 * 1000}' "$art/hostile-health.txt" | sort -n | tail -1)
health_bad=$(awk '$1 != 200' "$art/hostile-health.txt" | wc -l)
health_n=$(wc -l <"$art/hostile-health.txt")
tile_p99=$(awk '/ 99%/ {print $2}' "$art/hostile-tiles-wrk.txt")
tile_rps=$(awk '/Requests\/sec/ {print $2}' "$art/hostile-tiles-wrk.txt")
tile_errors=$(awk '/Non-2xx/ {print $5}' "$art/hostile-tiles-wrk.txt"); tile_errors=${tile_errors:-0}
statuses=$(awk '/^statuses/ {$1 = ""; print}' "$art/hostile-wrk.txt")
bad=$(awk '/^bad/ {print $2}' "$art/hostile-wrk.txt")
expensive=$(awk '/requests in/ {print $1}' "$art/hostile-wrk.txt")
rss_mb=$(sort -n "$art/hostile-rss.txt" | tail -1 | awk '{printf "%d", $1 / 1024}')

verdict=pass
awk -v p="$health_p99" 'BEGIN {exit !(p < 100)}' || verdict=fail
(( ${bad:-1} == 0 && health_bad == 0 && rss_mb < rss_bound )) || verdict=fail

section=$(cat <<MD
<!-- hostile:start -->
## Hostile load (scripts/bench-hostile.sh)

$connections connections of the most expensive anonymous requests (bench/hostile.lua: PDF atlases and offline packages
of kabupaten $kab, 2048 × 2048 WMS images, unbounded WFS GetFeature, 10,000-feature pages, and oversized requests that
must be refused) for ${seconds} s on $villages villages, with a tile client (2 connections, z8–z14 of the same
kabupaten) and a /health/live probe every 50 ms beside. Measured $(date -u +'%Y-%m-%d %H:%M UTC') on $(nproc) cores.

| measure | value | target |
|---|---|---|
| /health/live p99 ($health_n probes, worst ${health_max} ms, $health_bad not 200) | ${health_p99} ms | < 100 ms |
| tile p99 (${tile_rps} tiles/s, $tile_errors not 2xx/3xx) | ${tile_p99} | reported |
| expensive requests answered | ${expensive} ($statuses) | |
| 5xx other than 503, or 503 without Retry-After | ${bad} | 0 |
| server peak RSS | ${rss_mb} MB | < ${rss_bound} MB |

Verdict: **$verdict**. The limits behind these figures are listed in docs/limits.md.
<!-- hostile:end -->
MD
)
touch bench/RESULTS.md
python3 - "$section" <<'PY' 2>/dev/null || { grep -v -e '<!-- hostile:' bench/RESULTS.md > "$art/results.tmp" || true; { cat "$art/results.tmp"; echo; echo "$section"; } > bench/RESULTS.md; }
import re, sys
section = sys.argv[1]
text = open("bench/RESULTS.md").read()
pattern = re.compile(r"<!-- hostile:start -->.*?<!-- hostile:end -->", re.S)
text = pattern.sub(lambda _: section, text) if pattern.search(text) else text.rstrip() + "\n\n" + section + "\n"
open("bench/RESULTS.md", "w").write(text)
PY
echo "$section"
[[ $verdict == pass ]]
