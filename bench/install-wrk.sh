#!/usr/bin/env bash
# Installs wrk (Debian package) for the load tool's default client. Needs root (or sudo).
set -euo pipefail
if command -v wrk >/dev/null 2>&1; then
  echo "wrk is installed: $(command -v wrk)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq wrk
