"""The projects catalogue (`/projects/`) and one page per project (`/projects/<id>/`).

The catalogue is server-rendered in pages of CATALOGUE_PAGE_SIZE cards (`/projects/page/2/`
and on), so it reads without JavaScript and no page grows with the number of projects. The
filters are a script that, once someone uses them, fetches `projects/cards.json` (what each
card shows and filters on, for every project) and shows the matches.
"""

from __future__ import annotations

import json
from datetime import date
from functools import partial

from generator.catalogue.memory import derived
from generator.catalogue.model import Project, percent_reached
from generator.forking import map_forked
from generator.markdown_safe import render_markdown
from generator.pages import browse, facts, paths, provenance
from generator.pages.model import DataFile, Page, SiteInputs
from generator.pages.paging import Chunk, chunks
from generator.pages.search_terms import Terms, named_records, project_search_text
from generator.pages.service_links import residents_label, where_to_use
from generator.pages.templating import render
from generator.savings.document import NOT_COUNTED
from generator.staleness.assessment import last_activity
from generator.vocabulary import (
    COLLABORATION,
    NATIONS,
    PHASE_KEY,
    PHASES,
    phase_label,
    role_label,
    slug,
)

_EPOCH = date(1970, 1, 1)
SORTS = (("updated", "Recently updated"), ("title", "Title"), ("councils", "Most councils"))
# The catalogue's filters, in one list: the template draws them and writes their names into the
# form (data-selects, data-flags), where catalogue.js reads them, so the two cannot drift apart.
# A select: (query name, label, what "no choice" says); a flag: (query name, label).
CATALOGUE_SELECTS = (
    ("area", "Service area", "Any service area"),
    ("council", "Council (lead or partner)", "Any council"),
    ("place", "Nation or region", "Anywhere"),
    ("collaboration", "Collaboration offered", "Any collaboration"),
    ("role", "Roles wanted", "Any role"),
)
CATALOGUE_FLAGS = (
    ("reusable", "Reusable services"),
    ("partners", "Looking for partners"),
    ("review", "Needs review"),
)
CATALOGUE_PAGE_SIZE = 50
# What the collaboration filter matches on a project whose record does not say (most records
# written from sources): so "Not recorded" can be chosen, and none is silently out of reach.
NOT_RECORDED = "not-recorded"
CARDS_FILE = paths.CARDS_FILE


def pages(inputs: SiteInputs) -> list[Page]:
    projects = _projects(inputs)
    _ = inputs.savings  # worked out once here, before the work is shared between processes
    # One page per project, thousands of them: shared between processes (same pages).
    own = map_forked(lambda n: project_page(inputs, projects[n]), range(len(projects)))
    lists = browse.pages(inputs, projects, lambda p: card(inputs, p))
    return [*catalogue_pages(inputs), *own, *lists]


def _projects(inputs: SiteInputs) -> list[Project]:
    """Most recent activity first (the catalogue's default order), then by title."""
    projects = sorted(inputs.catalogue.projects.values(), key=lambda p: p.title.lower())
    projects.sort(key=lambda p: _recency(inputs, p), reverse=True)
    # Retired projects are listed apart, after every project still running.
    return sorted(projects, key=lambda p: p.phase == "retired")


def _recency(inputs: SiteInputs, project: Project) -> date:
    activity = last_activity(project)
    return activity.date if activity else project.started or _EPOCH


def card(inputs: SiteInputs, project: Project) -> dict[str, object]:
    """What one catalogue card shows and filters on."""
    catalogue = inputs.catalogue
    involved = facts.involvement(project, catalogue)
    return {
        "project": project,
        "lead": catalogue.councils[project.lead_council],
        "council_count": len(involved),
        "council_ids": " ".join(i.council.id for i in involved),
        "places": " ".join(sorted({t for i in involved for t in facts.places(i.council)})),
        "roles": sorted({r.role for r in project.looking_for}),
        "role_names": facts.wanted_roles(project),
        "wants_partners": facts.wants_partners(project),
        "reusable": facts.offered_for_reuse(project),
        "stale": project.id in inputs.stale,
        # What a person wrote (a review or a progress update), not a commit: a bulk edit would
        # make every card look recent. The project page shows the commit too.
        "activity": last_activity(project),
        "residents": residents_label(where_to_use(project, catalogue)),
        "collaboration": project.collaboration or NOT_RECORDED,
    }


