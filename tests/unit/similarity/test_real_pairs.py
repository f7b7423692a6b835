"""Pairs in the real catalogue that a council officer would call the same work must find each
other, on the project page ("Similar projects", at DEFAULT_THRESHOLD) and in `pipeline similar`.

The projects' text is a copy in real_projects.yml (the repository's own records change). Each of
these pairs was missed before the lexicon learnt its words (generator/data/synonyms.yml).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.similarity.engine import DEFAULT_THRESHOLD, SimilarityIndex
from tests.unit.similarity.labelled import as_text

REAL = yaml.safe_load(Path(__file__).with_name("real_projects.yml").read_text(encoding="utf-8"))
INDEX = SimilarityIndex.build({pid: as_text(item) for pid, item in REAL["projects"].items()})

SAME_WORK = [
    # Live information on how crowded a public place is, for people planning a visit.
    ("how-busy-is-toon", "beach-check"),
    # Better children's services data: its quality, its statutory returns, its use in judging.
    ("early-help-performance-data", "improving-data-on-children-in-care"),
    # Cyber security tools for councils (not the "at risk" residents of the triage project).
    ("cyber-security-supplier-assessment", "vulnerability-and-asset-management"),
]


@pytest.mark.parametrize(("first", "second"), SAME_WORK)
def test_the_same_work_in_the_real_catalogue_is_shown_as_similar(first: str, second: str) -> None:
    assert INDEX.score(first, second) >= DEFAULT_THRESHOLD
    for one, other in ((first, second), (second, first)):
        # What the project page lists under "Similar projects".
        shown = [m.id for m in INDEX.similar_to(one, top=5, threshold=DEFAULT_THRESHOLD)]
        assert other in shown, f"{one}: {shown}"
