"""`pipeline doctor`: everything a launch needs, checked through `gh api` GET calls, and the
placeholders still in the settings and records."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.checking.placeholders import check_placeholders
from generator.checking.repository import read_all

# The check modules register themselves in this order, which is the order a launch meets them.
from generator.launch import checks_repository, checks_review, checks_workflows  # noqa: F401

# isort: split
from generator.launch import checks_security  # noqa: F401
from generator.launch.facts import Facts
from generator.launch.github import GhError, GitHub
from generator.launch.registry import Finding, run_checks
from generator.loading.files import discover
from generator.problems import Problem


class DoctorError(Exception):
    """The doctor cannot check at all (no gh, not signed in, no such repository)."""


@dataclass
class Diagnosis:
    repo: str
    branch: str
    findings: list[Finding] = field(default_factory=list)
    placeholders: list[Problem] = field(default_factory=list)

    @property
    def failures(self) -> list[Finding]:
        return [f for f in self.findings if f.fails]

    @property
    def ok(self) -> bool:
        return not self.failures


def diagnose(repo: str, root: Path, github: GitHub | None = None) -> Diagnosis:
    facts = Facts(repo, github or GitHub(), root)
    try:
        answer = facts.get("")
        if answer.status == 404:
            raise DoctorError(
                f"GitHub has no repository {repo} that you can see. Check the name, or sign in "
                "as someone with access (`gh auth status` says who you are)."
            )
        if not answer.ok:
            raise DoctorError(f"GitHub answered {answer.status} for {repo}: {answer.message}")
        findings = run_checks(facts)
    except GhError as exc:
        raise DoctorError(str(exc)) from None
    records, _ = read_all(root, discover(root))
    placeholders = sorted(check_placeholders(root, records))
    return Diagnosis(repo, facts.branch, findings, placeholders)
