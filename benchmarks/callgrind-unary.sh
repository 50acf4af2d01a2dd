#!/usr/bin/env bash
# Instructions per unary call of the whole server, counted by callgrind (repeatable where seconds
# are not: benchmarks/README.md, "Where a unary call's time goes").
#
#   benchmarks/callgrind-unary.sh [aura-server] [calls]     (defaults: .build/release/aura-server, 2000)
#
# Starts a `strip -g` copy of the server under valgrind (--loops 1 --conformance, default
# settings otherwise: API keys, interceptors, the default plugins found next to the binary or in
# PLUGIN_DIR), makes 300 warm-up calls of aura.TestService/UnaryCall (16 bytes each way) with the
# Python client, counts the next CALLS, and prints the total per call and the top costs. The
# profile stays in OUT (default a new /tmp/aura-callgrind.XXXXXX). Needs valgrind and python3.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:-$ROOT/.build/release/aura-server}
CALLS=${2:-2000}
PLUGIN_DIR=${PLUGIN_DIR:-$(dirname "$BIN")}
OUT=${OUT:-$(mktemp -d /tmp/aura-callgrind.XXXXXX)}
for _ in $(seq 100); do PORT=$((50900 + RANDOM % 300)); ss -Htan "( sport = :$PORT )" | grep -q . || break; done  # unused in any state
mkdir -p "$OUT/data"
cp "$BIN" "$OUT/aura-server" && strip -g "$OUT/aura-server"
cp "$PLUGIN_DIR"/libAuraPlugin*.so "$OUT/" 2>/dev/null && strip -g "$OUT"/libAuraPlugin*.so || true
timeout 900 valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$OUT/callgrind.out" \
  "$OUT/aura-server" --conformance --loops 1 --addr 127.0.0.1:$PORT --data-dir "$OUT/data" > "$OUT/server.log" 2>&1 &
VPID=$!
trap 'kill $VPID 2>/dev/null || true' EXIT
for _ in $(seq 600); do
  [ -s "$OUT/data/admin.key" ] && python3 -c "import socket; socket.create_connection(('127.0.0.1', $PORT))" 2>/dev/null && break
  sleep 0.5
done
VG=$(pgrep -P $VPID)  # valgrind itself, under timeout
drive() {
  PYTHONPATH="$ROOT/clients/python" python3 - "$PORT" "$(cat "$OUT/data/admin.key")" "$1" <<'PY'
import sys
from aurastream import Client
from aurastream.messages import Payload, SimpleRequest, SimpleResponse
port, key, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
with Client("127.0.0.1", port, timeout=60, api_key=key) as client:
    request = SimpleRequest(response_size=16, payload=Payload(body=b"x" * 16))
    for _ in range(count):
        client.unary("/aura.TestService/UnaryCall", request, SimpleResponse)
PY
}
drive 300
callgrind_control -i on $VG > /dev/null 2>&1
drive "$CALLS"
callgrind_control -i off $VG > /dev/null 2>&1
callgrind_control -d $VG > /dev/null 2>&1
kill $VPID; wait $VPID 2>/dev/null || true
trap - EXIT
PROFILE=$(ls "$OUT"/callgrind.out.* | head -1)
TOTAL=$(callgrind_annotate "$PROFILE" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
echo "instructions per call: $((TOTAL / CALLS)) ($CALLS calls; profile $PROFILE)"
callgrind_annotate --inclusive=no "$PROFILE" 2>/dev/null | grep -E '^ *[0-9,]+ \(' | head -25 | cut -c1-160
