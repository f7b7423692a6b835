"""The similarity engine: matching across different words, determinism, thresholds, the lexicon."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
import yaml

from generator.catalogue.construction import build_catalogue
from generator.checking.repository import check_repository
from generator.similarity.engine import DEFAULT_THRESHOLD, ProjectText, SimilarityIndex, all_similar
from generator.similarity.text import EMPTY_LEXICON, Lexicon, default_lexicon, terms, words
from tests.conftest import PROJECT_ROOT, TODAY, catalogue_root
from tests.unit.similarity.labelled import LabelledSet

MISSED_BIN = ProjectText(
    "Report a missed bin",
    "Tell us online when your bin was missed and we will come back.",
    tags=("bins",),
)
NOT_COLLECTED = ProjectText(
    "Rubbish not collected",
    "A form for households whose refuse wasn't picked up on the right day.",
    tags=("refuse",),
)
POTHOLE = ProjectText("Report a pothole", "Tell us about holes in the road surface.")
LIBRARY = ProjectText("Join the library", "Get a library card and borrow e-books.")


def test_same_service_in_different_words_is_found() -> None:
    # Not one content word in common: only the lexicon can link them.
    def plain(item: ProjectText) -> set[str]:
        return set(terms(" ".join([item.title, item.summary, *item.tags]), EMPTY_LEXICON))

    assert not plain(MISSED_BIN) & plain(NOT_COLLECTED)
    index = SimilarityIndex.build({"missed": MISSED_BIN, "pothole": POTHOLE, "library": LIBRARY})
    best = index.similar_to(NOT_COLLECTED, top=1)
    assert [m.id for m in best] == ["missed"]
    assert best[0].score >= 0.3
    unlinked = SimilarityIndex.build(
        {"missed": MISSED_BIN, "pothole": POTHOLE, "library": LIBRARY}, EMPTY_LEXICON
    )
    assert unlinked.similar_to(NOT_COLLECTED, top=1) == []


def test_a_project_is_never_its_own_match() -> None:
    index = SimilarityIndex.build({"missed": MISSED_BIN, "again": MISSED_BIN})
    assert [m.id for m in index.similar_to("missed")] == ["again"]
    assert index.similar_to("missed", top=5)[0].score == 1.0
    assert index.similar_to(MISSED_BIN, exclude_id="again", top=5)[0].id == "missed"


def test_scores_are_symmetric_and_between_0_and_1() -> None:
    index = SimilarityIndex.build({"a": MISSED_BIN, "b": NOT_COLLECTED, "c": POTHOLE})
    assert index.score("a", "b") == index.score("b", "a")
    assert 0 < index.score("a", "b") < 1
    assert index.score("a", MISSED_BIN) == 1.0
    assert index.score("a", LIBRARY) == 0.0


def test_top_and_threshold_are_respected() -> None:
    labelled = LabelledSet.load()
    index = SimilarityIndex.build(labelled.items)
    for item in list(labelled.items)[:40]:
        matches = index.similar_to(item, top=3, threshold=0.3)
        assert len(matches) <= 3
        assert all(m.score >= 0.3 for m in matches)
        assert matches == sorted(matches, key=lambda m: (-m.score, m.id))
    everything = index.similar_to("missed-bin/a", top=10, threshold=0.0)
    above = index.similar_to("missed-bin/a", top=10, threshold=everything[3].score)
    assert above == everything[: len(above)] and len(above) >= 4


def test_all_similar_lists_every_project_best_first_above_the_threshold() -> None:
    catalogue = _real_catalogue()
    found = all_similar(catalogue, top=3, threshold=DEFAULT_THRESHOLD)
    assert list(found) == sorted(catalogue.projects)
    for project_id, matches in found.items():
        assert len(matches) <= 3
        assert project_id not in [other for other, _ in matches]
        assert all(score >= DEFAULT_THRESHOLD for _, score in matches)
        assert [s for _, s in matches] == sorted((s for _, s in matches), reverse=True)
    assert "report-a-missed-bin" in [other for other, _ in found["find-my-bin-day"]]
    assert found["pipeline"] == []  # the catalogue itself is like nothing else


def test_the_same_input_gives_the_same_output_in_any_order() -> None:
    labelled = LabelledSet.load()
    forward = SimilarityIndex.build(labelled.items)
    backward = SimilarityIndex.build(dict(reversed(labelled.items.items())))
    for item in labelled.items:
        assert forward.similar_to(item, top=5) == backward.similar_to(item, top=5)


def test_output_does_not_depend_on_hash_randomisation() -> None:
    script = (
        "import json; from pathlib import Path; from datetime import date;"
        "from generator.checking.repository import check_repository;"
        "from generator.catalogue.construction import build_catalogue;"
        "from generator.similarity.engine import all_similar;"
        f"root = Path({str(catalogue_root())!r});"
        "report = check_repository(root, today=date(2026, 11, 22));"
        "print(json.dumps(all_similar(build_catalogue(report.records, root), threshold=0.0)))"
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1
    assert json.loads(outputs.pop())["report-a-missed-bin"]


def test_words_ignore_addresses_markup_and_apostrophes() -> None:
    assert words("Wasn't it [in-cab](https://example.com/x) www.x.org Café") == [
        "wasnt",
        "it",
        "in",
        "cab",
        "cafe",
    ]


def test_terms_keep_phrases_that_contain_stopwords() -> None:
    counted = terms("The bins were not collected", default_lexicon())
    assert counted["bin"] == 1 and counted["collect"] == 1
    assert "not" not in counted and "the" not in counted
    assert counted["concept:missed-collection"] == 1
    assert counted["concept:household-waste"] == 1


@pytest.mark.parametrize(
    ("text", "concept", "expected"),
    [
        ("Report fly-tipping", "concept:tip", False),  # "fly tipping" stems to "fli tip"
        ("Book a slot at the tip", "concept:tip", True),
        ("Apply for a parking permit", "concept:park", False),  # parking stems to park
        ("Book a naming ceremony", "concept:marriage", False),
        ("A wedding ceremony", "concept:marriage", True),
        ("In-cab technology for crews", "concept:taxi-licensing", False),
        ("Private hire licensing", "concept:licence", True),
        ("Stop smoking support", "concept:bonfire-smoke", False),
    ],
)
def test_lexicon_pitfalls_stay_fixed(text: str, concept: str, expected: bool) -> None:
    assert (concept in terms(text, default_lexicon())) is expected


def test_service_concepts_count_more_than_features() -> None:
    lexicon = default_lexicon()
    assert lexicon.weight("concept:household-waste") > lexicon.weight("concept:payment")
    assert lexicon.weight("bin") == 1.0


def test_the_lexicon_file_is_well_formed() -> None:
    path = PROJECT_ROOT / "generator" / "data" / "synonyms.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data) == {"services", "features"}
    assert not set(data["services"]) & set(data["features"])
    for section in data.values():
        for concept, entries in section.items():
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", concept), concept
            assert len(entries) >= 2, f"{concept} needs at least two words or phrases"
            assert len(set(entries)) == len(entries), f"{concept} lists a phrase twice"
            for entry in entries:
                assert isinstance(entry, str) and words(entry), f"{concept}: {entry!r}"
    assert len(data["services"]) >= 100


def test_a_custom_lexicon_links_only_what_it_lists() -> None:
    lexicon = Lexicon.from_mapping({"missed": ["missed bin", "not collected"]})
    index = SimilarityIndex.build({"a": MISSED_BIN, "b": POTHOLE}, lexicon)
    assert [m.id for m in index.similar_to(NOT_COLLECTED)] == ["a"]


def _real_catalogue():
    report = check_repository(catalogue_root(), today=TODAY)
    assert report.ok
    return build_catalogue(report.records, catalogue_root())
