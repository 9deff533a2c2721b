#!/usr/bin/env bash
# Uncached vector tiles of the villages layer on the real national boundaries (the cahyadsn national files, imported
# by the CLI as a user would), three servers on one tile list, taken in turn, round after round:
#   ours      /tiles/villages/{z}/{x}/{y}.mvt, the real server with the tile cache off
#   plain     ST_AsMVT(ST_AsMVTGeom(geom_3857, ...)) with the same attributes (tests/DesaGis.Benchmarks serve)
#   mapserver MapServer 8 from Debian (mapserv under spawn-fcgi, nginx in front; bench/mapserver/villages.map)
# Reports requests/s and ratios, p50/p99, bytes per tile, database and server CPU per tile, and feature counts per tile
# against the plain query. Appends its section to bench/RESULTS.md (or prints it with BENCH_REAL_PRINT_ONLY=1).
# Settings: BENCH_REAL_PROVINCES (all; e.g. "63" for a smoke run), BENCH_REAL_TILES (500), BENCH_SECONDS (20),
# BENCH_CONNECTIONS (16), BENCH_THREADS (2), BENCH_ROUNDS (3), BENCH_REAL_DATA (../shared/geodata/...nasional).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DESAGIS_DATABASE:?set DESAGIS_DATABASE (make bench does)}"
data=${BENCH_REAL_DATA:-../shared/geodata/cahyadsn_wilayah_boundaries_nasional}
provinces=${BENCH_REAL_PROVINCES:-}
count=${BENCH_REAL_TILES:-500}
seconds=${BENCH_SECONDS:-20}
connections=${BENCH_CONNECTIONS:-16}
threads=${BENCH_THREADS:-2}
rounds=${BENCH_ROUNDS:-3}
art=bench/artifacts/real
mkdir -p "$art"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log() { printf '[bench-real %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
for tool in mapserv spawn-fcgi nginx wrk; do
  command -v "$tool" >/dev/null || [[ -x /usr/lib/cgi-bin/$tool ]] || [[ -x /usr/sbin/$tool ]] || { echo "$tool is missing: run scripts/deps.sh bench" >&2; exit 1; }
done
mapserv=$(command -v mapserv || echo /usr/lib/cgi-bin/mapserv)
nginx=$(command -v nginx || echo /usr/sbin/nginx)

# A database per province selection, so a smoke run never passes for the national one.
dbname=desagis_bench_real${provinces:+_$(tr -c 'a-z0-9' _ <<<"$provinces" | sed 's/_*$//')}
real_db=$(sed -E "s/(^|;)Database=[^;]*/\1Database=$dbname/" <<<"$DESAGIS_DATABASE")
grep -q "Database=$dbname" <<<"$real_db" || real_db="$real_db;Database=$dbname"
kv() { tr ';' '\n' <<<"$DESAGIS_DATABASE" | sed -n "s/^$1=//p" | head -1; }
host=$(kv Host); port=$(kv Port); port=${port:-5432}; user=$(kv Username); pass=$(kv Password)
psql_db() { local d=$1; shift; PGPASSWORD=$pass psql -h "$host" -p "$port" -U "$user" -d "$d" -v ON_ERROR_STOP=1 -qAt "$@"; }

cli="dotnet src/DesaGis.Cli/bin/Release/net10.0/desagis.dll"
benchtool="dotnet $PWD/tests/DesaGis.Benchmarks/bin/Release/net10.0/DesaGis.Benchmarks.dll"
[[ -f src/DesaGis.Cli/bin/Release/net10.0/desagis.dll && -f tests/DesaGis.Benchmarks/bin/Release/net10.0/DesaGis.Benchmarks.dll ]] || {
  dotnet build src/DesaGis.Server -c Release -v:q -clp:ErrorsOnly --nologo >/dev/null
  dotnet build src/DesaGis.Cli -c Release -v:q -clp:ErrorsOnly --nologo >/dev/null
  dotnet build tests/DesaGis.Benchmarks -c Release -v:q -clp:ErrorsOnly --nologo >/dev/null
}

if [[ -n $provinces ]]; then files=(); for p in $provinces; do files+=("$data/desa_$p.geojson"); done; else files=("$data"/desa_*.geojson); fi
expected=0
have=$(psql_db "$dbname" -c "SELECT count(*) FROM desagis.desa WHERE geom IS NOT NULL" 2>/dev/null || echo 0)
stamp=$(psql_db "$dbname" -c "SELECT obj_description('desagis.desa'::regclass)" 2>/dev/null || true)
if [[ $stamp != "bench-real ${files[*]##*/}" ]]; then
  log "importing the real boundaries into $dbname (${#files[@]} village files) with the CLI"
  psql_db postgres -c "DROP DATABASE IF EXISTS $dbname" -c "CREATE DATABASE $dbname"
  DESAGIS_DATABASE=$real_db $cli db migrate >/dev/null
  DESAGIS_DATABASE=$real_db $cli import "$data/provinsi_indonesia.geojson" --target provinsi >"$art/import.log"
  DESAGIS_DATABASE=$real_db $cli import "$data/kabupaten_kota_indonesia.geojson" --target kabupaten >>"$art/import.log"
  DESAGIS_DATABASE=$real_db $cli import "$data/kecamatan_indonesia.geojson" --target kecamatan >>"$art/import.log"
  for f in "${files[@]}"; do DESAGIS_DATABASE=$real_db $cli import "$f" --target desa >>"$art/import.log"; done
  psql_db "$dbname" -c "VACUUM ANALYZE" -c "COMMENT ON TABLE desagis.desa IS 'bench-real ${files[*]##*/}'"
fi
villages=$(psql_db "$dbname" -c "SELECT count(*) FROM desagis.desa WHERE geom IS NOT NULL")
vertices=$(psql_db "$dbname" -c "SELECT sum(ST_NPoints(geom)) FROM desagis.desa")
log "$villages villages, $vertices vertices"
DESAGIS_DATABASE=$real_db $benchtool tiles --count "$count" --out "$art/tiles.txt"
awk -F/ '$1 >= 10' "$art/tiles.txt" > "$art/tiles-z10.txt"

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [[ -f $art/nginx.pid ]] && kill "$(cat "$art/nginx.pid")" 2>/dev/null || true
  [[ -f $art/mapserv.pid ]] && for p in $(cat "$art/mapserv.pid"); do kill "$p" 2>/dev/null || true; done
}
trap cleanup EXIT
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
next_port=$((21000 + RANDOM % 9000))
pick_port() { while ! port_free "$next_port"; do next_port=$((next_port + 1)); done; printf -v "$1" '%s' "$next_port"; next_port=$((next_port + 1)); }
wait_up() { for _ in $(seq 1 120); do curl -fs -o /dev/null "$1" && return 0; sleep 0.5; done; echo "server at $1 did not start" >&2; exit 1; }
pick_port p_ours; pick_port p_plain; pick_port p_ms

