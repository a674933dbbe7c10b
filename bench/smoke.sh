#!/usr/bin/env bash
# A short smoke of the end-to-end load tool for CI: every profile and both peers, a few seconds each, with the
# built-in client (nothing to install). Profiles whose modules are not registered are reported as unavailable and
# do not fail the smoke; a server that starts but answers errors does.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${TMPDIR:-/tmp}/pulya-smoke-$$"
dotnet build bench/Pulya.LoadTest -c Release --nologo -v q
dotnet build samples/Pulya.Sample -c Release --nologo -v q
dotnet build bench/Pulya.Peers.MinimalApi -c Release --nologo -v q
dotnet build bench/Pulya.Peers.RawKestrel -c Release --nologo -v q
dotnet bench/Pulya.LoadTest/bin/Release/net10.0/Pulya.LoadTest.dll --smoke --no-build --output "$out" "$@"
rm -rf "$out"
