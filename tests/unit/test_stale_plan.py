"""The weekly plan for GitHub issues: open, update, close, and no churn."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from generator.catalogue.model import Catalogue, Council, Project
from generator.intake.commands import parse_command
from generator.settings import Settings
from generator.staleness.assessment import find_stale
from generator.staleness.issues import Action, Issue, PlanError, parse_issues, plan

TODAY = date(2026, 11, 22)
URL = "https://github.com/example/pipeline"


def catalogue(*projects: Project) -> Catalogue:
    council = Council(
        "wb", "councils/wb.yml", "West Berkshire Council", "unitary", "england", maintainers=()
    )
    return Catalogue({p.id: p for p in projects}, {"wb": council}, {}, {})


def project(id: str, reviewed: date, phase: str = "beta", **fields) -> Project:
    base = Project(id, f"projects/{id}.yml", id.replace("-", " ").title(), "S.", phase, "wb")
    return replace(base, last_reviewed=reviewed, maintainers=("@alice", "@team/x"), **fields)


def make_plan(cat: Catalogue, issues: list[Issue], today: date = TODAY) -> list[Action]:
    stale = find_stale(cat, today)
    return plan(stale, cat, issues, today=today, settings=Settings(), repo_url=URL)


def carry_out(actions: list[Action], issues: list[Issue]) -> list[Issue]:
    """What the workflow's gh loop does, on a list of issues instead of GitHub."""
    by_number = {i.number: i for i in issues}
    for action in actions:
        if action.action == "open":
            number = max(by_number, default=0) + 1
            by_number[number] = Issue(number, action.title, action.body, True)
        elif action.action == "update":
            by_number[action.number] = Issue(action.number, action.title, action.body, True)
        else:
            old = by_number[action.number]
            by_number[action.number] = replace(old, is_open=False)
    return sorted(by_number.values(), key=lambda i: i.number)


IDLE = project("idle-forms", date(2026, 1, 2))
CURRENT = project("current-bins", date(2026, 11, 1))


def test_opens_one_issue_per_stale_project_with_what_officers_need() -> None:
    actions = make_plan(catalogue(IDLE, CURRENT), [])
    assert [(a.action, a.project) for a in actions] == [("open", "idle-forms")]
    body = actions[0].body
    assert body.startswith("<!-- pipeline-stale: idle-forms -->\n")
    assert "Last reviewed 2 January 2026: no review, no progress update" in body
    assert "Projects in beta need a review at least every 180 days." in body
    assert "@alice, @team/x: you look after this record." in body
    assert f"({URL}/edit/main/projects/idle-forms.yml)" in body
    assert "`last_reviewed:`" in body and "`updates:`" in body
    assert actions[0].title == "Please review: Idle Forms"
    assert actions[0].as_dict()["labels"] == ["stale"]
    assert actions[0].as_dict()["number"] is None


def test_the_issue_leads_with_the_commands_intake_understands() -> None:
    body = make_plan(catalogue(IDLE), [])[0].body
    commands = body.index("### The quickest way: reply to this issue")
    editor = body.index("### Or edit the record in your browser")
    assert commands < editor
    said = re.findall(r"`(/[a-z]+[^`]*)`", body[commands:editor])
    assert [parse_command(text).word for text in said] == ["reviewed", "update", "update", "retire"]
    assert parse_command(said[2]).text == "The pilot now covers two more wards."


def test_running_again_changes_nothing_even_weeks_later() -> None:
    issues = carry_out(make_plan(catalogue(IDLE), []), [])
    assert make_plan(catalogue(IDLE), issues) == []
    assert make_plan(catalogue(IDLE), issues, today=date(2026, 12, 20)) == []
    as_github_keeps_it = [replace(i, body=i.body.replace("\n", "\r\n").strip()) for i in issues]
    assert make_plan(catalogue(IDLE), as_github_keeps_it) == []


def test_updates_the_open_issue_when_its_text_would_change() -> None:
    issues = carry_out(make_plan(catalogue(IDLE), []), [])
    overdue = replace(IDLE, maintainers=("@bob",), next_assessment=date(2026, 11, 1))
    actions = make_plan(catalogue(overdue), issues)
    assert [(a.action, a.number) for a in actions] == [("update", 1)]
    assert "@bob: you look after this record." in actions[0].body
    assert "assessment was due on 1 November 2026" in actions[0].body
    assert "Change `next_assessment:`" in actions[0].body


