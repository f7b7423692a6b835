"""The slowest record to check: hostile inputs just under the 256 KiB file limit, each timed.

    python benchmarks/hostile.py            # one line per input: seconds, exit code, size

Each input is one project file laid over the example repository (tests/examples/base) with the
real schemas, checked in process by `check_repository` (the work of `pipeline validate`, less
the start-up). Best of three runs. Printed, not asserted: tests/acceptance/test_hostile_files.py
holds the bound that matters (a 10,000-item list refused within 2.5 s).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.checking.repository import check_repository  # noqa: E402
from generator.loading.files import MAX_FILE_BYTES  # noqa: E402

HEAD = (
    "# yaml-language-server: $schema=../schema/project.schema.json\n"
    "title: A\nsummary: B\nphase: idea\nlead_council: west-berkshire\n"
)


def _fill(line: Callable[[int], str], prefix: str = HEAD) -> str:
    """`prefix` then line(0), line(1), ... until just under the file limit."""
    parts, size, n = [prefix], len(prefix), 0
    while True:
        text = line(n)
        if size + len(text.encode()) > MAX_FILE_BYTES - 64:
            return "".join(parts)
        parts.append(text)
        size += len(text.encode())
        n += 1


INPUTS: dict[str, Callable[[], str]] = {
    "10,000+ mixed-type list items": lambda: _fill(
        lambda n: f"  - {[n, f't{n}', 'true', '[1]', '{a: 1}'][n % 5]}\n", HEAD + "tags:\n"
    ),
    "same tag repeated (uniqueItems)": lambda: _fill(lambda n: "  - open-data\n", HEAD + "tags:\n"),
    "unknown keys (did-you-mean for each)": lambda: _fill(lambda n: f"titel{n}: x\n"),
    "pledges to unknown councils": lambda: _fill(
        lambda n: f"  - council: west-berkshir{n}\n    kind: time\n", HEAD + "pledges:\n"
    ),
    "links with bad addresses": lambda: _fill(
        lambda n: f"  - title: L\n    url: https://exa mple{n}.gov.uk\n", HEAD + "links:\n"
    ),
    "one 250 KB description": lambda: HEAD + "description: " + "word " * 50_000 + "\n",
    "one 250 KB maintainer handle": lambda: HEAD + "maintainers:\n  - " + "a-" * 120_000 + "!\n",
    "one 250 KB phase (enum, did-you-mean)": lambda: HEAD.replace(
        "phase: idea", "phase: " + "alpha" * 50_000
    ),
    "one 250 KB unknown key": lambda: HEAD + "titl" + "e" * 250_000 + ": x\n",
    "one 250 KB council reference": lambda: HEAD.replace("west-berkshire", "west-" * 50_000),
    "one 250 KB licence": lambda: HEAD + "reuse:\n  licence: " + "A" + " AND A" * 40_000 + "!\n",
    "deep flow nesting, repeated": lambda: _fill(
        lambda n: f"k{n}: " + "[" * 30 + "]" * 30 + "\n"
    ),
    "aliases near the expansion limit": lambda: HEAD
    + "x: &a [" + ", ".join(["1"] * 1000) + "]\n"
    + "tags: [" + ", ".join(["*a"] * 190) + "]\n",
    "partners with lead repeated": lambda: _fill(
        lambda n: "  - council: west-berkshire\n    role: partner\n", HEAD + "partners:\n"
    ),
}  # fmt: skip


def measure(text: str, repeat: int = 3) -> tuple[float, int]:
    best, errors = float("inf"), 0
    with tempfile.TemporaryDirectory() as folder:
        repo = Path(folder) / "repo"
        shutil.copytree(ROOT / "schema", repo / "schema")
        shutil.copytree(ROOT / "tests" / "examples" / "base", repo, dirs_exist_ok=True)
        (repo / "projects" / "hostile.yml").write_text(text, encoding="utf-8")
        for _ in range(repeat):
            started = time.perf_counter()
            report = check_repository(repo, today=date(2026, 11, 22))
            best = min(best, time.perf_counter() - started)
            errors = len(report.errors)
    return best, errors


def main() -> None:
    results = []
    for name, make in INPUTS.items():
        text = make()
        seconds, errors = measure(text)
        results.append((seconds, name))
        size = len(text.encode()) // 1024
        print(f"{seconds:7.3f} s  {errors:3d} errors  {size:4d} KiB  {name}", flush=True)
    seconds, name = max(results)
    print(f"slowest: {name}, {seconds:.3f} s")


if __name__ == "__main__":
    main()