def facets(inputs: SiteInputs) -> dict[str, list[tuple[str, str]]]:
    """(value, label) choices for each filter, only those some project has."""
    catalogue = inputs.catalogue
    projects = catalogue.projects.values()
    used_areas = {a for p in projects for a in p.service_areas}
    involved = {c for p in projects for c in p.councils}
    councils = sorted((catalogue.councils[c] for c in involved), key=lambda c: c.label.lower())
    places: dict[str, str] = {}
    for council in sorted(councils, key=lambda c: (not c.in_uk, c.nation, c.region)):
        if not council.in_uk:  # outside the UK: by country, with no regions
            places.setdefault(slug(council.country), council.country)
            continue
        nation = NATIONS.get(council.nation, council.nation)
        places.setdefault(council.nation, nation)
        # A region named like its nation ("Scotland") is the nation's choice already.
        if council.region and slug(council.region) != slug(nation):
            places.setdefault(
                f"{council.nation}/{slug(council.region)}", f"{nation}: {council.region}"
            )
    return {
        "phase": [(p, phase_label(p)) for p in PHASES if any(x.phase == p for x in projects)],
        "area": [(a.id, a.name) for a in catalogue.service_areas.values() if a.id in used_areas],
        "council": [(c.id, c.label) for c in councils],
        "place": list(places.items()),
        "collaboration": [
            (k, label)
            for k, (label, _) in COLLABORATION.items()
            if any(p.collaboration == k for p in projects)
        ]
        + ([(NOT_RECORDED, "Not recorded")] if any(not p.collaboration for p in projects) else []),
        "role": [
            (r, role_label(r)) for r in sorted({r.role for p in projects for r in p.looking_for})
        ],
    }


def catalogue_pages(inputs: SiteInputs) -> list[Page]:
    choices = facets(inputs)
    return [
        catalogue_page(inputs, chunk, choices)
        for chunk in chunks(paths.PROJECTS, _projects(inputs), CATALOGUE_PAGE_SIZE)
    ]


def catalogue_page(
    inputs: SiteInputs, chunk: Chunk[Project], choices: dict[str, list[tuple[str, str]]]
) -> Page:
    path = chunk.source
    body = render(
        "projects.html.j2",
        path,
        cards=[card(inputs, p) for p in chunk.items],
        chunk=chunk,
        cards_file=CARDS_FILE,
        facets=choices,
        sorts=SORTS,
        selects=CATALOGUE_SELECTS,
        flags=CATALOGUE_FLAGS,
        areas=inputs.catalogue.service_areas,
        lists=browse.lists(inputs, _projects(inputs)),
        key=PHASE_KEY,
    )
    where = f" (page {chunk.number} of {chunk.count})" if chunk.number > 1 else ""
    return Page(
        path=path,
        title=f"Projects{where}",
        description=f"All {chunk.total} council collaboration projects on Pipeline, "
        "with filters by phase, service area, council, region and the help they need.",
        body=body,
        in_nav=chunk.number == 1,
        hide=("navigation", "toc"),
        raw_html=True,
        searchable=False,
    )


