"""A full build of the example repository, shared by every test here (builds take seconds)."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import icalendar
import pytest
from click.testing import Result

from generator.outputs import api
from tests.conftest import CATALOGUE, PROJECT_ROOT
from tests.site_helpers import broken_links, search_records, site_repository

TODAY = "2026-11-22"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`pipeline build` of a copy of the example repository."""
    import contextlib

    from click.testing import CliRunner

    from generator.cli import cli

    repo = site_repository(tmp_path_factory.mktemp("example") / "repo")
    with contextlib.chdir(repo):
        result = CliRunner().invoke(cli, ["build", "--today", TODAY], env={"GITHUB_ACTIONS": ""})
    assert result.exit_code == 0, result.output
    # One line, no progress bars (not a terminal): pages, time, where.
    assert re.fullmatch(r"Built \d[\d,]* pages in \d+\.\d s → site/\n", result.output)
    return repo / "site"


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_type_is_built(built_site: Path) -> None:
    for path in (
        "index.html",
        "projects/index.html",
        "projects/report-a-missed-bin/index.html",
        "services/index.html",
        "challenges/index.html",
        "makerdays/index.html",
        "makerdays/pipeline-maker-day-2027/index.html",
        "councils/index.html",
        "councils/west-berkshire/index.html",
        "contribute/index.html",
        "contribute/fields/index.html",
        "accessibility/index.html",
        "api/index.html",
        "review/index.html",
        "dashboard/index.html",
        "api/projects.json",
        "api/councils.json",
        "api/makerdays.json",
        "schema/project.schema.json",
        "feed.xml",
        "makerdays.ics",
        "projects.csv",
    ):
        assert (built_site / path).is_file(), path
    for record in (CATALOGUE / "projects").glob("*.yml"):
        assert (built_site / "projects" / record.stem / "index.html").is_file()


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    broken = broken_links(built_site, html_pages(built_site))
    assert not broken, "\n".join(broken)


def test_record_pages_are_not_in_the_nav(built_site: Path) -> None:
    # A hand-written page's HTML is all theme and nav apart from its own text.
    page = (built_site / "accessibility/index.html").read_text(encoding="utf-8")
    assert "Reusable services" in page and "../services/" in page
    assert "report-a-missed-bin" not in page and "councils/leeds" not in page


def test_search_index_covers_records_with_useful_titles(built_site: Path) -> None:
    """Pagefind's index is written in the build; no reader downloads a whole-site index."""
    assert not (built_site / "search/search_index.json").exists()
    assert (built_site / "pagefind/pagefind.js").is_file()
    records = search_records(built_site)
    titles = {url: r["meta"]["title"] for url, r in records.items()}
    assert titles["/projects/report-a-missed-bin/"] == "Report a missed bin"
    assert titles["/councils/west-berkshire/"] == "West Berkshire Council"
    assert titles["/makerdays/pipeline-maker-day-2027/"] == "Pipeline Maker Day 2027"
    assert titles["/contribute/"]  # the guides too
    project = records["/projects/report-a-missed-bin/"]
    assert project["filters"]["kind"] == ["Project"]
    assert set(project["filters"]) == {"kind", "phase", "service area", "council"}
    # Facts read as sentences, not table cells run together ("PhaseBeta").
    assert "Phase: " in project["content"]


def test_project_page_shows_record_and_links(built_site: Path) -> None:
    page = (built_site / "projects/garden-waste-subscription/index.html").read_text()
    assert "<title>Subscribe to garden waste collection - Pipeline</title>" in page
    assert (
        "https://github.com/localgovdigital/pipeline/edit/main/projects/garden-waste-subscription.yml"
        in page
    )
    assert (
        "https://github.com/localgovdigital/pipeline/commits/main/projects/garden-waste-subscription.yml"
        in page
    )
    assert (
        "issues/new?template=join-project.yml" in page
        and "project=garden-waste-subscription" in page
    )
    assert '<progress id="progress-money" max="100" value="50">' in page
    assert "£15,000 pledged of a £30,000 target (50%)" in page
    assert "How the beta phase works" not in page and "how-the-beta-phase-works" in page


class _EditLinks(HTMLParser):
    """The theme's own edit buttons (Material's `content.action.edit`), and the links a page
    gives, by their words, to edit its record file."""

    def __init__(self) -> None:
        super().__init__()
        self.buttons: list[str | None] = []
        self.record_links: list[str | None] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag != "a":
            return
        if (
            "md-content__button" in (found.get("class") or "").split()
            and found.get("rel") == "edit"
        ):
            self.buttons.append(found.get("href"))
        self._href, self._text = found.get("href"), []

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and "".join(self._text).strip() == "Edit the record file on GitHub":
            self.record_links.append(self._href)


