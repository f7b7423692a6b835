"""Similar projects: which projects describe the same service, even in different words.

Each project becomes a weighted bag of terms (TF-IDF) from its title, summary, description, tags
and service areas, and projects are compared by cosine similarity. Two things make it work for
council services, where "Report a missed bin" and "Rubbish not collected" mean the same:

- words are stemmed (Snowball English), so "bins" and "collected" match "bin" and "collection";
- a hand-curated lexicon (generator/data/synonyms.yml) adds a concept term, such as
  `concept:household-waste`, wherever one of its words or phrases appears. Service concepts
  (what a project is about) count double a word; features (booking, payment) count single.

Each field is turned into a unit vector of its own before the fields are weighted and added, so
a long description cannot drown the title. Comparison goes through an inverted index (term ->
projects holding it), so only projects that share a term are ever scored. Everything is plain
Python, deterministic (no randomness, ties broken by id) and downloads nothing.
"""

from __future__ import annotations

import math
import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Protocol

import yaml

from generator.forking import map_forked

if TYPE_CHECKING:
    from generator.catalogue import Catalogue

# How much each field counts once it is a unit vector. The title and summary say what the
# service is; tags and service areas are short and coarse; descriptions carry detail and noise.
FIELD_WEIGHTS: dict[str, float] = {
    "title": 1.0,
    "summary": 0.9,
    "description": 0.6,
    "tags": 0.5,
    "service_areas": 0.3,
}
# A shared service concept ("household-waste") is strong evidence of the same service, so it
# counts double a shared word; a shared feature ("payment", "booking") counts like one word.
# Chosen on the labelled pairs in tests/similarity/pairs.yml (precision rises from 0.8 to 2.0,
# then levels off).
SERVICE_WEIGHT = 2.0
FEATURE_WEIGHT = 1.0
# Scores at or above this are shown as "Similar projects" on a project page.
DEFAULT_THRESHOLD = 0.2
# Finding candidates is bounded so that large catalogues stay fast: a query looks only at its
# strongest terms, and for each only at the projects where that term weighs most (postings are
# kept heaviest first); the best candidates are then scored exactly, on every term. With the
# labelled pairs planted among 10,000 synthetic projects, this finds the same best matches as
# comparing everything, 80 times faster (benchmarks/similarity.py).
CANDIDATE_TERMS = 16
POSTINGS_PER_TERM = 128
CANDIDATE_POOL = 32

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
class ProjectText:
    """The text fields that similarity reads, for things that are not catalogue Projects."""

    title: str
    summary: str = ""
    description: str = ""
    tags: tuple[str, ...] = ()
    service_areas: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    """Another project and how alike it is, from 0 (nothing shared) to 1 (the same text)."""

    id: str
    score: float


def _best_first(match: Match) -> tuple[float, str]:
    return (-match.score, match.id)


# ---------------------------------------------------------------------------------------------
# Text -> terms


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
        for start, first in enumerate(stems):
            for phrase, concepts in starts.get(first, ()):
                if len(phrase) == 1 or tuple(stems[start : start + len(phrase)]) == phrase:
                    found.extend(concepts)
        return found


