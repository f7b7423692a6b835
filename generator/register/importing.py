"""Create or update council records from the local authority register.

An existing record is found by its register code, then its GSS code, then its file name, so
councils/west-berkshire.yml is updated rather than duplicated. Only the keys the register owns
are touched, by editing the YAML text in place: comments, key order, quoting and every other key
stay exactly as they were, and a second run changes nothing. `short_name` is filled in when a
record has none but never replaced, because a person may have chosen a better everyday name.
Nothing is written unless every new or changed record passes the council schema.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.checking.schema import check_record
from generator.loading.files import (
    KIND_FOLDERS,
    LoadedRecord,
    RecordFile,
    classify,
    discover,
    read_record,
    schema_comment,
)
from generator.loading.yaml_positions import YamlProblem, load_document
from generator.problems import RecordError
from generator.register.authorities import FIELD_ORDER, Authority

FOLDER = KIND_FOLDERS["council"]
# Keys an import may overwrite; short_name is only ever added.
OWNED = (
    "name",
    "gss_code",
    "register_code",
    "type",
    "nation",
    "region",
    "end_date",
    "successors",
)


class CouncilImportError(Exception):
    """The import cannot go ahead; nothing has been written."""


@dataclass(frozen=True)
class Change:
    """What the import does to one file: 'created', 'updated' or 'unchanged'."""

    authority: Authority
    path: str
    action: str
    keys: tuple[str, ...] = ()
    text: str = ""


@dataclass
class ImportPlan:
    changes: list[Change] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # why an authority could not be imported

    def count(self, action: str) -> int:
        return sum(c.action == action for c in self.changes)

    @property
    def to_write(self) -> list[Change]:
        return [c for c in self.changes if c.action != "unchanged"]


@dataclass(frozen=True)
class _Existing:
    path: str
    absolute: Path
    text: str
    data: dict[str, Any]


def plan_import(
    root: Path,
    authorities: Iterable[Authority],
    register: Iterable[Authority] = (),
    *,
    abolished_on_file: bool = False,
) -> ImportPlan:
    """Work out every change without writing anything. `register` (the whole register, when
    given) names the councils that replaced an abolished one; with `abolished_on_file`, the
    abolished authorities that already have a record are updated too (their end date and
    successors), but no record is created for the others."""
    root = root.resolve()
    existing, unreadable = _existing_councils(root)
    by_code = {e.data["register_code"]: e for e in existing if e.data.get("register_code")}
    everything = {a.code: a for a in register}
    authorities = list(authorities)
    if abolished_on_file:
        chosen = {a.code for a in authorities}
        authorities += [a for a in register if a.end and a.code in by_code and a.code not in chosen]
    by_gss = {e.data["gss_code"]: e for e in existing if e.data.get("gss_code")}
    by_path = {e.path: e for e in existing}
    plan = ImportPlan()
    claimed: set[str] = set()
    for authority in authorities:
        if authority.unusable:
            plan.skipped.append(f"{authority.label}: skipped because {authority.unusable}.")
            continue
        wanted: dict[str, Any] = authority.fields()
        if successors := _successors(authority, by_code, everything):
            wanted["successors"] = successors
        match = by_code.get(authority.code) or by_gss.get(wanted.get("gss_code", ""))
        path = match.path if match else f"{FOLDER}/{authority.record_id}.yml"
        if match is None and path in claimed:  # two authorities with the same everyday name
            path = f"{FOLDER}/{authority.record_id}-{authority.code.lower()}.yml"
        if match is None and path in by_path:
            match = by_path[path]
            if _codes_differ(match.data, wanted):
                plan.skipped.append(
                    f"{authority.label}: {path} already exists for another council "
                    f"({_codes(match.data)}); not changed. Rename one of them by hand."
                )
                continue
        if path in unreadable:
            plan.skipped.append(
                f"{authority.label}: {path} cannot be read ({unreadable[path]}); fix it first."
            )
            continue
        claimed.add(path)
        plan.changes.append(_change(authority, path, match, wanted))
    _check(root, plan)
    return plan


def _successors(
    authority: Authority, by_code: dict[str, _Existing], everything: dict[str, Authority]
) -> list[str]:
    """The ids of the councils that replaced `authority`: the file a record of it already has,
    else the id a new record of it would get; codes the register does not have are left out."""
    ids = []
    for code in authority.replaced_by:
        if code in by_code:
            ids.append(Path(by_code[code].path).stem)
        elif code in everything:
            ids.append(everything[code].record_id)
    return ids


def apply_plan(root: Path, plan: ImportPlan) -> None:
    root = root.resolve()
    (root / FOLDER).mkdir(parents=True, exist_ok=True)
    for change in plan.to_write:
        (root / change.path).write_text(change.text, encoding="utf-8", newline="")


def new_record_text(fields: dict[str, Any]) -> str:
    body = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=10_000)
    return f"{schema_comment('council')}\n{body}"


def update_text(text: str, wanted: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
    """`text` with the register-owned keys set to `wanted`, and the keys that changed.

    Values are replaced where they stand and missing keys inserted after the key before them
    in FIELD_ORDER, so nothing else in the file moves.
    """
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        raise ValueError("the record is not a mapping")
    nodes = {k.value: (k, v) for k, v in root.value if isinstance(k, yaml.ScalarNode)}
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement)
    changed: list[str] = []
    last_end = _line_start(text, min((k.start_mark.index for k, _ in nodes.values()), default=0))
    indent = " " * (root.value[0][0].start_mark.column if root.value else 0)
    eol = "\r\n" if "\r\n" in text else "\n"  # keep the file's own line endings
    for key in FIELD_ORDER:
        present = nodes.get(key)
        if present:
            value = present[1]
            last_end = _after_value(text, value)
            if key not in wanted or (key not in OWNED and _scalar_text(value)):
                continue
            if isinstance(value, yaml.ScalarNode) and value.value == wanted[key]:
                continue
            if isinstance(wanted[key], list):  # successors: the list written out again
                if (
                    isinstance(value, yaml.SequenceNode)
                    and [_scalar_text(v) for v in value.value] == wanted[key]
                ):
                    continue
                after_key = present[0].end_mark.index
                edits.append((after_key, last_end, ":" + _block(wanted[key], indent, eol)))
                changed.append(key)
                continue
            start, end = value.start_mark.index, value.end_mark.index
            kept = text[start:end][len(text[start:end].rstrip("\r\n")) :]  # a block's newline
            edits.append((start, end, _dump_scalar(wanted[key]) + kept))
            changed.append(key)
        elif key in wanted:
            newline = eol if last_end == len(text) and not text.endswith("\n") else ""
            if isinstance(wanted[key], list):
                line = f"{newline}{indent}{key}:{_block(wanted[key], indent, eol)}"
            else:
                line = f"{newline}{indent}{key}: {_dump_scalar(wanted[key])}{eol}"
            edits.append((last_end, last_end, line))
            changed.append(key)
    pieces: list[str] = []
    done = 0
    for start, end, replacement in sorted(edits, key=lambda e: e[0]):  # stable: keeps order
        pieces += [text[done:start], replacement]
        done = max(done, end)
    return "".join([*pieces, text[done:]]), tuple(changed)


def _change(authority: Authority, path: str, match: _Existing | None, wanted: dict) -> Change:
    if match is None:
        return Change(authority, path, "created", tuple(wanted), new_record_text(wanted))
    text, keys = update_text(match.text, wanted)
    return Change(authority, path, "updated" if keys else "unchanged", keys, text)


def _existing_councils(root: Path) -> tuple[list[_Existing], dict[str, str]]:
    found: list[_Existing] = []
    unreadable: dict[str, str] = {}
    for path in discover(root, ["council"]):
        try:
            record, _ = read_record(root, classify(root, path))
        except RecordError as exc:
            unreadable[exc.problem.path] = exc.problem.message
            continue
        # Bytes, not read_text: universal newlines would turn CRLF files into LF ones.
        text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
        found.append(_Existing(record.path, path, text, record.data))
    return found, unreadable


def _check(root: Path, plan: ImportPlan) -> None:
    """Every record to be written must pass the council schema, or nothing is written."""
    failures: list[str] = []
    for change in plan.to_write:
        try:
            document = load_document(change.text)
        except YamlProblem as exc:
            failures.append(f"{change.path}: {exc.message}")
            continue
        record = LoadedRecord(RecordFile("council", "", change.path, root / change.path), document)
        failures += [f"{change.path}:{p.line}: {p.text}" for p in check_record(record, root)]
    if failures:
        raise CouncilImportError(
            "Nothing was written, because these records would not be valid:\n  "
            + "\n  ".join(failures)
        )


def _codes_differ(data: dict[str, Any], wanted: dict[str, str]) -> bool:
    return any(
        data.get(k) and wanted.get(k) and data[k] != wanted[k]
        for k in ("register_code", "gss_code")
    )


def _codes(data: dict[str, Any]) -> str:
    return ", ".join(f"{k} {data[k]}" for k in ("register_code", "gss_code") if data.get(k))


def _scalar_text(node: yaml.Node) -> str:
    return node.value if isinstance(node, yaml.ScalarNode) else ""


def _dump_scalar(value: str) -> str:
    """The value as YAML would write it after 'key: ', quoted only when it needs to be."""
    return yaml.safe_dump({"k": value}, allow_unicode=True, width=10_000)[3:].rstrip("\n")


def _block(items: list[str], indent: str, eol: str) -> str:
    """A list as the records write one, from the end of its key's line."""
    return eol + "".join(f"{indent}  - {_dump_scalar(item)}{eol}" for item in items)


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _after_value(text: str, node: yaml.Node) -> int:
    """The start of the line after a top-level value ends."""
    end = node.end_mark
    if end.column == 0:
        return end.index
    newline = text.find("\n", end.index)
    return len(text) if newline < 0 else newline + 1
