"""Stale-project rules with a fixed today, on the model directly."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from generator.catalogue.model import Catalogue, Council, Project, Update
from generator.settings import Settings, SettingsError, load_settings
from generator.staleness.assessment import Activity, find_stale

TODAY = date(2026, 11, 22)


def catalogue(*projects: Project) -> Catalogue:
    council = Council(
        "wb",
        "councils/wb.yml",
        "West Berkshire Council",
        "unitary",
        "england",
        maintainers=("@westberks/digital",),
    )
    return Catalogue({p.id: p for p in projects}, {"wb": council}, {}, {})


def project(id: str, phase: str = "beta", **fields) -> Project:
    return replace(Project(id, f"projects/{id}.yml", id.title(), "S.", phase, "wb"), **fields)


def test_limit_depends_on_phase_and_newest_activity_counts() -> None:
    beta = project("beta-old", last_reviewed=date(2026, 5, 1))  # 205 days
    live = project("live-old", "live", last_reviewed=date(2026, 5, 1))
    fresh = project(
        "fresh", updates=(Update(date(2026, 11, 1), "Progress"),), last_reviewed=date(2025, 1, 1)
    )
    retired = project("gone", "retired", last_reviewed=date(2015, 1, 1))
    stale = find_stale(catalogue(beta, live, fresh, retired), TODAY)
    assert [s.id for s in stale] == ["beta-old"]
    assert stale[0].days_overdue == 25
    assert stale[0].last_activity == Activity(date(2026, 5, 1), "reviewed")
    assert stale[0].maintainers == ("@westberks/digital",)
    assert "Projects in beta need a review at least every 180 days" in stale[0].reason


def test_a_recent_commit_keeps_a_project_current() -> None:
    old = project("old", last_reviewed=date(2025, 1, 1))
    assert (
        find_stale(catalogue(old), TODAY, last_edits={"projects/old.yml": date(2026, 10, 1)}) == []
    )
    assert [s.id for s in find_stale(catalogue(old), TODAY)] == ["old"]


def test_overdue_assessment_is_flagged_and_order_is_most_overdue_first() -> None:
    assessed = project("assessed", last_reviewed=TODAY, next_assessment=date(2026, 11, 1))
    idle = project("idle", last_reviewed=date(2025, 11, 22))
    stale = find_stale(catalogue(assessed, idle), TODAY)
    assert [s.id for s in stale] == ["idle", "assessed"]
    assert "assessment was due on 1 November 2026" in stale[1].reason
    assert stale[1].days_overdue == 21


def test_thresholds_come_from_settings(tmp_path) -> None:
    (tmp_path / "pipeline.yml").write_text("stale:\n  after_days:\n    beta: 30\n    live: null\n")
    settings = load_settings(tmp_path)
    assert settings.stale_after_days["beta"] == 30
    assert settings.stale_after_days["live"] is None
    assert settings.stale_after_days["alpha"] == 180
    recent = project("recent", last_reviewed=date(2026, 10, 1))
    assert [s.id for s in find_stale(catalogue(recent), TODAY, settings=settings)] == ["recent"]
    assert find_stale(catalogue(recent), TODAY, settings=Settings()) == []


@pytest.mark.parametrize(
    "text",
    ["stale:\n  after_days:\n    betta: 30\n", "stale:\n  after_days:\n    beta: soon\n", "- a\n"],
)
def test_bad_settings_are_explained(tmp_path, text) -> None:
    (tmp_path / "pipeline.yml").write_text(text)
    with pytest.raises(SettingsError):
        load_settings(tmp_path)
