"""`mkdocs serve` updates similar projects for the projects an edit changed, not all of them."""

from __future__ import annotations

import pytest

from generator.similarity import engine
from generator.similarity.engine import (
    ProjectText,
    SimilarityIndex,
    similar_in,
    similar_updating_last,
    updated_similar,
)
from generator.similarity.text import default_lexicon, field_terms
from tests.unit.similarity.labelled import LabelledSet

Found = dict[str, list[tuple[str, float]]]


def _ids(matches: list[tuple[str, float]]) -> list[str]:
    return [other for other, _ in matches]


def _listing(found: Found, project_id: str) -> list[str]:
    return [p for p, matches in found.items() if project_id in _ids(matches)]


@pytest.fixture(scope="module")
def labelled() -> LabelledSet:
    return LabelledSet.load()


def _exact(items: dict[str, ProjectText]) -> tuple[SimilarityIndex, Found]:
    index = SimilarityIndex.build(items)
    return index, similar_in(index, sequential=True)


def test_a_rewritten_project_moves_to_its_new_neighbours(labelled: LabelledSet) -> None:
    items = dict(labelled.items)
    _, before = _exact(items)
    edited = "missed-bin/a"
    assert labelled.twin[edited] in _listing(before, edited)
    items[edited] = items["pothole/b"]  # now a copy of another pair's pothole report
    index, exact = _exact(items)
    updated = updated_similar(index, before, [edited])

    assert updated[edited] == exact[edited]
    assert labelled.twin[edited] not in _listing(updated, edited)
    assert {"pothole/a", "pothole/b"} <= set(_listing(updated, edited))
    # Every project that lists it in a full recomputation lists it here too.
    assert set(_listing(exact, edited)) <= set(_listing(updated, edited))
    # The rest keep their lists; nearly all agree with a full recomputation.
    same = sum(_ids(updated[p]) == _ids(exact[p]) for p in exact)
    assert same >= 0.97 * len(exact)


def test_added_and_removed_projects(labelled: LabelledSet) -> None:
    items = dict(labelled.items)
    _, before = _exact(items)
    removed = "pothole/b"
    del items[removed]
    items["new-copy"] = items["bin-day/a"]
    index, exact = _exact(items)
    updated = updated_similar(index, before, [removed, "new-copy"])

    assert list(updated) == index.ids
    assert _listing(updated, removed) == []
    assert updated["new-copy"] == exact["new-copy"]
    assert "bin-day/a" in _listing(updated, "new-copy")
    assert "new-copy" in _ids(updated["bin-day/a"])


def test_the_helper_updates_its_last_result_only_for_a_few_edits(
    labelled: LabelledSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "_last_terms", {})
    lexicon = default_lexicon()
    fields = {i: field_terms(item, lexicon) for i, item in labelled.items.items()}
    first = similar_updating_last(fields)
    assert first == similar_in(SimilarityIndex(fields, lexicon), sequential=True)

    edited = dict(fields, **{"missed-bin/a": fields["pothole/b"]})
    index = SimilarityIndex(edited, lexicon)
    assert similar_updating_last(edited) == updated_similar(index, first, ["missed-bin/a"])

    # Many edits at once (a branch switched, a bulk change): everything afresh, exactly.
    monkeypatch.setattr(engine, "UPDATE_UP_TO", 0)
    assert similar_updating_last(fields) == first
