"""Per-record Atom feeds: one for every project, council and service area, and maker days.

Each feed is checked against the rules of Atom 1.0 (RFC 4287) that feed validators apply, and
each page that can be followed names its feed in its head and with a visible Follow link.
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
import xml.etree.ElementTree as ET
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from click.testing import CliRunner

from generator.catalogue.model import Update
from generator.cli import cli
from generator.events import catalogue_events, project_events
from generator.pages.model import SiteSettings
from generator.site.content import load
from tests.conftest import catalogue_root
from tests.site_helpers import parse_html, site_repository

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = SiteSettings().site_url
RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = site_repository(tmp_path_factory.mktemp("feeds") / "repo")
    with contextlib.chdir(repo):
        result = CliRunner().invoke(
            cli, ["build", "--today", "2026-11-22"], env={"GITHUB_ACTIONS": ""}
        )
    assert result.exit_code == 0, result.output
    return repo / "site"


@pytest.fixture(scope="module")
def catalogue():
    return load(catalogue_root(), date(2026, 11, 22)).catalogue


def _one(parent: ET.Element, tag: str) -> ET.Element:
    found = parent.findall(f"{ATOM}{tag}")
    assert len(found) == 1, f"{len(found)} <{tag}> in <{parent.tag}>"
    return found[0]


def _time(element: ET.Element) -> datetime:
    text = element.text or ""
    assert RFC3339.fullmatch(text), text
    return datetime.fromisoformat(text)


def check_atom(path: Path, site: Path) -> ET.Element:
    """The rules of RFC 4287 a feed validator checks, for the feed at `path` in `site`."""
    root = ET.parse(path).getroot()
    assert root.tag == f"{ATOM}feed"
    own_url = urljoin(SITE_URL, path.relative_to(site).as_posix())
    assert _one(root, "id").text == own_url
    assert (_one(root, "title").text or "").strip()
    updated = _time(_one(root, "updated"))
    links = {link.get("rel", "alternate"): link for link in root.findall(f"{ATOM}link")}
    assert links["self"].get("href") == own_url
    assert links["self"].get("type") == "application/atom+xml"
    assert links["alternate"].get("href", "").startswith(SITE_URL)
    assert _one(_one(root, "author"), "name").text  # so no entry needs its own author
    ids, times = set(), []
    for entry in root.findall(f"{ATOM}entry"):
        entry_id = _one(entry, "id").text or ""
        assert urlsplit(entry_id).scheme in {"tag", "https"}, entry_id
        assert entry_id not in ids, f"{path}: {entry_id} twice"
        ids.add(entry_id)
        assert (_one(entry, "title").text or "").strip()
        times.append(_time(_one(entry, "updated")))
        link = _one(entry, "link")
        assert link.get("rel") == "alternate" and link.get("href", "").startswith(SITE_URL)
        assert _one(entry, "summary").get("type") == "text"
    assert times == sorted(times, reverse=True), f"{path}: entries not newest first"
    assert not times or updated == times[0]
    return root


def test_every_followable_record_has_a_valid_feed(site: Path, catalogue) -> None:
    wanted = [
        *(f"feeds/project-{i}.xml" for i in catalogue.projects),
        *(f"feeds/council-{i}.xml" for i in catalogue.councils),
        *(f"feeds/service-{i}.xml" for i in catalogue.service_areas),
        "feeds/makerdays.xml",
        "feeds/news.xml",
        "feed.xml",
    ]
    entries = 0
    for name in wanted:
        entries += len(check_atom(site / name, site).findall(f"{ATOM}entry"))
    assert entries > 200


def test_a_project_feed_has_each_kind_of_event(site: Path) -> None:
    root = check_atom(site / "feeds/project-report-a-missed-bin.xml", site)
    entries = root.findall(f"{ATOM}entry")
    kinds = {e.find(f"{ATOM}category").get("term") for e in entries}
    assert kinds >= {"started", "update", "phase", "partner", "reviewed"}
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert "Report a missed bin moved to live" in titles
    assert "Norwich joined Report a missed bin" in titles
    assert entries[0].findtext(f"{ATOM}id") == (
        "tag:localgovdigital.github.io,2026:project/report-a-missed-bin/update/2026-08-20/1"
    )


def test_a_council_feed_follows_its_projects_and_maker_days(site: Path, catalogue) -> None:
    root = check_atom(site / "feeds/council-west-berkshire.xml", site)
    links = {e.find(f"{ATOM}link").get("href") for e in root.findall(f"{ATOM}entry")}
    theirs = {p.id for p in catalogue.projects_by_council["west-berkshire"]}
    hosted = {d.id for d in catalogue.makerdays.values() if "west-berkshire" in d.hosts}
    assert hosted, "the example records should have a maker day West Berkshire hosts"
    expected = {f"{SITE_URL}projects/{i}/" for i in theirs}
    expected |= {f"{SITE_URL}makerdays/{i}/" for i in hosted}
    assert links <= expected | {f"{SITE_URL}councils/west-berkshire/"}
    assert links & {f"{SITE_URL}makerdays/{i}/" for i in hosted}


def test_a_service_area_feed_has_only_its_projects(site: Path, catalogue) -> None:
    root = check_atom(site / "feeds/service-waste-and-recycling.xml", site)
    links = {e.find(f"{ATOM}link").get("href") for e in root.findall(f"{ATOM}entry")}
    assert links
    for link in links:
        project_id = link.removeprefix(f"{SITE_URL}projects/").strip("/")
        assert "waste-and-recycling" in catalogue.projects[project_id].service_areas


@pytest.mark.parametrize(
    "page",
    [
        "projects/report-a-missed-bin/index.html",
        "councils/west-berkshire/index.html",
        "makerdays/index.html",
        "makerdays/local-democracy-maker-day/index.html",
        "news/index.html",
        "news/2026-11-09/index.html",
        "index.html",
    ],
)
def test_pages_name_their_feed_in_the_head_and_with_a_follow_link(site: Path, page: str) -> None:
    html = (site / page).read_text(encoding="utf-8")
    head = html.split("</head>", 1)[0]
    link = r'<link rel="alternate" type="application/atom\+xml" [^>]*href="([^"]+)"'
    found = re.search(link, head)
    assert found, page
    feed = (site / page).parent / found.group(1)
    assert feed.resolve().is_file()
    check_atom(feed.resolve(), site)
    body = html.split("</head>", 1)[1]
    assert re.search(
        r'<a href="[^"]*feeds/[a-z-]+\.xml" type="application/atom\+xml">Follow ', body
    )
    assert "feed reader" in body and "feed-to-email" in body


def test_the_services_list_links_every_area_feed(site: Path, catalogue) -> None:
    page = site / "services/index.html"
    links = {link for link in parse_html(page).links if "feeds/service-" in link}
    used = {a for p in catalogue.projects.values() for a in p.service_areas}
    assert links == {f"../feeds/service-{a}.xml" for a in used}
    for link in links:
        assert (page.parent / link).resolve().is_file(), link


def test_entry_ids_do_not_change_when_other_entries_change(catalogue) -> None:
    before = {e.uid for e in catalogue_events(catalogue)}
    project = catalogue.projects["report-a-missed-bin"]
    same_day = Update(project.updates[0].date, "Another update on the same day.")
    later = Update(date(2026, 11, 20), "A newer update.")
    changed = dataclasses.replace(project, updates=(later, same_day, *project.updates))
    after = {e.uid for e in project_events(changed, catalogue)}
    mine = {u for u in before if u.startswith("project/report-a-missed-bin/")}
    assert mine < after
    assert after - mine == {
        "project/report-a-missed-bin/update/2026-11-20/1",
        "project/report-a-missed-bin/update/2026-08-20/2",
    }


def test_feeds_are_reproducible(site: Path, tmp_path: Path) -> None:
    repo = site_repository(tmp_path / "repo")
    with contextlib.chdir(repo):
        result = CliRunner().invoke(
            cli, ["build", "--today", "2026-11-22"], env={"GITHUB_ACTIONS": ""}
        )
    assert result.exit_code == 0, result.output
    for feed in [site / "feed.xml", *site.glob("feeds/*.xml")]:
        again = repo / "site" / feed.relative_to(site)
        assert again.read_bytes() == feed.read_bytes(), feed


def test_the_feeds_folder_has_the_sitemap_material_looks_for(site: Path) -> None:
    """Material asks for sitemap.xml in the folder of every rel=alternate link: it is there."""
    root = ET.parse(site / "feeds/sitemap.xml").getroot()
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    head = (site / "projects/report-a-missed-bin/index.html").read_text(encoding="utf-8")
    alternates = re.findall(r'<link rel="alternate"[^>]*href="([^"]+)"', head)
    assert alternates == ["../../feeds/project-report-a-missed-bin.xml"]


def test_the_built_news_shows_similar_projects_and_links_its_feed(site: Path) -> None:
    """The site passes its similarity results to the news, as `pipeline digest` works its own."""
    week = (site / "news/2026-11-09/index.html").read_text(encoding="utf-8")
    assert '<h2 id="similar">Similar projects started this week</h2>' in week
    check_atom(site / "feeds/news.xml", site)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="news/2026-11-09/"' in home
