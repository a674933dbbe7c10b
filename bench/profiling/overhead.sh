#!/usr/bin/env bash
# The profiler's own cost: the same load without and with dotnet-trace (sampled thread time) and dotnet-counters
# attached, interleaved over ROUNDS (default 3), so nobody mistakes the profiler's overhead for the framework's.
# Usage: PROFILE=baseline SCENARIO=root bash bench/profiling/overhead.sh   → overhead.md
source "$(dirname "$0")/common.sh"
ROUNDS="${ROUNDS:-3}"
start_server
load 8 >/dev/null   # warm-up long enough for tiered JIT to settle, or the first runs look slow
declare -a plain trace counters
run_plain() { load "$SECONDS_TO_RUN" >/dev/null; plain+=("$LAST_RPS"); }
run_trace() {
  (cd "$ROOT" && dotnet dotnet-trace collect -p "$SERVER_PID" --profile dotnet-sampled-thread-time \
    --duration "00:00:00:$(printf '%02d' $((SECONDS_TO_RUN + 2)))" -o "$OUT/overhead-$round.nettrace" >/dev/null 2>&1) &
  tracer=$!; sleep 1
  load "$SECONDS_TO_RUN" >/dev/null; trace+=("$LAST_RPS")
  wait "$tracer"
}
run_counters() {
  (cd "$ROOT" && dotnet dotnet-counters collect -p "$SERVER_PID" --counters System.Runtime,Pulya --format csv \
    --duration "00:00:00:$(printf '%02d' $((SECONDS_TO_RUN + 2)))" -o "$OUT/overhead-$round.csv" >/dev/null 2>&1) &
  collector=$!; sleep 1
  load "$SECONDS_TO_RUN" >/dev/null; counters+=("$LAST_RPS")
  wait "$collector"
}
for round in $(seq 1 "$ROUNDS"); do
  # Rotate the order each round so drift (and other load on the machine) hits all three alike.
  case $((round % 3)) in
    1) run_plain; run_trace; run_counters ;;
    2) run_trace; run_counters; run_plain ;;
    0) run_counters; run_plain; run_trace ;;
  esac
  echo "round $round: plain ${plain[-1]} req/s, with dotnet-trace ${trace[-1]} req/s, with dotnet-counters ${counters[-1]} req/s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
P=$(median "${plain[@]}"); T=$(median "${trace[@]}"); C=$(median "${counters[@]}")
{
  echo "| attached | req/s (median of $ROUNDS) | vs none |"
  echo "| --- | ---: | ---: |"
  echo "| nothing | $P | 1.00x |"
  echo "| dotnet-trace (sampled thread time) | $T | $(python3 -c "print(f'{$T/$P:.2f}x')") |"
  echo "| dotnet-counters (System.Runtime, Pulya) | $C | $(python3 -c "print(f'{$C/$P:.2f}x')") |"
  echo
  echo "Profile $PROFILE, scenario $SCENARIO, $CONNECTIONS connections, pipelining depth $DEPTH, ${SECONDS_TO_RUN} s per run."
} | tee "$OUT/overhead.md"
