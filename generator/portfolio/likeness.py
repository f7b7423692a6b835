"""'Councils working on the same things': other authorities' pipelines, found by the
similar-projects matching (generator/similarity/) aggregated by council.

For each of a council's projects that is not retired, each similar project (at or above the
matching's threshold) that another council leads or partners in counts for that council, by its
score. The councils with the highest sums come first, each with the pairs of projects that make
them alike. A council on either project of a pair already works with this one there, so that
pair does not count for it; it can still be alike through other projects.
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
    with a project is a key; one pass over every project's similar list)."""
    found: dict[str, dict[str, list[Pair]]] = defaultdict(lambda: defaultdict(list))
    projects = catalogue.projects
    for project in projects.values():
        if project.phase == "retired":
            continue
        for other_id, score in similar.get(project.id, ()):
            other = projects.get(other_id)
            if other is None or other.phase == "retired":
                continue
            # Similar lists are each project's best few, so a pair counts for both sides.
            ours = [c for c in project.councils if c not in other.councils]
            theirs = [c for c in other.councils if c not in project.councils]
            for council_id in ours:
                for other_council in theirs:
                    found[council_id][other_council].append(Pair(project, other, score))
                    found[other_council][council_id].append(Pair(other, project, score))
    return {
        council_id: _ranked(catalogue, by_council, top) for council_id, by_council in found.items()
    }


def councils_alike(
    catalogue: Catalogue, similar: Similar, council_id: str, top: int = TOP_COUNCILS
) -> list[AlikeCouncil]:
    return every_council_alike(catalogue, similar, top).get(council_id, [])


def _ranked(
    catalogue: Catalogue, by_council: Mapping[str, list[Pair]], top: int
) -> list[AlikeCouncil]:
    alike = []
    for other, pairs in by_council.items():
        if other not in catalogue.councils:
            continue
        # One pair each way at most: A's project like B's, whichever side listed it.
        unique = {(p.mine.id, p.theirs.id): p for p in pairs}
        best = sorted(unique.values(), key=lambda p: (-p.score, p.mine.id, p.theirs.id))
        total = round(sum(p.score for p in best), 4)
        alike.append(AlikeCouncil(catalogue.councils[other], total, tuple(best[:TOP_PAIRS])))
    alike.sort(key=lambda a: (-a.score, a.council.id))
    return alike[:top]
