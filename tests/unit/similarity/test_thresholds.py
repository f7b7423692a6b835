"""Where "similar" and "could you join it?" start, and how many look-alikes a warning names:
each with the case either side of it, on projects built from the model."""

from __future__ import annotations

from itertools import count

from generator.catalogue.model import Catalogue, Council, Project
from generator.pull_request.similar_projects import duplicate_warnings, joinable_lookalikes
from generator.similarity.engine import DEFAULT_THRESHOLD, SimilarityIndex, all_similar

COUNCILS = ("new", "b", "c", "d", "e")
_unique = (f"unique{n}" for n in count())


def catalogue(*projects: Project) -> Catalogue:
    councils = {
        c: Council(c, f"councils/{c}.yml", c.title(), "unitary", "england") for c in COUNCILS
    }
    return Catalogue({p.id: p for p in projects}, councils, {}, {})


def project(id: str, lead: str, **shared: str) -> Project:
    """A project whose every field is one word of its own, except the fields given."""
    title, summary, description = (
        shared.get(f) or next(_unique) for f in ("title", "summary", "description")
    )
    return Project(id, f"projects/{id}.yml", title, summary, "beta", lead, description=description,
                   tags=(next(_unique),), service_areas=(next(_unique),))  # fmt: skip


def test_sharing_a_title_is_similar_and_sharing_a_description_is_not() -> None:
    # Scores, with one word a field: the title alone 0.40, the description alone 0.14.
    records = catalogue(
        project("new", "new", title="garden", description="compost"),
        project("same-title", "b", title="garden"),
        project("same-description", "c", description="compost"),
    )
    found = dict(all_similar(records)["new"])
    assert 0.2 <= DEFAULT_THRESHOLD <= found["same-title"] < 0.5
    assert "same-description" not in found


def test_only_a_near_duplicate_asks_to_join() -> None:
    # The title and summary together score 0.72; the title alone 0.40 is related, not a twin.
    records = catalogue(
        project("new", "new", title="garden", summary="permit"),
        project("twin", "b", title="garden", summary="permit"),
        project("related", "c", title="garden"),
    )
    index = SimilarityIndex.from_catalogue(records)
    assert [(p.id, round(s, 2)) for p, s in joinable_lookalikes(records, "new", index)] == [
        ("twin", 0.72)
    ]
    (warning,) = duplicate_warnings(records, ["new"], index=index)
    assert "projects/twin.yml" in warning.hint


def test_a_score_equal_to_the_threshold_is_enough() -> None:
    records = catalogue(
        project("new", "new", title="garden", summary="permit"),
        project("twin", "b", title="garden", summary="permit"),
    )
    index = SimilarityIndex.from_catalogue(records)
    score = index.score("new", "twin")
    assert len(joinable_lookalikes(records, "new", index, threshold=score)) == 1
    assert joinable_lookalikes(records, "new", index, threshold=score + 0.0001) == []


def test_a_warning_names_at_most_three_lookalikes_the_best_first() -> None:
    def lookalikes(existing: int) -> list[str]:
        new = project("new", "new", title="garden", summary="permit", description="compost")
        others = [
            project(f"other-{c}", c, title="garden", summary="permit",
                    description="compost" if c in "bc" else None)
            for c in COUNCILS[1 : 1 + existing]
        ]  # fmt: skip
        records = catalogue(new, *others)
        index = SimilarityIndex.from_catalogue(records)
        return [p.id for p, _ in joinable_lookalikes(records, "new", index)]

    assert lookalikes(3) == ["other-b", "other-c", "other-d"]
    assert lookalikes(4) == ["other-b", "other-c", "other-d"]
