"""Precision on the labelled near-duplicates: each project's best match should be its pair."""

from __future__ import annotations

import pytest

from generator.similarity.text import EMPTY_LEXICON
from tests.unit.similarity.labelled import PAIR_SECTIONS, PRECISION_KEY, LabelledSet

REQUIRED = 0.90


def _share(hits: dict[str, bool], keep=lambda _: True) -> tuple[int, int]:
    chosen = [hit for item, hit in hits.items() if keep(item)]
    return sum(chosen), len(chosen)


def test_near_duplicates_find_their_pair(request: pytest.FixtureRequest) -> None:
    labelled = LabelledSet.load()
    assert len(labelled.twin) >= 60, "at least 30 pairs"
    hits = labelled.hits()
    found, total = _share(hits)
    baseline, _ = _share(labelled.hits(EMPTY_LEXICON))
    lines = [
        f"Best match is the labelled pair for {found} of {total} projects: {found / total:.1%} "
        f"(at least {REQUIRED:.0%} required).",
        f"Without the council-service lexicon (plain stemmed TF-IDF): {baseline} of {total}, "
        f"{baseline / total:.1%}.",
    ]
    for name in PAIR_SECTIONS:
        part, size = _share(hits, lambda item, name=name: labelled.section[item] == name)
        lines.append(f"  {name}: {part} of {size} ({part / size:.1%})")
    missed = sorted(item for item, hit in hits.items() if not hit)
    lines.append(f"  missed: {', '.join(missed) or 'none'}")
    request.config.stash[PRECISION_KEY] = lines

    assert found / total >= REQUIRED, "\n".join(lines)
    # The lexicon is what makes different words match: it must be doing real work.
    assert found > baseline * 2, "\n".join(lines)
