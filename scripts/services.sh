#!/usr/bin/env bash
# Redis and FerretDB (a MongoDB-compatible server) for tests and development, on free
# loopback ports, state under .services/ in the repo. See ../shared/SERVICES.md for why
# FerretDB v1.24.2 is built this way.
#
#   scripts/services.sh up              start what is not running; writes .services/env
#   scripts/services.sh down            stop both, remove their data
#   scripts/services.sh status | env    what runs / the URLs (KEY=VALUE lines)
#   scripts/services.sh restart-redis | stop-mongo | start-mongo   for fault tests
#   scripts/services.sh release LEASE   drop a lease taken by `up` (FRICTIONLENS_LEASE=...);
#                                       the last lease down stops services a lease started
#
# REDIS_URL / MONGO_URL set in the environment: that service is used as given, not started.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SVC="$ROOT/.services"
FERRET_VERSION="v1.24.2"
FERRET_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/frictionlens/ferretdb-$FERRET_VERSION"
FERRET_BIN="$FERRET_DIR/ferretdb"
WAIT_SECONDS="${SERVICES_WAIT_SECONDS:-60}"

mkdir -p "$SVC" "$SVC/leases"

say() { echo "services: $*" >&2; }
die() { say "$*"; exit 1; }

# One `up`/`down` at a time: several test runs may share this checkout.
exec 9>"$SVC/lock"
flock -w 600 9 || die "could not take $SVC/lock within 600 s"

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

pid_alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

tcp_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

log_tail() { [[ -f "$1" ]] && tail -n 30 "$1" >&2 || true; }

# ---------------------------------------------------------------- Redis

redis_port() { cat "$SVC/redis.port" 2>/dev/null || true; }

redis_running() {
  local p; p="$(redis_port)"
  [[ -n "$p" ]] && pid_alive "$SVC/redis.pid" && redis-cli -p "$p" ping 2>/dev/null | grep -q PONG
}

ensure_redis_installed() {
  command -v redis-server >/dev/null && return
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    say "installing redis-server with apt-get"
    { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server; } >"$SVC/redis-install.log" 2>&1 ||
      { log_tail "$SVC/redis-install.log"; die "apt-get install redis-server failed (log above)"; }
  else
    die "redis-server is not installed. Install it (Debian/Ubuntu: 'sudo apt-get install -y redis-server', macOS: 'brew install redis') or set REDIS_URL to a running Redis."
  fi
}

start_redis() {
  ensure_redis_installed
  local p; p="$(redis_port)"
  if [[ -z "$p" ]] || tcp_open "$p"; then p="$(free_port)"; echo "$p" >"$SVC/redis.port"; fi
  redis-server --port "$p" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --pidfile "$SVC/redis.pid" --logfile "$SVC/redis.log" --dir "$SVC" </dev/null >/dev/null 2>&1 9>&-
  local deadline=$((SECONDS + WAIT_SECONDS))
  # The pid file too: a PONG alone could come from another server that took the port first.
  until pid_alive "$SVC/redis.pid" && redis-cli -p "$p" ping 2>/dev/null | grep -q PONG; do
    if ((SECONDS > deadline)); then log_tail "$SVC/redis.log"; die "Redis did not answer on 127.0.0.1:$p within ${WAIT_SECONDS} s (log above: $SVC/redis.log)"; fi
    sleep 0.1
  done
}

# Stops the process of a pid file: TERM, up to $2 tenths of a second to exit, then KILL.
stop_pid() {
  if pid_alive "$1"; then
    local pid; pid="$(cat "$1")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq "$2"); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$1"
}

stop_redis() { stop_pid "$SVC/redis.pid" 50; }

# ---------------------------------------------------------------- FerretDB

mongo_port() { cat "$SVC/mongo.port" 2>/dev/null || true; }

mongo_ping() {
  (cd "$ROOT" && node -e "
const { MongoClient } = require('mongodb');
const c = new MongoClient(process.argv[1], { serverSelectionTimeoutMS: 2000 });
c.db('admin').command({ ping: 1 }).then(() => c.close()).then(() => process.exit(0), () => process.exit(1));
" "mongodb://127.0.0.1:$1/") >/dev/null 2>&1
}

mongo_running() {
  local p; p="$(mongo_port)"
  [[ -n "$p" ]] && pid_alive "$SVC/ferretdb.pid" && tcp_open "$p" && mongo_ping "$p"
}

build_ferretdb() {
  [[ -x "$FERRET_BIN" ]] && return
  command -v go >/dev/null || die "FerretDB $FERRET_VERSION is built from source and needs Go >= 1.24 (https://go.dev/dl/), or set MONGO_URL to a running MongoDB."
  say "building FerretDB $FERRET_VERSION into $FERRET_DIR (once; about 90 s on a fresh machine)"
  local work ok=1; work="$(mktemp -d)"
  (
    cd "$work"
    export GOFLAGS="-buildvcs=false"
    go mod init local/ferretdb-build >/dev/null 2>&1
    go get -tool "github.com/FerretDB/FerretDB/cmd/ferretdb@$FERRET_VERSION"
    src="$(go list -m -f '{{.Dir}}' github.com/FerretDB/FerretDB)"
    cp -r "$src" "$work/src"
    chmod -R u+w "$work/src"
    # The module lacks its generated version file; without it the binary panics at start.
    echo "$FERRET_VERSION" >"$work/src/build/version/version.txt"
    mkdir -p "$FERRET_DIR"
    cd "$work/src" && go build -o "$FERRET_BIN.tmp" ./cmd/ferretdb
  ) >"$SVC/ferretdb-build.log" 2>&1 || ok=0
  chmod -R u+w "$work" 2>/dev/null || true
  rm -rf "$work"
  ((ok)) || { log_tail "$SVC/ferretdb-build.log"; die "building FerretDB failed (log above: $SVC/ferretdb-build.log)"; }
  mv "$FERRET_BIN.tmp" "$FERRET_BIN"
}

start_mongo() {
  build_ferretdb
  local p; p="$(mongo_port)"
  if [[ -z "$p" ]] || tcp_open "$p"; then p="$(free_port)"; echo "$p" >"$SVC/mongo.port"; fi
  mkdir -p "$SVC/ferretdb-data" "$SVC/ferretdb-state"
  # setsid + all descriptors redirected or closed: the server outlives the caller (vitest's
  # globalSetup waits for our stdout to close) and must not inherit the lock on fd 9.
  # synchronous(normal) with FerretDB's WAL journal: a commit does not wait for fsync, so
  # small writes (a batch's partial, a run update) cost ~1 ms instead of ~20. A killed or
  # stopped server loses nothing (the WAL is in the OS cache); only a power cut of the
  # machine could drop the last commits, which a test and development server can afford.
  setsid "$FERRET_BIN" --handler=sqlite --sqlite-url="file:$SVC/ferretdb-data/?_pragma=synchronous(normal)" \
    --listen-addr="127.0.0.1:$p" --debug-addr=127.0.0.1:0 --telemetry=disable \
    --state-dir="$SVC/ferretdb-state" --log-level=WARN \
    </dev/null >>"$SVC/ferretdb.log" 2>&1 9>&- &
  echo $! >"$SVC/ferretdb.pid"
  local deadline=$((SECONDS + WAIT_SECONDS))
  until tcp_open "$p" && mongo_ping "$p"; do
    if ! pid_alive "$SVC/ferretdb.pid"; then log_tail "$SVC/ferretdb.log"; die "FerretDB exited at start (log above: $SVC/ferretdb.log)"; fi
    if ((SECONDS > deadline)); then log_tail "$SVC/ferretdb.log"; die "FerretDB did not answer on 127.0.0.1:$p within ${WAIT_SECONDS} s (log above: $SVC/ferretdb.log)"; fi
    sleep 0.2
  done
}

stop_mongo() { stop_pid "$SVC/ferretdb.pid" 100; }

# ---------------------------------------------------------------- commands

write_env() {
  {
    echo "REDIS_URL=${REDIS_URL:-redis://127.0.0.1:$(redis_port)}"
    echo "MONGO_URL=${MONGO_URL:-mongodb://127.0.0.1:$(mongo_port)/}"
  } >"$SVC/env.tmp"
  mv "$SVC/env.tmp" "$SVC/env"
}

live_leases() {
  local f
  for f in "$SVC"/leases/*; do
    [[ -e "$f" ]] || continue
    if kill -0 "$(basename "$f")" 2>/dev/null; then echo "$f"; else rm -f "$f"; fi
  done
}

cmd_up() {
  local started=0
  if [[ -z "${REDIS_URL:-}" ]] && ! redis_running; then stop_redis; start_redis; started=1; fi
  if [[ -z "${MONGO_URL:-}" ]] && ! mongo_running; then stop_mongo; start_mongo; started=1; fi
  if [[ -n "${FRICTIONLENS_LEASE:-}" ]]; then
    touch "$SVC/leases/$FRICTIONLENS_LEASE"
    ((started)) && touch "$SVC/started-by-lease"
  else
    # Someone asked for the services by hand: they stay up after the tests.
    rm -f "$SVC/started-by-lease"
  fi
  write_env
  cat "$SVC/env"
}

cmd_down() {
  stop_redis
  stop_mongo
  rm -rf "$SVC/ferretdb-data" "$SVC/ferretdb-state" "$SVC/env" "$SVC/started-by-lease" "$SVC"/leases/*
}

cmd_release() {
  rm -f "$SVC/leases/${1:?release needs the lease id}"
  if [[ -f "$SVC/started-by-lease" && -z "$(live_leases)" ]]; then cmd_down; fi
}

cmd_status() {
  if [[ -n "${REDIS_URL:-}" ]]; then echo "redis: external $REDIS_URL"
  elif redis_running; then echo "redis: running on 127.0.0.1:$(redis_port) (pid $(cat "$SVC/redis.pid"))"
  else echo "redis: not running"; fi
  if [[ -n "${MONGO_URL:-}" ]]; then echo "mongo: external (MONGO_URL set)"
  elif mongo_running; then echo "mongo: FerretDB $FERRET_VERSION running on 127.0.0.1:$(mongo_port) (pid $(cat "$SVC/ferretdb.pid"))"
  else echo "mongo: not running"; fi
}

# Fault commands act on the servers this script manages; an external server (REDIS_URL /
# MONGO_URL set) is not ours to stop, and starting a local one instead would fake the fault.
# REDIS_URL / MONGO_URL may name our own servers (.ci/run exports .services/env): those are ours.
managed() {
  local url="${!1:-}" own="$4"
  [[ -z "$url" || "$url" == "$own" ]] || die "$1 is set to another server ($2 is external): '$3' only acts on the servers this script starts"
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  env) [[ -f "$SVC/env" ]] && cat "$SVC/env" || die "not up: run '$0 up'" ;;
  release) cmd_release "${2:-}" ;;
  # Both keep the port in .services/ so clients reconnect to the same address.
  restart-redis) managed REDIS_URL Redis restart-redis "redis://127.0.0.1:$(redis_port)"; [[ -n "$(redis_port)" ]] || die "not up: run '$0 up'"; stop_redis; start_redis ;;
  stop-mongo) managed MONGO_URL MongoDB stop-mongo "mongodb://127.0.0.1:$(mongo_port)/"; stop_mongo ;;
  start-mongo) managed MONGO_URL MongoDB start-mongo "mongodb://127.0.0.1:$(mongo_port)/"; mongo_running || { stop_mongo; start_mongo; } ;;
  *) die "usage: $0 up|down|status|env|restart-redis|stop-mongo|start-mongo|release LEASE" ;;
esac
