#!/usr/bin/env bash
# Side by side with gRPC C++ in one sitting: builds the gRPC C++ 1.51 peer outside the source tree,
# measures it, then `aura-bench --only peer-shapes` with the same shapes, and prints the ratios.
#
#   benchmarks/compare-grpc-cpp.sh [seconds-per-phase]        (default 10; about 3 minutes in all)
#
# Needs Debian's libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev pkg-config (benchmark tools
# only: nothing in the product links gRPC) and a release build (swift build -c release).
# Environment: GRPC_CPP_PEER (the peer's sources, default ../shared/peers/grpc-cpp next to the
# repository), PEER_BUILD (where it is built, default $XDG_CACHE_HOME/aura-grpc-cpp-peer),
# AURA_BIN (the folder with aura-bench and aura-server, default .build/release).
# Shapes: unary (16 bytes each way) at K = 1, 16, 64, 256 in flight on 1 connection and K = 64,
# 256 on 4; client streaming of 64 KiB messages on one call; server RSS idle and holding 1,000 and
# 10,000 idle connections that each made one call (HOLD_COUNTS="1000 10000"; each count on a fresh
# server; the open-file limits are raised to the hard limit, which must exceed the count); server
# and client CPU per unary call (utime + stime from /proc/PID/stat over the phase, divided by the
# calls). All traffic stays on 127.0.0.1; every process has a time limit and is stopped by PID.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DUR=${1:-10}
PEER_SRC=${GRPC_CPP_PEER:-$ROOT/../shared/peers/grpc-cpp}
export OUT=${PEER_BUILD:-${XDG_CACHE_HOME:-$HOME/.cache}/aura-grpc-cpp-peer}
BIN=${AURA_BIN:-$ROOT/.build/release}
[ -x "$BIN/aura-bench" ] && [ -x "$BIN/aura-server" ] || { echo "no aura-bench/aura-server in $BIN: swift build -c release" >&2; exit 1; }
[ -x "$OUT/server" ] && [ -x "$OUT/client" ] || bash "$PEER_SRC/build.sh"
WORK=$(mktemp -d /tmp/aura-compare.XXXXXX)
SPID=
trap '[ -n "$SPID" ] && kill "$SPID" 2>/dev/null; rm -rf "$WORK"' EXIT
# A port no socket uses in any state: gRPC's bind fails on one still in TIME-WAIT as another
# connection's local port.
for _ in $(seq 100); do PORT=$((50600 + RANDOM % 300)); ss -Htan "( sport = :$PORT )" | grep -q . || break; done
WARMUP=1
HOLD_COUNTS=${HOLD_COUNTS:-1000 10000}
ulimit -n "$(ulimit -Hn)"   # the peer server inherits it; aura-bench and aura-server raise their own

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }     # utime + stime in clock ticks
child_ticks() { awk '{print $16 + $17}' "/proc/$$/stat"; }  # this shell's waited-for children (the load client)
rss_mib() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }
start_peer() {  # $1 = lifetime in seconds; sets SPID (the server) and TPID (its timeout)
  timeout $(($1 + 20)) "$OUT/server" --port $PORT --seconds "$1" > "$WORK/peer-server.log" 2>&1 &
  TPID=$!
  for _ in $(seq 50); do SPID=$(pgrep -P $TPID || true); [ -n "$SPID" ] && ss -Htln "( sport = :$PORT )" | grep -q . && break; sleep 0.1; done
}
stop_peer() { kill "$SPID" 2>/dev/null || true; wait "$TPID" 2>/dev/null || true; SPID=; }

echo "== $(date -u +%FT%TZ) nproc=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg) grpc++=$(pkg-config --modversion grpc++) seconds=$DUR"
echo "-- gRPC C++ ($OUT)"
start_peer $((6 * (DUR + WARMUP + 2) + 90))
sleep 1
echo "grpc rss_idle MiB=$(rss_mib "$SPID")" | tee -a "$WORK/results"
for shape in "1 1" "16 1" "64 1" "256 1" "64 4" "256 4"; do
  set -- $shape
  t0=$(ticks "$SPID"); c0=$(child_ticks)
  line=$(timeout $((DUR + 60)) "$OUT/client" unary --port $PORT --concurrency "$1" --channels "$2" --seconds "$DUR" --warmup $WARMUP)
  t1=$(ticks "$SPID"); c1=$(child_ticks)
  echo "grpc $line conns=$2 cpu_ticks=$((t1 - t0)) client_cpu_ticks=$((c1 - c0)) cpu_seconds_span=$((DUR + WARMUP))" | tee -a "$WORK/results"
