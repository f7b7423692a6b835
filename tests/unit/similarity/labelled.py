"""The labelled near-duplicate pairs in pairs.yml, as items ready to index."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from generator.similarity.engine import ProjectText, SimilarityIndex
from generator.similarity.text import Lexicon

PAIRS_FILE = Path(__file__).with_name("pairs.yml")
PAIR_SECTIONS = ("pairs", "pairs_round_2", "pairs_round_3", "pairs_round_4")
PRECISION_KEY = pytest.StashKey[list[str]]()


def as_text(item: dict) -> ProjectText:
    return ProjectText(
        title=item["title"],
        summary=item["summary"],
        description=item.get("description", ""),
        tags=tuple(item.get("tags", ())),
        service_areas=tuple(item.get("service_areas", ())),
    )


@dataclass(frozen=True)
class LabelledSet:
    items: dict[str, ProjectText]
    twin: dict[str, str]  # item id -> its pair's id
    section: dict[str, str]  # item id -> the section of pairs.yml it is in

    @classmethod
    def load(cls) -> LabelledSet:
        data = yaml.safe_load(PAIRS_FILE.read_text(encoding="utf-8"))
        items: dict[str, ProjectText] = {}
        twin: dict[str, str] = {}
        section: dict[str, str] = {}
        for name in PAIR_SECTIONS:
            for pair in data[name]:
                a, b = f"{pair['name']}/a", f"{pair['name']}/b"
                items[a], items[b] = as_text(pair["a"]), as_text(pair["b"])
                twin[a], twin[b] = b, a
                section[a] = section[b] = name
        for number, item in enumerate(data["distractors"]):
            items[f"distractor-{number:02d}"] = as_text(item)
        return cls(items, twin, section)

    def hits(self, lexicon: Lexicon | None = None) -> dict[str, bool]:
        """Item id -> whether its best match, among everything, is its pair."""
        index = SimilarityIndex.build(self.items, lexicon)
        found = {}
        for item_id, pair_id in self.twin.items():
            best = index.similar_to(item_id, top=1)
            found[item_id] = bool(best) and best[0].id == pair_id
        return found
