#!/usr/bin/env bash
# On-CPU samples (Linux perf) of one server on one request, reduced to the inclusive % of every frame over the
# process's CPU samples and over the request threads' (stacks holding Kestrel's ProcessRequests). Unlike cpu-frames.sh
# (dotnet-trace thread time, which also counts threads blocked on a lock or descheduled), this counts only time on a
# CPU, so its shares stay usable on a machine that other processes keep busy: compare shares, never absolute counts.
# Usage: bash bench/profiling/perf-frames.sh SERVER PATH [OUT]
#   SERVER: a profile of bench/profiles (e.g. optimized), raw-kestrel, pulya-trio (bench/Pulya.Trio; TRIO_DIR=another
#   build of it, e.g. one made at another commit), minimal-api or minimal-api-auth (bench/Pulya.Peers.MinimalApi, the
#   latter with --Peer:AspNetCoreAuth=true), or the absolute path of an executable (a Native AOT publish, run in its own
#   folder); PATH: e.g. /users/5. SERVER_ARGS: more arguments for the server.
#   SAMPLE_DIR: another build of the sample for a profile (e.g. one made at another commit, for a before/after pair).
#   SCENARIO_HEADERS=NAME sends the request headers of the load tool's scenario NAME with every request (api-user: the
#   bearer token it mints, `Pulya.LoadTest --scenario-headers api-user`); HEADERS_FILE=FILE sends those of a file instead
#   ("Name: value" a line).
# Load: wrk, 2 threads, 32 connections, 16 requests pipelined per connection; WARMUP s warm-up (default 8: long enough
# for the hot methods to reach tier 1 on a busy machine), then 8 s of perf at 499 Hz
# with call graphs while wrk runs. Needs perf, wrk and Release builds of the server (and of the load tool for profiles).
# Writes OUT/frames.txt (request threads), OUT/frames-all.txt (every thread) and OUT/owners.txt (request-thread samples by
# the component on CPU: framework, Kestrel, middleware, JSON, DI); OUT defaults to bench/results/.
# Compare two runs: python3 bench/profiling/compare-frames.py A/frames.txt B/frames.txt
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SERVER=$1
REQUEST_PATH=$2
OUT="${3:-$ROOT/bench/results/perf-frames-$(date -u +%Y%m%d-%H%M%S)-$(basename "$SERVER")-${REQUEST_PATH//\//_}}"
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is needed: bash bench/install-wrk.sh" >&2; exit 2; }
command -v perf >/dev/null || { echo "perf is needed (linux-perf)" >&2; exit 2; }
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
# JIT code in a perf map; W^X off so that code sits in anonymous memory, where perf looks the map up (both servers alike).
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
case "$SERVER" in
  raw-kestrel)
    dotnet "$ROOT/bench/Pulya.Peers.RawKestrel/bin/Release/net10.0/Pulya.Peers.RawKestrel.dll" --urls "http://127.0.0.1:$PORT" >"$OUT/server.log" 2>&1 & ;;
  minimal-api|minimal-api-auth)
    peer_args=()
    [ "$SERVER" = minimal-api-auth ] && peer_args+=("--Peer:AspNetCoreAuth=true")
    dotnet "$ROOT/bench/Pulya.Peers.MinimalApi/bin/Release/net10.0/Pulya.Peers.MinimalApi.dll" --urls "http://127.0.0.1:$PORT" \
      "${peer_args[@]}" ${SERVER_ARGS:-} >"$OUT/server.log" 2>&1 & ;;
  pulya-trio)
    (cd "${TRIO_DIR:-$ROOT/bench/Pulya.Trio/bin/Release/net10.0}" && exec dotnet Pulya.Trio.dll --urls "http://127.0.0.1:$PORT" \
      --Logging:LogLevel:Default=Warning ${SERVER_ARGS:-}) >"$OUT/server.log" 2>&1 & ;;
  /*)
    # A Native AOT binary (or any executable) by its absolute path, started in its own folder.
    (cd "$(dirname "$SERVER")" && exec "$SERVER" --urls "http://127.0.0.1:$PORT" --Logging:LogLevel:Default=Warning \
      ${SERVER_ARGS:-}) >"$OUT/server.log" 2>&1 & ;;
  *)
    mapfile -t args < <(dotnet "$ROOT/bench/Pulya.LoadTest/bin/Release/net10.0/Pulya.LoadTest.dll" --profile-args "$SERVER")
    dotnet "${SAMPLE_DIR:-$ROOT/samples/Pulya.Sample/bin/Release/net10.0}/Pulya.Sample.dll" --urls "http://127.0.0.1:$PORT" \
      --Logging:LogLevel:Default=Warning "${args[@]}" ${SERVER_ARGS:-} >"$OUT/server.log" 2>&1 & ;;
esac
PID=$!
HEADERS="${HEADERS_FILE:--}"
if [ -n "${SCENARIO_HEADERS:-}" ]; then
  HEADERS="$OUT/headers.txt"
  dotnet "$ROOT/bench/Pulya.LoadTest/bin/Release/net10.0/Pulya.LoadTest.dll" --scenario-headers "$SCENARIO_HEADERS" >"$HEADERS"
fi
curl_headers=()
[ "$HEADERS" != - ] && curl_headers+=(-H "@$HEADERS")
trap 'kill -TERM $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf -o /dev/null "${curl_headers[@]}" "http://127.0.0.1:$PORT$REQUEST_PATH" && break; sleep 0.1; done
# The dotnet host may have started the server as a child (pulya-trio runs through a subshell): sample the process that listens.
TARGET="$(pgrep -P "$PID" dotnet || echo "$PID")"
echo "GET $REQUEST_PATH" >"$OUT/requests.txt"
load() {
  wrk -t2 -c32 -d"$1" --latency -s "$ROOT/bench/Pulya.LoadTest/wrk/pulya.lua" "http://127.0.0.1:$PORT" -- "$OUT/requests.txt" 16 - application/json "$HEADERS"
}
load "${WARMUP:-8}s" >/dev/null
cpu_ticks() { awk '{print $14 + $15}' "/proc/$TARGET/stat"; }
BEFORE="$(cpu_ticks)"
(perf record -F 499 -g -p "$TARGET" -o "$OUT/perf.data" -- sleep 8 >"$OUT/perf.log" 2>&1) &
RECORDER=$!
load 9s >"$OUT/wrk.txt"
AFTER="$(cpu_ticks)"
wait "$RECORDER"
# CPU time of the server per request over the measured run (user + system, perf's own sampling cost included): unlike
# req/s, it hardly moves when other processes take the cores, so two servers or two builds compare by it.
python3 - "$OUT/wrk.txt" "$BEFORE" "$AFTER" "$(getconf CLK_TCK)" <<'PY' | tee "$OUT/cpu-per-request.txt"
import json, sys
result = json.loads(next(l for l in open(sys.argv[1]) if l.startswith("PULYA_RESULT ")).split(" ", 1)[1])
seconds = (int(sys.argv[3]) - int(sys.argv[2])) / int(sys.argv[4])
print(f"requests {result['requests']}, server CPU {seconds:.2f} s, {1e6 * seconds / result['requests']:.2f} us CPU per request")
PY
perf script -i "$OUT/perf.data" -F comm,tid,ip,sym 2>/dev/null >"$OUT/perf.script"
python3 "$ROOT/bench/profiling/perf-frames.py" "$OUT/perf.script" 150 >"$OUT/frames.txt"
python3 "$ROOT/bench/profiling/perf-frames.py" "$OUT/perf.script" 150 --all >"$OUT/frames-all.txt"
python3 "$ROOT/bench/profiling/perf-frames.py" "$OUT/perf.script" 8 --owners >"$OUT/owners.txt"
rm -f "$OUT/perf.data"; gzip -f "$OUT/perf.script"
echo "frames: $OUT/frames.txt"
