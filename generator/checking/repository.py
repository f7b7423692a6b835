"""Check a whole repository of records: read every file, apply the schema and the rules."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.checking.challenge_sources import check_challenge_sources
from generator.checking.memory import RecordMemory
from generator.checking.placeholders import check_placeholders
from generator.checking.rules import Index, check_rules, check_unique_codes
from generator.checking.schema import check_record
from generator.checking.site_addresses import check_site_address
from generator.checking.stale_challenges import check_stale_challenges
from generator.loading.files import (
    LoadedRecord,
    discover,
    relative_path,
)
from generator.loading.many import read_many
from generator.problems import Problem, error
from generator.settings import SETTINGS_FILE, Settings, SettingsError, load_settings


@dataclass
class Report:
    """Records that could be read, and every problem found, in file and line order."""

    records: list[LoadedRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    checked_paths: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors


def read_all(
    root: Path, files: Iterable[Path], memory: RecordMemory | None = None
) -> tuple[list[LoadedRecord], list[Problem]]:
    records: list[LoadedRecord] = []
    problems: list[Problem] = []
    outcomes = memory.read_all(root, list(files)) if memory else read_many(root, files)
    for record, found in outcomes:
        if record is not None:
            records.append(record)
        problems.extend(found)
    return records, problems


def check_repository(
    root: Path,
    *,
    today: date,
    paths: Iterable[Path] | None = None,
    memory: RecordMemory | None = None,
) -> Report:
    """Check every record (cross-record rules always see them all); report only on `paths`.

    A path may be a record file or a record folder. A file given by path that is not inside
    the repository's record folders is still read, so a draft can be checked before it moves.
    `memory` (kept by `mkdocs serve`) spares parsing and schema-checking unchanged files.
    """
    root = root.resolve()
    everything = list(discover(root))
    wanted = _expand(root, paths) if paths is not None else None
    extra: list[Path] = []
    if wanted:
        known = {p.resolve() for p in everything}
        extra = [p for p in wanted if p.resolve() not in known]
    records, problems = read_all(root, [*everything, *extra], memory)

    index = Index.of(records)
    for record in records:
        if memory is None:
            problems += check_record(record, root)
        else:
            problems += memory.schema_problems(record, lambda r: check_record(r, root))
        problems += check_rules(record, index, today)
        problems += check_site_address(record)
    problems += check_unique_codes(records)
    problems = _drop_shadowed(problems)
    settings, trouble = _settings(root)
    problems += trouble
    problems += check_stale_challenges(records, problems, today, settings)
    problems += check_challenge_sources(records, problems, today)
    problems += check_placeholders(root, records)

    report = Report(records=records, problems=problems)
    if wanted is not None:
        keep = {relative_path(root, p) for p in wanted}
        report.problems = [p for p in problems if p.path in keep]
        report.checked_paths = sorted(keep)
    else:
        report.checked_paths = sorted(relative_path(root, p) for p in everything)
    report.problems.sort()
    return report


def _settings(root: Path) -> tuple[Settings, list[Problem]]:
    """The community settings, or the defaults and an error saying what is wrong with them."""
    try:
        return load_settings(root), []
    except SettingsError as exc:
        message = str(exc).removeprefix(f"{SETTINGS_FILE}: ")
        hint = "The comments in pipeline.yml say what each setting means."
        return Settings(), [error(SETTINGS_FILE, 1, 1, message, hint, "settings")]


def _drop_shadowed(problems: list[Problem]) -> list[Problem]:
    """A mistyped reference breaks the id pattern too; the reference error, which suggests the
    right id, is the one worth reading."""
    references = {(p.path, p.line, p.column) for p in problems if p.rule.startswith("unknown-")}
    return [
        p
        for p in problems
        if not (p.rule == "pattern" and (p.path, p.line, p.column) in references)
    ]


def _expand(root: Path, paths: Iterable[Path]) -> list[Path]:
    expanded: list[Path] = []
    for path in paths:
        absolute = path if path.is_absolute() else Path.cwd() / path
        if absolute.is_dir():
            expanded.extend(sorted(p for p in absolute.iterdir() if not p.name.startswith(".")))
        else:
            expanded.append(absolute)
    return expanded
