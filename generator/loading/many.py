"""Reading many record files: on every core when there are thousands of them.

Parsing YAML is most of the time `pipeline validate` takes, and each file is independent, so
a large repository is split into contiguous shares: this process reads the first share while
helper processes read the others, and the results come back in file order. Records travel
back without their places (a Document works those out from its text when asked), which keeps
the copying between processes cheap. Small repositories are read here, in one process, since
starting a helper costs more than it saves.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from generator.loading.files import LoadedRecord, classify, read_record
from generator.problems import Problem, RecordError

PARALLEL_FROM = 2_000

Outcome = tuple[LoadedRecord | None, list[Problem]]


def usable_cpus() -> int:
    if hasattr(os, "sched_getaffinity"):  # Linux: the cores this process may use
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def read_one(root: Path, path: Path) -> Outcome:
    """The record in `path` and its warnings, or no record and the problem that stopped it."""
    try:
        record, found = read_record(root, classify(root, path))
    except RecordError as exc:
        return None, [exc.problem]
    return record, found


def read_share(root: Path, paths: list[Path]) -> list[Outcome]:
    return [read_one(root, path) for path in paths]


def read_many(
    root: Path, paths: Iterable[Path], *, parallel_from: int | None = None
) -> list[Outcome]:
    """Read every path, in order; in several processes when there are enough of them."""
    paths = list(paths)
    helpers = usable_cpus() - 1
    if len(paths) < (parallel_from or PARALLEL_FROM) or helpers < 1:
        return read_share(root, paths)
    size = -(-len(paths) // (helpers + 1))
    shares = [paths[start : start + size] for start in range(0, len(paths), size)]
    try:
        with ProcessPoolExecutor(max_workers=len(shares) - 1) as pool:
            futures = [pool.submit(read_share, root, share) for share in shares[1:]]
            outcomes = read_share(root, shares[0])
            for future in futures:
                outcomes += future.result()
            return outcomes
    except (BrokenProcessPool, OSError):  # no helpers on this system: read everything here
        return read_share(root, paths)