def edit_links(page: Path) -> _EditLinks:
    links = _EditLinks()
    links.feed(page.read_text(encoding="utf-8"))
    return links


def test_a_record_page_links_its_record_file_and_the_theme_button_stays_off(built_site) -> None:
    # The link named for what it opens, not any address on the page that happens to match.
    repo = "https://github.com/localgovdigital/pipeline/edit/main/"
    for page, record in (
        ("projects/garden-waste-subscription/", "projects/garden-waste-subscription.yml"),
        ("councils/west-berkshire/", "councils/west-berkshire.yml"),
        ("makerdays/pipeline-maker-day-2027/", "makerdays/pipeline-maker-day-2027.yml"),
    ):
        assert edit_links(built_site / page / "index.html").record_links == [repo + record]
    # The theme's pencil button is off (mkdocs.yml, README): on a guide page it would open a
    # Markdown file people cannot usefully edit, and record pages have their own link.
    for page in ("projects/garden-waste-subscription/", "accessibility/", ""):
        assert edit_links(built_site / page / "index.html").buttons == [], page


def test_api_keys_are_stable_and_documented(built_site: Path) -> None:
    docs = (PROJECT_ROOT / "docs/api/index.md").read_text(encoding="utf-8")
    for name, keys in (
        ("projects", ("id", "url", "source_url", *api.PROJECT_KEYS, *api.PROJECT_EXTRA)),
        ("councils", ("id", "url", "source_url", *api.COUNCIL_KEYS, *api.COUNCIL_EXTRA)),
        ("makerdays", ("id", "url", "source_url", *api.MAKERDAY_KEYS)),
    ):
        document = json.loads((built_site / f"api/{name}.json").read_text(encoding="utf-8"))
        assert document["version"] == 1 and document["generated"] == TODAY
        assert document["count"] == len(document[name]) > 0
        for item in document[name]:
            assert tuple(item) == keys
            assert item["url"] == f"https://localgovdigital.github.io/pipeline/{name}/{item['id']}/"
    # Record fields are documented by the field reference (from the schemas); the rest here.
    extra = (*api.PROJECT_EXTRA, *api.COUNCIL_EXTRA)
    for key in ("id", "url", "source_url", "version", "generated", "count", *extra):
        assert f"`{key}`" in docs, key
    for kind, keys in (
        ("project", api.PROJECT_KEYS),
        ("council", api.COUNCIL_KEYS),
        ("makerday", api.MAKERDAY_KEYS),
    ):
        schema = json.loads((PROJECT_ROOT / f"schema/{kind}.schema.json").read_text())
        assert list(keys) == list(schema["properties"]), kind


def test_calendar_parses_with_icalendar(built_site: Path) -> None:
    calendar = icalendar.Calendar.from_ical((built_site / "makerdays.ics").read_bytes())
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    event = events["pipeline-maker-day-2027@localgovdigital.github.io"]
    assert str(event["summary"]) == "Pipeline Maker Day 2027"
    assert event.decoded("dtstart").isoformat() == "2027-03-18T09:30:00+00:00"
    past = events["local-democracy-maker-day@localgovdigital.github.io"]
    assert past.decoded("dtend").isoformat() == "2015-09-12"  # whole day: ends the day after


def test_feed_is_well_formed_atom(built_site: Path) -> None:
    root = ET.parse(built_site / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert entries and all(e.find(f"{ATOM}updated") is not None for e in entries)
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)


