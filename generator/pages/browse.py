"""Static lists of projects by phase and by service area (`/browse/phase/beta/`,
`/browse/area/housing/`): plain pages that work without JavaScript, where the catalogue's
filters need it. The home page's phase counts and the catalogue link here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from generator.catalogue.model import Project
from generator.pages.model import Page, SiteInputs
from generator.pages.paging import chunks
from generator.pages.sections import list_page
from generator.vocabulary import PHASE_KEY, PHASES, phase_label

BROWSE = "browse/"
PAGE_SIZE = 50


def phase_path(phase: str) -> str:
    return f"{BROWSE}phase/{phase}/"


def area_path(area: str) -> str:
    return f"{BROWSE}area/{area}/"


def lists(inputs: SiteInputs, ordered: Sequence[Project]) -> dict[str, list[tuple[str, str, int]]]:
    """(site path, name, number of projects) of every list that has projects, by kind."""
    areas = inputs.catalogue.service_areas.values()
    return {
        "phase": [
            (phase_path(phase), phase_label(phase), n)
            for phase in PHASES
            if (n := sum(1 for p in ordered if p.phase == phase))
        ],
        "area": [
            (area_path(a.id), a.name, n)
            for a in areas
            if (n := sum(1 for p in ordered if a.id in p.service_areas))
        ],
    }


def pages(
    inputs: SiteInputs,
    ordered: Sequence[Project],
    card: Callable[[Project], dict[str, object]],
) -> list[Page]:
    """One list per phase and per service area that has projects, in catalogue order."""
    found = lists(inputs, ordered)
    made: list[Page] = []
    for phase in PHASES:
        members = [p for p in ordered if p.phase == phase]
        # "Phase not known projects" reads badly; the other phases are names.
        title = (
            "Projects whose phase is not known"
            if phase == "unknown"
            else (f"{phase_label(phase)} projects")
        )
        made += _list(phase_path(phase), title, PHASE_KEY[phase], members, card, found)
    for area in inputs.catalogue.service_areas.values():
        members = [p for p in ordered if area.id in p.service_areas]
        made += _list(area_path(area.id), f"{area.name}: projects", "", members, card, found)
    return made


def _list(
    section: str,
    title: str,
    meaning: str,
    members: Sequence[Project],
    card: Callable[[Project], dict[str, object]],
    found: dict[str, list[tuple[str, str, int]]],
) -> list[Page]:
    if not members:
        return []
    return [
        list_page(
            chunk,
            title,
            f"{len(members)} {title.lower()} on Pipeline, as a plain list.",
            "browse.html.j2",
            first_in_nav=False,
            title=title,
            meaning=meaning,
            cards=[card(p) for p in chunk.items],
            lists=found,
            here=section,
        )
        for chunk in chunks(section, members, PAGE_SIZE)
    ]
