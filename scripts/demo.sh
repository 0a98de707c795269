#!/usr/bin/env bash
# The README's run command: the whole fleet on this machine against the built-in simulators (no broker,
# no API keys). Installs what is missing first. Flags: --speed N --scenario NAME --duration S --seed N
# --start ISO --ui live|plain. REDIS_URL=redis://… uses an existing Redis instead of a private one.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/bootstrap.sh
source scripts/bootstrap.sh
exec node --import tsx packages/fleet/src/demo/main.ts "$@"
