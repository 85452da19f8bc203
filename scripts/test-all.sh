#!/usr/bin/env bash
# `npm test`: every check CI runs, in order of cost. Static checks first, then unit tests,
# then integration and end-to-end tests inside a private network namespace (real SIP peers,
# the real engine, real Chromium) so that nothing clashes with the host's ports.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

step() { printf '\n=== %s\n' "$*"; }

step "format";        prettier --check . --log-level warn
step "lint";          eslint --max-warnings 0 .
step "typecheck";     tsc -b
step "migrations";    node scripts/check-migrations.mjs
step "build";         vite build --logLevel warn
step "unit tests";    vitest run --project unit
step "integration and end-to-end tests (private network namespace)"
node scripts/in-netns.mjs bash -c 'vitest run --project integration && playwright test'
