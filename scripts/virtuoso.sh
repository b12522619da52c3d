#!/usr/bin/env bash
# virtuoso.sh - start and stop a throw-away Virtuoso Open Source 7 for tests
# and benchmarks: its own directory, loopback ports picked free, a generated
# dba password, digest auth on /sparql-auth and /sparql-graph-crud-auth.
#
#   scripts/virtuoso.sh start DIR   prints shell assignments:
#       VIRT_DIR= VIRT_PID= VIRT_SQL_PORT= VIRT_HTTP_PORT= VIRT_USER= VIRT_PASSWORD=
#       VIRT_GSP= (Graph Store, digest)  VIRT_UPDATE= (SPARQL Update, digest)
#       VIRT_SPARQL= (query, no auth)    and writes the same to DIR/env
#   scripts/virtuoso.sh stop DIR    stops the server started in DIR, by its pid
#
# Needs virtuoso-t and isql-vt (Debian virtuoso-opensource-7-bin, installed
# by scripts/deps.sh) and python3 (to find free ports).
set -euo pipefail

die() { echo "virtuoso.sh: $*" >&2; exit 1; }

free_port() {
  python3 -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  local dir=$1
  command -v virtuoso-t >/dev/null || die "virtuoso-t not found (scripts/deps.sh)"
  command -v isql-vt >/dev/null || die "isql-vt not found (scripts/deps.sh)"
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  [ -e "$dir/pid" ] && die "a server may already run in '$dir' (pid file)"
  local sql http pw
  sql=$(free_port)
  http=$(free_port)
  while [ "$http" = "$sql" ]; do http=$(free_port); done
  pw=p$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
  cat >"$dir/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = $dir/virtuoso.db
ErrorLogFile       = $dir/virtuoso.log
LockFile           = $dir/virtuoso.lck
TransactionFile    = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $dir/virtuoso-temp.db
TransactionFile    = $dir/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort             = 127.0.0.1:$sql
LiteMode               = 0
DisableUnixSocket      = 1
DisableTcpSocket       = 0
ServerThreads          = 10
CheckpointInterval     = 60
NumberOfBuffers        = 20000
MaxDirtyBuffers        = 15000
MaxStaticCursorRows    = 5000
AllowOSCalls           = 0
DirsAllowed            = ., $dir
ThreadCleanupInterval  = 0
ResourcesCleanupInterval = 0
FreeTextBatchSize      = 100000
SingleCPU              = 0
TempDBSize             = 10
MaxQueryMem            = 500M

[HTTPServer]
ServerPort                  = 127.0.0.1:$http
ServerRoot                  = $dir/www
MaxClientConnections        = 8
DavRoot                     = DAV
EnabledDavVSP               = 0
HTTPProxyEnabled            = 0
ServerThreads               = 8
KeepAliveTimeout            = 10
MaxKeepAlives               = 10
MaxCachedProxyConnections   = 10
ProxyConnectionCacheTimeout = 15
HTTPThreadSize              = 280000
HttpPrintWarningsInOutput   = 0
Charset                     = UTF-8
MaintenancePage             = atomic.html
EnabledGzipContent          = 1

[AutoRepair]
BadParentLinks = 0

[Client]
SQL_PREFETCH_ROWS  = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT  = 0
SQL_TXN_TIMEOUT    = 0

[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 120
DefaultQuery               = select distinct ?Concept where {[] a ?Concept} LIMIT 100
DeferInferenceRulesInit    = 0
EOF
  mkdir -p "$dir/www"
  (cd "$dir" && exec virtuoso-t +configfile "$dir/virtuoso.ini" +foreground \
     >"$dir/stdout.log" 2>&1) &
  local pid=$!
  echo "$pid" >"$dir/pid"
  # Ready when isql answers (2-5 s here); give it up to 60 s.
  local i
  for i in $(seq 1 120); do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$dir/pid"
      die "virtuoso-t exited; see $dir/virtuoso.log"
    fi
    if isql-vt "127.0.0.1:$sql" dba dba exec="select 1;" >/dev/null 2>&1; then
      break
    fi
    sleep 0.5
  done
  [ "$i" -lt 120 ] || { kill "$pid"; die "virtuoso-t did not answer on port $sql"; }
  # The password is passed on isql's command line once, inside this
  # throw-away server's setup; it is generated and printed for the tests.
  isql-vt "127.0.0.1:$sql" dba dba \
    exec="SET PASSWORD \"dba\" \"$pw\";" >"$dir/setup.log" 2>&1 || true
  isql-vt "127.0.0.1:$sql" dba "$pw" exec="select 1;" >>"$dir/setup.log" 2>&1 ||
    { stop "$dir"; die "setting the dba password failed; see $dir/setup.log"; }
  local base="http://127.0.0.1:$http"
  cat >"$dir/env" <<EOF
VIRT_DIR='$dir'
VIRT_PID=$pid
VIRT_SQL_PORT=$sql
VIRT_HTTP_PORT=$http
VIRT_USER=dba
VIRT_PASSWORD='$pw'
VIRT_BASE='$base'
VIRT_GSP='$base/sparql-graph-crud-auth'
VIRT_UPDATE='$base/sparql-auth'
VIRT_SPARQL='$base/sparql'
EOF
  cat "$dir/env"
}

stop() {
  local dir=$1 pid i
  [ -f "$dir/pid" ] || die "no pid file in '$dir'"
  pid=$(cat "$dir/pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 40); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.25
    done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$dir/pid"
}

case "${1:-}" in
  start) [ $# -eq 2 ] || die "usage: virtuoso.sh start DIR"; start "$2" ;;
  stop)  [ $# -eq 2 ] || die "usage: virtuoso.sh stop DIR"; stop "$2" ;;
  *) echo "usage: virtuoso.sh start|stop DIR" >&2; exit 2 ;;
esac
