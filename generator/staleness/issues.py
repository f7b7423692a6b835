"""Deciding which GitHub issues the weekly stale check opens, updates and closes.

The workflow only carries the plan out with `gh`; every decision is here, where it is tested.

- Each project's issue carries a hidden marker, `<!-- pipeline-stale: <id> -->`, so issues are
  found again whatever their title has become.
- A stale project with no open issue gets a new one. When an earlier issue was closed, a new
  one is opened rather than the old one reopened: GitHub notifies people mentioned in a new
  issue, but not people added to an edited one, and the old thread was about an earlier review.
  The new issue links the old one.
- An issue someone closed by hand while nothing about the project changed stays closed: its
  episode marker (the dates that made the project stale) still matches. Once the project is
  reviewed, or another reason applies, the dates differ and a new issue is opened.
- An open issue is edited only when its title or text would change, so nobody is notified
  about nothing. Texts carry dates, never "N days ago", so they do not change every week.
- An open issue whose project is current again (or retired, or gone) is closed with a thank-you.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from generator.catalogue.model import Catalogue, Project
from generator.labels import STALE
from generator.markdown_safe import github_inline
from generator.settings import Settings
from generator.staleness.assessment import StaleProject, last_activity

LABEL = STALE  # generator/labels.py holds its colour and description
_MARKER = re.compile(r"<!-- pipeline-stale: ([a-z0-9]+(?:-[a-z0-9]+)*) -->")
_EPISODE = re.compile(r"<!-- pipeline-stale-episode: ([^>]*) -->")


class PlanError(Exception):
    """The list of existing issues cannot be used; the message says why."""


@dataclass(frozen=True)
class Issue:
    """An issue as `gh issue list --json number,title,body,state` describes it."""

    number: int
    title: str
    body: str
    is_open: bool

    @property
    def project(self) -> str | None:
        found = _MARKER.search(self.body)
        return found.group(1) if found else None

    @property
    def episode(self) -> str | None:
        found = _EPISODE.search(self.body)
        return found.group(1).strip() if found else None


@dataclass(frozen=True)
class Action:
    action: str  # open, update or close
    project: str
    title: str
    body: str
    number: int | None = None
    comment: str = ""
    reason: str = ""  # for close: completed or not planned
    label: str = LABEL
    council: str = ""  # for a council's issue (staleness/council_issues.py): its id

    def as_dict(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "number": self.number,
            "project": self.project,
            "council": self.council,
            "title": self.title,
            "labels": [self.label],
            "body": self.body,
            "comment": self.comment,
            "reason": self.reason,
        }


def parse_issues(data: Any, label: str = LABEL) -> list[Issue]:
    """Issues from gh's JSON, checked enough to fail with a plain message, not a traceback.
    `label` is the label they were listed by, for the message."""
    if not isinstance(data, list):
        raise PlanError("The issues file must hold a JSON list, as `gh issue list --json` prints.")
    issues = []
    for position, item in enumerate(data, start=1):
        if not (
            isinstance(item, dict)
            and isinstance(item.get("number"), int)
            and isinstance(item.get("state"), str)
        ):
            raise PlanError(
                f"Issue {position} in the issues file has no number or state; list issues with "
                f"`gh issue list --label {label} --state all --json number,title,body,state`."
            )
        issues.append(
            Issue(
                item["number"],
                str(item.get("title") or ""),
                str(item.get("body") or ""),
                item["state"].upper() == "OPEN",
            )
        )
    return issues


def plan(
    stale: list[StaleProject],
    catalogue: Catalogue,
    issues: list[Issue],
    *,
    today: date,
    settings: Settings,
    repo_url: str,
    last_edits: Mapping[str, date] | None = None,
) -> list[Action]:
    """The actions that make the issues match the stale projects: opens and updates in the
    order of `stale` (most overdue first), then closes by issue number."""
    by_project: dict[str, list[Issue]] = defaultdict(list)
    for issue in sorted(issues, key=lambda i: i.number):
        if issue.project:
            by_project[issue.project].append(issue)
    actions: list[Action] = []
    stale_ids = set()
    for item in stale:
        stale_ids.add(item.id)
        project = catalogue.projects[item.id]
        mine = by_project.get(item.id, [])
        open_issues = [i for i in mine if i.is_open]
        closed = [i for i in mine if not i.is_open]
        title = issue_title(project)
        episode = episode_of(item, project, today)
        if open_issues:
            current = open_issues[0]
            body = issue_body(item, project, today, settings, repo_url, _previous(current, closed))
            if (current.title, _plain(current.body)) != (title, _plain(body)):
                actions.append(Action("update", item.id, title, body, current.number))
            actions += [_duplicate(extra, current.number) for extra in open_issues[1:]]
            continue
        if closed and closed[-1].episode == episode:
            continue  # closed by hand while nothing changed: respect that
        previous = closed[-1].number if closed else None
        body = issue_body(item, project, today, settings, repo_url, previous)
        actions.append(Action("open", item.id, title, body))
    closes = [
        Action(
            "close",
            issue.project,
            issue.title,
            issue.body,
            issue.number,
            closing_comment(issue.project, catalogue, settings, last_edits or {}),
            "completed",
        )
        for project_id, mine in by_project.items()
        if project_id not in stale_ids
        for issue in mine
        if issue.is_open and issue.project
    ]
    return actions + sorted(closes, key=lambda a: a.number or 0)


# The comment commands, as the review issue explains them (pipeline intake acts on them).
COMMANDS_HELP = (
    "- `/reviewed`: the record is still right. Today is recorded as the date it was last reviewed.",
    "- `/update` and a sentence about what has happened, for example `/update The pilot now "
    "covers two more wards.` It is added to the project's progress updates with today's date.",
    "- `/retire`: the project has stopped. Retired projects are not reviewed.",
)


def issue_title(project: Project) -> str:
    return f"Please review: {' '.join(project.title.split())}"


def episode_of(item: StaleProject, project: Project, today: date) -> str:
    """The dates that made the project stale; a new review or reason makes a new episode."""
    activity = item.last_activity.date.isoformat() if item.last_activity else "never"
    assessment = project.next_assessment
    overdue = assessment.isoformat() if assessment and assessment < today else "none"
    return f"activity={activity} assessment={overdue}"


def issue_body(
    item: StaleProject,
    project: Project,
    today: date,
    settings: Settings,
    repo_url: str,
    previous: int | None = None,
) -> str:
    """The issue text, in plain English for officers, stable from week to week."""
    title = github_inline(project.title)
    why = item.reasons
    edit = f"{repo_url}/edit/main/{project.path}"
    steps = [
        f"Open [{project.path} in GitHub's editor]({edit}) (sign in to GitHub first).",
        "Check every part of the record is still right, and correct anything that has changed.",
        "Set `last_reviewed:` to today's date, written year-month-day, like `2027-01-31`.",
        "If anything has happened since the last update, add it under `updates:` with today's "
        "date and a sentence or two about it.",
    ]
    if project.next_assessment and project.next_assessment < today:
        steps.append("Change `next_assessment:` to the date of the next service assessment.")
    steps += [
        "If the project has stopped, change `phase:` to `retired`: retired projects are not "
        "reviewed.",
        "Press **Commit changes…**, then **Propose changes** (without write access to the "
        "repository, GitHub saves your change in a copy of it made for you; with write access, "
        "first choose **Create a new branch for this commit and start a pull request**). Then "
        "press **Create pull request**. The checks on the pull request say if anything needs "
        "correcting.",
    ]
    lines = [
        f"<!-- pipeline-stale: {item.id} -->",
        f"<!-- pipeline-stale-episode: {episode_of(item, project, today)} -->",
        f"**{title}** needs a review, so that councils looking at Pipeline can trust what it says.",
        "",
        "Why:",
        "",
        *(f"- {reason}" for reason in why),
        "",
        _who(item),
        "",
        "### The quickest way: reply to this issue",
        "",
        *COMMANDS_HELP,
        "",
        "Each reply becomes a pull request that closes this issue when it is merged. Replies "
        "from the record's maintainers and the repository's members are acted on.",
        "",
        "### Or edit the record in your browser (no tools needed)",
        "",
        *(f"{number}. {step}" for number, step in enumerate(steps, start=1)),
        "",
        "For example:",
        "",
        "```yaml",
        "last_reviewed: 2027-01-31",
        "updates:",
        "  - date: 2027-01-31",
        "    text: Checked the record; the pilot now covers two more wards.",
        "```",
        "",
        "This issue closes by itself within a week of the change being merged. Projects that "
        "are kept current are the ones offered as maker-day challenges.",
    ]
    if previous:
        lines += ["", f"The last review request for this project was #{previous}."]
    return "\n".join(lines) + "\n"


def closing_comment(
    project_id: str, catalogue: Catalogue, settings: Settings, last_edits: Mapping[str, date]
) -> str:
    project = catalogue.projects.get(project_id)
    if project is None:
        return (
            f"The record `projects/{project_id}.yml` is no longer in Pipeline, so this review "
            "request is closed."
        )
    title = github_inline(project.title)
    if settings.stale_after_days.get(project.phase) is None:
        return (
            f"**{title}** is now {project.phase}, so it no longer needs regular reviews. "
            "Thank you for keeping Pipeline up to date."
        )
    active = last_activity(project, last_edits.get(project.path))
    when = f" ({active.text[0].lower()}{active.text[1:]})" if active else ""
    return (
        f"Thank you! **{title}** is up to date again{when}, so this review request is closed. "
        "A new one will be opened if it goes too long without a review."
    )


def _who(item: StaleProject) -> str:
    if item.maintainers:
        who = "you" if len(item.maintainers) == 1 else "one of you"
        return (
            f"{', '.join(item.maintainers)}: you look after this record. Could {who} check it "
            "is still right?"
        )
    return (
        "Nobody is listed as a maintainer of this project or its lead council. Whoever reviews "
        "it, please add your GitHub name under `maintainers:` so the next reminder reaches you."
    )


def _plain(body: str) -> str:
    """A body as compared: GitHub may store Windows line ends and trim the last newline."""
    return body.replace("\r\n", "\n").strip()


def _previous(current: Issue, closed: list[Issue]) -> int | None:
    """The newest closed issue older than the open one, which the open one already links."""
    older = [i.number for i in closed if i.number < current.number]
    return older[-1] if older else None


def _duplicate(extra: Issue, keep: int) -> Action:
    return Action(
        "close",
        extra.project or "",
        extra.title,
        extra.body,
        extra.number,
        f"This is a duplicate of #{keep}, which tracks the same review.",
        "not planned",
    )
