#!/usr/bin/env bash
# Live counters during load: System.Runtime (GC, allocation rate, thread pool, working set) and the Pulya meter
# (request duration, active and unmatched requests), written as CSV every second.
# Usage: PROFILE=optimized SCENARIO=root bash bench/profiling/counters.sh   → counters.csv
source "$(dirname "$0")/common.sh"
start_server
(cd "$ROOT" && dotnet dotnet-counters collect -p "$SERVER_PID" --counters System.Runtime,Pulya --format csv \
  --duration "00:00:00:$(printf '%02d' $((SECONDS_TO_RUN + 2)))" -o "$OUT/counters.csv" >"$OUT/counters.log" 2>&1) &
COLLECTOR=$!
sleep 1
load "$SECONDS_TO_RUN"
wait "$COLLECTOR"
echo "Counters: $OUT/counters.csv ($(wc -l <"$OUT/counters.csv") rows)"
grep -iE "total_allocated|pulya" "$OUT/counters.csv" | tail -6 || true