done
timeout 120 "$OUT/client" upload --port $PORT --total-mib 256 --chunk-kib 64 --repeat 3 | sed 's/^/grpc /' | tee -a "$WORK/results"
stop_peer
for count in $HOLD_COUNTS; do
  start_peer 300
  coproc HOLDER { timeout 290 python3 "$ROOT/benchmarks/grpc-hold-connections.py" $PORT "$count"; }
  read -r holding <&"${HOLDER[0]}"
  echo "grpc rss_held_$count MiB=$(rss_mib "$SPID") ($holding)" | tee -a "$WORK/results"
  exec {HOLDER[1]}>&-
  wait "$HOLDER_PID" || true
  stop_peer
done

echo "-- AuraStream ($BIN)"
"$BIN/aura-bench" --only peer-shapes --duration "${DUR}s" | tee "$WORK/aura"
echo "== done $(date -u +%FT%TZ) load=$(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$WORK/results" "$WORK/aura" "$DUR" "$WARMUP" <<'PY'
import re, sys
grpc_lines, aura_lines = open(sys.argv[1]).read().splitlines(), open(sys.argv[2]).read().splitlines()
def fields(line):
    return dict(token.split("=", 1) for token in line.split() if "=" in token)
grpc, aura, uploads = {}, {}, []
for line in grpc_lines:
    f = fields(line)
    if line.startswith("grpc unary"):
        calls = float(f["calls/s"]) * (int(sys.argv[3]) + int(sys.argv[4]))
        grpc[("unary", f["K"], f["conns"])] = (float(f["calls/s"]), float(f["p50_us"]), float(f["p99_us"]), int(f["cpu_ticks"]) * 1e4 / calls,
                                               int(f["client_cpu_ticks"]) * 1e4 / calls)
    elif line.startswith("grpc upload"):
        uploads.append(float(f["MB/s"]))
    elif line.startswith("grpc rss_idle"):
        grpc["idle"] = float(f["MiB"])
    elif line.startswith("grpc rss_held_"):
        grpc[line.split()[1][len("rss_held_"):]] = float(f["MiB"])
if uploads:
    grpc["stream"] = sorted(uploads)[len(uploads) // 2]
for line in aura_lines:
    f = fields(line)
    m = re.match(r"peer-shape unary inflight=(\d+) conns=(\d+)", line)
    if m:
        aura[("unary",) + m.groups()] = (float(f["calls_per_s"]), float(f["p50_us"]), float(f["p99_us"]), float(f["server_cpu_us_per_call"]),
                                         float(f["client_cpu_us_per_call"]))
    elif "client streaming" in line:
        aura["stream"] = float(f["MB_per_s"])
    elif "RSS idle" in line:
        aura["idle"] = float(f["MiB"])
    elif "idle conns" in line:
        aura[re.search(r"with (\d+) idle conns", line).group(1)] = float(f["MiB"])
print("\n%-34s %12s %12s %8s" % ("shape", "gRPC C++", "AuraStream", "ratio"))
def row(name, g, a, unit=""):
    ratio = "%.2fx" % (a / g) if g else "-"
    print("%-34s %12s %12s %8s" % (name, "%.1f%s" % (g, unit), "%.1f%s" % (a, unit), ratio))
for k, c in [("1", "1"), ("16", "1"), ("64", "1"), ("256", "1"), ("64", "4"), ("256", "4")]:
    g, a = grpc.get(("unary", k, c)), aura.get(("unary", k, c))
    if not g or not a:
        continue
    label = "unary K=%s conns=%s" % (k, c)
    row(label + " calls/s", g[0], a[0])
    row("  p50 us", g[1], a[1])
    row("  p99 us", g[2], a[2])
    row("  server CPU us/call", g[3], a[3])
    row("  client CPU us/call", g[4], a[4])
for key, label in [("stream", "client streaming 64 KiB MB/s"), ("idle", "server RSS idle MiB"), ("1000", "RSS with 1000 idle conns MiB"),
                   ("10000", "RSS with 10000 idle conns MiB")]:
    if key in grpc and key in aura:
        row(label, grpc[key], aura[key])
print("(ratio = AuraStream / gRPC C++: above 1 is better for calls/s and MB/s, below 1 for latency, CPU and RSS;"
      " gRPC streaming is the median of 3 uploads of 256 MiB)")
PY
