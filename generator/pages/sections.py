"""Section pages built across projects: reusable services, open challenges, needing review."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from generator.catalogue.model import Project
from generator.pages import facts, paths
from generator.pages.model import Page, SiteInputs
from generator.pages.paging import Chunk, chunks
from generator.pages.templating import render
from generator.staleness.council_issues import waiting

OTHER_AREA = "Other services"


# Entries per page: each list stays well under 500 KB of HTML at any size of catalogue.
SERVICES_PAGE_SIZE = 150
CHALLENGES_PAGE_SIZE = 150
REVIEW_PAGE_SIZE = 150  # at 10,000 projects 250 a page made 390 KB pages
DUE_SOON_DAYS = 30  # the review page lists what falls due within this many days


def _titled(title: str, chunk: Chunk[object]) -> str:
    return f"{title} (page {chunk.number} of {chunk.count})" if chunk.number > 1 else title


def list_page(
    chunk: Chunk[object],
    page_title: str,
    description: str,
    template: str,
    *,
    first_in_nav: bool = True,
    **context: object,
) -> Page:
    """One page of a paged list, its first page in the nav unless `first_in_nav` is False; not
    in the search index (a search should find each record's own page, not every list it is on)."""
    return Page(
        path=chunk.source,
        title=_titled(page_title, chunk),
        description=description,
        body=render(template, chunk.source, chunk=chunk, **context),
        in_nav=first_in_nav and chunk.number == 1,
        hide=("navigation", "toc"),
        raw_html=True,
        searchable=False,
    )


def services(inputs: SiteInputs) -> list[Page]:
    """Reusable services grouped by service area (a service can appear in several), in pages;
    every page lists every area and links to the page where it starts."""
    catalogue = inputs.catalogue
    everything = sorted(
        (p for p in catalogue.projects.values() if p.reusable), key=lambda p: p.title.lower()
    )
    reusable = [p for p in everything if facts.offered_for_reuse(p)]
    retired = [p for p in everything if not facts.offered_for_reuse(p)]
    entries = []
    for area in catalogue.service_areas.values():
        entries += [(area.id, area.name, p) for p in reusable if area.id in p.service_areas]
    entries += [
        ("other", OTHER_AREA, p)
        for p in reusable
        if not any(a in catalogue.service_areas for a in p.service_areas)
    ]
    pages = chunks(paths.SERVICES, entries, SERVICES_PAGE_SIZE)
    areas: dict[str, tuple[str, int, str]] = {}  # id -> name, count, where it starts
    for chunk in pages:
        for area_id, name, _ in chunk.items:
            _, count, start = areas.get(area_id, (name, 0, chunk.site_path))
            areas[area_id] = (name, count + 1, start)
    return [
        list_page(
            chunk,
            "Reusable services",
            f"{len(reusable)} services built by councils that other councils can "
            "take and run, with their licence, code and documentation.",
            "services.html.j2",
            groups=_groups(chunk.items, areas, chunk.site_path),
            areas=areas,
            area_feeds={a: paths.service_area_feed(a) for a in catalogue.service_areas},
            followed=_followed_areas(inputs),
            count=len(reusable),
            retired=retired if chunk.number == chunk.count else [],
            councils=catalogue.councils,
            # Only what this page shows: what a page is given is what it depends on.
            services={p.id: inputs.savings.by_project[p.id] for _, _, p in chunk.items},
            totals=inputs.savings.totals,
        )
        for chunk in pages
    ]


def _followed_areas(inputs: SiteInputs) -> list[tuple[str, str, int]]:
    """(feed, area name, projects) for every service area some project is in, reusable or not:
    a service area's feed follows all its projects."""
    catalogue = inputs.catalogue
    counts = Counter(a for p in catalogue.projects.values() for a in p.service_areas)
    return [
        (paths.service_area_feed(area.id), area.name, counts[area.id])
        for area in catalogue.service_areas.values()
        if counts[area.id]
    ]


def _groups(
    entries: Sequence[tuple[str, str, Project]],
    areas: dict[str, tuple[str, int, str]],
    here: str,
) -> list[tuple[str, str, list[Project], bool]]:
    """(area id, name, services, continued from an earlier page) for the entries of a page."""
    groups: list[tuple[str, str, list[Project], bool]] = []
    for area_id, name, project in entries:
        if not groups or groups[-1][0] != area_id:
            groups.append((area_id, name, [], areas[area_id][2] != here))
        groups[-1][2].append(project)
    return groups


def challenges(inputs: SiteInputs) -> list[Page]:
    catalogue = inputs.catalogue
    projects = facts.open_project_challenges(catalogue, inputs.stale)
    standalone = facts.standalone_challenges(catalogue, inputs.today)
    upcoming = facts.upcoming_makerdays(catalogue, inputs.today)
    return [
        list_page(
            chunk,
            "Maker-day challenges",
            "Open problems that councils offer as maker-day challenges, from "
            "up-to-date projects and from upcoming maker days.",
            "challenges.html.j2",
            projects=chunk.items,
            total=len(projects),
            standalone=standalone if chunk.number == 1 else [],
            upcoming=upcoming,
            councils=catalogue.councils,
            settings=inputs.settings,
        )
        for chunk in chunks(paths.CHALLENGES, projects, CHALLENGES_PAGE_SIZE)
    ]


def review(inputs: SiteInputs) -> list[Page]:
    """Projects needing review, most overdue first (the order `find_stale` gives)."""
    catalogue = inputs.catalogue
    rows = sorted(inputs.stale.values(), key=lambda s: (-s.days_overdue, s.id))
    # Records waiting for their council are listed by council below, not one by one here.
    items = [
        (catalogue.projects[s.id], s, inputs.activity_of(catalogue.projects[s.id]))
        for s in rows
        if s.id in catalogue.projects and not catalogue.projects[s.id].waiting_for_council
    ]
    groups = [
        (w.council, [(p, inputs.activity_of(p), p.id in inputs.stale) for p in w.projects])
        for w in waiting(catalogue)
    ]
    due = [(catalogue.projects[d.id], d) for d in inputs.due if d.id in catalogue.projects]
    return [
        list_page(
            chunk,
            "Projects needing review",
            "Projects whose records have not been reviewed or updated for too "
            "long, most overdue first, with who maintains each.",
            "review.html.j2",
            items=chunk.items,
            total=len(items),
            due=due if chunk.number == 1 else [],
            due_days=DUE_SOON_DAYS,
            waiting=groups if chunk.number == 1 else [],
            waiting_count=sum(len(g) for _, g in groups),
            councils=catalogue.councils,
            settings=inputs.settings,
        )
        for chunk in chunks(paths.REVIEW, items, REVIEW_PAGE_SIZE)
    ]
