#!/usr/bin/env bash
# Installs what a fresh machine lacks (pnpm, redis-server, docker-compose when root) and the workspace's dependencies.
# Sourced by scripts/test.sh and scripts/demo.sh so both commands work on a machine with only Node.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PNPM_VERSION="$(node -p "require('$ROOT/package.json').packageManager.split('@')[1]")"

say() { printf '[bootstrap] %s\n' "$*" >&2; }

node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$node_major" -lt 20 ]; then
  say "Node.js 20 or newer is required (found: $(node --version 2>/dev/null || echo none))."
  exit 1
fi

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  say "installing pnpm@$PNPM_VERSION with npm"
  if ! npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1; then
    say "npm -g failed (no permission?); installing pnpm into $ROOT/.tmp/pnpm"
    npm install --prefix "$ROOT/.tmp/pnpm" "pnpm@$PNPM_VERSION" >/dev/null
    export PATH="$ROOT/.tmp/pnpm/node_modules/.bin:$PATH"
  fi
fi

need_apt=()
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
command -v redis-cli >/dev/null 2>&1 || need_apt+=(redis-tools)
# Debian's docker-compose validates docker-compose.yml (scripts/test.sh; required when CI=true).
want_apt=()
command -v docker-compose >/dev/null 2>&1 || want_apt+=(docker-compose)
is_root_with_apt() { [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; }
if [ "${#need_apt[@]}" -gt 0 ] || { [ "${#want_apt[@]}" -gt 0 ] && is_root_with_apt; }; then
  if is_root_with_apt; then
    apt-get update -qq >/dev/null || say "apt-get update failed; trying the install anyway"
    if [ "${#need_apt[@]}" -gt 0 ]; then
      say "installing ${need_apt[*]} with apt-get"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
    fi
    if [ "${#want_apt[@]}" -gt 0 ]; then
      say "installing ${want_apt[*]} with apt-get"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${want_apt[@]}" >/dev/null ||
        say "could not install ${want_apt[*]}: docker-compose.yml will not be validated"
    fi
  else
    say "redis-server is missing. Install the Debian/Ubuntu package 'redis-server' (or Homebrew 'redis') and retry."
    exit 1
  fi
fi

cd "$ROOT"
say "pnpm install --frozen-lockfile"
pnpm install --frozen-lockfile --reporter=append-only >/dev/null
