"""'Councils like yours': likely partners for a council, from what the catalogue already shows.

A council of the same type faces the same duties, budgets and suppliers; one working on projects
in the same service areas is already investing there. Councils that already share a project are
left out: they have found each other.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

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
    if council_id not in catalogue.councils:
        return []
    return _Candidates(catalogue).like(council_id, top)


def every_council_like_yours(
    catalogue: Catalogue, top: int = 5
) -> dict[str, list[tuple[str, str]]]:
    """`councils_like_yours` of every council, sharing the work that is the same for all."""
    candidates = _Candidates(catalogue)
    return {council_id: candidates.like(council_id, top) for council_id in catalogue.councils}


class _Candidates:
    """Each council's live work, by area, and the councils of each type: read once."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        # Through the catalogue's council -> projects index, not a scan of every project: this
        # runs for every council, and both numbers grow (380 councils, thousands of projects).
        self.working = {
            council_id: [(a, p) for p in projects if p.phase != "retired" for a in p.service_areas]
            for council_id, projects in catalogue.projects_by_council.items()
        }
        # Council -> area -> how many of its live projects work there.
        self.counts = {
            council_id: Counter(a for a, _ in w) for council_id, w in self.working.items()
        }
        self.of_type: dict[str, list[str]] = defaultdict(list)
        for other, candidate in catalogue.councils.items():
            # A council abolished (or about to be) is no partner to suggest.
            if self.working.get(other) and candidate.end_date is None:
                self.of_type[candidate.type].append(other)

    def like(self, council_id: str, top: int) -> list[tuple[str, str]]:
        catalogue = self.catalogue
        areas = self.counts.get(council_id, Counter()).keys()
        if not areas:
            return []
        already = {c for p in catalogue.projects_by_council[council_id] for c in p.councils}
        # Most shared areas, then most projects in them, then id: compared as plain tuples.
        ranked = []
        for other in self.of_type[catalogue.councils[council_id].type]:
            counts = self.counts[other]
            if other not in already and (common := areas & counts.keys()):
                ranked.append((-len(common), -sum(counts[a] for a in common), other))
        ranked.sort()
        return [(other, self._reason(other, areas)) for *_, other in ranked[:top]]

    def _reason(self, other: str, areas: Iterable[str]) -> str:
        by_area: dict[str, list[Project]] = defaultdict(list)
        for area, project in self.working[other]:
            if area in areas:
                by_area[area].append(project)
        return _reason(self.catalogue, other, by_area)


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
