"""Reading many record files: on every core when there are thousands of them.

Parsing YAML is most of the time `pipeline validate` takes, and each file is independent, so a
large repository is shared between processes (generator.forking) and the results come back in
file order. Records travel back without their places (a Document works those out from its text
when asked), which keeps the copying between processes cheap. Small repositories are read here,
in one process, since starting a helper costs more than it saves.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from generator.forking import map_forked
from generator.loading.files import LoadedRecord, classify, read_record
from generator.problems import Problem, RecordError

PARALLEL_FROM = 1_000

Outcome = tuple[LoadedRecord | None, list[Problem]]


def read_one(root: Path, path: Path) -> Outcome:
    """The record in `path` and its warnings, or no record and the problem that stopped it."""
    try:
        record, found = read_record(root, classify(root, path))
    except RecordError as exc:
        return None, [exc.problem]
    return record, found


def read_many(
    root: Path, paths: Iterable[Path], *, parallel_from: int | None = None
) -> list[Outcome]:
    """Read every path, in order; in several processes when there are enough of them."""
    paths = list(paths)
    return map_forked(
        lambda path: read_one(root, path), paths, parallel_from=parallel_from or PARALLEL_FROM
    )
