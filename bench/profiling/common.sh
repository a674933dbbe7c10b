#!/usr/bin/env bash
# Shared helpers for the profiling scripts: build and start the sample under a profile on 127.0.0.1, load it with wrk.
# Sourced, not run. Variables: PROFILE (bench/profiles/<name>.json, default baseline), SCENARIO (root, last_route,
# wiring, echo10, github; default root), SECONDS_TO_RUN (default 10), CONNECTIONS (default 64), DEPTH (pipelining, default 16).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PROFILE="${PROFILE:-baseline}"
SCENARIO="${SCENARIO:-root}"
SECONDS_TO_RUN="${SECONDS_TO_RUN:-10}"
CONNECTIONS="${CONNECTIONS:-64}"
DEPTH="${DEPTH:-16}"
OUT="${OUT:-$ROOT/bench/results/profiling-$(date -u +%Y%m%d-%H%M%S)-$PROFILE-$SCENARIO}"
mkdir -p "$OUT"
SERVER_PID=""
PORT=""

command -v wrk >/dev/null || { echo "wrk is needed: bash bench/install-wrk.sh" >&2; exit 2; }
(cd "$ROOT" && dotnet tool restore >/dev/null)

# The profile's server arguments, from the load tool's own profile loader (one a line).
profile_args() {
  dotnet "$ROOT/bench/Pulya.LoadTest/bin/Release/net10.0/Pulya.LoadTest.dll" --profile-args "$PROFILE"
}

start_server() {
  dotnet build "$ROOT/samples/Pulya.Sample" -c Release --nologo -v q >/dev/null
  dotnet build "$ROOT/bench/Pulya.LoadTest" -c Release --nologo -v q >/dev/null
  PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
  local extra=()
  [ "$SCENARIO" = "github" ] && extra+=("--Sample:GitHubRoutes=true")
  mapfile -t args < <(profile_args)
  dotnet "$ROOT/samples/Pulya.Sample/bin/Release/net10.0/Pulya.Sample.dll" --urls "http://127.0.0.1:$PORT" \
    --Logging:LogLevel:Default=Warning "${args[@]}" "${extra[@]}" >"$OUT/server.log" 2>&1 &
  SERVER_PID=$!
  trap stop_server EXIT
  for _ in $(seq 1 300); do
    if curl -s -o /dev/null "http://127.0.0.1:$PORT$(first_path)"; then
      echo "server pid $SERVER_PID on port $PORT, profile $PROFILE"
      return 0
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited:" >&2; cat "$OUT/server.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "server did not answer" >&2
  exit 1
}

stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
}

first_path() {
  case "$SCENARIO" in
    github) echo "/repos/julienschmidt/httprouter/events" ;;
    last_route) echo "/last_route" ;;
    wiring) echo "/wiring/pulya" ;;
    *) echo "/" ;;
  esac
}

# Writes the request list (and body) for wrk/pulya.lua, prints the wrk arguments after "--".
wrk_args() {
  local requests="$OUT/requests.txt" body="-"
  case "$SCENARIO" in
    github) cut -f1,2 "$ROOT/tests/routes/github.paths" | tr '\t' ' ' >"$requests" ;;
    echo10)
      echo "POST /echo" >"$requests"
      body="$OUT/body.json"
      python3 -c 'import json; print(json.dumps({"items":[{k:f"{k}-{i}" for k in "abcdefg"} for i in range(10)]}))' >"$body" ;;
    *) echo "GET $(first_path)" >"$requests" ;;
  esac
  echo "$requests $DEPTH $body application/json"
}

# load SECONDS: runs wrk against the server; prints its summary and returns req/s in LAST_RPS.
load() {
  local seconds="$1"
  read -r -a extra < <(wrk_args)
  local result
  result="$(wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" --latency -s "$ROOT/bench/Pulya.LoadTest/wrk/pulya.lua" "http://127.0.0.1:$PORT" -- "${extra[@]}")"
  LAST_RPS="$(echo "$result" | sed -n 's/^PULYA_RESULT //p' | python3 -c 'import json,sys; r=json.load(sys.stdin); print(round(r["requests"]/(r["durationUs"]/1e6)))')"
  echo "$result" | grep -E "Requests/sec|Latency|99%" || true
}
