"""Starter records for `pipeline new`: the essentials filled in, every other key explained.

The commented-out keys come from the JSON Schema, so the starter file cannot drift from it.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from generator.checking.repository import check_repository
from generator.loading.files import KIND_FOLDERS, is_valid_id, schema_comment, suggest_id


class StarterError(Exception):
    """The starter cannot be written; the message says why and what to do."""


def starter_text(root: Path, kind: str, essentials: dict[str, Any]) -> str:
    schema = json.loads((root / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    body = yaml.safe_dump(essentials, sort_keys=False, allow_unicode=True, width=100)
    lines = [schema_comment(kind), body.rstrip("\n"), ""]
    lines.append("# Optional keys: remove the '# ' in front of a key to use it.")
    for key, spec in schema.get("properties", {}).items():
        if key in essentials:
            continue
        description = " ".join(str(spec.get("description", "")).split())
        lines.append(f"# {key}:  # {spec.get('title', key)}. {description}".rstrip())
    return "\n".join(lines) + "\n"


def write_starter(
    root: Path, kind: str, name: str, essentials: dict[str, Any], *, today: date
) -> Path:
    """Write the starter record and return its path; refuse to overwrite or to write junk."""
    root = root.resolve()
    record_id = name if is_valid_id(name) else suggest_id(name)
    if not is_valid_id(record_id):
        raise StarterError(
            f"'{name}' does not make a usable file name (2 to 60 lowercase letters, digits and "
            f"hyphens). Choose one with --id, for example --id report-a-missed-bin."
        )
    path = root / KIND_FOLDERS[kind] / f"{record_id}.yml"
    if path.exists():
        raise StarterError(
            f"{path.relative_to(root)} already exists: edit it, or choose another --id."
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(starter_text(root, kind, essentials), encoding="utf-8")
    report = check_repository(root, today=today, paths=[path])
    if not report.ok:
        path.unlink()
        details = "; ".join(f"{p.message} {p.hint}".strip() for p in report.errors)
        raise StarterError(
            f"Nothing was written, because the new record would not be valid: {details}"
        )
    return path
