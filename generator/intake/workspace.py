"""What intake knows about the repository: its forms, records, owners and the register."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from generator.checking.repository import read_all
from generator.intake.event import WORKFLOW_BOT
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
    today: date  # the date records are given: the request's (see `on`), else the run's
    register: list[Authority] | None = None
    forms: dict[str, Form] = field(default_factory=dict)
    records: dict[str, dict[str, LoadedRecord]] = field(default_factory=dict)
    # Who may do what, as the workflow found it on GitHub (intake itself makes no network
    # calls): the logins with write access to the repository, and the workflow's own bots.
    writers: frozenset[str] = frozenset()
    bots: frozenset[str] = frozenset({WORKFLOW_BOT})
    run_day: date | None = None  # the day intake runs, when `today` is a request's date

    @classmethod
    def open(
        cls,
        root: Path,
        today: date,
        register: list[Authority] | None = None,
        *,
        writers: frozenset[str] = frozenset(),
        bots: frozenset[str] = frozenset(),
    ) -> Workspace:
        root = root.resolve()
        loaded, _problems = read_all(root, discover(root))
        records: dict[str, dict[str, LoadedRecord]] = {kind: {} for kind in KIND_FOLDERS}
        for record in loaded:
            records[record.kind][record.id] = record
        return cls(
            root,
            today,
            register,
            load_forms(root),
            records,
            frozenset(w.removeprefix("@").casefold() for w in writers),
            frozenset({WORKFLOW_BOT, *(b.casefold() for b in bots)}),
        )

    def on(self, day: date | None) -> Workspace:
        """The same repository, with `day` as the date of the request (when known)."""
        if day is None or day == self.today:
            return self
        return dataclasses.replace(self, today=day, run_day=self.checking_day)

    @property
    def checking_day(self) -> date:
        """The day the validator checks the records as of: the day intake runs (main may hold
        dates later than an old request's), or the request's date when that is later."""
        return max(self.today, self.run_day) if self.run_day else self.today

    def is_writer(self, login: str) -> bool:
        return login.casefold() in self.writers

    def is_workflow_bot(self, login: str) -> bool:
        return login.casefold() in self.bots

    def may_change(self, login: str, path: str) -> bool:
        """Whether `login` looks after the record at `path` (CODEOWNERS names them) or has
        write access to the repository."""
        return bool(login) and (
            self.is_writer(login) or self.ownership.rule_for(path).includes(login)
        )

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
