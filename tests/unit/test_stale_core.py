"""Stale-project rules with a fixed today, on the model directly."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from generator.catalogue.model import Catalogue, Council, Project, Update
from generator.settings import Settings, SettingsError, load_settings
from generator.staleness.assessment import Activity, assess, due_from, due_within, find_stale

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
    ("text", "explained"),
    [
        (
            "stale:\n  after_days:\n    betta: 30\n",
            "pipeline.yml: stale.after_days has 'betta', which is not a phase (idea, ",
        ),
        (
            "stale:\n  after_days:\n    beta: soon\n",
            "pipeline.yml: stale.after_days.beta must be a number of days, or null for never.",
        ),
        ("- a\n", "pipeline.yml must be a set of 'key: value' lines."),
    ],
)
def test_bad_settings_are_explained(tmp_path, text, explained) -> None:
    (tmp_path / "pipeline.yml").write_text(text)
    with pytest.raises(SettingsError) as raised:
        load_settings(tmp_path)
    assert explained in str(raised.value)


# The edges of each rule: a day either side, so a flipped comparison fails a test here.
def days_before(days: int) -> date:
    return TODAY - timedelta(days=days)


@pytest.mark.parametrize(("phase", "limit"), [("beta", 180), ("live", 365)])
def test_a_project_needs_review_the_day_after_its_limit_not_on_it(phase, limit) -> None:
    on_limit = project("on-limit", phase, last_reviewed=days_before(limit))
    past_limit = project("past-limit", phase, last_reviewed=days_before(limit + 1))
    stale = find_stale(catalogue(on_limit, past_limit), TODAY)
    assert [s.id for s in stale] == ["past-limit"]
    assert stale[0].days_overdue == 1


def test_a_project_with_no_activity_is_overdue_from_its_start_by_the_same_limit() -> None:
    on_limit = project("on-limit", started=days_before(180))
    past_limit = project("past-limit", started=days_before(181))
    overdue = {s.id: s.days_overdue for s in find_stale(catalogue(on_limit, past_limit), TODAY)}
    # Never reviewed is always worth a look; how overdue counts from the limit.
    assert overdue == {"on-limit": 0, "past-limit": 1}


def test_an_assessment_is_overdue_the_day_after_it_was_due_not_on_the_day() -> None:
    due_today = project("due-today", last_reviewed=TODAY, next_assessment=TODAY)
    due_yesterday = project("due-yesterday", last_reviewed=TODAY, next_assessment=days_before(1))
    retired = project("retired", "retired", last_reviewed=TODAY, next_assessment=days_before(1))
    stale = find_stale(catalogue(due_today, due_yesterday, retired), TODAY)
    assert [s.id for s in stale] == ["due-yesterday"]
    assert stale[0].days_overdue == 1


def test_the_day_a_project_becomes_due_is_the_first_day_assess_finds_it_stale() -> None:
    settings = Settings()
    for record in (
        project("reviewed", last_reviewed=date(2026, 1, 10)),
        project("assessed", last_reviewed=TODAY, next_assessment=date(2026, 12, 1)),
    ):
        due = due_from(record, settings)
        assert due is not None
        everything = catalogue(record)
        assert assess(record, everything, due, settings) is not None, record.id
        assert assess(record, everything, due - timedelta(days=1), settings) is None, record.id
    assert due_from(project("retired", "retired", last_reviewed=date(2015, 1, 1)), settings) is None


def test_due_within_lists_what_falls_due_up_to_and_including_the_last_day() -> None:
    # Reviewed 150 days ago: the 180-day review falls due in 30 days, on TODAY + 30.
    in_window = project("in-window", last_reviewed=days_before(150))
    just_after = project("just-after", last_reviewed=days_before(149))
    due_today = project("due-today", last_reviewed=days_before(180))
    assessment = project("assessment", last_reviewed=TODAY, next_assessment=TODAY)
    everything = catalogue(in_window, just_after, due_today, assessment)
    found = due_within(everything, TODAY, 30)
    assert [(d.id, d.due, d.reason) for d in found] == [
        ("assessment", TODAY, "Service assessment due"),
        ("due-today", TODAY, "Review due"),
        ("in-window", TODAY + timedelta(days=30), "Review due"),
    ]
    assert "just-after" in [d.id for d in due_within(everything, TODAY, 31)]


def test_maintainers_are_listed_once_however_they_are_written() -> None:
    twice = project("twice", maintainers=("westberks/digital", "@westberks/digital", "@ann"))
    (stale,) = find_stale(catalogue(replace(twice, last_reviewed=date(2020, 1, 1))), TODAY)
    assert stale.maintainers == ("@westberks/digital", "@ann")


@pytest.mark.parametrize(
    ("text", "accepted"),
    [
        ("stale:\n  after_days:\n    beta: 1\n", True),
        ("stale:\n  after_days:\n    beta: 0\n", False),
        ("stale:\n  bulk_commit_records: 1\n", True),
        ("stale:\n  bulk_commit_records: 0\n", False),
        ("savings:\n  band_points:\n    under-50k: [5, 5]\n", True),
        ("savings:\n  band_points:\n    under-50k: [6, 5]\n", False),
        ("savings:\n  band_points:\n    under-50k: [0, 5]\n", True),
        ("savings:\n  band_points:\n    under-50k: [-1, 5]\n", False),
    ],
)
def test_settings_limits_accept_the_smallest_allowed_value(tmp_path, text, accepted) -> None:
    (tmp_path / "pipeline.yml").write_text(text)
    if accepted:
        load_settings(tmp_path)
    else:
        with pytest.raises(SettingsError, match=r"pipeline\.yml: "):
            load_settings(tmp_path)
