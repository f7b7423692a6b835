"""The doctor's table of checks: each is a function registered with `@check`, in the order a
launch meets them (the modules beside this one hold them, by topic).

A check reads `Facts` and returns a status, what is missing and exactly how to fix it (the
settings page, or the `gh` command). Required checks make `pipeline doctor` exit 1;
recommended ones are advice. Adding a check is adding a function.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from generator.launch.facts import Facts
from generator.launch.github import Response


class Status(StrEnum):
    PASSED = "passed"
    MISSING = "missing"  # not set up: the detail says what, the fix how
    UNKNOWN = "unknown"  # GitHub would not say (often: only admins may read it)
    SKIPPED = "skipped"  # depends on another check that failed


@dataclass(frozen=True)
class Finding:
    id: str
    title: str
    required: bool
    status: Status
    detail: str = ""
    fix: str = ""

    @property
    def fails(self) -> bool:
        return self.required and self.status in (Status.MISSING, Status.UNKNOWN)


@dataclass(frozen=True)
class Check:
    id: str
    title: str
    required: bool
    run: Callable[[Facts], tuple[Status, str, str]]


CHECKS: list[Check] = []


def check(id: str, title: str, *, required: bool = True) -> Callable:
    def register(function: Callable[[Facts], tuple[Status, str, str]]) -> Callable:
        CHECKS.append(Check(id, title, required, function))
        return function

    return register


def run_checks(facts: Facts) -> list[Finding]:
    return [Finding(c.id, c.title, c.required, *c.run(facts)) for c in CHECKS]


PASSED = (Status.PASSED, "", "")


def unknown(response: Response, facts: Facts) -> tuple[Status, str, str]:
    who = "" if facts.is_admin else " Only the repository's admins may read this setting."
    said = f"GitHub answered {response.status} {response.message}".strip()
    return Status.UNKNOWN, f"{said}.{who}", "Run `pipeline doctor` as an admin of the repository."
