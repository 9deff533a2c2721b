#!/usr/bin/env bash
# `make bench`: BenchmarkDotNet micro-benchmarks and wrk load runs of vector tiles on the 83,000-village national demo,
# written to bench/RESULTS.md. Measured in one run, at one concurrency, over one seeded tile list weighted across z5–z14:
#   ours uncached   /tiles/village_indicators/{z}/{x}/{y}.mvt with the tile cache off
#   plain PostGIS   ST_AsMVT(ST_AsMVTGeom(geom_3857, ST_TileEnvelope(z,x,y), 4096, 64, true)) on Kestrel + Npgsql
#   ours cached     the same URLs with the cache on and warmed
#   fixed bytes     Kestrel returning, per tile URL, a fixed byte array as long as our tile there
# Settings: BENCH_SECONDS (20), BENCH_CONNECTIONS (16), BENCH_THREADS (2), BENCH_ROUNDS (3), BENCH_SKIP_MICRO (unset).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DESAGIS_DATABASE:?set DESAGIS_DATABASE (make bench does)}"
seconds=${BENCH_SECONDS:-20}
connections=${BENCH_CONNECTIONS:-16}
threads=${BENCH_THREADS:-2}
rounds=${BENCH_ROUNDS:-3}
art=bench/artifacts
mkdir -p "$art"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# A database of its own, so that the bench never disturbs the data of `make run`.
bench_db=$(sed -E 's/(^|;)Database=[^;]*/\1Database=desagis_bench/' <<<"$DESAGIS_DATABASE")
if ! grep -q 'Database=desagis_bench' <<<"$bench_db"; then bench_db="$bench_db;Database=desagis_bench"; fi

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

log "building (Release)"
dotnet build src/DesaGis.Server -c Release -v:q -clp:ErrorsOnly --nologo >/dev/null
dotnet build src/DesaGis.Cli -c Release -v:q -clp:ErrorsOnly --nologo >/dev/null
dotnet build tests/DesaGis.Benchmarks -c Release -v:q -clp:ErrorsOnly --nologo >/dev/null
cli="dotnet ${DESAGIS_DEMO_CLI:-src/DesaGis.Cli/bin/Release/net10.0/desagis.dll}"
benchtool="dotnet $PWD/tests/DesaGis.Benchmarks/bin/Release/net10.0/DesaGis.Benchmarks.dll"

psql_admin() {
  local host port user pass
  host=$(grep -oP '(?<=Host=)[^;]+' <<<"$DESAGIS_DATABASE"); port=$(grep -oP '(?<=Port=)[^;]+' <<<"$DESAGIS_DATABASE" || echo 5432)
  user=$(grep -oP '(?<=Username=)[^;]+' <<<"$DESAGIS_DATABASE"); pass=$(grep -oP '(?<=Password=)[^;]+' <<<"$DESAGIS_DATABASE" || true)
  PGPASSWORD=$pass psql -h "$host" -p "$port" -U "$user" -v ON_ERROR_STOP=1 -qAt "$@"
}

# The national demo: generated and loaded once, kept between runs.
villages=$(psql_admin -d desagis_bench -c "SELECT count(*) FROM desagis.desa" 2>/dev/null || echo 0)
if (( villages < 80000 )); then
  log "loading the 83,000-village national demo into desagis_bench"
  psql_admin -d postgres -c "DROP DATABASE IF EXISTS desagis_bench" -c "CREATE DATABASE desagis_bench"
  if ! $cli demo --help >/dev/null 2>&1; then
    echo "This build has no 'desagis demo' command; set DESAGIS_DEMO_CLI to a desagis.dll that has it." >&2; exit 1
  fi
  [[ -f geodata/national/desa.geojson ]] || $cli demo generate --villages 83000 --out geodata/national
  DESAGIS_DATABASE=$bench_db $cli db migrate
  DESAGIS_DATABASE=$bench_db $cli demo load --dir geodata/national
fi
DESAGIS_DATABASE=$bench_db dotnet src/DesaGis.Cli/bin/Release/net10.0/desagis.dll db migrate
psql_admin -d desagis_bench -c "VACUUM ANALYZE"
villages=$(psql_admin -d desagis_bench -c "SELECT count(*) FROM desagis.desa")
log "$villages villages"

