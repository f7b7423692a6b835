"""What the site search indexes, and the words both searches know a record by (pure functions)."""

from __future__ import annotations

import dataclasses
import re

import pytest

from generator.pages.model import Page
from generator.pages.search_documents import (
    content_document,
    project_document,
    record_documents,
    search_role,
)
from generator.pages.search_terms import project_search_text, project_terms
from generator.similarity.text import words
from generator.site.content import load
from tests.conftest import TODAY, catalogue_root


@pytest.fixture(scope="module")
def catalogue():
    return load(catalogue_root(), TODAY).catalogue


def _project(catalogue, title: str):
    return next(p for p in catalogue.projects.values() if p.title == title)


def _searchable(project, catalogue) -> set[str]:
    """Every word the catalogue's filter matches: the card's own words and the search text."""
    own = words(f"{project.title} {project.summary}")
    return set(own) | set(project_search_text(project, catalogue).split())


def _weight(document: str, text: str) -> float:
    match = re.search(rf'data-pagefind-weight="([\d.]+)">[^<]*{re.escape(text)}', document)
    assert match, f"{text!r} is not weighted in the document"
    return float(match.group(1))


def test_a_project_is_found_by_its_service_words_areas_and_every_council(catalogue) -> None:
    project = _project(catalogue, "Find my bin day")
    text = _searchable(project, catalogue)
    # The record says "bin"; "rubbish" and "household waste" come from synonyms.yml.
    assert {"bin", "rubbish", "household", "waste", "recycling"} <= set(text)
    for council_id in project.councils:
        name = catalogue.councils[council_id].name.lower().split()
        assert set(name) <= set(text), f"partner {council_id} is not searchable"


def test_both_waste_projects_are_found_by_waste(catalogue) -> None:
    for title in ("Find my bin day", "Report a missed bin"):
        project = _project(catalogue, title)
        assert "waste" in _searchable(project, catalogue), title


def test_synonyms_only_for_what_the_record_is_about(catalogue) -> None:
    parking = _project(catalogue, "Apply for a parking permit")
    assert "rubbish" not in _searchable(parking, catalogue)


def test_title_counts_above_summary_above_the_rest(catalogue) -> None:
    project = _project(catalogue, "Report a missed bin")
    document = project_document(project, catalogue).html
    title = _weight(document, project.title)
    summary = _weight(document, project.summary[:20])
    terms = _weight(document, "Phase:")
    synonyms = _weight(document, "Also known as")
    assert title > summary > terms > synonyms
    assert project_terms(project, catalogue)["Phase"][0] in document


def test_a_project_has_filters_for_kind_phase_area_and_council(catalogue) -> None:
    project = _project(catalogue, "Report a missed bin")
    document = project_document(project, catalogue).html
    filters = dict.fromkeys(
        re.findall(r'data-pagefind-filter="([^"\[]+)\[data-value\]" data-value="([^"]*)"', document)
    )
    keys = {key for key, _ in filters}
    assert keys == {"kind", "phase", "service area", "council"}
    assert ("kind", "Project") in filters
    lead = catalogue.councils[project.lead_council].name
    assert ("council", lead) in filters


def test_record_text_is_escaped_in_documents(catalogue) -> None:
    project = _project(catalogue, "Report a missed bin")
    hostile = dataclasses.replace(project, title='<img src=x onerror="alert(1)">')
    document = project_document(hostile, catalogue).html
    assert "<img" not in document and "&lt;img" in document


def test_every_record_has_one_document(catalogue) -> None:
    urls = [d.url for d in record_documents(catalogue)]
    assert len(urls) == len(set(urls))
    expected = len(catalogue.projects) + len(catalogue.councils) + len(catalogue.makerdays)
    assert len(urls) == expected
    assert "projects/report-a-missed-bin/" in urls


def test_which_built_pages_are_indexed_and_how() -> None:
    record = Page("projects/x.md", "X", "", "", record_path="projects/x.yml")
    first_list = Page("services/index.md", "Services", "", "", searchable=False)
    later_list = Page("services/page/2.md", "Services", "", "", in_nav=False, searchable=False)
    guide = Page("contribute/fields.md", "Fields", "", "")
    assert search_role(record) is None  # indexed from the record itself
    assert search_role(first_list) == "lead"
    assert search_role(later_list) is None
    assert search_role(guide) == "whole"
    assert search_role(None) == "whole"  # a Markdown page of docs/


def test_a_list_page_is_indexed_by_its_heading_and_lead_only() -> None:
    content = (
        '<h1 id="s">Reusable services</h1><p class="pl-lead">Services councils can reuse.</p>'
        "<ul><li>Report a missed bin</li></ul>"
    )
    lead = content_document("services/", "Reusable services", content, "lead")
    assert "Reusable services" in lead.html and "Services councils can reuse" in lead.html
    assert "missed bin" not in lead.html
    whole = content_document("services/", "Reusable services", content, "whole")
    assert "missed bin" in whole.html
    assert 'data-value="Page"' in whole.html


def test_a_page_without_a_heading_is_indexed_under_its_title() -> None:
    # The theme shows the title as the heading of such a page; search shows it too.
    document = content_document("about/", "About Pipeline", "<p>Who runs it.</p>", "whole")
    assert "<h1>About Pipeline</h1>" in document.html
    assert "Who runs it." in document.html
