"""What the site search indexes: a pure function from records and built pages to documents.

Records are indexed as records, not as their pages: a small HTML document per project, council
and maker day, with the title weighted above the summary above the description, the words a
reader may search by (generator/pages/search_terms.py) and Pagefind filters for kind, phase,
service area and council. Other pages (the guides, the command reference, the first page of
each list) are indexed from their built HTML: the page's article, or only its heading and lead
paragraph for a list, whose records have their own documents.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import partial

from generator.catalogue.memory import derived
from generator.catalogue.model import Catalogue, Council, MakerDay, Project
from generator.pages import paths
from generator.pages.model import Page, SearchDocument
from generator.pages.search_terms import (
    Terms,
    all_project_terms,
    named_records,
    project_terms,
)
from generator.vocabulary import phase_label

# Pagefind's weights: the title counts most, then the summary, then everything else.
TITLE_WEIGHT = 10
SUMMARY_WEIGHT = 5
TERMS_WEIGHT = 2
SYNONYMS_WEIGHT = 0.5
KIND_PROJECT, KIND_COUNCIL, KIND_MAKERDAY, KIND_PAGE = "Project", "Council", "Maker day", "Page"

_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_MARKS = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s?)|[*_`]+", re.MULTILINE)
_HEADING = re.compile(r"<h1[^>]*>.*?</h1>", re.DOTALL)
_LEAD = re.compile(r'<p class="pl-lead[^"]*"[^>]*>.*?</p>', re.DOTALL)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _tag(name: str, key: str, value: str) -> str:
    """An empty element that gives Pagefind a filter or metadata value (any text is safe)."""
    return f'<span data-pagefind-{name}="{key}[data-value]" data-value="{_e(value)}"></span>'


def _document(url: str, kind: str, body: str, filters: Iterable[tuple[str, str]] = ()) -> str:
    tags = [_tag("filter", "kind", kind), _tag("meta", "kind", kind)]
    tags += [_tag("filter", key, value) for key, value in filters if value]
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head><body>'
        f"<article data-pagefind-body>{''.join(tags)}{body}</article></body></html>"
    )


def _paragraphs(markdown: str) -> str:
    """Plain paragraphs from a record's Markdown: the words, without Markdown's marks or a
    second Markdown parse (links keep their text, headings become paragraphs)."""
    text = _MARKDOWN_MARKS.sub("", _MARKDOWN_LINK.sub(r"\1", markdown))
    blocks = (" ".join(b.split()) for b in re.split(r"\n\s*\n", text))
    return "".join(f"<p>{_e(b)}</p>" for b in blocks if b)


def _weighted(weight: float, tag: str, text: str) -> str:
    return f'<{tag} data-pagefind-weight="{weight}">{_e(text)}</{tag}>' if text else ""


def project_document(
    project: Project, catalogue: Catalogue, terms: dict[str, list[str]] | None = None
) -> SearchDocument:
    terms = dict(terms if terms is not None else project_terms(project, catalogue))
    synonyms = terms.pop("Also known as")
    facts = "".join(
        _weighted(TERMS_WEIGHT, "p", f"{label}: {', '.join(values)}.")
        for label, values in terms.items()
        if values
    )
    body = (
        _weighted(TITLE_WEIGHT, "h1", project.title)
        + _weighted(SUMMARY_WEIGHT, "p", project.summary)
        + _paragraphs(project.description)
        + facts
        + _weighted(
            SYNONYMS_WEIGHT, "p", f"Also known as: {', '.join(synonyms)}." if synonyms else ""
        )
    )
    filters = [("phase", phase_label(project.phase))]
    filters += [("service area", area) for area in terms["Service areas"]]
    filters += [
        ("council", catalogue.councils[c].name) for c in project.councils if c in catalogue.councils
    ]
    url = paths.project(project.id)
    return SearchDocument(url, _document(url, KIND_PROJECT, body, filters))


def council_document(council: Council, catalogue: Catalogue) -> SearchDocument:
    projects = [p.title for p in catalogue.projects_by_council.get(council.id, ())]
    where = ", ".join(x for x in (council.region, council.nation, council.country) if x)
    body = (
        _weighted(TITLE_WEIGHT, "h1", council.name)
        + _weighted(SUMMARY_WEIGHT, "p", f"{council.short_name} {where}".strip())
        # Low: a search for a service should find the projects before the councils in them.
        + _weighted(SYNONYMS_WEIGHT, "p", f"Projects: {', '.join(projects)}." if projects else "")
    )
    url = paths.council(council.id)
    return SearchDocument(url, _document(url, KIND_COUNCIL, body, [("council", council.name)]))


def makerday_document(day: MakerDay, catalogue: Catalogue) -> SearchDocument:
    hosts = [catalogue.councils[h].name for h in day.hosts if h in catalogue.councils]
    venue = day.venue
    where = ""
    if venue is not None:
        where = "Online." if venue.online else ", ".join(x for x in (venue.name, venue.town) if x)
    challenges = "".join(
        f"<p>{_e(c.title)} {_e(c.problem)}</p>" for c in day.challenges if c.title or c.problem
    )
    body = (
        _weighted(TITLE_WEIGHT, "h1", day.title)
        + _weighted(SUMMARY_WEIGHT, "p", f"Maker day on {day.start_day:%-d %B %Y}. {where}".strip())
        + _weighted(TERMS_WEIGHT, "p", f"Hosted by {', '.join(hosts)}." if hosts else "")
        + challenges
    )
    url = paths.makerday(day.id)
    filters = [("council", h) for h in hosts]
    return SearchDocument(url, _document(url, KIND_MAKERDAY, body, filters))


def record_documents(catalogue: Catalogue, terms: Terms | None = None) -> list[SearchDocument]:
    """One document per project, council and maker day (`terms`: all_project_terms, if
    worked out already)."""
    terms = terms if terms is not None else all_project_terms(catalogue)
    return [
        *(
            # The same document while the project and the records it names are unchanged.
            derived(
                p,
                "_search_document",
                named_records(p, catalogue),
                partial(project_document, p, catalogue, terms[p.id]),
            )
            for p in catalogue.projects.values()
        ),
        *(council_document(c, catalogue) for c in catalogue.councils.values()),
        *(makerday_document(d, catalogue) for d in catalogue.makerdays.values()),
    ]


def search_role(page: Page | None) -> str | None:
    """How a built page is indexed: "whole", "lead" (heading and lead paragraph only, for the
    first page of a list) or None (a record's page, indexed from the record, or a later page
    of a list). `page` is None for a Markdown page of docs/."""
    if page is None:
        return "whole"
    if page.record_path:
        return None
    if page.searchable:
        return "whole"
    return "lead" if page.in_nav else None


def content_document(url: str, title: str, content: str, role: str) -> SearchDocument:
    """The document for a page from its content before the theme wraps it: the theme adds
    only the title as a heading (when the content has none) and buttons search leaves out."""
    heading = "" if "<h1" in content else f"<h1>{title}</h1>"
    return article_document(url, heading + content, role)


def article_document(url: str, article: str, role: str) -> SearchDocument:
    if role == "lead":
        parts = [m.group(0) for m in (_HEADING.search(article), _LEAD.search(article)) if m]
        article = "".join(parts)
    return SearchDocument(url, _document(url, KIND_PAGE, article))