DESAGIS_DATABASE=$bench_db $benchtool tiles --count 4000 --out "$art/tiles.txt"
awk -F/ '$1 >= 10' "$art/tiles.txt" > "$art/tiles-z10.txt"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_up() { for _ in $(seq 1 120); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.5; done; echo "server at $1 did not start" >&2; exit 1; }

# Free ports only: on a shared machine another process on a fixed port would answer in our place.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# Below the kernel's ephemeral range (outgoing connections take ports from it), so a port found free here is not
# taken by a client connection in the minutes before its server starts.
ephemeral_low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
span=$((ephemeral_low - 20100)); (( span >= 1000 )) || span=10000
next_port=$((20000 + RANDOM % span))
pick_port() { # variable name (no subshell, so that every pick moves on)
  while ! port_free "$next_port"; do next_port=$((next_port + 1)); done
  printf -v "$1" '%s' "$next_port"
  next_port=$((next_port + 1))
}
pick_port p_plain; pick_port p_uncached; pick_port p_strict; pick_port p_lease; pick_port p_fixed
# A process that could not bind its port has exited by the time it "answers"; make sure ours is the one answering.
still_running() { kill -0 "$1" 2>/dev/null || { echo "a bench server exited early; see $art/*.log" >&2; exit 1; }; }

start_server() { # port cacheMegabytes [consistency]
  # The per-client rate limit is off: every bench request comes from one address, standing in for many clients.
  DESAGIS_DATABASE=$bench_db Logging__LogLevel__Default=Warning DesaGis__Tiles__CacheMegabytes=$2 DesaGis__Tiles__Consistency=${3:-Lease} \
    DesaGis__Security__RequestsPerSecond=0 \
    dotnet src/DesaGis.Server/bin/Release/net10.0/DesaGis.Server.dll --urls "http://127.0.0.1:$1" >"$art/server-$1.log" 2>&1 &
  pids+=($!)
  wait_up "http://127.0.0.1:$1/health"
  still_running "$!"
}

start_server "$p_uncached" 0
DESAGIS_DATABASE=$bench_db $benchtool serve --urls "http://127.0.0.1:$p_plain" >"$art/baseline.log" 2>&1 &
pids+=($!)
wait_up "http://127.0.0.1:$p_plain/fixed/0/0/0.mvt"
still_running "$!"

run() { # name url-base list prefix suffix
  local out="$art/wrk-$1.txt"
  TILE_LIST=$3 TILE_PREFIX=$4 TILE_SUFFIX=$5 wrk -t"$threads" -c"$connections" -d3s --timeout 60s -s bench/tiles.lua "$2" >/dev/null 2>&1 || true
  TILE_LIST=$3 TILE_PREFIX=$4 TILE_SUFFIX=$5 wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 60s --latency -s bench/tiles.lua "$2" >"$out"
  local rps; rps=$(awk '/Requests\/sec/ {print $2}' "$out")
  local errors; errors=$(awk '/Non-2xx|Socket errors/ {print}' "$out" | tr '\n' ' ')
  log "$1: $rps req/s $errors"
  if [[ -n $errors ]]; then echo "$1: $errors" >>"$art/errors.txt"; fi
  echo "$rps" >>"$art/rps-$1.txt"
}

rm -f "$art"/rps-*.txt "$art/errors.txt"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for r in $(seq 1 "$rounds"); do
  log "round $r/$rounds"
  run plain-all "http://127.0.0.1:$p_plain" "$art/tiles.txt" /baseline/ .mvt
  run ours-all "http://127.0.0.1:$p_uncached" "$art/tiles.txt" /tiles/village_indicators/ .mvt
  run plain-z10 "http://127.0.0.1:$p_plain" "$art/tiles-z10.txt" /baseline/ .mvt
  run ours-z10 "http://127.0.0.1:$p_uncached" "$art/tiles-z10.txt" /tiles/village_indicators/ .mvt
