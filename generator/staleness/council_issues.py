"""One conversation per council: the weekly issue asking a council to confirm the records
written about it from public sources.

Records waiting for their council (`Project.waiting_for_council`) do not get an issue each:
fifty review issues mentioning nobody help nobody. Instead each lead council with such records
gets at most one open issue, listing them, from which each is confirmed with one comment,
`/reviewed PROJECT_ID` (pipeline intake acts on it). The same rules as the per-project issues
(staleness/issues.py) keep it quiet:

- The issue carries a hidden marker, `<!-- pipeline-council-review: COUNCIL_ID -->`, so it is
  found again whatever its title; a second open issue for the same council is closed as a
  duplicate.
- It is edited only when its title or text would change; it lists records by id, not by age.
- A council whose records are all confirmed drops out: its issue is closed with a thank-you.
- An issue closed by hand while the same records still wait stays closed; a new one is opened
  once the list changes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from generator.catalogue.model import Catalogue, Council, Project
from generator.labels import WAITING_FOR_COUNCIL
from generator.markdown_safe import github_inline
from generator.staleness.issues import Action, Issue

LABEL = WAITING_FOR_COUNCIL  # generator/labels.py holds its colour and description
_MARKER = re.compile(r"<!-- pipeline-council-review: ([a-z0-9]+(?:-[a-z0-9]+)*) -->")
_RECORDS = re.compile(r"<!-- pipeline-council-review-records: ([^>]*) -->")


def council_of(issue: Issue) -> str | None:
    found = _MARKER.search(issue.body)
    return found.group(1) if found else None


def records_of(issue: Issue) -> str | None:
    found = _RECORDS.search(issue.body)
    return found.group(1).strip() if found else None


@dataclass(frozen=True)
class Waiting:
    """A council and the records waiting for it to confirm them, in id order."""

    council: Council
    projects: tuple[Project, ...]

    @property
    def ids(self) -> str:
        return " ".join(p.id for p in self.projects)


def waiting(catalogue: Catalogue) -> list[Waiting]:
    """Each lead council with records waiting for it, by council id."""
    found: dict[str, list[Project]] = defaultdict(list)
    for project in catalogue.projects.values():
        if project.waiting_for_council:
            found[project.lead_council].append(project)
    return [
        Waiting(catalogue.councils[c], tuple(sorted(found[c], key=lambda p: p.id)))
        for c in sorted(found)
        if c in catalogue.councils
    ]


def council_plan(catalogue: Catalogue, issues: Iterable[Issue], *, repo_url: str) -> list[Action]:
    """Open, update and close council issues so that each council with waiting records has
    exactly one open issue listing them, and no other council has one."""
    by_council: dict[str, list[Issue]] = defaultdict(list)
    for issue in sorted(issues, key=lambda i: i.number):
        council = council_of(issue)
        if council:
            by_council[council].append(issue)
    actions: list[Action] = []
    asked = set()
    for item in waiting(catalogue):
        council = item.council.id
        asked.add(council)
        mine = by_council.get(council, [])
        open_issues = [i for i in mine if i.is_open]
        closed = [i for i in mine if not i.is_open]
        title, body = issue_title(item), issue_body(item, catalogue, repo_url)
        if open_issues:
            current = open_issues[0]
            if (current.title, _plain(current.body)) != (title, _plain(body)):
                actions.append(_action("update", council, title, body, current.number))
            actions += [
                _action(
                    "close",
                    council,
                    extra.title,
                    extra.body,
                    extra.number,
                    f"This is a duplicate of #{current.number}, which lists the same records.",
                    "not planned",
                )
                for extra in open_issues[1:]
            ]
        elif not (closed and records_of(closed[-1]) == item.ids):
            actions.append(_action("open", council, title, body))
    for council, mine in sorted(by_council.items()):
        if council in asked:
            continue
        for issue in mine:
            if issue.is_open:
                comment = closing_comment(council, catalogue)
                actions.append(
                    _action("close", council, issue.title, issue.body, issue.number, comment)
                )
    return actions


def _action(
    kind: str,
    council: str,
    title: str,
    body: str,
    number: int | None = None,
    comment: str = "",
    reason: str = "completed",
) -> Action:
    return Action(
        kind,
        "",
        title,
        body,
        number,
        comment,
        reason if kind == "close" else "",
        label=LABEL,
        council=council,
    )


def issue_title(item: Waiting) -> str:
    return f"Please confirm the Pipeline records about {' '.join(item.council.name.split())}"


def _mentions(council: Council, catalogue: Catalogue) -> tuple[str, ...]:
    """Who to ask: the council's maintainers, or, for an abolished one, its successors'."""
    handles = list(council.maintainers)
    if council.end_date:
        for successor in council.successors:
            other = catalogue.councils.get(successor)
            handles += other.maintainers if other else ()
    return tuple(dict.fromkeys(h if h.startswith("@") else f"@{h}" for h in handles))


def issue_body(item: Waiting, catalogue: Catalogue, repo_url: str) -> str:
    """The issue text, in plain English, the same from week to week while nothing changes."""
    council = item.council
    name = github_inline(council.name)
    count = len(item.projects)
    records = "record" if count == 1 else "records"
    mentions = _mentions(council, catalogue)
    first = item.projects[0].id
    lines = [
        f"<!-- pipeline-council-review: {council.id} -->",
        f"<!-- pipeline-council-review-records: {item.ids} -->",
        f"Pipeline has {count} {records} about projects led by **{name}**, written from "
        "public sources (funding announcements, project pages, the first Pipeline). Nobody at "
        f"the council has confirmed {'it' if count == 1 else 'them'} yet, so "
        f"{'its page says' if count == 1 else 'their pages say'} so.",
        "",
        _who(council, mentions, "it" if count == 1 else "them"),
        "",
        f"### The {records} waiting",
        "",
        *(
            f"- [{github_inline(p.title)}]({repo_url}/blob/main/{p.path}) (`{p.id}`)"
            for p in item.projects
        ),
        "",
        "### Confirm a record: one comment",
        "",
        f"If a record is right, reply to this issue with `/reviewed` and its id, for example "
        f"`/reviewed {first}`. Put each on its own comment. Pipeline records who confirmed it "
        "and when, and the record drops off this list.",
        "",
        "### Correct a record",
        "",
        "If something is wrong or missing, open the record from the list above and press the "
        "pencil to edit it in GitHub's editor, or use the **Update a project** form "
        f"({repo_url}/issues/new?template=update-project.yml). The checks on the pull request "
        "say if anything needs correcting; once it is merged, confirm the record here.",
        "",
        "Comments from the council's maintainers and the repository's members are acted on. "
        "This issue closes by itself once every record on the list is confirmed.",
    ]
    return "\n".join(lines) + "\n"


def _who(council: Council, mentions: tuple[str, ...], them: str) -> str:
    if mentions:
        return (
            f"{', '.join(mentions)}: you look after {github_inline(council.name)}'s records. "
            f"Could you check {them}?"
        )
    if council.end_date:
        return (
            f"{github_inline(council.name)} no longer exists, and nobody is listed to look "
            "after its records or its successors'. If your council took over its work, please "
            f"check {them}."
        )
    return (
        "Nobody is listed yet to look after this council's records on Pipeline. If you work "
        f"there, please check {them}, and add your GitHub name under `maintainers:` in the "
        "council's file so the next message reaches you."
    )


def closing_comment(council_id: str, catalogue: Catalogue) -> str:
    council = catalogue.councils.get(council_id)
    if council is None:
        return (
            f"The council `{council_id}` is no longer in Pipeline, so there is nothing left "
            "to confirm here."
        )
    return (
        f"Thank you! Every Pipeline record about projects led by "
        f"{github_inline(council.name)} is confirmed, so this issue is closed."
    )


def _plain(body: str) -> str:
    return body.replace("\r\n", "\n").strip()
