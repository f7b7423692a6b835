"""From a repository on disk to site content: check, model, staleness, pages.

Shared by the MkDocs plugin and `pipeline render`; imports no MkDocs and no click.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.catalogue.construction import build_catalogue
from generator.catalogue.model import Catalogue
from generator.checking.repository import Report, check_repository
from generator.git.commit_dates import last_edit_days
from generator.git.history import RecordHistory, record_history
from generator.loading.files import RECORD_FOLDERS
from generator.pages.model import DataFile, SiteContent, SiteSettings, StaleInfo
from generator.pages.render_memory import remembered, remembering
from generator.pages.sections import DUE_SOON_DAYS
from generator.reporting import summary, text_lines
from generator.settings import Settings, SettingsError, load_settings
from generator.similarity.engine import PendingSimilar, compared_text
from generator.site.compose import generate_site
from generator.site.memory import SiteMemory
from generator.site.redirects import redirect_files
from generator.staleness.assessment import (
    Activity,
    DueProject,
    activities,
    due_within,
    find_stale,
)

__all__ = ["InvalidRecords", "SettingsError", "build_today", "load", "site_content"]

WATCHED = (*RECORD_FOLDERS, "schema", "pipeline.yml")


class InvalidRecords(Exception):
    """The records have errors; the site is not built from them."""

    def __init__(self, report: Report) -> None:
        self.report = report
        lines = text_lines(report.errors)
        lines.append(summary(len(report.checked_paths), report.problems))
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class Loaded:
    catalogue: Catalogue
    report: Report


def build_today(value: date | None = None) -> date:
    """`value`, else PIPELINE_TODAY (YYYY-MM-DD) for reproducible builds, else the real date."""
    if value is not None:
        return value
    text = os.environ.get("PIPELINE_TODAY", "").strip()
    return date.fromisoformat(text) if text else date.today()


def load(
    root: Path, today: date, report: Report | None = None, memory: SiteMemory | None = None
) -> Loaded:
    """Check every record (unless `report` is that check, done already); raise InvalidRecords
    when any has an error."""
    records, models = (memory.records, memory.models) if memory else (None, None)
    report = report or check_repository(root, today=today, memory=records)
    if not report.ok:
        raise InvalidRecords(report)
    return Loaded(build_catalogue(report.records, root, models), report)


@dataclass(frozen=True)
class Liveliness:
    """Every project's last activity, and why some need review: both from one Git pass."""

    activity: Mapping[str, Activity]
    stale: Mapping[str, StaleInfo]
    due: list[DueProject]


def liveliness(catalogue: Catalogue, root: Path, today: date) -> Liveliness:
    """With the thresholds of root/pipeline.yml; raises SettingsError when it cannot be used."""
    settings = load_settings(root)
    edits = last_edit_days(root, settings.bulk_commit_records)
    stale = find_stale(catalogue, today, last_edits=edits, settings=settings)
    due = due_within(catalogue, today, DUE_SOON_DAYS, last_edits=edits, settings=settings)
    return Liveliness(activities(catalogue, edits), {s.id: s for s in stale}, due)


def read_schemas(root: Path) -> dict[str, str]:
    folder = root / "schema"
    return {
        p.name: p.read_text(encoding="utf-8")
        for p in sorted(folder.iterdir())
        if p.suffix in {".json", ".yml"}
    }


def site_content(
    root: Path,
    settings: SiteSettings,
    today: date,
    report: Report | None = None,
    memory: SiteMemory | None = None,
) -> SiteContent:
    """Every page and data file of the site for the repository at `root`; `memory` (kept by
    `mkdocs serve` between rebuilds) spares the work whose inputs have not changed."""
    loaded = load(root, today, report, memory)
    community = load_settings(root)
    history = record_history(root, [r.path for r in loaded.report.records])
    alive = liveliness(loaded.catalogue, root, today)
    if memory is not None:
        memory.renders.next_build()
    with remembering(memory.renders if memory else None):
        content = _generate(
            root, settings, today, loaded, history, alive, community, serving=memory is not None
        )
    content.files.extend(_redirect_pages(loaded.catalogue, history.redirects, settings))
    return content


def _generate(
    root: Path,
    settings: SiteSettings,
    today: date,
    loaded: Loaded,
    history: RecordHistory,
    alive: Liveliness,
    community: Settings,
    *,
    serving: bool,
) -> SiteContent:
    return generate_site(
        loaded.catalogue,
        settings,
        today=today,
        stale=alive.stale,
        activity=alive.activity,
        due=alive.due,
        schemas=read_schemas(root),
        earlier_paths=history.previous_paths,
        # Similar projects read only the projects' text: an edit to anything else reuses them,
        # and in `mkdocs serve` an edit to a few projects' text updates them for those.
        similar=remembered(
            "similar projects",
            "",
            {"texts": compared_text(loaded.catalogue)},
            lambda: PendingSimilar(loaded.catalogue, update_last=serving),
        ),
        community=community,
        band_points=community.band_points,
    )


def _redirect_pages(
    catalogue: Catalogue, redirects: Mapping[str, str], settings: SiteSettings
) -> list[DataFile]:
    """A small page at each renamed record's old address, leading to where it lives now."""
    titles = {f"projects/{p.id}/": p.title for p in catalogue.projects.values()}
    titles.update({f"councils/{c.id}/": c.name for c in catalogue.councils.values()})
    titles.update({f"makerdays/{d.id}/": d.title for d in catalogue.makerdays.values()})
    pages = redirect_files(dict(redirects), settings.site_url, titles)
    return [DataFile(path, html.encode("utf-8")) for path, html in pages.items()]
