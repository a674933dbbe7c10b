#!/usr/bin/env bash
# A short smoke of the end-to-end load tool for CI: every profile and the default peers (minimal-api-auth runs the
# authenticated api-user scenario), a few seconds each, with the built-in client (nothing to install). It fails when a
# Pulya profile does not start (only a peer may be unavailable) or when any server answers errors, non-2xx statuses or
# nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${TMPDIR:-/tmp}/pulya-smoke-$$"
# SMOKE_NO_BUILD=1 skips the builds when the solution was just built in Release (as .ci/run does).
if [ "${SMOKE_NO_BUILD:-0}" != "1" ]; then
  for project in bench/Pulya.LoadTest samples/Pulya.Sample bench/Pulya.Peers.MinimalApi bench/Pulya.Peers.RawKestrel; do
    dotnet build "$project" -c Release --nologo -v q
  done
fi
dotnet bench/Pulya.LoadTest/bin/Release/net10.0/Pulya.LoadTest.dll --smoke --no-build --output "$out" "$@"
rm -rf "$out"
