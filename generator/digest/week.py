"""The week on Pipeline: what the records say happened between two dates, as a `Digest`.

A pure function of the records and the dates, so the same records give the same digest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date

from generator.catalogue.model import Catalogue, Project, percent_reached
from generator.digest.model import (
    Digest,
    Figure,
    Item,
    Part,
    Ref,
    Section,
    council_ref,
    project_ref,
    week_of,
)
from generator.digest.sections import (
    challenges_section,
    makerdays_section,
    open_challenges,
    similar_section,
)
from generator.events import Event, catalogue_events
from generator.events.records import amount_text, pledge_amount
from generator.settings import Settings
from generator.staleness.assessment import assess, due_from

# The week's headline figures: (id, kind of event counted, one, many).
FIGURES = (
    ("new-projects", "started", "new project", "new projects"),
    ("new-councils", "joined", "council signed up", "councils signed up"),
    ("joined", "partner", "council joined a project", "councils joined projects"),
    ("pledges", "pledge", "pledge", "pledges"),
    ("phases", "phase", "phase change", "phase changes"),
    ("updates", "update", "progress update", "progress updates"),
    ("reviewed", "reviewed", "project reviewed", "projects reviewed"),
)


def due_dates(
    catalogue: Catalogue, settings: Settings, last_commits: Mapping[str, date] | None = None
) -> dict[str, date]:
    """Project id -> the day it became due for review (`staleness.assessment.due_from`)."""
    commits = last_commits or {}
    return {
        p.id: due
        for p in catalogue.projects.values()
        if (due := due_from(p, settings, commits.get(p.path)))
    }


def weekly_digest(
    catalogue: Catalogue,
    since: date,
    until: date,
    *,
    settings: Settings | None = None,
    events: Iterable[Event] | None = None,
    due: Mapping[str, date] | None = None,
    similar: Mapping[str, Sequence[tuple[str, float]]] | None = None,
    became_due: Sequence[Project] | None = None,
    open_projects: int | None = None,
) -> Digest:
    """The digest of `since` to `until`, both included.

    `events` (all or just this week's), `due` (from `due_dates`), `similar` (project id ->
    similar projects, as the site computes them), `became_due` (the projects whose `due` day is
    in the week, in catalogue order) and `open_projects` (how many projects offer a challenge
    at the week's end, `sections.open_challenges`) save work when making many weeks; left out,
    they are worked out here.
    """
    settings = settings or Settings()
    found = catalogue_events(catalogue) if events is None else events
    week = sorted(
        (e for e in found if since <= e.day <= until and not _part_of_start(e)),
        key=lambda e: e.order,
    )
    due = due_dates(catalogue, settings) if due is None else due
    by_kind: dict[str, list[Event]] = {}
    for event in week:
        by_kind.setdefault(event.kind, []).append(event)
    new = by_kind.get("started", [])
    if became_due is None:
        became_due = [
            p for p in catalogue.projects.values() if since <= due.get(p.id, date.min) <= until
        ]
    became_due = sorted(became_due, key=lambda p: (due[p.id], p.title.lower()))
    sections = (
        _section("new-projects", "New projects", [_new_project(catalogue, e) for e in new]),
        similar_section(catalogue, [e.record_id for e in new], similar),
        _section("new-councils", "Councils that signed up",
                 [_council_joined(catalogue, e) for e in by_kind.get("joined", [])]),
        _section("joined", "Councils joining projects",
                 [_partner(catalogue, e) for e in by_kind.get("partner", [])]),
        _section("pledges", "Pledges", [_pledge(catalogue, e) for e in by_kind.get("pledge", [])]),
        _section("phases", "Phase changes", [_phase(e) for e in by_kind.get("phase", [])]),
        _section("updates", "Progress updates", [_update(e) for e in by_kind.get("update", [])]),
        _section("reviewed", "Reviewed and up to date",
                 [_reviewed(catalogue, e) for e in by_kind.get("reviewed", [])]),
        _section("due", "Went quiet",
                 [_due(catalogue, p, until, settings) for p in became_due]),
        _section("assessments", "Due this week",
                 [_assessment(p) for p in _assessments_in(catalogue, since, until)]),
        makerdays_section(catalogue, since, until),
        challenges_section(catalogue, until, due, open_projects),
    )  # fmt: skip
    figures = (
        *(
            Figure(figure_id, len(by_kind.get(kind, [])), one, many)
            for figure_id, kind, one, many in FIGURES
        ),
        Figure("due", len(became_due), "project went quiet", "projects went quiet"),
    )
    kept = tuple(s for s in sections if s.items or s.note)
    if not any(s.items for s in kept):
        kept += (_nothing_yet(),)
    return Digest(since, until, figures, kept)


def _nothing_yet() -> Section:
    """A week with nothing in it says what would put something in it."""
    note = (
        "If you work on a project, post an update on its page or confirm it is still right; or ",
        Ref("find a project", "projects/"),
        " to join or pledge help to.",
    )
    return Section("nothing-yet", "What you can do", note=note)


def _part_of_start(event: Event) -> bool:
    """A new project's first phase and first review say nothing its start does not."""
    project = event.project
    return (
        event.kind in {"phase", "reviewed"}
        and project is not None
        and (project.started == event.day)
    )


def _section(section_id: str, heading: str, items: Sequence[Item]) -> Section:
    return Section(section_id, heading, tuple(items))


def _project(event: Event) -> Project:
    assert event.project is not None
    return event.project


def _new_project(catalogue: Catalogue, event: Event) -> Item:
    project = _project(event)
    lead = council_ref(catalogue, project.lead_council)
    return Item((project_ref(project), ", led by ", lead, ", started on ", event.day, "."),
                project.summary)  # fmt: skip


def _council_joined(catalogue: Catalogue, event: Event) -> Item:
    council = catalogue.councils[event.record_id]
    return Item((Ref(council.name, f"councils/{council.id}/"), " signed up on ", event.day,
                 ". Welcome!"))  # fmt: skip


def _partner(catalogue: Catalogue, event: Event) -> Item:
    project = _project(event)
    role = next(p.role for p in project.partners if p.council == event.actor)
    return Item((council_ref(catalogue, event.actor or ""), " joined ", project_ref(project),
                 f" as a {role}."))  # fmt: skip


def _pledge(catalogue: Catalogue, event: Event) -> Item:
    project, pledge = _project(event), event.pledge
    assert pledge is not None
    parts: list[Part] = [council_ref(catalogue, pledge.council), f" pledged {pledge_amount(pledge)}"
                         " to ", project_ref(project), "."]  # fmt: skip
    target = getattr(project.target, pledge.kind, None) if project.target else None
    if target and pledge.kind in {"money", "time"}:
        total = project.pledged(pledge.kind)
        percent = percent_reached(total, target)
        parts.append(
            f" That makes {amount_text(pledge.kind, total)} pledged towards a target of "
            f"{amount_text(pledge.kind, target)} ({percent}%)."
        )
    return Item(tuple(parts), pledge.note)


def _phase(event: Event) -> Item:
    update = event.update
    assert update is not None and update.phase
    return Item((project_ref(_project(event)), f" moved to {update.phase} on ", event.day, "."),
                update.text)  # fmt: skip


def _update(event: Event) -> Item:
    assert event.update is not None
    return Item((project_ref(_project(event)), ", ", event.day, ":"), event.update.text)


def _reviewed(catalogue: Catalogue, event: Event) -> Item:
    project = _project(event)
    lead = council_ref(catalogue, project.lead_council)
    return Item((project_ref(project), " was checked by ", lead, " on ", event.day, "."))


def _assessments_in(catalogue: Catalogue, since: date, until: date) -> list[Project]:
    """Projects whose next service assessment falls in the week, soonest first."""
    found = [
        p
        for p in catalogue.projects.values()
        if p.next_assessment and since <= p.next_assessment <= until and p.phase != "retired"
    ]
    return sorted(found, key=lambda p: (p.next_assessment or since, p.title.lower()))


def _assessment(project: Project) -> Item:
    assert project.next_assessment is not None
    return Item((project_ref(project), "'s next service assessment is due on ",
                 project.next_assessment, "."))  # fmt: skip


def _due(catalogue: Catalogue, project: Project, until: date, settings: Settings) -> Item:
    found = assess(project, catalogue, until, settings)
    reason = " ".join(found.reasons) if found else ""
    advice = "If you work on it, please check the record is still right."
    return Item((project_ref(project), f" needs a review. {reason} {advice}".replace("  ", " ")))


# remember(what, where, values, make) -> make(), or what it gave for the same values before.
Remember = Callable[[str, str, Mapping[str, object], Callable[[], Digest]], Digest]


def every_week(
    catalogue: Catalogue,
    today: date,
    *,
    settings: Settings | None = None,
    events: Sequence[Event] | None = None,
    similar: Mapping[str, Sequence[tuple[str, float]]] | None = None,
    remember: Remember | None = None,
) -> list[Digest]:
    """A digest for the week `today` is in and every earlier week that has something in it
    (news, or a project going quiet), newest first. Each event is looked at once, to sort it
    into its week.

    `remember` (the site's pages/render_memory.remembered) is given each week's digest to make
    with everything it reads, and may give back the one it made for the same values."""
    settings = settings or Settings()
    found = catalogue_events(catalogue) if events is None else events
    due = due_dates(catalogue, settings)
    by_week: dict[date, list[Event]] = {}
    for event in found:
        if not _part_of_start(event):
            by_week.setdefault(week_of(event.day)[0], []).append(event)
    # Each project's review falls due in one week: sorted into it once, not looked for in all.
    due_in_week: dict[date, list[Project]] = {}
    for project in catalogue.projects.values():
        if project.id in due:
            due_in_week.setdefault(week_of(due[project.id])[0], []).append(project)
    open_at = open_challenges(catalogue, due)
    this_week = week_of(today)[0]

    def digest_of(monday: date) -> Digest:
        until, events = week_of(monday)[1], by_week.get(monday, [])
        became, open_projects = due_in_week.get(monday, []), open_at(until)

        def make() -> Digest:
            return weekly_digest(catalogue, monday, until, settings=settings, events=events,
                                 due=due, similar=similar, became_due=became,
                                 open_projects=open_projects)  # fmt: skip

        if similar is None or remember is None:
            return make()
        # Everything the week reads (`mkdocs serve` makes again only the weeks an edit
        # touches): its events and their projects (an event's text form leaves its project
        # out), the projects falling due, the similar projects of those started, and the
        # councils and maker days it names.
        started = [e.record_id for e in events if e.kind == "started"]
        values = {
            "events": events,
            "projects": [e.project for e in events],
            "became_due": [(p, due[p.id]) for p in became],
            "similar": {i: similar.get(i, []) for i in started},
            "councils": catalogue.councils,
            "makerdays": catalogue.makerdays,
            "open": open_projects,
            "settings": settings,
        }
        return remember("week", monday.isoformat(), values, make)

    # The current week always, even with nothing in it (so a quiet fortnight shows), and every
    # week in which a project went quiet, as well as every week with news.
    weeks = {*by_week, *due_in_week, this_week}
    return [digest_of(monday) for monday in sorted(weeks, reverse=True) if monday <= this_week]
