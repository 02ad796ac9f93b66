#!/bin/sh
# Installs the browser test's npm packages (playwright-core, axe-core) at the
# versions in package-lock.json, into DIR inside the build tree. npm's cache
# and logs go to DIR/npm-cache, so nothing outside the build tree is written.
# Usage: npm_ci.sh DIR
set -eu
dir=$1
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "npm_ci.sh: node and npm are needed for the browser tests: run scripts/install-deps" >&2
  exit 1
fi
cd "$dir"
# --prefer-offline: a second run reuses the cache instead of asking the registry
# again; --ignore-scripts: neither package needs an install script, so run none.
npm ci --no-audit --no-fund --no-update-notifier --ignore-scripts --prefer-offline \
  --cache "$dir/npm-cache"
node -e "for (const p of ['playwright-core', 'axe-core']) \
  console.log(p + ' ' + require('./node_modules/' + p + '/package.json').version)"