def _card_row(
    inputs: SiteInputs, project: Project, terms: dict[str, list[str]] | None
) -> dict[str, object]:
    c = card(inputs, project)
    activity = c["activity"]
    return {
        "id": project.id,
        "href": f"{project.id}/",
        "title": project.title,
        "summary": project.summary,
        "phase": project.phase,
        "areas": list(project.service_areas),
        "councils": str(c["council_ids"]).split(),
        "places": str(c["places"]).split(),
        "collaboration": c["collaboration"],
        "roles": c["roles"],
        "role_names": c["role_names"],
        "reusable": bool(c["reusable"]),
        "partners": bool(c["wants_partners"]),
        "review": bool(c["stale"]),
        "updated": _recency(inputs, project).isoformat(),
        "activity": activity.date.isoformat() if activity else "",
        "activity_label": activity.label if activity else "",
        "activity_text": activity.when if activity else "",
        "count": c["council_count"],
        "lead": c["lead"].label,
        "residents": c["residents"],
        "search": project_search_text(project, inputs.catalogue, terms),
    }


def cards_file(inputs: SiteInputs, terms: Terms | None = None) -> DataFile:
    """What the catalogue's filters need about every project, in catalogue order (`terms`:
    search_terms.all_project_terms, if worked out already).

    Links are relative to this file, so the script resolves them against its address.
    """
    rows = []
    for project in _projects(inputs):
        # The same row while the project, the records it names, its review and its last
        # activity are unchanged (a rebuild of `mkdocs serve` makes only the edited ones).
        depends = (
            named_records(project, inputs.catalogue),
            project.id in inputs.stale,
            inputs.activity_of(project),
        )
        make = partial(_card_row, inputs, project, terms.get(project.id) if terms else None)
        rows.append(derived(project, "_card_row", depends, make))
    labels = {
        "phase": {p: phase_label(p) for p in PHASES},
        "role": {r: role_label(r) for r in {r for row in rows for r in row["roles"]}},
    }
    data = {"labels": labels, "projects": rows}
    text = json.dumps(
        data, ensure_ascii=False, separators=(",", ":"), sort_keys=True, allow_nan=False
    )
    return DataFile(CARDS_FILE, text.encode("utf-8"))


def project_page(inputs: SiteInputs, project: Project) -> Page:
    catalogue = inputs.catalogue
    path = paths.source(paths.project(project.id))
    target = project.target
    similar = [
        (catalogue.projects[other], score)
        for other, score in inputs.similar.get(project.id, [])
        if other in catalogue.projects and other != project.id
    ]
    service = inputs.savings.service(project.id)
    # Only the councils and service areas this page names: what a page is given is what it
    # depends on (pages/render_memory.py).
    named = [pl.council for pl in project.pledges]
    named += [a.council for a in service.adopters] if service else []
    body = render(
        "project.html.j2",
        path,
        p=project,
        councils={c: catalogue.councils[c] for c in named if c in catalogue.councils},
        areas={
            a: catalogue.service_areas[a]
            for a in project.service_areas
            if a in catalogue.service_areas
        },
        settings=inputs.settings,
        involved=facts.involvement(project, catalogue),
        lead=catalogue.councils[project.lead_council],
        lead_end=provenance.abolition(
            catalogue.councils[project.lead_council], catalogue, inputs.today
        ),
        funding=provenance.funding_rows(project, catalogue),
        funding_total=provenance.funding_total(project),
        stale=inputs.stale.get(project.id),
        activity=inputs.activity_of(project),
        where=where_to_use(project, catalogue),
        description=render_markdown(project.description) if project.description else "",
        money=(project.pledged("money"), target.money if target else None),
        time=(project.pledged("time"), target.time if target else None),
        progress=percent_reached,
        makerdays=sorted(
            catalogue.makerdays_by_project.get(project.id, []), key=lambda m: m.start_day
        ),
        maintainers=facts.maintainers(project, catalogue),
        similar=similar,
        earlier=inputs.earlier_paths.get(project.path, ()),
        wants_partners=facts.wants_partners(project),
        feed=paths.project_feed(project.id),
        service=service,
        shared=inputs.savings.shared_cost(project.id),
        not_counted=NOT_COUNTED,
    )
    return Page(
        path=path,
        title=project.title,
        description=project.summary,
        body=body,
        record_path=project.path,
        in_nav=False,
        hide=("navigation", "toc"),
        raw_html=True,
        feed=paths.project_feed(project.id),
    )
