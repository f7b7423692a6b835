"""Record files read and schema-checked once, then remembered between rebuilds of `mkdocs serve`.

A file's reading and its schema check depend only on its bytes (and the schemas, which a
rebuild after a schema change does not reuse: the plugin starts a new memory then), so a
rebuild reads every file again but parses and checks only those whose bytes changed. The
checks across records (references, unique codes) always run on all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.loading.files import LoadedRecord
from generator.loading.many import Outcome, read_one
from generator.problems import Problem


@dataclass
class _Remembered:
    data: bytes
    outcome: Outcome
    schema: list[Problem] | None = None


@dataclass
class RecordMemory:
    """Path -> the file's bytes, what reading them gave, and the schema's problems."""

    _files: dict[Path, _Remembered] = field(default_factory=dict)
    _by_record: dict[int, _Remembered] = field(default_factory=dict)
    parsed: int = 0  # files read afresh by the last rebuild (the rest were remembered)

    def read_all(self, root: Path, paths: Iterable[Path]) -> list[Outcome]:
        kept: dict[Path, _Remembered] = {}
        outcomes: list[Outcome] = []
        self.parsed = 0
        for path in paths:
            try:
                data = path.read_bytes()
            except OSError:
                data = None  # read_one says what is wrong with it (and nothing is kept)
            entry = self._files.get(path)
            if data is None or entry is None or entry.data != data:
                entry = _Remembered(data or b"", read_one(root, path))
                self.parsed += 1
            if data is not None:
                kept[path] = entry
            outcomes.append(entry.outcome)
        self._files = kept
        self._by_record = {id(e.outcome[0]): e for e in kept.values() if e.outcome[0] is not None}
        return outcomes

    def schema_problems(
        self, record: LoadedRecord, check: Callable[[LoadedRecord], list[Problem]]
    ) -> list[Problem]:
        """check(record), or what it gave for the same bytes last time."""
        entry = self._by_record.get(id(record))
        if entry is None:
            return check(record)
        if entry.schema is None:
            entry.schema = check(record)
        return entry.schema