@cache
def default_synonyms() -> dict[str, dict[str, tuple[str, ...]]]:
    """generator/data/synonyms.yml as read: kind ("services", "features") -> concept -> phrases."""
    text = resources.files("generator").joinpath("data/synonyms.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    return {
        kind: {
            c: tuple(str(e) for e in entries or ()) for c, entries in (data.get(kind) or {}).items()
        }
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
    stems = [stem(w) for w in words(text)]
    counts: Counter[str] = Counter(s for s in stems if _is_content(s))
    for concept in lexicon.concepts_in(stems):
        counts[CONCEPT_PREFIX + concept] += 1
    return counts


def _is_content(stemmed: str) -> bool:
    return len(stemmed) > 1 and not stemmed.isdigit() and stemmed not in _stemmed_stopwords()


@cache
def _stemmed_stopwords() -> frozenset[str]:
    return frozenset(STOPWORDS | {stem(w) for w in STOPWORDS})


def field_terms(item: Describable, lexicon: Lexicon) -> dict[str, Counter[str]]:
    """Term counts per field. Tags are read as words ("missed-bins" -> "missed bins")."""
    return {
        "title": terms(item.title, lexicon),
        "summary": terms(item.summary, lexicon),
        "description": terms(item.description or "", lexicon),
        "tags": terms(" ".join(t.replace("-", " ") for t in item.tags), lexicon),
        "service_areas": Counter(AREA_PREFIX + a for a in item.service_areas),
    }


# ---------------------------------------------------------------------------------------------
# The index


class SimilarityIndex:
    """TF-IDF vectors of every project and an inverted index to find candidates quickly.

    Build it once (`from_catalogue` or `build`), then ask `similar_to` for one project or
    a draft, or use `all_similar` for every project at once.
    """

    def __init__(self, fields: Mapping[str, Mapping[str, Counter[str]]], lexicon: Lexicon) -> None:
        """`fields`: project id -> field name -> term counts (see `field_terms`)."""
        self.lexicon = lexicon
        self.ids = sorted(fields)
        self._position = {project_id: n for n, project_id in enumerate(self.ids)}
        df: Counter[str] = Counter()
        for per_field in fields.values():
            df.update({term for counts in per_field.values() for term in counts})
        # Smoothed IDF, so a term in every project still counts a little; unseen terms (in a
        # draft) count as much as the rarest.
        total = len(self.ids)
        self._idf = {term: math.log((1 + total) / (1 + n)) + 1 for term, n in df.items()}
        self._unseen_idf = math.log(1 + total) + 1
        self._vectors = [self._weigh(fields[i]) for i in self.ids]
        # term -> (document numbers, weights), heaviest first: compact arrays, not tuples.
        grouped: dict[str, list[tuple[float, int]]] = {}
        for number, vector in enumerate(self._vectors):
            for term, weight in vector.items():
                grouped.setdefault(term, []).append((-weight, number))
        self._postings: dict[str, tuple[array, array]] = {}
        for term, entries in grouped.items():
            entries.sort()
            self._postings[term] = (
                array("i", [n for _, n in entries]),
                array("d", [-w for w, _ in entries]),
            )

    @classmethod
    def build(
        cls, items: Mapping[str, Describable], lexicon: Lexicon | None = None
    ) -> SimilarityIndex:
        """An index of `items` (id -> catalogue Project or ProjectText)."""
        lexicon = default_lexicon() if lexicon is None else lexicon
        return cls({i: field_terms(item, lexicon) for i, item in items.items()}, lexicon)

    @classmethod
    def from_catalogue(
        cls, catalogue: Catalogue, lexicon: Lexicon | None = None
    ) -> SimilarityIndex:
        return cls.build(catalogue.projects, lexicon)

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, project_id: object) -> bool:
        return project_id in self._position

    def _weigh(self, fields: Mapping[str, Counter[str]]) -> dict[str, float]:
        combined: dict[str, float] = {}
        idf, unseen, weight_of = self._idf, self._unseen_idf, self.lexicon.weight
        for name, counts in fields.items():
            raw = {
                term: (1 + math.log(count)) * idf.get(term, unseen) * weight_of(term)
                for term, count in counts.items()
            }
            norm = math.sqrt(sum(w * w for w in raw.values()))
            if not norm:
                continue
            for term, weight in raw.items():
                combined[term] = combined.get(term, 0.0) + FIELD_WEIGHTS[name] * weight / norm
        norm = math.sqrt(sum(w * w for w in combined.values()))
        return {t: w / norm for t, w in combined.items()} if norm else {}

    def vector_of(self, item: str | Describable) -> dict[str, float]:
        """The unit vector of a project in the index (by id) or of any project-like text."""
        if isinstance(item, str):
            return self._vectors[self._position[item]]
        return self._weigh(field_terms(item, self.lexicon))

    def score(self, first: str | Describable, second: str | Describable) -> float:
        """Cosine similarity of two projects, by id or as text."""
        a, b = self.vector_of(first), self.vector_of(second)
        if len(a) > len(b):
            a, b = b, a
        return round(sum(w * b.get(t, 0.0) for t, w in a.items()), 4)

    def similar_to(
        self,
        item: str | Describable,
        *,
        top: int = 5,
        exclude_id: str | None = None,
        threshold: float = 0.0,
    ) -> list[Match]:
        """The `top` most similar projects in the index, best first, scoring at least
        `threshold` (and always more than 0). Ties are broken by id.

        `item` is an id in the index (which is then never its own match) or a project-like
        object, such as a draft that is not in the index yet.
        """
        if isinstance(item, str) and exclude_id is None:
            exclude_id = item
        query = self.vector_of(item)
        skip = self._position.get(exclude_id, -1) if exclude_id is not None else -1
        matches = [
            Match(self.ids[n], rounded)
            for n, score in self._scores(query, skip, max(CANDIDATE_POOL, 2 * top))
            if (rounded := round(score, 4)) > 0 and rounded >= threshold
        ]
        matches.sort(key=_best_first)
        return matches[: max(top, 0)]

    def _scores(
        self, query: Mapping[str, float], skip: int, pool_size: int
    ) -> list[tuple[int, float]]:
        """Candidates found through the query's strongest terms, then scored exactly."""
        strongest = sorted(query.items(), key=lambda tw: (-tw[1], tw[0]))[:CANDIDATE_TERMS]
        partial: dict[int, float] = {}
        for term, weight in strongest:
            posting = self._postings.get(term)
            if posting is None:
                continue
            docs, weights = posting
            for number, other in zip(
                docs[:POSTINGS_PER_TERM], weights[:POSTINGS_PER_TERM], strict=True
            ):
                partial[number] = partial.get(number, 0.0) + weight * other
        partial.pop(skip, None)
        pool = sorted(partial.items(), key=lambda nw: (-nw[1], nw[0]))[:pool_size]
        results: list[tuple[int, float]] = []
        for number, _ in pool:
            vector = self._vectors[number]
            results.append((number, sum(w * vector.get(t, 0.0) for t, w in query.items())))
        return results


def all_similar(
    catalogue: Catalogue,
    top: int = 5,
    threshold: float = DEFAULT_THRESHOLD,
    index: SimilarityIndex | None = None,
) -> dict[str, list[tuple[str, float]]]:
    """Every project id -> its most similar other projects as (id, score), best first.

    Only scores at or above `threshold` are kept; a project with none maps to an empty list.
    Ids are in sorted order and ties are broken by id, so the result is the same on every run.
    """
    index = index or SimilarityIndex.from_catalogue(catalogue)
    # Each project is independent of the others: thousands are shared between processes.
    found = map_forked(
        lambda project_id: [
            (m.id, m.score) for m in index.similar_to(project_id, top=top, threshold=threshold)
        ],
        index.ids,
    )
    return dict(zip(index.ids, found, strict=True))
