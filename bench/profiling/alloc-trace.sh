#!/usr/bin/env bash
# Allocation profile: dotnet-trace's gc-verbose profile (GC events + AllocationTick samples every ~100 KB allocated).
# Usage: PROFILE=baseline SCENARIO=echo10 bash bench/profiling/alloc-trace.sh   → alloc.nettrace (PerfView "GC Heap Alloc
# Ignore Free" view, or Visual Studio), plus alloc-top.txt: the allocation-sample counts by type.
source "$(dirname "$0")/common.sh"
start_server
load 3 >/dev/null
(cd "$ROOT" && dotnet dotnet-trace collect -p "$SERVER_PID" --profile gc-verbose \
  --duration "00:00:00:$(printf '%02d' "$SECONDS_TO_RUN")" -o "$OUT/alloc.nettrace" >"$OUT/trace.log" 2>&1) &
TRACER=$!
sleep 1
load "$SECONDS_TO_RUN"
wait "$TRACER"
(cd "$ROOT" && dotnet dotnet-trace report "$OUT/alloc.nettrace" topN 2>/dev/null | head -40 >"$OUT/alloc-top.txt") || true
ls -la "$OUT"/alloc.*
echo "Allocation trace: $OUT/alloc.nettrace"
