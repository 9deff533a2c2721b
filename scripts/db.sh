#!/usr/bin/env bash
# The private PostGIS cluster under .data/ that `make run` and `make test` use when DESAGIS_DATABASE is not set.
#   scripts/db.sh start   start it (creating it the first time) and print nothing
#   scripts/db.sh stop    stop it
#   scripts/db.sh url     print the connection string (of DESAGIS_DATABASE when set)
#   scripts/db.sh status  say whether it runs
#   scripts/db.sh destroy stop it and delete its files
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD/.data
pgdata=$root/pg
sockdir=$root/run
conn_file=$root/connection
# Follow the links place_for_postgres may have made.
[[ -L $pgdata ]] && pgdata=$(readlink -f "$pgdata")
[[ -L $sockdir ]] && sockdir=$(readlink -f "$sockdir")
pgbin=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}

as_owner() {
  # The cluster belongs to the postgres user when we are root (PostgreSQL refuses to run as root).
  if [[ $(id -u) == 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pick_port() {
  local p
  if [[ -f $root/port ]]; then cat "$root/port"; return; fi
  for p in $(seq 55432 55532); do
    if port_free "$p"; then echo "$p" > "$root/port"; echo "$p"; return; fi
  done
  echo "no free port between 55432 and 55532" >&2; exit 1
}

# PostgreSQL runs as the postgres user when we are root; if that user cannot reach this checkout (say, under a
# private home directory), the cluster's files live in its own home and .data/ holds links to them.
place_for_postgres() {
  mkdir -p "$root"
  if [[ $(id -u) == 0 ]] && ! runuser -u postgres -- test -x "$root" 2>/dev/null; then
    local home; home=$(getent passwd postgres | cut -d: -f6)
    local where; where="$home/desagis-$(echo -n "$root" | sha1sum | cut -c1-12)"
    mkdir -p "$where/pg" "$where/run"
    chown -R postgres:postgres "$where"
    ln -sfn "$where/pg" "$pgdata"
    ln -sfn "$where/run" "$sockdir"
    pgdata=$where/pg
    sockdir=$where/run
  fi
}

create() {
  place_for_postgres
  mkdir -p "$root" "$sockdir"
  local pw; pw=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  local pwfile; pwfile=$(mktemp)
  echo "$pw" > "$pwfile"
  if [[ $(id -u) == 0 ]]; then
    chown postgres:postgres "$sockdir" "$pwfile"
    mkdir -p "$pgdata"; chown postgres:postgres "$pgdata/"; chmod 700 "$pgdata/"
  fi
  as_owner "$pgbin/initdb" -D "$pgdata" -U desagis --pwfile="$pwfile" --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
  local port; port=$(pick_port)
  cat >> "$pgdata/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sockdir'
max_connections = 200
shared_buffers = 512MB
work_mem = 32MB
maintenance_work_mem = 256MB
fsync = on
synchronous_commit = off
statement_timeout = 0
CONF
  umask 077
  echo "Host=127.0.0.1;Port=$port;Username=desagis;Password=$pw;Database=desagis" > "$conn_file"
}

running() { [[ -f $pgdata/postmaster.pid ]] && as_owner "$pgbin/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; }

start() {
  if [[ -n ${DESAGIS_DATABASE:-} ]]; then return; fi
  [[ -x $pgbin/initdb ]] || { echo "PostgreSQL server binaries not found; run scripts/deps.sh" >&2; exit 1; }
  [[ -f $pgdata/PG_VERSION ]] || create
  if ! running; then
    local port; port=$(sed -n 's/^port = //p' "$pgdata/postgresql.conf" | tail -n 1)
    if ! port_free "$port"; then
      echo "port $port, chosen for the private cluster, is taken by another program; run 'make clean' or free it" >&2; exit 1
    fi
    as_owner "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -t 60 start >/dev/null
  fi
  # The database itself, and PostGIS in it (the migrations need the extension to be installable).
  local cs; cs=$(cat "$conn_file")
  local port; port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$cs")
  local pw; pw=$(sed -E 's/.*Password=([^;]+).*/\1/' <<<"$cs")
  if ! PGPASSWORD=$pw psql -h 127.0.0.1 -p "$port" -U desagis -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='desagis'" | grep -q 1; then
    PGPASSWORD=$pw psql -h 127.0.0.1 -p "$port" -U desagis -d postgres -qc "CREATE DATABASE desagis" >/dev/null
  fi
}

stop() {
  if [[ -f $pgdata/PG_VERSION ]] && running; then
    as_owner "$pgbin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null
    echo "private PostGIS stopped"
  fi
}

destroy() {
  stop
  # Remove the cluster wherever it lives (it may be linked from .data/), then .data/ itself.
  [[ -d $pgdata && $pgdata != "$root/pg" ]] && rm -rf "$(dirname "$pgdata")"
  rm -rf "$root"
}

url() {
  if [[ -n ${DESAGIS_DATABASE:-} ]]; then echo "$DESAGIS_DATABASE"; else cat "$conn_file"; fi
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  destroy) destroy ;;
  url) url ;;
  status) if running; then echo running; else echo stopped; fi ;;
  *) echo "usage: $0 start|stop|url|status" >&2; exit 2 ;;
esac
