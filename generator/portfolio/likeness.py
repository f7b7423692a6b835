"""'Councils working on the same things': other authorities' pipelines, found by the
similar-projects matching (generator/similarity/) aggregated by council.

For each of a council's projects that is not retired, each similar project (at or above the
matching's threshold) that another council leads or works on as a partner or contributor counts
for that council, by its score (an observer only follows a project). The councils with the
highest sums come first, each with the pairs of projects that make them alike. A council working
on both projects of a pair already works with this one there, so that pair does not count for
it; it can still be alike through other projects.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from generator.catalogue.model import Catalogue, Council, Project

TOP_COUNCILS = 5
TOP_PAIRS = 3


@dataclass(frozen=True)
class Pair:
    mine: Project  # this council's project
    theirs: Project  # the other council's project like it
    score: float


@dataclass(frozen=True)
class AlikeCouncil:
    council: Council
    score: float  # the sum of its pairs' scores
    pairs: tuple[Pair, ...]  # best first, at most TOP_PAIRS


Similar = Mapping[str, list[tuple[str, float]]]


def every_council_alike(
    catalogue: Catalogue, similar: Similar, top: int = TOP_COUNCILS
) -> dict[str, list[AlikeCouncil]]:
    """Council id -> the councils working on the same things, most alike first (every council
    working on a project that is like another council's is a key)."""
    projects = catalogue.projects
    # Each pair of similar projects once, whichever listed the other: lists are each
    # project's best few, so a pair counts for both sides even when only one lists it.
    pairs: dict[tuple[str, str], float] = {}
    for project in projects.values():
        for other_id, score in similar.get(project.id, ()):
            key = (project.id, other_id) if project.id < other_id else (other_id, project.id)
            pairs.setdefault(key, score)
    working = {}  # project id -> the councils working on it (observers only follow it)
    for project in projects.values():
        if project.phase != "retired":
            working[project.id] = _working_on(project)
    # council -> other council -> (its project, theirs) -> score
    found: dict[str, dict[str, dict[tuple[str, str], float]]] = defaultdict(
        lambda: defaultdict(dict)
    )
    for (first, second), score in pairs.items():
        one, two = working.get(first), working.get(second)
        if not one or not two:
            continue  # retired, or not in the catalogue
        for council_id in one - two:
            for other_council in two - one:
                found[council_id][other_council][(first, second)] = score
                found[other_council][council_id][(second, first)] = score
    return {
        council_id: _ranked(catalogue, by_council, top) for council_id, by_council in found.items()
    }


def _working_on(project: Project) -> frozenset[str]:
    partners = (p.council for p in project.partners if p.role != "observer")
    return frozenset((project.lead_council, *partners))


def councils_alike(
    catalogue: Catalogue, similar: Similar, council_id: str, top: int = TOP_COUNCILS
) -> list[AlikeCouncil]:
    return every_council_alike(catalogue, similar, top).get(council_id, [])


def _ranked(
    catalogue: Catalogue, by_council: Mapping[str, Mapping[tuple[str, str], float]], top: int
) -> list[AlikeCouncil]:
    totals = sorted(
        (-round(sum(pairs.values()), 4), other)
        for other, pairs in by_council.items()
        if other in catalogue.councils
    )
    alike = []
    for negative, other in totals[:top]:
        best = sorted(by_council[other].items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_PAIRS]
        pairs = tuple(
            Pair(catalogue.projects[mine], catalogue.projects[theirs], score)
            for (mine, theirs), score in best
        )
        alike.append(AlikeCouncil(catalogue.councils[other], -negative, pairs))
    return alike
