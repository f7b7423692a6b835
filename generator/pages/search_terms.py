"""The words a reader may search a record by, beyond its own text: one home for both searches.

The site search (Pagefind) indexes them with each record, and the catalogue's text filter
(`projects/cards.json`, `search` field) matches against them, so "bins", "waste", "Hackney" or
"rubbish" find the same projects in both. They are the service areas' names, the tags, every
council involved (lead and partners), the phase, and the council-service synonyms of
generator/data/synonyms.yml for each service concept the record's title, summary, tags or
service areas name ("Find my bin day" -> rubbish, refuse, household waste...).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache, partial

from generator.catalogue.memory import derived
from generator.catalogue.model import Catalogue, Project
from generator.similarity.text import default_lexicon, default_synonyms, stem, words
from generator.vocabulary import phase_label


def concept_phrases(text: str) -> list[str]:
    """The synonyms of every service concept `text` names, in synonyms.yml order, once each."""
    services = default_synonyms()["services"]
    found = default_lexicon().concepts_in([stem(w) for w in words(text)])
    phrases: dict[str, None] = {}
    for concept in dict.fromkeys(found):
        for phrase in services.get(concept, ()):
            phrases.setdefault(phrase, None)
    return list(phrases)


def project_terms(project: Project, catalogue: Catalogue) -> dict[str, list[str]]:
    """Labelled lists of what a project can be found by besides its title and summary."""
    areas = [
        catalogue.service_areas[a].name
        for a in project.service_areas
        if a in catalogue.service_areas
    ]
    tags = [t.replace("-", " ") for t in project.tags]
    councils = [catalogue.councils[c].name for c in project.councils if c in catalogue.councils]
    short = [catalogue.councils[c].short_name for c in project.councils if c in catalogue.councils]
    about = " ".join([project.title, project.summary, *tags, *areas])
    return {
        "Phase": [phase_label(project.phase)],
        "Service areas": areas,
        "Councils": councils + [s for s in short if s and s not in councils],
        "Tags": tags,
        "Also known as": concept_phrases(about),
    }


# Project id -> its labelled search terms, worked out once per build for both searches.
Terms = Mapping[str, dict[str, list[str]]]


def all_project_terms(catalogue: Catalogue) -> Terms:
    return {
        p.id: derived(
            p, "_terms", named_records(p, catalogue), partial(project_terms, p, catalogue)
        )
        for p in catalogue.projects.values()
    }


def named_records(project: Project, catalogue: Catalogue) -> tuple[object, ...]:
    """The other records a project's search terms name (its service areas and councils): its
    terms, search document and search text stay the same while these and it do."""
    return (
        *(catalogue.service_areas.get(a) for a in project.service_areas),
        *(catalogue.councils.get(c) for c in project.councils),
    )


def search_text(parts: list[str], known: frozenset[str] = frozenset()) -> str:
    """Lower-case words of `parts` not in `known`, once each, and a word's stem where the word
    does not start with it ("libraries" -> "librari").

    The catalogue's script lower-cases the words typed, strips a plural or -ing/-ed ending and
    matches each at the start of a word, so "bins" finds "bin" and "collected" "collection".
    """
    seen: dict[str, None] = {}
    for part in parts:
        for word in _words(part):
            if word in known:
                continue
            seen.setdefault(word, None)
            stemmed = stem(word)
            if not word.startswith(stemmed):
                seen.setdefault(stemmed, None)
    return " ".join(seen)


# The same council names, service areas and synonyms come up for project after project.
@lru_cache(maxsize=50_000)
def _words(part: str) -> tuple[str, ...]:
    return tuple(words(part))


def project_search_text(
    project: Project, catalogue: Catalogue, terms: dict[str, list[str]] | None = None
) -> str:
    """What the catalogue's text filter matches a project against (`terms`: its
    project_terms, if worked out already)."""
    terms = terms if terms is not None else project_terms(project, catalogue)
    # The script matches the title and summary itself: only what they do not say is added.
    shown = frozenset(words(f"{project.title} {project.summary}"))
    return search_text([w for values in terms.values() for w in values], shown)
