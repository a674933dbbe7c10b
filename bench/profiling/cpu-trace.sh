#!/usr/bin/env bash
# CPU profile of the sample under load: dotnet-trace's sampled thread time, written as a speedscope file.
# Usage: PROFILE=optimized SCENARIO=root bash bench/profiling/cpu-trace.sh   → open cpu.speedscope.json at speedscope.app
source "$(dirname "$0")/common.sh"
start_server
load 3 >/dev/null   # warm-up: tiered JIT settles
(cd "$ROOT" && dotnet dotnet-trace collect -p "$SERVER_PID" --profile dotnet-sampled-thread-time --format Speedscope \
  --duration "00:00:00:$(printf '%02d' "$SECONDS_TO_RUN")" -o "$OUT/cpu.nettrace" >"$OUT/trace.log" 2>&1) &
TRACER=$!
sleep 1
load "$SECONDS_TO_RUN"
wait "$TRACER"
ls -la "$OUT"/cpu.*
echo "CPU trace: $OUT/cpu.speedscope.json (speedscope: left-heavy view shows where time goes)"
