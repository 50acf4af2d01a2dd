#!/usr/bin/env bash
# The server's CPU per call with one unary call in flight, for one or more builds, alternated so
# that they share the machine's noise (benchmarks/README.md, "Fifth round").
#
#   benchmarks/one-in-flight-cpu.sh [rounds] [build folder...]   (defaults: 3, .build/release)
#
# For each round and each folder (holding aura-server, aura-bench and the default plugins):
# starts a fresh server on an unused port, runs `aura-bench --only unary` against it, and reads
# the server's user+system time from /proc over 3 s of the first row (one call in flight, one
# connection). Prints the folder, calls/s, the server's CPU microseconds per call and the p50.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROUNDS=${1:-3}
shift || true
BUILDS=("$@")
[ ${#BUILDS[@]} -gt 0 ] || BUILDS=("$ROOT/.build/release")
TICKS=$(getconf CLK_TCK)
for _ in $(seq "$ROUNDS"); do
  for BIN in "${BUILDS[@]}"; do
    for _ in $(seq 100); do PORT=$((51000 + RANDOM % 500)); ss -Htan "( sport = :$PORT )" | grep -q . || break; done
    DATA=$(mktemp -d) OUT=$(mktemp)
    "$BIN/aura-server" --conformance --addr 127.0.0.1:$PORT --data-dir "$DATA" > /dev/null 2>&1 &
    SERVER=$!
    for _ in $(seq 100); do [ -s "$DATA/admin.key" ] && break; sleep 0.1; done
    sleep 0.5
    cpu() { awk '{print $14 + $15}' /proc/$SERVER/stat; }
    stdbuf -oL "$BIN/aura-bench" --addr 127.0.0.1:$PORT --api-key "$(cat "$DATA/admin.key")" --only unary --duration 4s > "$OUT" 2>&1 &
    BENCH=$!
    sleep 0.5
    C0=$(cpu) T0=$(date +%s.%N)
    sleep 3
    C1=$(cpu) T1=$(date +%s.%N)
    for _ in $(seq 50); do grep -q calls_per_s "$OUT" && break; sleep 0.1; done
    kill $BENCH 2>/dev/null || true; wait $BENCH 2>/dev/null || true
    kill $SERVER; wait $SERVER 2>/dev/null || true
    RATE=$(grep -o 'calls_per_s=[0-9.]*' "$OUT" | head -1 | cut -d= -f2)
    P50=$(grep -o 'p50_us=[0-9.]*' "$OUT" | head -1 | cut -d= -f2)
    awk -v b="$BIN" -v r="$RATE" -v c="$((C1 - C0))" -v t0="$T0" -v t1="$T1" -v hz="$TICKS" -v p="$P50" \
      'BEGIN { printf "%s  calls/s %.0f  server CPU %.1f us/call  p50 %s us\n", b, r, c / hz * 1e6 / (r * (t1 - t0)), p }'
    rm -rf "$DATA" "$OUT"
  done
done
