#!/usr/bin/env bash
# CPU samples of one server on one request, and the inclusive % of every frame over request-thread time: for comparing
# where Pulya and raw Kestrel spend their time on the same request (the distribution, not throughput).
# Usage: bash bench/profiling/cpu-frames.sh SERVER PATH [OUT]
#   SERVER: a profile of bench/profiles (e.g. optimized) or raw-kestrel; PATH: e.g. /plaintext, /json
# Load: wrk, 2 threads, 32 connections, 16 requests pipelined per connection; 3 s warm-up, then 8 s of dotnet-trace's
# dotnet-sampled-thread-time while wrk runs. Needs Release builds of the sample, the peer and the load tool, and wrk.
# Writes OUT/cpu.speedscope.json (open at speedscope.app) and OUT/frames.txt; OUT defaults to bench/results/ (ignored by git).
# Compare two runs: python3 bench/profiling/compare-frames.py A/frames.txt B/frames.txt
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SERVER=$1
REQUEST_PATH=$2
OUT="${3:-$ROOT/bench/results/cpu-frames-$(date -u +%Y%m%d-%H%M%S)-$SERVER-${REQUEST_PATH//\//_}}"
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is needed: bash bench/install-wrk.sh" >&2; exit 2; }
(cd "$ROOT" && dotnet tool restore >/dev/null)
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
if [ "$SERVER" = raw-kestrel ]; then
  dotnet "$ROOT/bench/Pulya.Peers.RawKestrel/bin/Release/net10.0/Pulya.Peers.RawKestrel.dll" --urls "http://127.0.0.1:$PORT" >"$OUT/server.log" 2>&1 &
else
  mapfile -t args < <(dotnet "$ROOT/bench/Pulya.LoadTest/bin/Release/net10.0/Pulya.LoadTest.dll" --profile-args "$SERVER")
  dotnet "$ROOT/samples/Pulya.Sample/bin/Release/net10.0/Pulya.Sample.dll" --urls "http://127.0.0.1:$PORT" \
    --Logging:LogLevel:Default=Warning "${args[@]}" >"$OUT/server.log" 2>&1 &
fi
PID=$!
trap 'kill -TERM $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf -o /dev/null "http://127.0.0.1:$PORT$REQUEST_PATH" && break; sleep 0.1; done
echo "GET $REQUEST_PATH" >"$OUT/requests.txt"
load() {
  wrk -t2 -c32 -d"$1" --latency -s "$ROOT/bench/Pulya.LoadTest/wrk/pulya.lua" "http://127.0.0.1:$PORT" -- "$OUT/requests.txt" 16 - application/json
}
load 3s >/dev/null
(cd "$ROOT" && dotnet dotnet-trace collect -p "$PID" --profile dotnet-sampled-thread-time --format Speedscope \
  --duration 00:00:00:08 -o "$OUT/cpu.nettrace" >"$OUT/trace.log" 2>&1) &
TRACER=$!
sleep 1
load 9s | grep -E "Requests/sec" || true
wait "$TRACER"
python3 "$ROOT/bench/profiling/frames.py" "$OUT/cpu.speedscope.json" 120 >"$OUT/frames.txt"
echo "frames: $OUT/frames.txt"
