"""Check that `newsgraph extract --output jsonl` gives the same bytes before and after a change.

    python tools/same_output.py --save /tmp/nlp-before          # on the starting commit
    python tools/same_output.py --against /tmp/nlp-before       # after the change
    python tools/same_output.py --against /tmp/nlp-before ../shared/data/polnear_dev.jsonl examples/

Each input (a file or a directory) runs through `newsgraph extract NAME --output jsonl` in its own
process, from the input's folder (so `article.source` is the same wherever the checkout lies), up
to --jobs at a time: the check covers the CLI as a user runs it. `--save` writes
each input's output to DIR/<name>.jsonl; `--against` compares with those files and, for each
article that differs, prints its id and the first differing field (a JSON path such as
`quotes[3].speaker`). Exit status: 0 identical, 1 some difference, 2 a run failed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
DEFAULT_INPUTS = (
    DATA / "polnear_dev.jsonl",
    DATA / "polnear_train.jsonl",
    DATA / "plover_dev.jsonl",
    ROOT / "examples",
)


def saved_name(path: Path) -> str:
    """The file an input's output is saved under: `polnear_dev.jsonl`, `examples.jsonl`."""
    return path.name if path.name.endswith(".jsonl") else f"{path.name}.jsonl"


def run_extract(path: Path) -> bytes:
    """The bytes `newsgraph extract PATH --output jsonl` writes to stdout."""
    # run beside the input and name it alone: records carry the path they were read from
    # (`article.source`), which must not depend on where the checkout lies
    path = path.resolve()
    command = [sys.executable, "-m", "newsgraph", "extract", path.name, "--output", "jsonl"]
    done = subprocess.run(command, capture_output=True, check=False, cwd=path.parent)
    if done.returncode != 0:
        sys.stderr.write(done.stderr.decode("utf-8", "replace"))
        raise RuntimeError(f"{path}: newsgraph extract exited {done.returncode}")
    return done.stdout


def first_difference(before: Any, after: Any, where: str = "") -> str | None:
    """The JSON path of the first place two values differ, or None when they are equal."""
    if isinstance(before, dict) and isinstance(after, dict):
        for key in list(before) + [k for k in after if k not in before]:
            if key not in before or key not in after:
                return f"{where}.{key}".lstrip(".")
            found = first_difference(before[key], after[key], f"{where}.{key}")
            if found is not None:
                return found
        return None if list(before) == list(after) else f"{where} (key order)".lstrip(".")
    if isinstance(before, list) and isinstance(after, list):
        for index, (old, new) in enumerate(zip(before, after, strict=False)):
            found = first_difference(old, new, f"{where}[{index}]")
            if found is not None:
                return found
        return None if len(before) == len(after) else f"{where} (length)".lstrip(".")
    return None if before == after and type(before) is type(after) else where.lstrip(".") or "."


def by_id(output: bytes) -> dict[str, tuple[bytes, Any]]:
    """Each output line keyed by its article id: (the raw line, the parsed record)."""
    lines: dict[str, tuple[bytes, Any]] = {}
    for number, line in enumerate(output.splitlines()):
        record = json.loads(line)
        key = str(record.get("article", {}).get("id", f"line {number + 1}"))
        lines[key] = (line, record)
    return lines


def compare(name: str, before: bytes, after: bytes) -> list[str]:
    """One line per difference between two outputs of the same input."""
    if before == after:
        return []
    old, new = by_id(before), by_id(after)
    problems = [f"{name}: {key}: missing after" for key in old if key not in new]
    problems += [f"{name}: {key}: new after" for key in new if key not in old]
    for key in old.keys() & new.keys():
        if old[key][0] != new[key][0]:
            field = first_difference(old[key][1], new[key][1]) or "(bytes only: formatting)"
            problems.append(f"{name}: {key}: first differing field {field}")
    if not problems:
        problems.append(f"{name}: same records in another order")
    return sorted(problems)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path, help="files or directories (default: all)")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", type=Path, metavar="DIR", help="write the outputs to DIR")
    mode.add_argument("--against", type=Path, metavar="DIR", help="compare with DIR")
    parser.add_argument("--jobs", type=int, default=2, help="inputs run at once")
    args = parser.parse_args()
    inputs = args.inputs or list(DEFAULT_INPUTS)
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        try:
            outputs = list(pool.map(run_extract, inputs))
        except RuntimeError as exc:
            print(exc, file=sys.stderr)
            return 2
    problems: list[str] = []
    for path, output in zip(inputs, outputs, strict=True):
        name = saved_name(path)
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / name).write_bytes(output)
            print(f"{name}: saved {len(output.splitlines())} records")
            continue
        found = compare(name, (args.against / name).read_bytes(), output)
        print(f"{name}: {'identical' if not found else f'{len(found)} differences'}")
        problems += found
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
