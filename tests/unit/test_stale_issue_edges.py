"""The weekly review issue's wording about a service assessment, at the due day's edge: an
assessment due today is not overdue yet, one due yesterday is."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from generator.catalogue.model import Catalogue, Council, Project
from generator.settings import Settings
from generator.staleness.assessment import assess
from generator.staleness.issues import episode_of, issue_body

TODAY = date(2026, 11, 22)
STEP = "Change `next_assessment:` to the date of the next service assessment."


def check(due: date) -> tuple[str, str]:
    """(the issue's episode, its body) for an idle project whose assessment is due on `due`."""
    council = Council("wb", "councils/wb.yml", "West Berkshire Council", "unitary", "england")
    made = Project("idle", "projects/idle.yml", "Idle", "S.", "beta", "wb")
    project = replace(made, last_reviewed=date(2025, 1, 1), next_assessment=due)
    catalogue = Catalogue({"idle": project}, {"wb": council}, {}, {})
    stale = assess(project, catalogue, TODAY, Settings())
    assert stale is not None  # idle for long enough either way
    body = issue_body(stale, project, TODAY, Settings(), "https://github.com/a/b")
    return episode_of(stale, project, TODAY), body


def test_an_assessment_due_today_is_not_yet_in_the_issue() -> None:
    episode, body = check(TODAY)
    assert episode.endswith("assessment=none")
    assert STEP not in body


def test_an_assessment_due_yesterday_is() -> None:
    yesterday = TODAY - timedelta(days=1)
    episode, body = check(yesterday)
    assert episode.endswith(f"assessment={yesterday.isoformat()}")
    assert STEP in body
