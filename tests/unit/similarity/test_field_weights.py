"""What each field contributes to a similarity score, pinned: two projects that share one word
in one field score above zero, by that field's weight, and the fields keep their order."""

from __future__ import annotations

import math
from collections.abc import Iterator
from itertools import count

import pytest

from generator.similarity.engine import FIELD_WEIGHTS, ProjectText, SimilarityIndex
from generator.similarity.text import EMPTY_LEXICON

FIELDS = ("title", "summary", "description", "tags", "service_areas")
# Every other word is one no two projects share ("unique0", "unique1"...); one word per field,
# so each field's unit vector is that word alone and the score is exactly
# weight² / (the sum of every weight²).


def text(unique: Iterator[str], **shared: str) -> ProjectText:
    value = {name: shared.get(name) or next(unique) for name in FIELDS}
    return ProjectText(
        title=value["title"],
        summary=value["summary"],
        description=value["description"],
        tags=(value["tags"],),
        service_areas=(value["service_areas"],),
    )


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    """Field -> the score of a project sharing only that field's one word with the query."""
    shared = {name: f"shared{name.replace('_', '')}" for name in FIELDS}
    unique = (f"unique{n}" for n in count())
    query = text(unique, **shared)
    index = SimilarityIndex.build(
        {name: text(unique, **{name: shared[name]}) for name in FIELDS}, EMPTY_LEXICON
    )
    found = {m.id: m.score for m in index.similar_to(query, top=10)}
    assert index.score(query, query) == 1.0
    return {name: found.get(name, 0.0) for name in FIELDS}


@pytest.mark.parametrize("field", FIELDS)
def test_sharing_one_field_alone_scores_that_fields_weight(scores, field) -> None:
    everything = sum(w * w for w in FIELD_WEIGHTS.values())
    assert scores[field] > 0
    assert scores[field] == pytest.approx(FIELD_WEIGHTS[field] ** 2 / everything, abs=1e-4)


def test_the_title_counts_most_then_summary_description_tags_and_service_area(scores) -> None:
    assert sorted(scores, key=scores.get, reverse=True) == list(FIELDS)
    # The values as tuned (title 1.0, summary 0.9, description 0.6, tags 0.5, areas 0.3):
    # a change to a weight is a change to what counts as similar, so it changes this test.
    assert [round(scores[f], 3) for f in FIELDS] == [0.398, 0.323, 0.143, 0.1, 0.036]
    assert math.isclose(sum(scores.values()), 1.0, abs_tol=1e-3)
