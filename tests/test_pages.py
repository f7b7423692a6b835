"""Page generation as a pure function: no MkDocs, no files written."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from datetime import date

import pytest

from generator.building import load, read_schemas
from generator.markdown_safe import render_markdown
from generator.pages import Page, SiteSettings, generate_site
from generator.pages.templating import relative_url
from tests.conftest import PROJECT_ROOT, TODAY


@dataclass(frozen=True)
class Stale:
    id: str
    reason: str
    last_activity: date | None
    days_overdue: int
    maintainers: tuple[str, ...]


@pytest.fixture(scope="module")
def catalogue():
    return load(PROJECT_ROOT, TODAY).catalogue


def _pages(catalogue, **kwargs) -> dict[str, Page]:
    content = generate_site(
        catalogue, SiteSettings(), today=TODAY, schemas=read_schemas(PROJECT_ROOT), **kwargs
    )
    paths = [p.path for p in content.pages]
    assert len(paths) == len(set(paths))
    return {p.path: p for p in content.pages}


def test_a_page_for_every_record_outside_the_nav(catalogue) -> None:
    pages = _pages(catalogue)
    for kind, records in (
        ("projects", catalogue.projects),
        ("councils", catalogue.councils),
        ("makerdays", catalogue.makerdays),
    ):
        for record_id, record in records.items():
            page = pages[f"{kind}/{record_id}.md"]
            assert not page.in_nav and page.record_path == record.path
    sections = [p for p in pages.values() if p.in_nav]
    assert {p.path for p in sections} >= {
        "index.md",
        "projects/index.md",
        "services/index.md",
        "challenges/index.md",
        "makerdays/index.md",
        "councils/index.md",
        "review/index.md",
        "contribute/fields.md",
    }


def test_front_matter_escapes_titles_and_descriptions() -> None:
    page = Page("x.md", 'A <b>"title"</b>', "desc <script>", "<p>body</p>")
    assert page.text.startswith("---\ntitle: A &lt;b&gt;&quot;title&quot;&lt;/b&gt;\n")
    assert "description: desc &lt;script&gt;" in page.text


def test_relative_urls_between_pages() -> None:
    assert relative_url("index.md", "projects/") == "projects/"
    assert relative_url("projects/index.md", "projects/x/") == "x/"
    assert relative_url("projects/x.md", "councils/leeds/") == "../../councils/leeds/"
    assert relative_url("projects/x.md", "") == "../../"
    assert relative_url("contribute/fields.md", "api/#schemas") == "../../api/#schemas"


@pytest.mark.parametrize(
    "markdown, forbidden",
    [
        ("<script>alert(1)</script>", "<script"),
        ("[x](javascript:alert(1))", "javascript:"),
        ("[x](data:text/html,hi)", "data:"),
        ('<img src=x onerror="alert(1)">', "onerror"),
        ('<iframe src="https://x.example"></iframe>', "<iframe"),
        ('<a href="https://ok.example" onclick="alert(1)">x</a>', "onclick"),
        ("<style>body{}</style>", "<style"),
    ],
)
def test_markdown_is_sanitised(markdown: str, forbidden: str) -> None:
    assert forbidden not in render_markdown(markdown).lower()


def test_markdown_keeps_formatting_and_demotes_headings() -> None:
    html = render_markdown("# Top\n\n## Part\n\n**bold** [link](https://a.example)")
    assert "<h3>Top</h3>" in html and "<h3>Part</h3>" in html
    assert "<strong>bold</strong>" in html
    assert '<a href="https://a.example" rel="nofollow noopener noreferrer">link</a>' in html


def test_stale_projects_are_badged_listed_and_not_offered_as_challenges(catalogue) -> None:
    offered = next(p for p in catalogue.projects.values() if p.challenge and p.phase != "retired")
    other = next(p for p in catalogue.projects.values() if p.id != offered.id)
    stale = {
        offered.id: Stale(offered.id, "Nothing for 400 days.", date(2025, 1, 1), 30, ("@a",)),
        other.id: Stale(other.id, "Assessment overdue.", None, 90, ()),
    }
    pages = _pages(catalogue, stale=stale)
    assert offered.id not in pages["challenges/index.md"].body
    assert "This project needs review" in pages[f"projects/{offered.id}.md"].body
    card = pages["projects/index.md"].body.split(f'data-id="{offered.id}"', 1)[1]
    assert card.split("</li>", 1)[0].count("Needs review") == 1
    review = pages["review/index.md"].body
    assert review.index(f"projects/{other.id}/") < review.index(f"projects/{offered.id}/")
    assert "Nothing for 400 days." in review


def test_similar_projects_render_only_when_given(catalogue) -> None:
    a, b = list(catalogue.projects)[:2]
    assert "Similar projects" not in _pages(catalogue)[f"projects/{a}.md"].body
    page = _pages(catalogue, similar={a: [(b, 0.8), ("missing", 0.5)]})[f"projects/{a}.md"]
    assert "Similar projects" in page.body and f'href="../{b}/"' in page.body


def test_field_reference_covers_every_schema_property(catalogue) -> None:
    body = _pages(catalogue)["contribute/fields.md"].body
    for kind in ("project", "council", "makerday"):
        schema = json.loads((PROJECT_ROOT / f"schema/{kind}.schema.json").read_text())
        for key in schema["properties"]:
            assert f'id="{kind}-{key.replace("_", "-")}"' in body, (kind, key)
    assert "<code>co-develop</code>" in body  # allowed values come from the enums


def test_data_files_are_generated(catalogue) -> None:
    content = generate_site(catalogue, SiteSettings(), today=TODAY, schemas={"x.json": "{}"})
    files = {f.path for f in content.files}
    assert files >= {"api/projects.json", "feed.xml", "makerdays.ics", "projects.csv"}
    assert "schema/x.json" in files


def test_page_generation_imports_no_mkdocs() -> None:
    code = (
        "import sys, generator.pages, generator.outputs, generator.building; "
        "assert not [m for m in sys.modules if m.startswith('mkdocs')]"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=PROJECT_ROOT)
