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
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.forking import Forked, can_fork, in_fresh_process, map_forked
from generator.similarity.text import (
    Describable,
    Lexicon,
    default_lexicon,
    field_terms,
)

if TYPE_CHECKING:
    from generator.catalogue.model import Catalogue

# How much each field counts once it is a unit vector. The title and summary say what the
# service is; tags and service areas are short and coarse; descriptions carry detail and noise.
FIELD_WEIGHTS: dict[str, float] = {
    "title": 1.0,
    "summary": 0.9,
    "description": 0.6,
    "tags": 0.5,
    "service_areas": 0.3,
}
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
# Worked out beside the rest of the site from this many projects (below, a helper costs more).
BESIDE_FROM = 200
# In `mkdocs serve`, a rebuild after edits to at most this many projects' text updates the last
# result for them (`updated_similar`) rather than working every project out again.
UPDATE_UP_TO = 20


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
        add = partial.get
        for term, weight in strongest:
            posting = self._postings.get(term)
            if posting is None:
                continue
            docs, weights = posting
            for number, other in zip(
                docs[:POSTINGS_PER_TERM], weights[:POSTINGS_PER_TERM], strict=True
            ):
                partial[number] = add(number, 0.0) + weight * other
        partial.pop(skip, None)
        # The same order as sorting by (-score, number), compared as plain tuples.
        pool = sorted([(-score, number) for number, score in partial.items()])[:pool_size]
        # Exact scores over the shared terms only: a term the other lacks adds exactly 0, and the
        # rest are added in the query's order, so every float is the same as over all terms.
        terms = list(query.items())
        results: list[tuple[int, float]] = []
        for _, number in pool:
            vector = self._vectors[number]
            results.append((number, sum([w * vector[t] for t, w in terms if t in vector])))
        return results


def all_similar(
    catalogue: Catalogue,
    top: int = 5,
    threshold: float = DEFAULT_THRESHOLD,
    index: SimilarityIndex | None = None,
    sequential: bool = False,
) -> dict[str, list[tuple[str, float]]]:
    """Every project id -> its most similar other projects as (id, score), best first.

    Only scores at or above `threshold` are kept; a project with none maps to an empty list.
    Ids are in sorted order and ties are broken by id, so the result is the same on every run.
    """
    index = index or SimilarityIndex.from_catalogue(catalogue)
    return similar_in(index, top, threshold, sequential)


def similar_in(
    index: SimilarityIndex,
    top: int = 5,
    threshold: float = DEFAULT_THRESHOLD,
    sequential: bool = False,
) -> dict[str, list[tuple[str, float]]]:
    """`all_similar` for every project of `index`."""
    # Each project is independent of the others: thousands are shared between processes.
    found = map_forked(
        lambda project_id: [
            (m.id, m.score) for m in index.similar_to(project_id, top=top, threshold=threshold)
        ],
        index.ids,
        parallel_from=len(index.ids) + 1 if sequential else None,
    )
    return dict(zip(index.ids, found, strict=True))


class PendingSimilar(Mapping[str, list[tuple[str, float]]]):
    """`all_similar` of a catalogue, worked out beside the rest of the site: the first look
    inside waits for it. In a build, a fork of this process works it out; in `mkdocs serve`
    (other threads, so no fork), a helper interpreter given the projects' terms; where neither
    can be had, this process, at the first look."""

    def __init__(self, catalogue: Catalogue, *, update_last: bool = False) -> None:
        """`update_last` (`mkdocs serve`): the helper interpreter updates the result it gave
        last time for the projects whose text changed (`updated_similar`), where it can."""
        self._value: dict[str, list[tuple[str, float]]] | None = None
        self._wait: Callable[[], dict[str, list[tuple[str, float]]]]
        # (`update_last` goes to the helper from the first build of `mkdocs serve`, before its
        # server starts threads, so that the helper has a result to update on the first edit.)
        if len(catalogue.projects) >= BESIDE_FROM and can_fork() and not update_last:
            forked = Forked(lambda: all_similar(catalogue, sequential=True))
            self._wait = forked.result
            return
        future = None
        if len(catalogue.projects) >= BESIDE_FROM:
            lexicon = default_lexicon()
            fields = {i: field_terms(p, lexicon) for i, p in catalogue.projects.items()}
            task = similar_updating_last if update_last else similar_from_terms
            future = in_fresh_process(task, fields)
        self._wait = future.result if future else lambda: all_similar(catalogue)

    def _data(self) -> dict[str, list[tuple[str, float]]]:
        if self._value is None:
            self._value = self._wait()
        return self._value

    def __getitem__(self, project_id: str) -> list[tuple[str, float]]:
        return self._data()[project_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data())

    def __len__(self) -> int:
        return len(self._data())


def similar_from_terms(
    fields: Mapping[str, Mapping[str, Counter[str]]],
) -> dict[str, list[tuple[str, float]]]:
    """`all_similar` from each project's terms (`field_terms`), as a helper process gets them."""
    return similar_in(SimilarityIndex(fields, default_lexicon()), sequential=True)


# In `mkdocs serve`'s helper interpreter: the terms it was given last and what it worked out.
_last_terms: Mapping[str, Mapping[str, Counter[str]]] = {}
_last_similar: dict[str, list[tuple[str, float]]] = {}


def similar_updating_last(
    fields: Mapping[str, Mapping[str, Counter[str]]],
) -> dict[str, list[tuple[str, float]]]:
    """`similar_from_terms`, updated from the helper's last result where few projects changed
    (`updated_similar`); the helper runs one task at a time, so the memory is its own."""
    global _last_terms, _last_similar
    index = SimilarityIndex(fields, default_lexicon())
    changed = [i for i in fields.keys() | _last_terms.keys() if fields.get(i) != _last_terms.get(i)]
    if _last_terms and len(changed) <= UPDATE_UP_TO:
        found = updated_similar(index, _last_similar, changed)
    else:
        found = similar_in(index, sequential=True)
    _last_terms, _last_similar = fields, found
    return found


def updated_similar(
    index: SimilarityIndex,
    before: Mapping[str, list[tuple[str, float]]],
    changed: Iterable[str],
    top: int = 5,
    threshold: float = DEFAULT_THRESHOLD,
) -> dict[str, list[tuple[str, float]]]:
    """`similar_in(index)`, worked out again only for the projects an edit can move: those
    `changed` (edited, added or removed since `before`), those that listed one of them, and
    those one of them now comes close to. The rest keep their lists from `before`.

    An approximation, for `mkdocs serve` only: every project's weights shift a little when any
    project's words change (they depend on how many projects use each word), so a list kept
    from `before` may differ from a full recomputation in its last decimals or, rarely, in a
    close call. `pipeline build` and the published site always work every project out afresh.
    """
    changed = set(changed)
    again = {i for i in changed if i in index}
    again.update(i for i, matches in before.items() if any(m in changed for m, _ in matches))
    for project_id in changed & again:
        close = index.similar_to(project_id, top=CANDIDATE_POOL, threshold=threshold)
        again.update(m.id for m in close)

    def listed(project_id: str) -> list[tuple[str, float]]:
        if project_id not in again and project_id in before:
            return before[project_id]
        return [(m.id, m.score) for m in index.similar_to(project_id, top=top, threshold=threshold)]

    return {project_id: listed(project_id) for project_id in index.ids}


def compared_text(catalogue: Catalogue) -> list[tuple[str, ...]]:
    """Everything `all_similar` reads of the catalogue: each project's id and text fields."""
    return [
        (p.id, p.title, p.summary, p.description, *p.tags, "|", *p.service_areas)
        for p in catalogue.projects.values()
    ]
