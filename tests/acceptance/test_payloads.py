"""Record text is untrusted: script and template payloads in every text field end up inert."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.site_helpers import search_records, site_repository

P = '<script>alert(1)</script>"><img src=x onerror=alert(1)>{{ 7*7 }}{% raw %}${7*7}'
MARKDOWN = (
    f"{P}\n\n[click](javascript:alert(1)) [data](data:text/html,<script>alert(2)</script>)\n\n"
    '<iframe src="https://evil.example"></iframe>\n\n<a href="javascript:alert(3)" '
    'onclick="alert(4)">raw</a>\n\n<svg onload=alert(5)></svg>\n\n```\n{P}\n```\n'
)
URL = "https://example.com/?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E&x='onmouseover=alert(1)"


def _quoted(text: str) -> str:
    return json.dumps(text)


PROJECT = f"""title: {_quoted(P)}
summary: {_quoted(P + " summary")}
description: {_quoted(MARKDOWN)}
phase: beta
lead_council: evil-council
partners:
  - council: hackney
    role: partner
    since: 2026-11-02
collaboration: co-develop
looking_for:
  - role: developer
    commitment: {_quoted(P)}
pledges:
  - council: hackney
    kind: money
    amount: 100
    note: {_quoted(P)}
    date: 2026-11-03
target:
  money: 1000
tags: [safe-tag]
reusable: true
reuse:
  licence: MIT
  repository: {_quoted(URL)}
  documentation: {_quoted(URL)}
  adopted_by: [hackney]
links:
  - title: {_quoted(P)}
    url: {_quoted(URL)}
contact:
  name: {_quoted(P)}
  role: {_quoted(P)}
  email: team@example.com
started: 2026-10-01
updates:
  - date: 2026-11-01
    text: {_quoted(P)}
last_reviewed: 2026-11-01
challenge:
  problem: {_quoted(P)}
  help_wanted: {_quoted(P)}
"""

COUNCIL = f"""name: {_quoted(P)}
short_name: {_quoted(P[:60])}
type: unitary
nation: england
region: {_quoted(P)}
website: {_quoted(URL)}
joined: 2020-01-01
links:
  - title: {_quoted(P)}
    url: {_quoted(URL)}
"""

MAKERDAY = f"""title: {_quoted(P)}
description: {_quoted(MARKDOWN)}
start: 2027-02-01T09:30:00+00:00
end: 2027-02-01T17:00:00+00:00
venue:
  name: {_quoted(P)}
  town: {_quoted(P)}
  postcode: RG14 2DR
hosts: [evil-council]
registration: {_quoted(URL)}
sponsors:
  - name: {_quoted(P)}
    url: {_quoted(URL)}
    tier: sme
challenges:
  - project: evil-project
  - title: {_quoted(P)}
    problem: {_quoted(P)}
    council: evil-council
outputs:
  - title: {_quoted(P)}
    kind: code
    url: {_quoted(URL)}
    challenge: {_quoted(P)}
"""


class _Inspector(HTMLParser):
    """Everything in an HTML file that a browser would run or load from record text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # The theme draws icons with inline <svg>; an svg from a record would carry on* too.
        # The one iframe of our own: a council page's preview of its embed, at its own address.
        own = tag == "iframe" and dict(attrs).get("class") == "pl-embed-preview"
        if own and dict(attrs).get("src") == "embed/":
            pass
        elif tag in {"iframe", "object", "embed"} or (
            tag == "img" and dict(attrs).get("src") == "x"
        ):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=>")
            risky = ("javascript:", "data:", "vbscript:")
            url = name in {"href", "src", "action", "formaction"} and value
            if url and value.strip().lower().startswith(risky):
                self.found.append(f"<{tag} {name}={value!r}>")
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and "alert(" in data:
            self.found.append(f"<script>{data[:40]}")


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = site_repository(tmp_path_factory.mktemp("payloads") / "repo")
    header = "# yaml-language-server: $schema=../schema/{}.schema.json\n"
    (repo / "projects/evil-project.yml").write_text(header.format("project") + PROJECT)
    (repo / "councils/evil-council.yml").write_text(header.format("council") + COUNCIL)
    (repo / "makerdays/evil-day.yml").write_text(header.format("makerday") + MAKERDAY)
    with contextlib.chdir(repo):
        result = CliRunner().invoke(
            cli, ["build", "--today", "2026-11-22"], env={"GITHUB_ACTIONS": ""}
        )
    assert result.exit_code == 0, result.output
    return repo / "site"