DESAGIS_DATABASE=$real_db Logging__LogLevel__Default=Warning DesaGis__Tiles__CacheMegabytes=0 DesaGis__Security__RequestsPerSecond=0 \
  dotnet src/DesaGis.Server/bin/Release/net10.0/DesaGis.Server.dll --urls "http://127.0.0.1:$p_ours" >"$art/server.log" 2>&1 &
pid_ours=$!; pids+=($pid_ours)
DESAGIS_DATABASE=$real_db $benchtool serve --layer villages --urls "http://127.0.0.1:$p_plain" >"$art/baseline.log" 2>&1 &
pid_plain=$!; pids+=($pid_plain)

# MapServer: one FastCGI process per core (as Debian's examples run it), nginx in front.
conn="host=$host port=$port dbname=$dbname user=$user${pass:+ password=$pass}"
sed "s|@CONNECTION@|$conn|" bench/mapserver/villages.map >"$art/villages.map"
chmod 600 "$art/villages.map"
rm -f "$art/mapserv.sock"
# MapServer 8 reads its configuration file first; the mapfile is named there, and requests use its alias.
printf 'CONFIG\n  MAPS\n    VILLAGES "%s"\n  END\nEND\n' "$PWD/$art/villages.map" >"$art/mapserver.conf"
MAPSERVER_CONFIG_FILE=$PWD/$art/mapserver.conf spawn-fcgi -s "$PWD/$art/mapserv.sock" -M 0666 -F "$(nproc)" -P "$PWD/$art/mapserv.pid" -- "$mapserv" >/dev/null
mkdir -p "$art/nginx"
cat >"$art/nginx.conf" <<NGINX
worker_processes 1;
pid $PWD/$art/nginx.pid;
error_log $PWD/$art/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $PWD/$art/nginx; fastcgi_temp_path $PWD/$art/nginx; proxy_temp_path $PWD/$art/nginx;
  uwsgi_temp_path $PWD/$art/nginx; scgi_temp_path $PWD/$art/nginx;
  server {
    listen 127.0.0.1:$p_ms;
    location ~ ^/ms/(\d+)/(\d+)/(\d+)\.mvt\$ {
      # Only these parameters: with /etc/nginx/fastcgi_params included, its empty QUERY_STRING comes first and wins.
      fastcgi_param SERVER_NAME 127.0.0.1; fastcgi_param SERVER_PORT $p_ms; fastcgi_param SERVER_PROTOCOL HTTP/1.1;
      fastcgi_param SCRIPT_NAME /ms; fastcgi_param GATEWAY_INTERFACE CGI/1.1;
      fastcgi_param QUERY_STRING "map=VILLAGES&mode=tile&tilemode=gmap&tile=\$2+\$3+\$1&layers=villages&map.imagetype=mvt";
      fastcgi_param REQUEST_METHOD GET;
      # Answers stay in memory: nginx's workers may run as another user than the one owning these folders.
      fastcgi_buffers 64 16k; fastcgi_max_temp_file_size 0;
      fastcgi_pass unix:$PWD/$art/mapserv.sock;
    }
  }
}
NGINX
"$nginx" -c "$PWD/$art/nginx.conf" -e "$PWD/$art/nginx/error.log"

