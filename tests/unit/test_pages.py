"""Page generation as a pure function: no MkDocs, no files written."""

from __future__ import annotations

import itertools
import json
import posixpath
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import date

import markdown
import pytest
import yaml

from generator.markdown_safe import render_markdown
from generator.pages import projects as projects_module
from generator.pages.model import Page, SiteSettings
from generator.pages.paging import chunks
from generator.pages.templating import relative_url, site_relpath
from generator.site.compose import generate_site
from generator.site.content import load, read_schemas
from tests.conftest import PROJECT_ROOT, TODAY, catalogue_root


@dataclass(frozen=True)
class Stale:
    id: str
    reason: str
    last_activity: date | None
    days_overdue: int
    maintainers: tuple[str, ...]


@pytest.fixture(scope="module")
def catalogue():
    return load(catalogue_root(), TODAY).catalogue


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
        "contribute/fields/index.md",
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
    assert relative_url("contribute/fields/index.md", "api/#schemas") == "../../api/#schemas"


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
    body = _pages(catalogue)["contribute/fields/index.md"].body
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
        "import sys, generator.pages, generator.outputs, generator.site.content; "
        "assert not [m for m in sys.modules if m.startswith('mkdocs')]"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=PROJECT_ROOT)


def test_raw_html_pages_are_what_markdown_would_make_of_them(catalogue) -> None:
    """The plugin skips Markdown for `raw_html` pages; that must not change a byte."""
    config = yaml.load((PROJECT_ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    extensions = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    pages = _pages(catalogue)
    raw = [p for p in pages.values() if p.raw_html]
    assert len(raw) > len(pages) / 2 and not pages["contribute/approvals/index.md"].raw_html
    for page in raw:
        assert markdown.markdown(page.body, extensions=extensions) == page.body, page.path


def test_catalogue_is_split_into_pages_with_its_data_beside(catalogue, monkeypatch) -> None:
    monkeypatch.setattr(projects_module, "CATALOGUE_PAGE_SIZE", 3)
    pages = _pages(catalogue)
    count = -(-len(catalogue.projects) // 3)
    sources = ["projects/index.md", *(f"projects/page/{n}.md" for n in range(2, count + 1))]
    assert all(s in pages for s in sources) and f"projects/page/{count + 1}.md" not in pages
    second = pages["projects/page/2.md"]
    assert second.body.count('class="pl-card"') == 3 and not second.in_nav
    assert 'href="../../" rel="prev"' in second.body and 'href="../3/" rel="next"' in second.body
    assert 'aria-current="page"' in second.body and 'data-source="../../cards.json"' in second.body
    assert "Projects 4 to 6 of" in second.body
    shown = [p.body.split('data-id="', 1)[1].split('"')[0] for p in map(pages.get, sources)]
    assert len(set(shown)) == count  # each page starts with a different project

    content = generate_site(catalogue, SiteSettings(), today=TODAY)
    cards = next(f for f in content.files if f.path == "projects/cards.json")
    data = json.loads(cards.content)
    # Catalogue order: page after page, the same projects as the cards.
    assert [p["id"] for p in data["projects"]][3 : 3 * len(shown) : 3] == shown[1:]
    assert len(data["projects"]) == len(catalogue.projects)
    assert data["labels"]["phase"]["beta"] == "Beta"


def test_numbered_pages_offer_the_ends_and_the_neighbours() -> None:
    chunk = chunks("projects/", list(range(1000)), 50)[9]
    assert (chunk.number, chunk.count, chunk.first, chunk.last) == (10, 20, 451, 500)
    assert chunk.numbers() == [1, None, 8, 9, 10, 11, 12, None, 20]
    assert chunk.site_path == "projects/page/10/" and chunk.source == "projects/page/10.md"
    assert chunks("projects/", [], 50)[0].source == "projects/index.md"


def test_site_relpath_is_posix_relpath_for_site_paths() -> None:
    parts = ["", "projects", "projects/x", "projects/page/2", "councils/leeds", "a/b/c", "."]
    for target, start in itertools.product(parts, repeat=2):
        for t, s in ((target, start), (target + "/", start + "/"), (target + "/f.json", start)):
            t, s = t.lstrip("/") or ".", s.lstrip("/") or "."
            assert site_relpath(t, s) == posixpath.relpath(t, s), (t, s)


def test_what_officers_and_residents_meet_on_pages(catalogue) -> None:
    pages = _pages(catalogue)
    live = pages["projects/report-a-missed-bin.md"].body
    assert 'href="https://www.stockport.gov.uk/report-a-missed-bin">Use the service' in live
    assert "template=update-project.yml" in live and "template=join-project.yml" in live
    assert "a public form on GitHub" in live and "mailto:digital@stockport.gov.uk" in live
    pledged = pages["projects/garden-waste-subscription.md"].body
    assert "<table" in pledged.split('id="pledges"')[1].split("<h2")[0]  # it has pledges
    assert "Pledge time, money, data or testing" in pledged  # and still asks for more
    retired = pages["projects/council-tax-webchat-pilot.md"].body
    assert "Join this project" not in retired and "Pledge time" not in retired
    assert "Post an update" in retired
    assert "md-visually-hidden" not in "".join(p.body for p in pages.values())


def test_catalogue_labels_say_something(catalogue) -> None:
    body = _pages(catalogue)["projects/index.md"].body
    assert "Scotland: Scotland" not in body and '<option value="scotland">Scotland' in body
    assert "Someone from a highways or licensing team" in body  # an "other" role, in words
    home = _pages(catalogue)["index.md"].body
    assert 'href="browse/phase/live/"' in home  # a plain list: works without JavaScript
    assert "template=propose-project.yml" in home and "template=sign-up-council.yml" in home


def test_percent_reached_is_capped_and_survives_the_smallest_targets() -> None:
    from generator.catalogue.model import percent_reached

    assert percent_reached(5, 10) == 50
    assert percent_reached(0, 10) == 0
    assert percent_reached(99.6, 100) == 100
    assert percent_reached(30, 10) == 100
    assert percent_reached(3, None) is None and percent_reached(3, 0) is None
    # A target the schema accepts (any positive number), so small the ratio overflows.
    assert percent_reached(12.5, 5e-324) == 100


def test_retired_projects_are_listed_and_counted_apart(catalogue) -> None:
    pages = _pages(catalogue)
    retired = {p.title for p in catalogue.projects.values() if p.phase == "retired"}
    running = len(catalogue.projects) - len(retired)
    # The catalogue lists them after every project still running.
    titles = re.findall(
        r'<h2 class="pl-card__title"><a [^>]*>([^<]+)</a>', pages["projects/index.md"].body
    )
    assert set(titles[-len(retired) :]) == retired and not retired & set(titles[: -len(retired)])
    # The reusable services page keeps a retired service in a section of its own.
    services = pages["services/index.md"].body
    listed, apart = services.split('<h2 id="retired">')
    bin_texts = catalogue.projects["bin-day-text-reminders"].title
    assert bin_texts not in listed and bin_texts in apart
    # The home page counts only projects and services still running.
    home = pages["index.md"].body
    assert f"Browse {running} projects" in home
    reusable = sum(1 for p in catalogue.projects.values() if p.reusable and p.phase != "retired")
    assert f"<strong>{reusable}</strong> reusable services" in home
    assert f"{len(retired)} retired projects</a>, switched off and kept for the record" in home