def test_csv_has_a_row_per_project(built_site: Path) -> None:
    text = (built_site / "projects.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(list((CATALOGUE / "projects").glob("*.yml")))
    assert {r["id"] for r in rows} >= {"report-a-missed-bin", "pipeline"}


def test_catalogue_page_stays_light(built_site: Path) -> None:
    import gzip

    page = (built_site / "projects/index.html").read_text(encoding="utf-8")
    cards = page.split('id="pl-cards"', 1)[1].split(">", 1)[1].split("</ul>", 1)[0]
    per_card = len(gzip.compress(cards.encode())) / cards.count('class="pl-card"')
    # Gzipped bytes per card, generous for small samples: 1,000 cards stay under ~300 KB.
    assert per_card < 280


def test_invalid_records_do_not_touch_the_site(
    tmp_path: Path, run_pipeline: Callable[..., Result]
) -> None:
    repo = site_repository(tmp_path / "repo")
    (repo / "site").mkdir()
    (repo / "site/index.html").write_text("old site")
    broken = repo / "projects/report-a-missed-bin.yml"
    broken.write_text(broken.read_text().replace("phase: live", "phase: finished"))
    result = run_pipeline(repo, "build", "--today", TODAY)
    assert result.exit_code == 1
    assert "projects/report-a-missed-bin.yml:" in result.output
    assert "not built" in result.output
    assert (repo / "site/index.html").read_text() == "old site"
    assert [p.name for p in repo.iterdir() if p.name.startswith(".site")] == []


def test_failed_mkdocs_build_leaves_the_old_site(
    tmp_path: Path, run_pipeline: Callable[..., Result]
) -> None:
    repo = site_repository(tmp_path / "repo")
    (repo / "site").mkdir()
    (repo / "site/index.html").write_text("old site")
    (repo / "docs/projects").mkdir()
    (repo / "docs/projects/index.md").write_text("# Clashes with the generated catalogue\n")
    result = run_pipeline(repo, "build", "--today", TODAY)
    assert result.exit_code == 1, result.output
    assert "clashes with a page Pipeline generates" in result.output
    assert (repo / "site/index.html").read_text() == "old site"
    assert [p.name for p in repo.iterdir() if p.name.startswith(".site")] == []


def test_rendered_folder_builds_without_the_plugin(
    tmp_path: Path, run_pipeline: Callable[..., Result]
) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    repo = site_repository(tmp_path / "repo")
    result = run_pipeline(repo, "render", "--out", "rendered", "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert (repo / "rendered/projects/report-a-missed-bin/index.md").is_file()
    assert (repo / "rendered/accessibility.md").is_file()
    (repo / "render.yml").write_text("INHERIT: mkdocs.yml\ndocs_dir: rendered\nplugins: [search]\n")
    config = load_config(config_file=str(repo / "render.yml"), site_dir=str(tmp_path / "out"))
    config.strict = True
    build(config)
    assert (tmp_path / "out/projects/report-a-missed-bin/index.html").is_file()


def test_lists_of_records_stay_out_of_search(built_site: Path) -> None:
    """A search finds the record's own page; a list is found by its heading and lead only, and
    its later pages not at all."""
    records = search_records(built_site)
    services = records["/services/"]["content"]
    assert "Reusable services" in services
    assert "Report a missed bin" not in services
    assert not [url for url in records if "/page/" in url]
    assert {"/", "/projects/report-a-missed-bin/", "/councils/leeds/"} <= set(records)
    assert "/search/" not in records


def test_dashboard_is_in_the_nav_with_charts_and_tables(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="dashboard/"' in home
    page = (built_site / "dashboard/index.html").read_text(encoding="utf-8")
    assert "<title>Dashboard - Pipeline</title>" in page
    figures = page.split('<div class="pl-dashboard__figure">')[1:]
    assert len(figures) == 9  # seven charts, and two in "What reuse has saved"
    for figure in figures:  # the chart, then its table
        assert figure.index('role="img"') < figure.index("<table>") < figure.index("<caption>")
    assert 'href="../projects/pipeline/"' in page and 'href="../councils/leeds/"' in page


def test_project_pages_show_similar_projects_from_the_records(built_site: Path) -> None:
    page = (built_site / "projects/report-a-missed-bin/index.html").read_text(encoding="utf-8")
    similar = page.split('id="similar"', 1)[1]
    assert 'href="../find-my-bin-day/"' in similar
    lonely = (built_site / "projects/street-party-applications/index.html").read_text()
    assert 'id="similar"' not in lonely


def _current_tab(page: Path) -> str | None:
    """The address the highlighted tab links to, relative to the page."""
    found = re.search(
        r'<li class="md-tabs__item md-tabs__item--active">\s*<a href="([^"]*)"', page.read_text()
    )
    return found.group(1) if found else None


def test_a_record_page_shows_its_section_as_current(built_site: Path) -> None:
    """Record pages are outside the navigation; their section's tab is the highlighted one."""
    project = next(
        p for p in (built_site / "projects").glob("*/index.html") if "page" not in p.parts
    )
    assert _current_tab(project) == "../"
    assert _current_tab(built_site / "councils" / "hackney" / "index.html") == "../"
    makerday = next((built_site / "makerdays").glob("*/index.html"))
    assert _current_tab(makerday) == "../"
    week = next(p for p in (built_site / "news").glob("*/index.html"))
    assert _current_tab(week) == "../"
    assert _current_tab(built_site / "projects" / "index.html") == "./"  # the section's own page
    assert _current_tab(built_site / "accessibility" / "index.html") is None  # in no section
    # Only one tab is ever highlighted.
    assert project.read_text().count("md-tabs__item--active") == 1
