#!/usr/bin/env bash
# The end-to-end suite under load (issue #13): two copies of the suite at once, each on its
# own ports, from two clean clones of HEAD, ROUNDS times in a row (default 2). Passes only if
# every round of both copies passes. Needs Chromium and node_modules (it links this
# checkout's); takes about twice the suite's time per round.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${ROUNDS:-2}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

declare -A port=([a]=4173 [b]=5173)
for copy in a b; do
  git clone -q . "$work/$copy"
  ln -s "$PWD/node_modules" "$work/$copy/node_modules"
  # The fixtures are built for their copy's ports (the subfolder site names its address).
  (cd "$work/$copy" && export E2E_PORT_BASE="${port[$copy]}" && npm run build >/dev/null &&
    npm run build:fixtures >/dev/null)
done
echo "built two copies in $work"

failed=0
for round in $(seq 1 "$ROUNDS"); do
  (cd "$work/a" && CI=true E2E_PORT_BASE="${port[a]}" npx playwright test >"$work/a-$round.log" 2>&1) &
  a=$!
  (cd "$work/b" && CI=true E2E_PORT_BASE="${port[b]}" npx playwright test >"$work/b-$round.log" 2>&1) &
  b=$!
  wait $a && ra=0 || ra=$?
  wait $b && rb=0 || rb=$?
  for copy in a b; do
    echo "round $round, copy $copy: $(grep -E '^\s+[0-9]+ (passed|failed|flaky)' "$work/$copy-$round.log" | tr -s ' ' | tr '\n' ' ')"
    grep -E '✘' "$work/$copy-$round.log" || true
  done
  [ "$ra" = 0 ] && [ "$rb" = 0 ] || failed=1
done
exit "$failed"
