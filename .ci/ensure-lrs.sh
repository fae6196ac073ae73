#!/usr/bin/env bash
# The xAPI and cmi5 peer tests talk to a real learning record store: Learning Locker's statement
# service (xapi-statements, GPL-3.0), installed in its own folder from its own lock file so it is never
# part of the game's dependencies or bundles. Install it when it is missing or not the locked version.
set -euo pipefail
cd "$(dirname "$0")/../test/tools/lrs"
# CI starts this early in the background; a second caller waits for the first to finish.
exec 9>.install-lock
flock 9
want=$(node -p "require('./package-lock.json').packages['node_modules/xapi-statements'].version")
have=$(node -p "try { require('./node_modules/xapi-statements/package.json').version } catch { '' }")
if [ "$want" = "$have" ]; then exit 0; fi
echo "Installing the test learning record store (xapi-statements $want) in test/tools/lrs..."
npm ci --no-audit --no-fund --loglevel=error
