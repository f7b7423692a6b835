"""One problem type for everything a check can find, with its place in a file."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

RecordPath = tuple[str | int, ...]


def describe_path(path: RecordPath) -> str:
    """('partners', 0, 'council') -> 'partners, item 1, council'."""
    parts = [f"item {p + 1}" if isinstance(p, int) else p for p in path]
    return ", ".join(parts) if parts else "the record"


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """A finding about a record, at a 1-based line and column of its file.

    `message` says what is wrong; `hint` says how to fix it, in plain English.
    """

    path: str
    line: int
    column: int
    level: Level = field(compare=False)
    message: str = field(compare=False)
    hint: str = field(default="", compare=False)
    rule: str = field(default="", compare=False)

    @property
    def is_error(self) -> bool:
        return self.level is Level.ERROR

    @property
    def text(self) -> str:
        """The message and the hint as one sentence pair."""
        return f"{self.message} {self.hint}".strip() if self.hint else self.message


def error(
    path: str, line: int, column: int, message: str, hint: str = "", rule: str = ""
) -> Problem:
    return Problem(path, line, column, Level.ERROR, message, hint, rule)


def warning(
    path: str, line: int, column: int, message: str, hint: str = "", rule: str = ""
) -> Problem:
    return Problem(path, line, column, Level.WARNING, message, hint, rule)


class RecordError(Exception):
    """A record cannot be read at all; carries the one problem that explains why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem
