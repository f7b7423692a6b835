"""Checking a change before it is proposed: the same validator as a pull request, on a copy of
the records with the change written in, and the similar-projects warning for changed projects."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.catalogue.construction import build_catalogue
from generator.catalogue.model import Catalogue
from generator.checking.repository import check_repository
from generator.intake.change import Change
from generator.intake.workspace import Workspace
from generator.loading.files import KIND_FOLDERS, LoadedRecord
from generator.loading.yaml_positions import YamlProblem, load_document
from generator.markdown_safe import github_inline
from generator.ownership.codeowners import CODEOWNERS_PATH, ownership_of, render_codeowners
from generator.pages.model import SiteSettings
from generator.problems import Problem
from generator.pull_request.similar_projects import joinable_lookalikes
from generator.settings import load_settings, repository_url
from generator.similarity.engine import SimilarityIndex

# What `pipeline validate` reads besides the records.
_SUPPORT = ("schema", "pipeline.yml")


@dataclass(frozen=True)
class Lookalike:
    title: str
    lead: str
    phase: str
    join_url: str
    page_url: str
    maintainers: tuple[str, ...]


@dataclass
class Checked:
    errors: list[tuple[str, str]] = field(default_factory=list)  # (form label, message)
    warnings: list[str] = field(default_factory=list)
    lookalikes: list[Lookalike] = field(default_factory=list)


def check_change(ws: Workspace, change: Change) -> Checked:
    """The validator's errors and warnings about the changed files, as the form's labels name
    them, and the existing projects a changed project looks like."""
    checked = Checked()
    with tempfile.TemporaryDirectory(prefix="pipeline-intake-") as folder:
        copy = Path(folder)
        for name in (*KIND_FOLDERS.values(), *_SUPPORT):
            source = ws.root / name
            if source.is_dir():
                shutil.copytree(source, copy / name)
            elif source.is_file():
                shutil.copy2(source, copy / name)
        for path, text in change.files.items():
            (copy / path).parent.mkdir(parents=True, exist_ok=True)
            (copy / path).write_text(text, encoding="utf-8", newline="")
        report = check_repository(
            copy, today=ws.checking_day, paths=[copy / p for p in change.files]
        )
        if report.ok:
            _codeowners(ws, change, report.records)
        for problem in report.problems:
            label = _label(change, problem)
            if problem.is_error:
                checked.errors.append((label, problem.message))
            else:
                checked.warnings.append(f"{label}: {problem.message}")
        if report.ok and change.projects:
            checked.lookalikes = _lookalikes(ws, change, build_catalogue(report.records, copy))
    return checked


def _codeowners(ws: Workspace, change: Change, records: list[LoadedRecord]) -> None:
    """CODEOWNERS as the changed records call for it (a new record, new maintainers), so the
    pull request's `pipeline codeowners --check` passes."""
    core = load_settings(ws.root).core_maintainers
    if not core:
        return
    expected = render_codeowners(ownership_of(records, core))
    current = ws.text(CODEOWNERS_PATH) if ws.exists(CODEOWNERS_PATH) else None
    change.write(CODEOWNERS_PATH, current, expected)


def _label(change: Change, problem: Problem) -> str:
    """The form field behind the key a problem is in: the nearest key at or before the
    problem's place, by its own name ('role') or else its top-level key's ('partners')."""
    text = change.files.get(problem.path, "")
    try:
        keys = load_document(text).keys if text else {}
    except YamlProblem:
        keys = {}
    place = (problem.line, problem.column)
    before = [(where, path) for path, where in keys.items() if where <= place]
    if not before:
        return "The record"
    path = max(before)[1]
    for name in (path[-1], path[0]):
        if isinstance(name, str) and name in change.labels:
            return change.labels[name]
    return "The record"


def _lookalikes(ws: Workspace, change: Change, catalogue: Catalogue) -> list[Lookalike]:
    index = SimilarityIndex.from_catalogue(catalogue)
    settings = _site(ws.root)
    found: list[Lookalike] = []
    for project_id in change.projects:
        for other, _score in joinable_lookalikes(catalogue, project_id, index):
            lead = catalogue.councils.get(other.lead_council)
            rule = ws.ownership.rule_for(other.path)
            found.append(
                Lookalike(
                    title=github_inline(other.title),
                    lead=github_inline(lead.label if lead else other.lead_council),
                    phase=other.phase,
                    join_url=settings.join_url(other.id, other.title),
                    page_url=settings.page_url(f"projects/{other.id}/"),
                    maintainers=() if rule.is_core else rule.owners,
                )
            )
    return found


def _site(root: Path) -> SiteSettings:
    """Where the site and repository are, from GitHub's environment or mkdocs.yml."""
    defaults = SiteSettings()
    repo = repository_url(root, os.environ) or defaults.repo_url
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8") if config.exists() else ""
    found = re.search(r"^site_url:\s*['\"]?(https?://[^\s'\"]+)", text, re.MULTILINE)
    site = found.group(1) if found else defaults.site_url
    return SiteSettings(site_url=site if site.endswith("/") else site + "/", repo_url=repo)