def test_no_executable_markup_in_any_html_page(payload_site: Path) -> None:
    found = []
    pages = list(payload_site.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        inspector = _Inspector()
        inspector.feed(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(payload_site)}: {x}" for x in inspector.found]
    assert not found, "\n".join(found[:20])


def test_no_markup_in_json_or_xml(payload_site: Path) -> None:
    for path in payload_site.glob("api/*.json"):
        text = path.read_text(encoding="utf-8")
        assert "<script>alert" not in text and "<img src=x" not in text, path
    # The search's records hold the text as written ("<script>" included), which the search
    # page shows as text only: tests/browser/test_script_injection.py proves nothing runs.
    assert "/councils/evil-council/" in search_records(payload_site)
    feed = ET.parse(payload_site / "feed.xml").getroot()
    assert not [e for e in feed.iter() if "script" in e.tag or "img" in e.tag]
    for path in payload_site.rglob("*.md"):  # nothing generated is left as Markdown
        raise AssertionError(path)


def test_payloads_are_shown_as_text_not_evaluated(payload_site: Path) -> None:
    escaped = (
        "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
        "{{ 7*7 }}{% raw %}${7*7}"
    )
    for page in (
        "projects/evil-project/index.html",
        "councils/evil-council/index.html",
        "makerdays/evil-day/index.html",
        "projects/index.html",
        "challenges/index.html",
        "dashboard/index.html",
    ):
        text = (payload_site / page).read_text(encoding="utf-8").replace("&#34;", "&quot;")
        assert escaped in text, page
    project = (payload_site / "projects/evil-project/index.html").read_text(encoding="utf-8")
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;&#34;&gt;&lt;img" in project
    assert ">49<" not in project and " 49 " not in project


def test_data_files_keep_the_exact_text(payload_site: Path) -> None:
    projects = json.loads((payload_site / "api/projects.json").read_text(encoding="utf-8"))
    evil = next(p for p in projects["projects"] if p["id"] == "evil-project")
    assert evil["title"] == P and evil["contact"]["name"] == P
    raw = (payload_site / "api/projects.json").read_text(encoding="utf-8")
    assert "<" not in raw and ">" not in raw  # escaped as \\u003c, safe to embed in HTML

    feed = ET.parse(payload_site / "feed.xml").getroot()
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert P in titles

    calendar = icalendar.Calendar.from_ical((payload_site / "makerdays.ics").read_bytes())
    assert P in [str(e["summary"]) for e in calendar.walk("VEVENT")]

    rows = list(csv.DictReader(io.StringIO((payload_site / "projects.csv").read_text("utf-8-sig"))))
    assert next(r for r in rows if r["id"] == "evil-project")["title"] == P


def test_feeds_keep_record_text_as_text(payload_site: Path) -> None:
    """Every text field that reaches a feed arrives as the exact text, never as markup."""
    atom = "{http://www.w3.org/2005/Atom}"
    feeds = [payload_site / "feed.xml", *payload_site.glob("feeds/*.xml")]
    assert len(feeds) > 30
    texts = []
    for path in feeds:
        root = ET.parse(path).getroot()  # a payload that broke the XML would fail here
        assert not [e for e in root.iter() if "script" in e.tag or "img" in e.tag], path
        texts += [e.text or "" for e in root.iter() if e.tag in {f"{atom}title", f"{atom}summary"}]
    project = ET.parse(payload_site / "feeds/project-evil-project.xml").getroot()
    summaries = [e.text for e in project.iter(f"{atom}summary")]
    assert P in summaries  # the update's text and the pledge's note
    assert f"New project: {P}" in [e.text for e in project.iter(f"{atom}title")]
    council = ET.parse(payload_site / "feeds/council-evil-council.xml").getroot()
    assert council.findtext(f"{atom}title") == f"{P} - Pipeline"
    assert any(P in t for t in texts if "Maker day: " in t)


def test_spreadsheet_formulas_are_defused() -> None:
    from generator.reporting import safe_cell

    assert safe_cell('=HYPERLINK("https://evil")') == '\'=HYPERLINK("https://evil")'
    assert safe_cell("+1") == "'+1" and safe_cell("-1") == "'-1" and safe_cell("@SUM") == "'@SUM"
    assert safe_cell("Report a pothole") == "Report a pothole"
