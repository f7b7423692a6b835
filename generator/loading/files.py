"""Finding record files and reading one safely: the rules about files, before any YAML rule.

A record's id is its file name, so names, extensions and places matter as much as content.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.loading.yaml_positions import Document, YamlProblem, load_document
from generator.problems import Problem, RecordError, error, warning

MAX_FILE_BYTES = 256 * 1024
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ID_MIN, ID_MAX = 2, 60

# kind -> folder; the folder list is the record contract.
KIND_FOLDERS = {"project": "projects", "council": "councils", "makerday": "makerdays"}
FOLDER_KINDS = {folder: kind for kind, folder in KIND_FOLDERS.items()}


def schema_comment(kind: str) -> str:
    return f"# yaml-language-server: $schema=../schema/{kind}.schema.json"


@dataclass(frozen=True)
class RecordFile:
    """A file that should hold a record: its kind, id and path relative to the repository."""

    kind: str
    id: str
    path: str
    absolute: Path


@dataclass(frozen=True)
class LoadedRecord:
    file: RecordFile
    document: Document

    @property
    def kind(self) -> str:
        return self.file.kind

    @property
    def id(self) -> str:
        return self.file.id

    @property
    def path(self) -> str:
        return self.file.path

    @property
    def data(self) -> dict:
        return self.document.data


def is_valid_id(text: str) -> bool:
    return ID_MIN <= len(text) <= ID_MAX and bool(ID_PATTERN.match(text))


def suggest_id(text: str) -> str:
    """A valid id close to `text`: 'Report Missed_Bin' -> 'report-missed-bin'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:ID_MAX].rstrip("-") or "my-record"


def discover(root: Path, kinds: Iterable[str] = KIND_FOLDERS) -> Iterator[Path]:
    """Every file in the record folders, sorted, hidden files aside."""
    for kind in kinds:
        folder = root / KIND_FOLDERS[kind]
        if folder.is_dir():
            # Sorted as Paths sort (by normcase'd name in one folder), but without comparing
            # thousands of Path objects.
            for entry in sorted(folder.iterdir(), key=lambda p: os.path.normcase(p.name)):
                if not entry.name.startswith("."):
                    yield entry


def classify(root: Path, path: Path) -> RecordFile:
    """Decide what record `path` should hold, or raise RecordError explaining why it can't."""
    relative = relative_path(root, path)
    parts = Path(relative).parts
    if len(parts) != 2 or parts[0] not in FOLDER_KINDS:
        folders = ", ".join(f"{f}/" for f in FOLDER_KINDS)
        raise RecordError(
            error(
                relative,
                1,
                1,
                "This file is not directly inside a record folder.",
                f"Records live directly in {folders} (no sub-folders).",
                "file-place",
            )
        )
    kind = FOLDER_KINDS[parts[0]]
    name = parts[1]
    stem, _, extension = name.rpartition(".")
    if extension == "yaml":
        raise RecordError(
            error(
                relative,
                1,
                1,
                "Record files end in '.yml', not '.yaml'.",
                f"Rename the file to {parts[0]}/{stem}.yml.",
                "file-extension",
            )
        )
    if extension != "yml" or not stem:
        raise RecordError(
            error(
                relative,
                1,
                1,
                f"Only YAML record files ending in '.yml' belong in {parts[0]}/.",
                "Move this file elsewhere, or rename it to end in '.yml' if it is a record.",
                "file-extension",
            )
        )
    if not is_valid_id(stem):
        raise RecordError(
            error(
                relative,
                1,
                1,
                f"The file name '{stem}' is not a valid id.",
                "Names use lowercase letters, digits and single hyphens, 2 to 60 characters: "
                f"rename it to {parts[0]}/{suggest_id(stem)}.yml.",
                "file-name",
            )
        )
    return RecordFile(kind, stem, relative, path)


def read_record(root: Path, record: RecordFile) -> tuple[LoadedRecord, list[Problem]]:
    """Read and parse one record file; raise RecordError when it cannot be used at all."""
    text = _read_text(root, record)
    problems: list[Problem] = []
    _refuse_tabs(record.path, text)
    if not text.startswith(schema_comment(record.kind)):
        problems.append(
            warning(
                record.path,
                1,
                1,
                "The first line should name the schema, so editors can check the file as you type.",
                f"Make the first line: {schema_comment(record.kind)}",
                "schema-comment",
            )
        )
    try:
        document = load_document(text)
    except YamlProblem as exc:
        raise RecordError(
            error(record.path, exc.line, exc.column, exc.message, exc.hint, exc.rule)
        ) from None
    if document.data is None:
        raise RecordError(
            error(
                record.path,
                1,
                1,
                "This file has no content.",
                f"Fill it in, or start again with `pipeline new {record.kind}`.",
                "empty-file",
            )
        )
    if not isinstance(document.data, dict):
        line, column = document.position(())
        raise RecordError(
            error(
                record.path,
                line,
                column,
                "A record must be a set of 'key: value' lines, but this file holds "
                f"{'a list' if isinstance(document.data, list) else 'a single value'}.",
                "Start the record with keys such as 'title: ...' at the left margin.",
                "not-a-mapping",
            )
        )
    return LoadedRecord(record, document), problems


def relative_path(root: Path, path: Path) -> str:
    absolute = path if path.is_absolute() else Path.cwd() / path
    if absolute.parent.parent == root:  # the usual case, folder/name.yml: no need for relpath
        return f"{absolute.parent.name}/{absolute.name}"
    try:
        return Path(os.path.relpath(absolute, root)).as_posix()
    except ValueError:
        return absolute.as_posix()


def _read_text(root: Path, record: RecordFile) -> str:
    path = record.absolute
    if path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(root.resolve()):
            raise RecordError(
                error(
                    record.path,
                    1,
                    1,
                    "This file is a link to somewhere outside the repository.",
                    "Replace the link with the record itself.",
                    "file-symlink",
                )
            )
    if not path.is_file():
        raise RecordError(
            error(record.path, 1, 1, "This is not a readable file.", "", "file-missing")
        )
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise RecordError(
            error(
                record.path,
                1,
                1,
                f"This file is {size // 1024} KiB; records are limited to "
                f"{MAX_FILE_BYTES // 1024} KiB.",
                "Shorten the description or move long documents elsewhere and link to them.",
                "file-size",
            )
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise RecordError(
            error(
                record.path,
                line,
                column,
                "This file is not saved as UTF-8 text.",
                "Save it as UTF-8 (most editors offer this under 'Save with encoding'), "
                "or retype the character at this place.",
                "file-encoding",
            )
        ) from None
    return text.removeprefix("\ufeff")


def _refuse_tabs(path: str, text: str) -> None:
    if "\t" not in text:
        return  # most files: no need to look line by line
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            raise RecordError(
                error(
                    path,
                    number,
                    indent.index("\t") + 1,
                    "This line is indented with a tab.",
                    "YAML allows only spaces for indentation: replace the tab with spaces.",
                    "tab",
                )
            )
