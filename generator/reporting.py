"""Printing problems: one list of Problems, several formats, chosen by one switch."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable
from itertools import groupby

from generator.problems import Problem


def choose_format(requested: str) -> str:
    """'auto' means GitHub annotations inside GitHub Actions, plain text elsewhere."""
    if requested != "auto":
        return requested
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def shown(text: str) -> str:
    """`text` safe to print on a terminal: control, format and other invisible characters
    (carriage returns, escape sequences, direction overrides) appear as escapes, never raw.

    Record files are checked for such characters, but file names and values still reach
    messages, and a terminal must not be made to rewrite what it shows."""
    if text.isprintable():
        return text  # the usual case; isprintable() is False for every character escaped below
    return "".join(c if c.isprintable() or c in _JOINERS else _escape_character(c) for c in text)


_JOINERS = "\u200c\u200d"  # zero-width (non-)joiners: part of emoji and some scripts, harmless


def _escape_character(character: str) -> str:
    code = ord(character)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _escape_data(text: str) -> str:
    text = shown(text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem, title: str = "Pipeline record check") -> str:
    """A workflow command that GitHub shows on the pull request's changed line."""
    return (
        f"::{problem.level.value} file={_escape_property(problem.path)},"
        f"line={problem.line},col={problem.column},title={_escape_property(title)}"
        f"::{_escape_data(problem.text)}"
    )


def text_lines(problems: Iterable[Problem], colour: bool = False) -> list[str]:
    """`path:line:col: level: message hint`, grouped under a heading per file."""
    lines: list[str] = []
    for path, group in groupby(sorted(problems), key=lambda p: p.path):
        lines.append(_paint(shown(path), "1", colour))
        for problem in group:
            level = _paint(problem.level.value, "31" if problem.is_error else "33", colour)
            lines.append(
                f"{shown(problem.path)}:{problem.line}:{problem.column}: {level}: "
                f"{shown(problem.message)}"
            )
            if problem.hint:
                lines.append(f"    fix: {shown(problem.hint)}")
        lines.append("")
    return lines


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if colour else text


def problem_data(problem: Problem) -> dict[str, object]:
    """A Problem as the JSON that scripts read: the same keys wherever it is printed."""
    return {
        "path": problem.path,
        "line": problem.line,
        "column": problem.column,
        "level": problem.level.value,
        "message": problem.message,
        "hint": problem.hint,
        "rule": problem.rule,
    }


def as_json(problems: Iterable[Problem]) -> str:
    return json.dumps([problem_data(p) for p in sorted(problems)], indent=2)


def summary(records: int, problems: list[Problem]) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    files = len({p.path for p in problems if p.is_error})
    if not errors:
        tail = f", {warnings} warning{'s' * (warnings != 1)}" if warnings else ""
        return f"Checked {records} record{'s' * (records != 1)}: all valid{tail}."
    return (
        f"Checked {records} record{'s' * (records != 1)}: {errors} error{'s' * (errors != 1)} "
        f"in {files} file{'s' * (files != 1)}, {warnings} warning{'s' * (warnings != 1)}. "
        "Fix the errors above and run `pipeline validate` again."
    )


# Cells a spreadsheet would run as a formula (starting = + - @, tab or carriage return) get a
# leading apostrophe: the usual defence against CSV formula injection.
RISKY = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(RISKY) else text


def csv_table(header: tuple[str, ...], rows: list[tuple[object, ...]]) -> bytes:
    """A CSV file for spreadsheets: formula-safe cells, CRLF lines, a byte-order mark."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    # A byte-order mark so Excel opens the file as UTF-8.
    return ("\ufeff" + out.getvalue()).encode("utf-8")