done
start_server "$p_strict" 2048 Strict
start_server "$p_lease" 2048 Lease
lease_pid=${pids[-1]}
log "warming the caches"
sort -u "$art/tiles.txt" | xargs -P 4 -I{} curl -s -o /dev/null -w '{} %{size_download}\n' "http://127.0.0.1:$p_strict/tiles/village_indicators/{}.mvt" >"$art/sizes.txt"
sort -u "$art/tiles.txt" | xargs -P 4 -I{} curl -s -o /dev/null "http://127.0.0.1:$p_lease/tiles/village_indicators/{}.mvt"
DESAGIS_DATABASE=$bench_db $benchtool serve --urls "http://127.0.0.1:$p_fixed" --sizes "$PWD/$art/sizes.txt" >"$art/fixed.log" 2>&1 &
pids+=($!)
wait_up "http://127.0.0.1:$p_fixed/fixed/0/0/0.mvt"
still_running "$!"
for r in $(seq 1 "$rounds"); do
  run cached-strict "http://127.0.0.1:$p_strict" "$art/tiles.txt" /tiles/village_indicators/ .mvt
  run cached-lease "http://127.0.0.1:$p_lease" "$art/tiles.txt" /tiles/village_indicators/ .mvt
  run fixed "http://127.0.0.1:$p_fixed" "$art/tiles.txt" /fixed/ .mvt
done

# What the lease costs writers: one-village indicator updates while the Lease server holds its lease, then without it.
write_ms() { # median milliseconds of 20 update transactions, each after the lease had time to be taken again
  local kode t0
  kode=$(psql_admin -d desagis_bench -c "SELECT desa_kode FROM desagis.village_indicator ORDER BY desa_kode LIMIT 1")
  for _ in $(seq 1 20); do
    sleep 0.3
    t0=$(date +%s%N)
    psql_admin -d desagis_bench -c "BEGIN" -c "UPDATE desagis.village_indicator SET poverty_rate = poverty_rate WHERE desa_kode = '$kode'" \
      -c "SELECT desagis.refresh_village_summary(ARRAY['$kode'])" -c "COMMIT" >/dev/null
    echo $(( ($(date +%s%N) - t0) / 1000 ))
  done | sort -n | sed -n 10p | awk '{printf "%.1f", $1 / 1000}'
}
lease_holders=$(psql_admin -d desagis_bench -c "SELECT count(*) FROM desagis.tile_lease_holders()")
write_with_lease=$(write_ms)
kill "$lease_pid" 2>/dev/null || true
wait "$lease_pid" 2>/dev/null || true
write_without_lease=$(write_ms)
log "writes: ${write_with_lease} ms with $lease_holders lease holder(s), ${write_without_lease} ms without"

# The load run: 64 connections for 60 s of mixed tiles and feature pages against the server as shipped (cache on,
# Lease consistency), from a cold cache.
load_seconds=${BENCH_LOAD_SECONDS:-60}
pick_port p_load
start_server "$p_load" 256
log "load run: 64 connections, ${load_seconds} s, tiles and feature pages"
TILE_LIST="$art/tiles.txt" wrk -t"$threads" -c64 -d"${load_seconds}s" --timeout 30s --latency -s bench/mixed.lua "http://127.0.0.1:$p_load" >"$art/wrk-load.txt"
load_line=$(grep '^LOAD ' "$art/wrk-load.txt")
load_rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$art/wrk-load.txt")
lv() { sed -E "s/.*$1=([0-9.]+).*/\1/" <<<"$load_line"; }
load_errors=$(( $(lv errors_status) + $(lv errors_connect) + $(lv errors_read) + $(lv errors_timeout) ))
log "load: $load_rps req/s, p50 $(lv p50_ms) ms, p99 $(lv p99_ms) ms, $load_errors errors"

# Printed maps: an A3 PDF and an A4 PNG at 300 dpi of the kabupaten nearest 300 villages, timed over HTTP.
kab=$(psql_admin -d desagis_bench -c "SELECT kabupaten_kode FROM desagis.desa GROUP BY 1 ORDER BY abs(count(*) - 300), 1 LIMIT 1")
kab_villages=$(psql_admin -d desagis_bench -c "SELECT count(*) FROM desagis.desa WHERE kabupaten_kode = '$kab'")
time_map() { # query → median seconds of 5 requests after one warm-up
  curl -fs -o /dev/null "http://127.0.0.1:$p_load/export/map?$1"
  for _ in 1 2 3 4 5; do curl -fs -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$p_load/export/map?$1"; done | sort -n | sed -n 3p
}
pdf_s=$(time_map "kabupaten_kode=$kab&paper=a3&orientation=landscape&format=pdf")
png_s=$(time_map "kabupaten_kode=$kab&paper=a4&orientation=landscape&format=png&dpi=300")
log "maps: A3 PDF ${pdf_s} s, A4 PNG 300 dpi ${png_s} s ($kab_villages villages)"

# Tile sizes at the same URLs, ours against the plain query (first 300 tiles of the list).
sizes() { head -n 300 "$art/tiles.txt" | xargs -P 4 -I{} curl -s -o /dev/null -w '%{size_download}\n' "$1{}.mvt" | awk '{s+=$1} END {printf "%.0f", s/NR}'; }
size_ours=$(sizes "http://127.0.0.1:$p_uncached/tiles/village_indicators/")
size_plain=$(sizes "http://127.0.0.1:$p_plain/baseline/")

micro=""
if [[ -z ${BENCH_SKIP_MICRO:-} ]]; then
  log "BenchmarkDotNet micro-benchmarks"
  (cd "$art" && $benchtool --filter '*' --job short --inProcess --exporters github >"micro.log" 2>&1) || true
  micro=$(cat "$art"/BenchmarkDotNet.Artifacts/results/*-report-github.md 2>/dev/null || true)
fi

mean() { awk '{s+=$1} END {printf "%.0f", s/NR}' "$art/rps-$1.txt"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
plain_all=$(mean plain-all); ours_all=$(mean ours-all); plain_z10=$(mean plain-z10); ours_z10=$(mean ours-z10)
cached_strict=$(mean cached-strict); cached_lease=$(mean cached-lease); fixed=$(mean fixed)
r_all=$(ratio "$ours_all" "$plain_all"); r_z10=$(ratio "$ours_z10" "$plain_z10"); r_strict=$(ratio "$cached_strict" "$fixed")
r_lease=$(ratio "$cached_lease" "$fixed")
verdict() { awk -v r="$1" -v t="$2" 'BEGIN {print (r >= t) ? "met" : "NOT met"}'; }
under() { awk -v v="$1" -v t="$2" 'BEGIN {print (v < t) ? "met" : "NOT met"}'; }
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)
pg=$(psql_admin -d desagis_bench -c "SELECT split_part(version(), ',', 1) || ', PostGIS ' || postgis_lib_version()")

cat >bench/RESULTS.md <<MD
# DesaGis benchmark results

Produced by \`make bench\` (scripts/bench.sh) on $(date -u '+%Y-%m-%d %H:%M UTC').

## Results

| run | requests/s | ratio | goal |
|---|---:|---:|---|
| plain PostGIS query, all tiles (z5–z14) | $plain_all | 1.00 | |
| **ours, uncached**, all tiles | $ours_all | **$r_all** × plain | ≥ 1.00 — $(verdict "$r_all" 1.0) |
| plain PostGIS query, z10–z14 tiles | $plain_z10 | 1.00 | |
| **ours, uncached**, z10–z14 tiles | $ours_z10 | **$r_z10** × plain | ≥ 0.50 — $(verdict "$r_z10" 0.5) |
| Kestrel returning fixed byte arrays from memory (each as long as the tile at that URL) | $fixed | 1.00 | |
| **ours, cached** (default \`Consistency=Lease\`), all tiles | $cached_lease | **$r_lease** × fixed | ≥ 0.80 — $(verdict "$r_lease" 0.8) |
| ours, cached, \`Consistency=Strict\` (a shared change-log read per burst of requests) | $cached_strict | $r_strict × fixed | |

What Lease costs writers instead: a one-village indicator update (psql, process start included) took a median
$write_with_lease ms while $lease_holders server(s) held a lease, and $write_without_lease ms with none.

Mean tile size over the first 300 tiles of the list: ours $size_ours bytes, plain query $size_plain bytes.
Each figure is the mean of $rounds runs of ${seconds} s (after a 3 s warm-up) with \`wrk -t$threads -c$connections\`; raw wrk
output with latency percentiles is in bench/artifacts/ (not committed).

## Load run

64 connections for ${load_seconds} s (\`wrk -t$threads -c64 --latency\`, bench/mixed.lua) against the server as shipped
(tile cache 256 MiB, Lease consistency, cold at the start): 7 in 10 requests are tiles of the list above, 3 in 10
feature pages (\`/collections/village_indicators/items?limit=50&bbox=…\` of the same places).

| requests/s | p50 | p90 | p99 | max | requests | errors (status, connect, read, timeout) | goal |
|---:|---:|---:|---:|---:|---:|---|---|
| $load_rps | $(lv p50_ms) ms | $(lv p90_ms) ms | $(lv p99_ms) ms | $(lv max_ms) ms | $(lv requests) | $(lv errors_status), $(lv errors_connect), $(lv errors_read), $(lv errors_timeout) | zero errors — $( (( load_errors == 0 )) && echo met || echo "NOT met") |

## Printed maps

Kabupaten $kab ($kab_villages villages), over HTTP from the load-run server, median of 5 after one warm-up:

| output | seconds | goal |
|---|---:|---|
| A3 landscape PDF (vector) | $pdf_s | < 1 s — $(under "$pdf_s" 1) |
| A4 landscape PNG at 300 dpi | $png_s | < 2 s — $(under "$png_s" 2) |

## Machine

- CPU: $cpu, $(nproc) cores, shared with PostgreSQL, the servers and wrk (and, on a shared machine, with other work)
- Memory: $mem
- Load average (1, 5, 15 min) when the load runs began: $load_start; at the end: $(cut -d' ' -f1-3 /proc/loadavg)
  (other work on a shared machine inflates both sides of every ratio; the ratios come from runs taken in turn)
- Errors reported by wrk: $(cat "$art/errors.txt" 2>/dev/null | tr '\n' ';' | grep . || echo none)
- $pg; .NET $(dotnet --version); data: $villages villages of the synthetic national demo (desagis_bench database)

## Method

- Tile list: 4000 tiles from a fixed seed; each picks a zoom by traffic weights (z5 3, z6 4, z7 6, z8 9, z9 11,
  z10 13, z11 14, z12 14, z13 13, z14 13 per cent) and a random village, and takes the tile under it, so tiles
  repeat where real traffic repeats. The z10–z14 list is the same list filtered to those zooms.
- Plain query: \`ST_AsMVT(ST_AsMVTGeom(geom_3857, ST_TileEnvelope(z,x,y), 4096, 64, true))\` over the
  village_indicators view with every catalog attribute, prepared, served by a minimal Kestrel app
  (tests/DesaGis.Benchmarks \`serve\`) with the same Npgsql pool size (50) as the server.
- Ours uncached: the real server (Release) with \`DesaGis:Tiles:CacheMegabytes=0\`: generalised geometry per
  zoom band (migration 0030), pruned attributes at low zooms, integer feature ids, prepared statements.
- Ours cached: two more servers with a 2 GiB cache each, warmed by one pass over the list. Both never serve a tile
  older than a change committed before the request. \`Lease\` (the default) serves hits from memory while it holds
  a tile lease that no change can commit past (migration 0063): writers ask for it back and wait a few
  milliseconds. \`Strict\` answers a request only after a change-log read that started after the request arrived
  (concurrent requests share that read).
- What the lease costs writers: the median of 20 one-village indicator updates (UPDATE and summary refresh in one
  transaction, run by psql, process start included) while the Lease server holds its lease, and after it stopped.
- Fixed bytes: the same minimal Kestrel app returning, for each tile URL of the list, a byte array from memory as
  long as our tile at that URL (sizes recorded while warming the cache), so both runs send the same bytes.
- Requests carry no Accept-Encoding, so no run compresses.

## Micro-benchmarks (BenchmarkDotNet, short job)

The planner's targets (83,000 villages: ranking with 6 criteria < 200 ms; replication reach k = 100, 10 km < 2 s)
are PlannerBenchmarks below, beside a baseline that only sorts 83,000 scores.

$micro
MD
log "wrote bench/RESULTS.md"
# The WMS GetMap figures: a step of its own (own servers, own section of RESULTS.md).
scripts/bench-wms.sh
# Uncached tiles on the real national boundaries against plain PostGIS and MapServer 8 (own section of RESULTS.md).
scripts/bench-mapserver.sh
# Hostile load: expensive anonymous requests beside a tile client and a liveness probe (own section of RESULTS.md).
scripts/bench-hostile.sh
cat bench/RESULTS.md
