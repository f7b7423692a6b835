"""'Councils like yours': likely partners for a council, from what the catalogue already shows.

A council of the same type faces the same duties, budgets and suppliers; one working on projects
in the same service areas is already investing there. Councils that already share a project are
left out: they have found each other.
"""

from __future__ import annotations

from collections import defaultdict

from generator.catalogue.model import Catalogue, Project

# With their articles: "a unitary council", not "an unitary council".
TYPE_NAMES = {
    "county": "a county council",
    "district": "a district council",
    "unitary": "a unitary council",
    "london-borough": "a London borough",
    "metropolitan-district": "a metropolitan district",
    "scottish-council": "a Scottish council",
    "welsh-principal-area": "a Welsh principal area",
    "ni-district": "a Northern Ireland district council",
    "combined-authority": "a combined authority",
    "other": "a council of the same kind",
}


def councils_like_yours(
    catalogue: Catalogue, council_id: str, top: int = 5
) -> list[tuple[str, str]]:
    """Up to `top` (council id, reason) pairs, most shared service areas first, then by id.

    Only projects that are not retired count as "working on". A council with no such projects,
    or an id that is not in the catalogue, gets no suggestions.
    """
    council = catalogue.councils.get(council_id)
    if council is None:
        return []
    # Through the catalogue's council -> projects index, not a scan of every project: this
    # runs for every council, and both numbers grow (380 councils, thousands of projects).
    by_council = catalogue.projects_by_council
    mine = by_council.get(council_id, [])
    areas = {a for p in mine if p.phase != "retired" for a in p.service_areas}
    already = {c for p in mine for c in p.councils}

    shared: dict[str, dict[str, list[Project]]] = defaultdict(lambda: defaultdict(list))
    for other, candidate in catalogue.councils.items():
        if other in already or candidate.type != council.type:
            continue
        for project in by_council.get(other, ()):
            if project.phase == "retired":
                continue
            for area in project.service_areas:
                if area in areas:
                    shared[other][area].append(project)

    ranked = sorted(
        shared.items(),
        key=lambda item: (-len(item[1]), -sum(len(ps) for ps in item[1].values()), item[0]),
    )
    return [(other, _reason(catalogue, other, by_area)) for other, by_area in ranked[:top]]


def _reason(catalogue: Catalogue, council_id: str, by_area: dict[str, list[Project]]) -> str:
    """'Also a unitary council, working on Waste and recycling (Find my bin day).'"""
    council = catalogue.councils[council_id]
    parts = []
    for area in sorted(by_area):
        name = catalogue.service_areas[area].name if area in catalogue.service_areas else area
        titles = ", ".join(dict.fromkeys(p.title for p in by_area[area]))
        parts.append(f"{name} ({titles})")
    kind = TYPE_NAMES.get(council.type, TYPE_NAMES["other"])
    return f"Also {kind}, working on {'; '.join(parts)}."
