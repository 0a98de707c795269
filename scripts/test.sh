#!/usr/bin/env bash
# The README's test command: installs what is missing, then typecheck, lint and the whole test suite
# against real redis-server processes. Ends with the plain line "N passed, N failed".
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/bootstrap.sh
source scripts/bootstrap.sh

echo "== typecheck"; pnpm -s typecheck
echo "== lint"; pnpm -s lint
# docker-compose.yml (plain and with the demo profile) must be valid. Compose insists on the env_file, and
# a fresh clone has no .env: check a copy next to .env.example's values instead.
compose_config() {
  local dir status=0
  dir="$(mktemp -d)"
  cp docker-compose.yml "$dir/"
  cp .env.example "$dir/.env"
  (cd "$dir" && docker-compose config -q && docker-compose --profile demo config -q) || status=$?
  rm -rf "$dir"
  return "$status"
}
if command -v docker-compose >/dev/null 2>&1; then
  echo "== docker-compose config"; compose_config
elif [ "${CI:-}" = "true" ]; then
  echo "docker-compose is required in CI to validate docker-compose.yml and could not be installed" >&2
  echo "(Debian package 'docker-compose'; scripts/bootstrap.sh installs it with apt-get when run as root)" >&2
  exit 1
else
  echo "== docker-compose config: skipped (install the Debian package 'docker-compose' to validate docker-compose.yml)"
fi

echo "== tests"
results="$ROOT/.tmp/vitest-results.json"
mkdir -p "$ROOT/.tmp"
rm -f "$results"
status=0
pnpm -s exec vitest run --reporter=default --reporter=json --outputFile.json="$results" "$@" || status=$?

if [ ! -s "$results" ]; then
  echo "vitest wrote no results"
  echo "0 passed, 1 failed"
  exit 1
fi
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const failed = r.numFailedTests + (r.numFailedTestSuites || 0) - 0;
  const skipped = (r.numPendingTests || 0) + (r.numTodoTests || 0);
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
  if (r.numTotalTests === 0) { console.error("no test was executed"); process.exit(1); }
  if (r.numFailedTestSuites > 0 && r.numFailedTests === 0) { console.error(`${r.numFailedTestSuites} test files failed to run`); process.exit(1); }
' "$results" || status=1
exit "$status"
