#!/usr/bin/env bash
# Refreshes the lock files from pyproject.toml's ranges: run it after changing a dependency or an
# extra there, or to take newer releases on purpose (then run scripts/test.sh before committing).
# requirements/all.txt pins the runtime and every extra (what scripts/test.sh and CI install);
# requirements/run.txt pins the runtime alone, at the same versions (what the README's first
# command installs). Both for CPython 3.11 on Linux x86-64, with hashes. Needs uv (in the `dev`
# extra); pass --upgrade to move every pin to the newest release the ranges allow.
set -euo pipefail
cd "$(dirname "$0")/.."
target=(--python-version 3.11 --python-platform x86_64-unknown-linux-gnu --generate-hashes)
python3 -m uv pip compile pyproject.toml --all-extras "${target[@]}" "$@" -o requirements/all.txt
python3 -m uv pip compile pyproject.toml "${target[@]}" -c requirements/all.txt -o requirements/run.txt
