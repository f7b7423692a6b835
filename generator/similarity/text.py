"""Project text as terms: words, Snowball stems and council-service concepts.

A hand-curated lexicon (generator/data/synonyms.yml) adds a concept term, such as
`concept:household-waste`, wherever one of its words or phrases appears, so that "Report a missed
bin" and "Rubbish not collected" share terms. Used by similar-project matching and by anything
that must read project text the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache, partial
from importlib import resources
from typing import Any, Protocol

import yaml

# A shared service concept ("household-waste") is strong evidence of the same service, so it
# counts double a shared word; a shared feature ("payment", "booking") counts like one word.
# Chosen on the labelled pairs in tests/unit/similarity/pairs.yml (precision rises from 0.8 to 2.0,
# then levels off).
SERVICE_WEIGHT = 2.0
FEATURE_WEIGHT = 1.0
CONCEPT_PREFIX = "concept:"
AREA_PREFIX = "area:"

# Words that say nothing about which service a project is. Kept short on purpose: rare words are
# already down-weighted by IDF; these are the ones every project record uses.
_STOPWORD_TEXT = """
    a about after all also am an and any are as at be because been before being between both but
    by can could did do does doing for from had has have having he her here hers him his how i if
    in into is it its just me more most my no nor not of off on once only or other our ours out
    over own same she should so some such than that the their theirs them then there these they
    this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours us get got make made way ways use used using
    council councils borough city county district local authority authorities resident residents
    people person service services project projects team teams user users officer officers staff
    online digital website web new help helps need needs want wants work works working lets let
    one two three first year years day days time times per via etc
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

_URL = re.compile(r"https?://\S+|www\.\S+")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_WORD = re.compile(r"[a-z0-9]+")


class Describable(Protocol):
    """Anything with a project's text fields: a catalogue Project, or a test item."""

    @property
    def title(self) -> str: ...
    @property
    def summary(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def tags(self) -> tuple[str, ...]: ...
    @property
    def service_areas(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class Lexicon:
    """Stemmed phrase -> concept ids, and how much each concept counts."""

    phrases: Mapping[tuple[str, ...], tuple[str, ...]]
    weights: Mapping[str, float]

    @classmethod
    def from_mapping(
        cls,
        services: Mapping[str, Iterable[str]],
        features: Mapping[str, Iterable[str]] | None = None,
    ) -> Lexicon:
        """A lexicon from concept id -> words and phrases, as in synonyms.yml."""
        weights = {c: SERVICE_WEIGHT for c in services}
        weights.update({c: FEATURE_WEIGHT for c in features or {}})
        phrases: dict[tuple[str, ...], list[str]] = {}
        for concept, entries in [*services.items(), *(features or {}).items()]:
            for entry in entries:
                key = tuple(stem(w) for w in words(str(entry)))
                if key and concept not in phrases.setdefault(key, []):
                    phrases[key].append(concept)
        return cls({k: tuple(v) for k, v in phrases.items()}, weights)

    def weight(self, term: str) -> float:
        """How much a term counts before IDF: concepts by kind, words 1."""
        if term.startswith(CONCEPT_PREFIX):
            return self.weights.get(term.removeprefix(CONCEPT_PREFIX), FEATURE_WEIGHT)
        return 1.0

    @cached_property
    def _by_first_word(self) -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
        starts: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        for phrase, concepts in self.phrases.items():
            starts.setdefault(phrase[0], []).append((phrase, concepts))
        return starts

    def concepts_in(self, stems: list[str]) -> list[str]:
        """Every concept whose phrase occurs in `stems`, once per occurrence, in text order."""
        found: list[str] = []
        starts = self._by_first_word
        # Most words start no phrase: find the few that do first.
        for start in [n for n, first in enumerate(stems) if first in starts]:
            for phrase, concepts in starts[stems[start]]:
                if len(phrase) == 1 or tuple(stems[start : start + len(phrase)]) == phrase:
                    found.extend(concepts)
        return found


@cache
def default_synonyms() -> dict[str, dict[str, tuple[str, ...]]]:
    """generator/data/synonyms.yml as read: kind ("services", "features") -> concept -> phrases."""
    text = resources.files("generator").joinpath("data/synonyms.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    return {
        kind: {c: tuple(str(e) for e in items or ()) for c, items in (data.get(kind) or {}).items()}
        for kind in ("services", "features")
    }


@cache
def default_lexicon() -> Lexicon:
    synonyms = default_synonyms()
    return Lexicon.from_mapping(synonyms["services"], synonyms["features"])


EMPTY_LEXICON = Lexicon({}, {})


@cache
def _english() -> Any:
    # Loaded on first use, not at import: every `pipeline` command imports this module, and
    # snowballstemmer loads all of its ~30 languages when imported.
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _english().stemWord(word)


def words(text: str) -> list[str]:
    """Lower-case ASCII words: accents folded, apostrophes dropped ("wasn't" -> "wasnt"),
    web addresses and Markdown link targets left out."""
    text = _LINK_TARGET.sub("]", _URL.sub(" ", text))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return _WORD.findall(text.replace("'", ""))


def terms(text: str, lexicon: Lexicon) -> Counter[str]:
    """Stemmed content words and the concepts they express, with counts.

    Phrases are matched before stopwords go, so "not collected" can still mean a missed bin.
    """
    stems = list(map(stem, words(text)))
    counts: Counter[str] = Counter(filter(_is_content, stems))
    for concept in lexicon.concepts_in(stems):
        counts[CONCEPT_PREFIX + concept] += 1
    return counts


@lru_cache(maxsize=100_000)
def _default_terms(text: str) -> Counter[str]:
    """terms(text, default_lexicon()); the counts are shared, so callers only read them."""
    return terms(text, default_lexicon())


@lru_cache(maxsize=200_000)  # asked for every word of every project: a few thousand stems
def _is_content(stemmed: str) -> bool:
    return len(stemmed) > 1 and not stemmed.isdigit() and stemmed not in _stemmed_stopwords()


@cache
def _stemmed_stopwords() -> frozenset[str]:
    return frozenset(STOPWORDS | {stem(w) for w in STOPWORDS})


def field_terms(item: Describable, lexicon: Lexicon) -> dict[str, Counter[str]]:
    """Term counts per field. Tags are read as words ("missed-bins" -> "missed bins")."""
    # With the usual lexicon, terms are remembered: a rebuild of `mkdocs serve` stems only new text.
    count = _default_terms if lexicon is default_lexicon() else partial(terms, lexicon=lexicon)
    return {
        "title": count(item.title),
        "summary": count(item.summary),
        "description": count(item.description or ""),
        "tags": count(" ".join(t.replace("-", " ") for t in item.tags)),
        "service_areas": _area_terms(tuple(item.service_areas)),
    }


@lru_cache(maxsize=10_000)  # a few dozen service areas, combined in a few hundred ways
def _area_terms(areas: tuple[str, ...]) -> Counter[str]:
    """Shared, like _default_terms: callers only read the counts."""
    return Counter(AREA_PREFIX + a for a in areas)
