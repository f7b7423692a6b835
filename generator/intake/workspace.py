"""What intake knows about the repository: its forms, records, owners and the register."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from generator.checking.repository import read_all
from generator.intake.fields import Named, councils_from, projects_from
from generator.intake.forms import Form, load_forms
from generator.loading.files import KIND_FOLDERS, LoadedRecord, discover
from generator.ownership.codeowners import Ownership, ownership_of
from generator.register.authorities import Authority
from generator.settings import load_settings

SCHEMA_ORDER_FILES = {kind: f"schema/{kind}.schema.json" for kind in KIND_FOLDERS}


@dataclass
class Workspace:
    root: Path
    today: date
    register: list[Authority] | None = None
    forms: dict[str, Form] = field(default_factory=dict)
    records: dict[str, dict[str, LoadedRecord]] = field(default_factory=dict)

    @classmethod
    def open(cls, root: Path, today: date, register: list[Authority] | None = None) -> Workspace:
        root = root.resolve()
        loaded, _problems = read_all(root, discover(root))
        records: dict[str, dict[str, LoadedRecord]] = {kind: {} for kind in KIND_FOLDERS}
        for record in loaded:
            records[record.kind][record.id] = record
        return cls(root, today, register, load_forms(root), records)

    def data(self, kind: str) -> dict[str, dict[str, Any]]:
        return {rid: r.data for rid, r in self.records[kind].items()}

    @cached_property
    def councils(self) -> list[Named]:
        return councils_from(self.data("council"))

    @cached_property
    def projects(self) -> list[Named]:
        return projects_from(self.data("project"))

    @cached_property
    def makerdays(self) -> list[Named]:
        return projects_from(self.data("makerday"))

    def council_label(self, council_id: str) -> str:
        data = self.records["council"].get(council_id)
        if data is None:
            return council_id
        return str(data.data.get("short_name") or data.data.get("name") or council_id)

    def text(self, path: str) -> str:
        """A file's text exactly as stored (bytes, so Windows line ends stay)."""
        return (self.root / path).read_bytes().decode("utf-8").removeprefix("\ufeff")

    def exists(self, path: str) -> bool:
        return (self.root / path).exists()

    @cached_property
    def ownership(self) -> Ownership:
        core = load_settings(self.root).core_maintainers
        everything = [r for kind in self.records.values() for r in kind.values()]
        return ownership_of(everything, core or ("@pipeline-core",))

    def key_order(self, kind: str) -> list[str]:
        """The schema's property order, which the example records follow."""
        schema = json.loads((self.root / SCHEMA_ORDER_FILES[kind]).read_text(encoding="utf-8"))
        return list(schema.get("properties", {}))
