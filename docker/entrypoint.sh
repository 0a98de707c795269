#!/bin/sh
# Entry point of the AlphaTrader image: runs one process for the compose `command`, a source path such as
# services/analytics/src/main.ts. The image holds its bundle (`pnpm build`: dist/services/analytics/src/
# main.mjs), which runs with plain node; without a bundle the source runs through tsx.
#
# ATP_SIMULATORS decides where the broker, the Alpha Vantage API and the clock come from:
#   off   the real IB Gateway (IBKR_HOST/IBKR_PORT), the real API and the wall clock (production);
#   auto  the same, unless the demo profile's simulators are on the network (host ATP_SIM_HOST, default
#         market-sim, looked up for up to ATP_SIM_WAIT_SECONDS): then every service points at them and
#         follows the simulated clock. This is what makes `docker compose --profile demo up` the demo;
#   on    the simulators, waiting until they resolve.
set -eu

mode="${ATP_SIMULATORS:-off}"
host="${ATP_SIM_HOST:-market-sim}"
wait_seconds="${ATP_SIM_WAIT_SECONDS:-5}"

resolves() { getent hosts "$host" >/dev/null 2>&1; }

use_sim=no
case "$mode" in
  off) ;;
  on)
    until resolves; do sleep 0.5; done
    use_sim=yes
    ;;
  auto)
    tries=$((wait_seconds * 4))
    while [ "$tries" -gt 0 ]; do
      if resolves; then use_sim=yes; break; fi
      tries=$((tries - 1))
      sleep 0.25
    done
    ;;
  *)
    echo "[entrypoint] ATP_SIMULATORS must be off, auto or on (got '$mode')" >&2
    exit 64
    ;;
esac

if [ "$use_sim" = yes ]; then
  IBKR_HOST="$host"
  IBKR_PORT="${ATP_SIM_TWS_PORT:-4002}"
  ALPHAVANTAGE_BASE_URL="http://$host:${ATP_SIM_AV_PORT:-8081}/query"
  ALPHAVANTAGE_API_KEY="${ALPHAVANTAGE_API_KEY:-demo-simulator-key}"
  ATP_CLOCK_MODE=simulated
  export IBKR_HOST IBKR_PORT ALPHAVANTAGE_BASE_URL ALPHAVANTAGE_API_KEY ATP_CLOCK_MODE
  echo "[entrypoint] demo: using the simulators at $host (IB Gateway :$IBKR_PORT, Alpha Vantage $ALPHAVANTAGE_BASE_URL, simulated clock)" >&2
fi

script="${1:-}"
bundle="dist/${script%.ts}.mjs"
if [ -n "$script" ] && [ "${script%.ts}" != "$script" ] && [ -f "$bundle" ]; then
  shift
  exec node "$bundle" "$@"
fi
exec node --import tsx "$@"
