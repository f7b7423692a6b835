"""Finding record files and reading one safely: the rules about files, before any YAML rule.

A record's id is its file name, so names, extensions and places matter as much as content.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.loading.text_checks import refuse_hidden_characters, refuse_tabs
from generator.loading.yaml_positions import Document, YamlProblem, load_document
from generator.problems import Problem, RecordError, error, warning

MAX_FILE_BYTES = 256 * 1024
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ID_MIN, ID_MAX = 2, 60
# Names Windows keeps for devices, whatever the extension: a clone with `projects/con.yml`
# fails to check out there, so no officer on a council laptop could work on the repository.
WINDOWS_DEVICES = frozenset(
    ["con", "prn", "aux", "nul", *(f"{d}{n}" for d in ("com", "lpt") for n in range(10))]
)

# kind -> folder; the folder list is the record contract.
KIND_FOLDERS = {"project": "projects", "council": "councils", "makerday": "makerdays"}
RECORD_FOLDERS = tuple(KIND_FOLDERS.values())
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
                _other_file_hint(name),
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
    _refuse_reserved(kind, stem, relative)
    return RecordFile(kind, stem, relative, path)


def _other_file_hint(name: str) -> str:
    if name.lower().startswith("readme"):
        # Every file in a record folder is read as a record, and notes beside records drift
        # from the rules; the guidance has one home.
        return (
            "Notes for people editing records belong in CONTRIBUTING.md or docs/: move this "
            "file there."
        )
    return "Move this file elsewhere, or rename it to end in '.yml' if it is a record."


def _refuse_reserved(kind: str, stem: str, relative: str) -> None:
    """Ids the site uses for its own pages are refused by generator.checking.site_addresses."""
    if stem in WINDOWS_DEVICES:
        raise RecordError(
            error(
                relative,
                1,
                1,
                f"The id '{stem}' is a device name on Windows, so the repository could not be "
                "checked out there.",
                reserved_hint(kind, stem),
                "reserved-id",
            )
        )


def reserved_hint(kind: str, stem: str) -> str:
    return f"Choose a longer, more specific name, e.g. {KIND_FOLDERS[kind]}/{stem}-{kind}.yml."


def read_record(root: Path, record: RecordFile) -> tuple[LoadedRecord, list[Problem]]:
    """Read and parse one record file; raise RecordError when it cannot be used at all."""
    text = _read_text(root, record)
    problems: list[Problem] = []
    refuse_hidden_characters(record.path, text)
    refuse_tabs(record.path, text)
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


def _unreadable(record: RecordFile, message: str, hint: str) -> RecordError:
    return RecordError(error(record.path, 1, 1, message, hint, "file-unreadable"))


def _read_text(root: Path, record: RecordFile) -> str:
    path = record.absolute
    try:
        if path.is_symlink():
            target = path.resolve(strict=True)
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
        status = path.stat()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop, on Python 3.11-3.12
        raise _unreadable(
            record,
            "This file cannot be opened: it is a link that leads nowhere or round in a circle."
            if path.is_symlink()
            else f"This file cannot be opened ({_reason(exc)}).",
            "Replace the link with the record itself."
            if path.is_symlink()
            else "Check the file exists and that you may read it.",
        ) from None
    if not stat.S_ISREG(status.st_mode):
        what = "a folder" if stat.S_ISDIR(status.st_mode) else "not an ordinary file"
        raise _unreadable(
            record,
            f"This is {what}, not a record file.",
            "Records are ordinary text files: remove this, or rename it so it does not end "
            "in '.yml'.",
        )
    size = status.st_size
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
    try:
        # Read one byte more than allowed: the file may have grown since it was measured.
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)[:MAX_FILE_BYTES]
    except OSError as exc:
        raise _unreadable(
            record,
            f"This file cannot be read ({_reason(exc)}).",
            "Check that you may read it (its permissions).",
        ) from None
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


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return "a link that loops back on itself" if isinstance(exc, RuntimeError) else str(exc)