def test_finds_its_issue_by_marker_whatever_the_title() -> None:
    issues = carry_out(make_plan(catalogue(IDLE), []), [])
    renamed = [replace(issues[0], title="Someone edited this title")]
    actions = make_plan(catalogue(IDLE), renamed)
    assert [(a.action, a.number, a.title) for a in actions] == [
        ("update", 1, "Please review: Idle Forms")
    ]


def test_closes_with_thanks_once_the_project_is_reviewed() -> None:
    issues = carry_out(make_plan(catalogue(IDLE), []), [])
    reviewed = replace(IDLE, last_reviewed=date(2026, 11, 20))
    actions = make_plan(catalogue(reviewed), issues)
    assert [(a.action, a.number, a.reason) for a in actions] == [("close", 1, "completed")]
    assert actions[0].comment.startswith("Thank you! **Idle Forms** is up to date again")
    assert "(last reviewed 20 November 2026)" in actions[0].comment


def test_closes_when_the_project_is_retired_or_removed() -> None:
    other = project("other-idle", date(2025, 1, 1))
    issues = carry_out(make_plan(catalogue(IDLE, other), []), [])
    assert len(issues) == 2
    retired = replace(IDLE, phase="retired")
    actions = make_plan(catalogue(retired), issues)
    # Most overdue was opened first, and closes go in issue-number order.
    assert [(a.action, a.number, a.project) for a in actions] == [
        ("close", 1, "other-idle"),
        ("close", 2, "idle-forms"),
    ]
    assert "`projects/other-idle.yml` is no longer in Pipeline" in actions[0].comment
    assert "is now retired, so it no longer needs regular reviews" in actions[1].comment


def test_stale_again_later_opens_a_new_issue_linking_the_old_one() -> None:
    issues = carry_out(make_plan(catalogue(IDLE), []), [])
    reviewed = replace(IDLE, last_reviewed=date(2026, 11, 20))
    issues = carry_out(make_plan(catalogue(reviewed), issues), issues)
    assert not issues[0].is_open
    later = date(2027, 6, 1)
    actions = make_plan(catalogue(reviewed), issues, today=later)
    assert [a.action for a in actions] == ["open"]
    assert "The last review request for this project was #1." in actions[0].body
    issues = carry_out(actions, issues)
    assert make_plan(catalogue(reviewed), issues, today=later) == []


def test_an_issue_closed_by_hand_stays_closed_while_nothing_changes() -> None:
    issues = carry_out(make_plan(catalogue(IDLE), []), [])
    closed_by_hand = [replace(issues[0], is_open=False)]
    assert make_plan(catalogue(IDLE), closed_by_hand) == []
    overdue = replace(IDLE, next_assessment=date(2026, 11, 1))  # a new reason: ask again
    assert [a.action for a in make_plan(catalogue(overdue), closed_by_hand)] == ["open"]


def test_duplicates_are_closed_and_unmarked_issues_left_alone() -> None:
    body = make_plan(catalogue(IDLE), [])[0].body
    title = "Please review: Idle Forms"
    issues = [
        Issue(3, title, body, True),
        Issue(5, title, body, True),
        Issue(4, "A person's own stale-labelled issue", "No marker here.", True),
    ]
    actions = make_plan(catalogue(IDLE), issues)
    assert [(a.action, a.number, a.reason) for a in actions] == [("close", 5, "not planned")]
    assert actions[0].comment == "This is a duplicate of #3, which tracks the same review."


def test_record_text_cannot_mention_people_or_inject_html() -> None:
    sneaky = replace(IDLE, title="Hi @everyone <img src=x> [link](https://evil.example)")
    body = make_plan(catalogue(sneaky), [])[0].body
    assert "@everyone" not in body
    assert "<img" not in body
    assert "[link](https://evil.example)" not in body


def test_parse_issues_reads_gh_json() -> None:
    issues = parse_issues(
        [
            {"number": 7, "title": "T", "body": "<!-- pipeline-stale: a-b -->", "state": "OPEN"},
            {"number": 8, "title": "T", "body": None, "state": "CLOSED"},
        ]
    )
    assert [(i.number, i.project, i.is_open) for i in issues] == [
        (7, "a-b", True),
        (8, None, False),
    ]
    with pytest.raises(PlanError):
        parse_issues({"number": 1})
    with pytest.raises(PlanError):
        parse_issues([{"title": "no number"}])
