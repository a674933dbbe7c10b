#!/usr/bin/env bash
# GC heap dump after load: which objects stay alive (pools, caches, route tables) and how big they are.
# Usage: PROFILE=optimized bash bench/profiling/gcdump.sh   → heap.gcdump (Visual Studio / PerfView) and heap-report.txt
source "$(dirname "$0")/common.sh"
start_server
load "$SECONDS_TO_RUN" >/dev/null
(cd "$ROOT" && dotnet dotnet-gcdump collect -p "$SERVER_PID" -o "$OUT/heap.gcdump" >"$OUT/gcdump.log" 2>&1)
(cd "$ROOT" && dotnet dotnet-gcdump report "$OUT/heap.gcdump" | head -40 | tee "$OUT/heap-report.txt")
echo "Heap dump: $OUT/heap.gcdump"