probe=$(awk -F/ '$1 >= 12 {print; exit}' "$art/tiles.txt")
wait_up "http://127.0.0.1:$p_ours/health"
wait_up "http://127.0.0.1:$p_plain/fixed/0/0/0.mvt"
wait_up "http://127.0.0.1:$p_ms/ms/$probe.mvt"
# mapserv answers its errors as HTML with status 200: check that it sends tiles.
ms_type=$(curl -fs -o /dev/null -w '%{content_type}' "http://127.0.0.1:$p_ms/ms/$probe.mvt")
[[ $ms_type == application/vnd.mapbox-vector-tile* ]] || { echo "MapServer answered $ms_type, not MVT; see $art/nginx/error.log" >&2; exit 1; }

# CPU seconds (user + system) of a process and its live children, and of the database cluster (the postmaster's
# reaped children plus its live ones), from /proc; clock ticks turned into milliseconds.
tick=$(getconf CLK_TCK)
proc_ms() { local t=0 p; for p in "$@"; do [[ -r /proc/$p/stat ]] && t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo $((t * 1000 / tick)); }
tree() { local p=$1; echo "$p"; for c in $(cat /proc/"$p"/task/*/children 2>/dev/null); do tree "$c"; done; }
# The postmaster is the parent of any backend; a database on another machine is not measured (reported as 0).
pg_dir=$(psql_db "$dbname" -c "SHOW data_directory")
pg_pid=$(head -1 "$pg_dir/postmaster.pid" 2>/dev/null || echo "")
db_ms() {
  [[ -n $pg_pid && -r /proc/$pg_pid/stat ]] || { echo 0; return; }
  local reaped; reaped=$(awk '{print $16 + $17}' "/proc/$pg_pid/stat")
  echo $(( $(proc_ms $(tree "$pg_pid")) + reaped * 1000 / tick ))
}
server_ms() { # name
  case $1 in
    ours) proc_ms "$pid_ours" ;;
    plain) proc_ms "$pid_plain" ;;
    mapserver) proc_ms $(tree "$(cat "$art/nginx.pid")") $(cat "$art/mapserv.pid") ;;
  esac
}

url_of() { case $1 in ours) echo "http://127.0.0.1:$p_ours /tiles/villages/" ;; plain) echo "http://127.0.0.1:$p_plain /baseline/" ;; mapserver) echo "http://127.0.0.1:$p_ms /ms/" ;; esac; }
run() { # server list-name
  local name=$1 list=$2 base prefix out db0 sv0 db1 sv1 requests
  read -r base prefix <<<"$(url_of "$name")"
  out="$art/wrk-$name-$list.txt"
  TILE_LIST="$art/$list.txt" TILE_PREFIX=$prefix TILE_SUFFIX=.mvt wrk -t1 -c2 -d1s -s bench/tiles.lua "$base" >/dev/null 2>&1 || true
  db0=$(db_ms); sv0=$(server_ms "$name")
  TILE_LIST="$art/$list.txt" TILE_PREFIX=$prefix TILE_SUFFIX=.mvt wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 60s --latency -s bench/tiles.lua "$base" >"$out"
  db1=$(db_ms); sv1=$(server_ms "$name")
  requests=$(awk '/requests in/ {print $1}' "$out")
  printf '%s %s %s %s %s %s %s\n' "$(awk '/Requests\/sec/ {print $2}' "$out")" \
    "$(awk '$1 == "50%" {print $2}' "$out")" "$(awk '$1 == "99%" {print $2}' "$out")" \
    "$(awk -v a="$db0" -v b="$db1" -v n="$requests" 'BEGIN {printf "%.2f", (b - a) / n}')" \
    "$(awk -v a="$sv0" -v b="$sv1" -v n="$requests" 'BEGIN {printf "%.2f", (b - a) / n}')" \
    "$(grep -c 'Non-2xx\|Socket errors' "$out" || true)" "$requests" >>"$art/runs-$name-$list.txt"
  log "$name $list: $(tail -1 "$art/runs-$name-$list.txt")"
}
rm -f "$art"/runs-*.txt
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for r in $(seq 1 "$rounds"); do
  log "round $r/$rounds"
  # Alternating order per round, so no server always runs after the same neighbour.
  if (( r % 2 )); then order="ours plain mapserver"; else order="mapserver plain ours"; fi
  for list in tiles-z10 tiles; do for s in $order; do run "$s" "$list"; done; done
done

# Bytes and features per tile at the same URLs (each server once per tile), decoded by GDAL's MVT driver.
log "bytes and feature counts per tile"
features() { # file → feature count of layer villages, or 0 for an empty tile
  [[ -s $1 ]] || { echo 0; return; }
  ogrinfo -ro -so -oo CLIP=NO "MVT:$1" villages 2>/dev/null | awk -F': ' '/Feature Count/ {print $2; f=1} END {if (!f) print 0}'
}
: >"$art/per-tile.txt"
mkdir -p "$art/t"
sort -u "$art/tiles.txt" | awk -F/ '$1 >= 11' | head -n "${BENCH_REAL_COMPARE:-120}" | while read -r t; do
  z=${t%%/*}; key=${t//\//_}
  curl -fs -o "$art/t/o-$key.mvt" "http://127.0.0.1:$p_ours/tiles/villages/$t.mvt" || : >"$art/t/o-$key.mvt"
  curl -fs -o "$art/t/p-$key.mvt" "http://127.0.0.1:$p_plain/baseline/$t.mvt" || : >"$art/t/p-$key.mvt"
  curl -fs -o "$art/t/m-$key.mvt" "http://127.0.0.1:$p_ms/ms/$t.mvt" || : >"$art/t/m-$key.mvt"
  echo "$z $t $(stat -c %s "$art/t/o-$key.mvt") $(stat -c %s "$art/t/p-$key.mvt") $(stat -c %s "$art/t/m-$key.mvt")" \
    "$(features "$art/t/o-$key.mvt") $(features "$art/t/p-$key.mvt") $(features "$art/t/m-$key.mvt")" >>"$art/per-tile.txt"
done

col() { awk -v c="$2" '{s += $c; n++} END {if (n) printf "%.0f", s / n; else print "-"}' "$art/runs-$1.txt"; }
colf() { awk -v c="$2" '{s += $c; n++} END {if (n) printf "%.2f", s / n; else print "-"}' "$art/runs-$1.txt"; }
lat() { awk -v c="$2" '{v=$c; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; s += v; n++} END {if (n) printf "%.1f", s / n; else print "-"}' "$art/runs-$1.txt"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "-"}'; }
row() { # label name list
  echo "| $1 | $(col "$2-$3" 1) | $(ratio "$(col "$2-$3" 1)" "$(col "mapserver-$3" 1)") | $(ratio "$(col "$2-$3" 1)" "$(col "plain-$3" 1)") | $(lat "$2-$3" 2) | $(lat "$2-$3" 3) | $(colf "$2-$3" 4) | $(colf "$2-$3" 5) |"
}
bytes() { awk -v c="$1" '{s += $c; n++} END {if (n) printf "%.0f", s / n; else print "-"}' "$art/per-tile.txt"; }
agree() { # zoom → "tiles equal/total, ours−plain features"
  awk -v z="$1" '$1 == z {n++; if ($6 == $7) e++; d += $6 - $7} END {printf "%d/%d, %+d", e, n, d}' "$art/per-tile.txt"
}
agree_ms() { awk -v z="$1" '$1 == z {n++; if ($8 == $7) e++} END {printf "%d/%d", e, n}' "$art/per-tile.txt"; }

section=$(cat <<MD

## Real boundaries: ours against plain PostGIS and MapServer 8 (uncached villages tiles)

$villages villages ($vertices vertices) from \`${data##*/}\`${provinces:+ (provinces $provinces only — a smoke run, not the national figure)},
imported with \`desagis import … --target desa\` (scripts/bench-mapserver.sh, $(date -u '+%Y-%m-%d %H:%M UTC')). One list of
$count tiles (z5–z14, density-weighted); each server ran each list $rounds time(s) for ${seconds} s with \`wrk -t$threads
-c$connections\`, in alternating order. CPU is milliseconds per tile from /proc: the whole database cluster, and the server
(ours: the .NET process; plain: its Kestrel app; MapServer: nginx and the mapserv FastCGI processes).

| run | tiles/s | × MapServer | × plain | p50 ms | p99 ms | DB CPU ms/tile | server CPU ms/tile |
|---|---:|---:|---:|---:|---:|---:|---:|
$(row "ours, z10–z14" ours tiles-z10)
$(row "plain ST_AsMVT, z10–z14" plain tiles-z10)
$(row "MapServer 8, z10–z14" mapserver tiles-z10)
$(row "ours, whole list" ours tiles)
$(row "plain ST_AsMVT, whole list" plain tiles)
$(row "MapServer 8, whole list" mapserver tiles)

Targets: z10–14 ≥ 2× MapServer and ≥ 0.8× plain; whole list ≥ 2× MapServer; p99 at z10–14 no worse than MapServer's.

Bytes per tile over $(wc -l <"$art/per-tile.txt") distinct tiles at z11–z14: ours $(bytes 3), plain $(bytes 4), MapServer $(bytes 5).
Feature counts (GDAL's MVT driver, layer villages) against the plain query, tiles that agree and the summed difference:
z11 $(agree 11), z12 $(agree 12), z13 $(agree 13), z14 $(agree 14); MapServer equal to plain: z11 $(agree_ms 11),
z12 $(agree_ms 12), z13 $(agree_ms 13), z14 $(agree_ms 14). Per tile: $art/per-tile.txt
(zoom, tile, bytes ours/plain/MapServer, features ours/plain/MapServer).

Load average at the start: $load_start; at the end: $(cut -d' ' -f1-3 /proc/loadavg).
MD
)
if [[ -n ${BENCH_REAL_PRINT_ONLY:-} ]]; then echo "$section"; else echo "$section" >>bench/RESULTS.md; echo "$section"; fi
