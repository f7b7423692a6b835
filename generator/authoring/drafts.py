"""Read one project record, committed or not, together with the valid records around it.

Used to compare a draft with the catalogue before it is even in a pull request: the draft may be
a new file in projects/ or a file anywhere else (then it is read as a project all the same).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.catalogue.construction import build_catalogue, project_from
from generator.catalogue.model import Catalogue, Project
from generator.checking.repository import check_repository
from generator.checking.rules import Index, check_rules
from generator.checking.schema import check_record
from generator.loading.files import (
    KIND_FOLDERS,
    LoadedRecord,
    RecordFile,
    classify,
    read_record,
    relative_path,
    suggest_id,
)
from generator.problems import Problem, RecordError, error


class DraftError(Exception):
    """The path cannot be compared at all (for example it is a council record)."""


@dataclass
class Draft:
    """The draft as a Project (None when it has errors), and the catalogue of valid records.

    `in_catalogue` is true when the draft sits in projects/ and so is one of the catalogue's
    projects too.
    """

    path: str
    project: Project | None
    catalogue: Catalogue
    in_catalogue: bool = False
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def load_draft(root: Path, path: Path, *, today: date) -> Draft:
    """Check the whole repository and the draft at `path`; keep only records without errors.

    Raises DraftError when `path` is a council or maker day record.
    """
    root = root.resolve()
    absolute = path if path.is_absolute() else Path.cwd() / path
    relative = relative_path(root, absolute)
    if relative.startswith("../"):  # outside the repository: a full path reads better
        relative = absolute.resolve().as_posix()
    report = check_repository(root, today=today)
    broken = {p.path for p in report.errors}
    valid = [r for r in report.records if r.path not in broken]
    catalogue = build_catalogue(valid, root)

    inside = _is_in_projects(root, absolute)
    if inside:
        problems = [p for p in report.problems if p.path == relative]
        if not absolute.is_file():
            problems = [error(relative, 1, 1, "There is no such file.", "Check the path.")]
        record = next((r for r in report.records if r.path == relative), None)
    else:
        record, problems = _read_outside(root, absolute, relative, report.records, today)

    draft = Draft(relative, None, catalogue, inside, sorted(problems))
    if record is not None and not draft.errors:
        draft.project = project_from(record)
    return draft


def _is_in_projects(root: Path, absolute: Path) -> bool:
    try:
        classified = classify(root, absolute)
    except RecordError:
        return absolute.parent.resolve() == (root / KIND_FOLDERS["project"]).resolve()
    if classified.kind != "project":
        raise DraftError(
            f"{classified.path} is a {classified.kind} record: only projects can be compared."
        )
    return True


def _read_outside(
    root: Path, absolute: Path, relative: str, others: list[LoadedRecord], today: date
) -> tuple[LoadedRecord | None, list[Problem]]:
    """A file outside projects/ read as a project, with the schema and the rules applied."""
    stem = absolute.name.rsplit(".", 1)[0]
    record_file = RecordFile("project", suggest_id(stem), relative, absolute)
    try:
        record, problems = read_record(root, record_file)
    except RecordError as exc:
        return None, [exc.problem]
    problems = [p for p in problems if p.rule != "schema-comment"]
    problems += check_record(record, root)
    problems += check_rules(record, Index.of([*others, record]), today)
    return record, problems
