"""Placeholders still in use: known stand-in values (generator/data/placeholders.yml) found in
the settings (pipeline.yml, mkdocs.yml) or the records, each a warning with its place and what
to do. `pipeline validate` reports them; `pipeline doctor` lists them before a launch."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from generator.loading.files import LoadedRecord
from generator.loading.text_checks import place_of
from generator.problems import Problem, warning

# The settings files a launch fills in, beside the records.
SETTINGS_FILES = ("pipeline.yml", "mkdocs.yml")
MAX_SETTINGS_BYTES = 256 * 1024


@dataclass(frozen=True)
class Placeholder:
    value: str
    what: str
    fix: str


@cache
def _pattern(values: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the values standing alone (not the start or end of a longer address), longest
    first: one pass over each file, however many placeholders there are."""
    either = "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True))
    return re.compile(rf"(?<![\w/@.%+-])(?:{either})(?![\w/@%-]|\.\w)")


@cache
def known_placeholders() -> tuple[Placeholder, ...]:
    text = resources.files("generator").joinpath("data/placeholders.yml").read_text("utf-8")
    return tuple(Placeholder(str(e["value"]), e["what"], e["fix"]) for e in yaml.safe_load(text))


def check_placeholders(
    root: Path, records: Iterable[LoadedRecord], known: Iterable[Placeholder] | None = None
) -> list[Problem]:
    """A warning at every use of a known placeholder in the settings files and the records."""
    known = tuple(known_placeholders() if known is None else known)
    problems: list[Problem] = []
    for name in SETTINGS_FILES:
        path = root / name
        if path.is_file() and path.stat().st_size <= MAX_SETTINGS_BYTES:
            problems += _uses(name, path.read_text(encoding="utf-8", errors="replace"), known)
    for record in records:
        problems += _uses(record.path, record.document.text, known)
    return problems


def _uses(path: str, text: str, known: tuple[Placeholder, ...]) -> list[Problem]:
    by_value = {placeholder.value: placeholder for placeholder in known}
    found = []
    for match in _pattern(tuple(by_value)).finditer(text) if by_value else ():
        placeholder = by_value[match.group()]
        line, column = place_of(text, match.start())
        found.append(
            warning(
                path,
                line,
                column,
                f"'{placeholder.value}' is a placeholder: {placeholder.what}.",
                f"Before launch, {placeholder.fix}.",
                "placeholder",
            )
        )
    return found
