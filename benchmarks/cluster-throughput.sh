#!/bin/sh
# Sync throughput of three aura-servers behind HAProxy against one server called directly,
# measured in one sitting on this machine (docs/SCALING.md; figures in benchmarks/README.md,
# "Scaling out"). Three rows, back to back, each `aura-bench --only unary` (small unary calls,
# 1 and 4 connections, 1 to 256 in flight):
#   direct     one server (one loop per core), called directly
#   proxy-1    the same kind of server behind HAProxy: the proxy's own cost
#   proxy-3    three servers (--loops 1 each, so the three share the cores) behind HAProxy
#              (balance roundrobin: aura-bench's 4 connections reach all three)
# On a 2-core machine the point is correctness and overhead, not speed-up: the client, HAProxy
# and the servers share the same two cores.
#
# usage: benchmarks/cluster-throughput.sh [BUILD_DIR]   (default .build/release; build it first:
#        swift build -c release --product aura-server; ... --product aura-bench; and the plugins)
# Environment: DURATION (default 3s) for each measurement.
set -eu
build=${1:-.build/release}
duration=${DURATION:-3s}
haproxy=${HAPROXY:-/usr/sbin/haproxy}
for binary in "$build/aura-server" "$build/aura-bench" "$haproxy"; do
    [ -x "$binary" ] || { echo "missing $binary" >&2; exit 1; }
done
work=$(mktemp -d /tmp/aura-cluster-bench.XXXXXX)
pids=""
cleanup() {
    for pid in $pids; do kill "$pid" 2>/dev/null || true; done
    for pid in $pids; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

# A port that was free a moment ago (bound to 127.0.0.1:0, then released).
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_server NAME PORT LOOPS: waits for its listening line.
start_server() {
    "$build/aura-server" --addr "127.0.0.1:$2" --data-dir "$work/$1" --auth off --conformance --node-name "$1" \
        --loops "$3" --log-level warning >"$work/$1.out" 2>"$work/$1.err" &
    pids="$pids $!"
    tries=0
    until grep -q "listening on" "$work/$1.out" 2>/dev/null; do
        tries=$((tries + 1))
        [ $tries -lt 300 ] || { echo "aura-server $1 did not start:" >&2; cat "$work/$1.err" >&2; exit 1; }
        sleep 0.1
    done
}

# start_proxy PORT SERVER_PORT...: HAProxy in TCP mode with the health check of deploy/haproxy.cfg.
start_proxy() {
    port=$1
    shift
    config="$work/haproxy-$port.cfg"
    sed -n '/^defaults/,/^frontend/p' deploy/haproxy.cfg | sed '$d' | grep -v -E '^ *(#|log|option tcplog)' >"$config"
    {
        echo "frontend aurastream"
        echo "    bind 127.0.0.1:$port"
        echo "    default_backend aura_servers"
        echo "backend aura_servers"
        sed -n '/^backend aura_servers/,$p' deploy/haproxy.cfg | grep -E '^    (balance|option|tcp-check|default-server)'
        n=0
        for server in "$@"; do n=$((n + 1)); echo "    server s$n 127.0.0.1:$server"; done
    } >>"$config"
    printf 'global\n    maxconn 4000\n' | cat - "$config" >"$config.full"
    "$haproxy" -f "$config.full" -db >"$work/haproxy-$port.log" 2>&1 &
    pids="$pids $!"
    tries=0
    until python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $port), 1).close()" 2>/dev/null; do
        tries=$((tries + 1))
        [ $tries -lt 100 ] || { echo "haproxy did not start:" >&2; cat "$work/haproxy-$port.log" >&2; exit 1; }
        sleep 0.1
    done
}

measure() {
    echo "== $1"
    "$build/aura-bench" --addr "$2" --only unary --duration "$duration"
}

direct=$(free_port)
start_server direct "$direct" "$(nproc)"
measure "direct: one server ($(nproc) loops), no proxy" "127.0.0.1:$direct"

proxy1=$(free_port)
start_proxy "$proxy1" "$direct"
measure "proxy-1: the same server behind HAProxy" "127.0.0.1:$proxy1"

ports=""
for name in n1 n2 n3; do
    port=$(free_port)
    start_server "$name" "$port" 1
    ports="$ports $port"
done
proxy3=$(free_port)
# shellcheck disable=SC2086
start_proxy "$proxy3" $ports
measure "proxy-3: three servers (1 loop each) behind HAProxy" "127.0.0.1:$proxy3"
