#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian machine (as root, or with sudo), starts
# PostgreSQL, then runs the whole test suite. The README's second command; CI runs it too.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

# Debian packages: a PostgreSQL server for the store tests, chromium for the browser tests.
if ! command -v pg_ctlcluster >/dev/null || ! command -v chromium >/dev/null; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql chromium >/dev/null
fi
python3 -m pip install -q -e ".[all]"

# A real PostgreSQL server on loopback, with a throwaway role and database for the tests.
cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  $SUDO pg_createcluster "$version" main >/dev/null
  cluster="$version main"
fi
$SUDO pg_ctlcluster $cluster start 2>/dev/null || true
port=$(pg_lsclusters -h | awk 'NR==1 {print $3}')
as_postgres=(sudo -u postgres); [ "$(id -u)" = 0 ] && as_postgres=(runuser -u postgres --)
"${as_postgres[@]}" psql -q -p "$port" -c "DROP DATABASE IF EXISTS newsgraph_test" \
  -c "DROP ROLE IF EXISTS newsgraph" -c "CREATE ROLE newsgraph LOGIN PASSWORD 'newsgraph'" \
  -c "CREATE DATABASE newsgraph_test OWNER newsgraph"
export NEWSGRAPH_TEST_POSTGRES="postgresql+psycopg://newsgraph:newsgraph@127.0.0.1:${port}/newsgraph_test"
export NEWSGRAPH_CHROMIUM="${NEWSGRAPH_CHROMIUM:-$(command -v chromium)}"

# Lint and types first (STYLE.md): ruff over everything, mypy strict on the model and the store.
python3 -m ruff check src tests benchmarks tools
python3 -m ruff format --check src tests benchmarks tools
python3 -m mypy

python3 -m pytest "$@"
