"""A council's portfolio report, in every format, against Riverford's report worked out by hand
from tests/fixtures/portfolio (see its README): on 22 November 2026, changes since 1 September.

By hand: Riverford leads "Report a pothole with a photo" (discovery, started 20 September) and
"Bin collection reminders" (live; Hillbury joined 15 September, updated and reviewed 5 October,
Marsh Vale adopted it 1 November; service assessment 10 January 2027). It contributes to
Hillbury's "Comment on a planning application" (alpha; last update 10 January 2025, so its
review was due 180 days later, 9 July 2025; Riverford pledged 5 days on 12 October). It adopted
Marsh Vale's "Garden waste subscriptions" on 1 October (beta; updated 1 August, so a review is
due 28 January 2027). The window for "what is due" ends 90 days on, 20 February 2027.
Savings (pipeline.yml's default band points): Riverford's adoption of a 50k-100k service
avoided £50,000 to £100,000; Marsh Vale's adoption of its under-50k service, £10,000 to £50,000.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from generator.pages.model import CONTENT_SECURITY_POLICY, SiteSettings
from generator.pages.portfolio import embed_html, report_html
from generator.portfolio import formats
from generator.portfolio.model import Due, Portfolio, council_portfolio
from generator.savings.estimate import Money, estimate
from generator.settings import DEFAULT_BAND_POINTS
from generator.site.content import load
from tests.conftest import make_repository

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "portfolio"
TODAY = date(2026, 11, 22)
SINCE = date(2026, 9, 1)
SITE = SiteSettings(site_url="https://example.org/pipeline/")


def link(site_path: str) -> str:
    return SITE.page_url(site_path)


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory):
    root = make_repository(tmp_path_factory.mktemp("portfolio") / "repo", FIXTURE)
    (root / "README.md").unlink()
    return load(root, TODAY).catalogue


def report_of(catalogue, council: str = "riverford", since: date | None = SINCE) -> Portfolio:
    savings = estimate(catalogue, DEFAULT_BAND_POINTS)
    return council_portfolio(catalogue, council, TODAY, since, savings=savings)


def test_projects_are_grouped_by_section_and_phase(catalogue) -> None:
    report = report_of(catalogue)
    shape = [
        (s.key, [(g.phase, [e.project.id for e in g.entries]) for g in s.groups])
        for s in report.sections
    ]
    assert shape == [
        ("leads", [("discovery", ["pothole-reports"]), ("live", ["bin-reminders"])]),
        ("partners", [("alpha", ["planning-comments"])]),
        ("adopted", [("beta", ["garden-waste"])]),
    ]
    roles = {e.project.id: e.role_text for s in report.sections for e in s.entries}
    assert roles == {
        "pothole-reports": "Lead council",
        "bin-reminders": "Lead council",
        "planning-comments": "Contributor (helping)",
        "garden-waste": "Adopted it on 1 October 2026",
    }
    works = {e.project.id: [c.id for c in e.works_with] for s in report.sections for e in s.entries}
    assert works["bin-reminders"] == ["hillbury"]
    assert works["garden-waste"] == ["marsh"]
    assert works["pothole-reports"] == []


def test_changes_since_are_the_records_dated_events_in_the_window(catalogue) -> None:
    changes = {
        e.project.id: [(c.day.isoformat(), c.text) for c in e.changes]
        for s in report_of(catalogue).sections
        for e in s.entries
    }
    assert changes == {
        "pothole-reports": [("2026-09-20", "Started.")],
        "bin-reminders": [
            ("2026-11-01", "Marsh Vale adopted it."),
            ("2026-10-05", "Reminders now in Welsh too."),
            ("2026-10-05", "Its record was reviewed and is still right."),
            ("2026-09-15", "Hillbury joined as a partner."),
        ],
        "planning-comments": [
            ("2026-10-12", "Riverford pledged 5 days to Comment on a planning application.")
        ],
        "garden-waste": [("2026-10-01", "Riverford adopted it.")],
    }
    # A later --since leaves out what came before it, and the day itself counts.
    later = report_of(catalogue, since=date(2026, 10, 5))
    assert [(c.day, c.text) for c in later.sections[0].entries[1].changes] == [
        (date(2026, 11, 1), "Marsh Vale adopted it."),
        (date(2026, 10, 5), "Reminders now in Welsh too."),
        (date(2026, 10, 5), "Its record was reviewed and is still right."),
    ]
    assert later.totals.changes == 4


def test_default_since_is_ninety_days_before_today(catalogue) -> None:
    assert report_of(catalogue, since=None).since == date(2026, 8, 24)


def test_what_is_due(catalogue) -> None:
    report = report_of(catalogue)
    assert [(i.entry.project.id, i.due) for i in report.due] == [
        ("planning-comments", Due("Review", date(2025, 7, 9), True)),
        ("bin-reminders", Due("Service assessment", date(2027, 1, 10), False)),
        ("garden-waste", Due("Review", date(2027, 1, 28), False)),
    ]
    every = {e.project.id: e.due for s in report.sections for e in s.entries}
    # Outside the 90-day window, but still on the project.
    assert every["pothole-reports"] == (Due("Review", date(2027, 3, 19), False),)
    assert every["bin-reminders"] == (
        Due("Review", date(2027, 10, 5), False),
        Due("Service assessment", date(2027, 1, 10), False),
    )


def test_totals(catalogue) -> None:
    t = report_of(catalogue).totals
    assert (t.leads, t.partners, t.adopted, t.shares) == (2, 1, 1, 1)
    assert (t.changes, t.overdue, t.due_soon) == (7, 1, 2)
    assert t.savings.avoided == Money(50_000, 100_000)
    assert t.savings.others_avoided == Money(10_000, 50_000)
    assert t.savings.pledged_days == 5


def test_markdown(catalogue) -> None:
    text = formats.markdown(report_of(catalogue), link)
    assert text.startswith("# Riverford Borough Council: portfolio on Pipeline\n")
    numbers = text.split("## In numbers\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert numbers == [
        "- Leads 2 projects, partners in 1 project and adopted 1 service other councils built.",
        "- Shares 1 reusable service it leads or builds with others.",
        "- 7 changes recorded since 1 September 2026; 1 item overdue and 2 items due by "
        "20 February 2027.",
        "- Reuse saved it: in all, an estimated £50,000 to £100,000 not spent building its own.",
        "- Its work saved others: in all, an estimated £10,000 to £50,000 that other councils "
        "did not spend again.",
        "- Pledged 5 days of staff time to projects that are running or being built.",
    ]
    assert (
        "| [Comment on a planning application](https://example.org/pipeline/projects/"
        "planning-comments/) | Review overdue since 9 July 2025 |" in text
    )
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[2:] == [
        "## What is due",
        "## Projects it leads",
        "### Discovery",
        "#### [Report a pothole with a photo](https://example.org/pipeline/projects/pothole-reports/)",
        "### Live",
        "#### [Bin collection reminders](https://example.org/pipeline/projects/bin-reminders/)",
        "## Projects it partners in",
        "### Alpha",
        "#### [Comment on a planning application](https://example.org/pipeline/projects/"
        "planning-comments/)",
        "## Services it adopted",
        "### Beta",
        "#### [Garden waste subscriptions](https://example.org/pipeline/projects/garden-waste/)",
    ]
    assert "  - 15 September 2026: Hillbury joined as a partner." in text
    assert "- Due: Review due 5 October 2027; Service assessment due 10 January 2027" in text


def test_csv(catalogue) -> None:
    data = formats.csv_bytes(report_of(catalogue), link).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(data)))
    got = [
        (r["section"], r["phase"], r["id"], r["review_due"], r["assessment_due"], r["overdue"])
        for r in rows
    ]
    assert got == [
        ("leads", "discovery", "pothole-reports", "2027-03-19", "", ""),
        ("leads", "live", "bin-reminders", "2027-10-05", "2027-01-10", ""),
        ("partners", "alpha", "planning-comments", "2025-07-09", "", "Review"),
        ("adopted", "beta", "garden-waste", "2027-01-28", "", ""),
    ]
    assert rows[1]["changes"].splitlines()[0] == "2026-11-01: Marsh Vale adopted it."
    assert rows[1]["works_with"] == "hillbury"
    assert {r["changes_since"] for r in rows} == {"2026-09-01"}


def test_json(catalogue) -> None:
    data = json.loads(formats.json_bytes(report_of(catalogue), link))
    assert data["generated"] == "2026-11-22" and data["since"] == "2026-09-01"
    assert data["council"]["url"] == "https://example.org/pipeline/councils/riverford/"
    totals = data["totals"]
    assert totals["reuse_saved_it"] == {"low": 50_000, "high": 100_000}
    assert totals["reuse_saved_others"] == {"low": 10_000, "high": 50_000}
    assert (totals["leads"], totals["changes"], totals["overdue"]) == (2, 7, 1)
    assert data["due"][0] == {
        "project": "planning-comments", "what": "Review", "day": "2025-07-09", "overdue": True,
    }  # fmt: skip
    pothole = data["projects"][0]
    assert pothole["section"] == "leads" and pothole["latest_update"] is None
    assert pothole["changes"] == [{"date": "2026-09-20", "text": "Started."}]


def test_report_page(catalogue) -> None:
    page = report_html(report_of(catalogue), SITE)
    assert f'content="{CONTENT_SECURITY_POLICY}"' in page
    assert '<link rel="stylesheet" href="../../../assets/stylesheets/report.css">' in page
    assert '<a href="../../../projects/bin-reminders/">Bin collection reminders</a>' in page
    assert "<td>Review overdue since 9 July 2025</td>" in page
    assert page.count('class="pl-report__section') == 4
    assert "<script" not in page


def test_standalone_report_allows_only_its_own_stylesheet(catalogue) -> None:
    import base64
    import hashlib
    import re

    page = report_html(report_of(catalogue), SITE, standalone=True)
    style = re.search(r"<style>(.*?)</style>", page, re.DOTALL)
    assert style is not None
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in page
    assert '<a href="https://example.org/pipeline/projects/bin-reminders/">' in page


def test_embed_lists_the_projects_it_leads_and_partners_in(catalogue) -> None:
    page = embed_html(report_of(catalogue), SITE)
    # Newest sign of life first (reviewed 5 October 2026, updated 10 January 2025, none).
    titles = [
        "Bin collection reminders", "Comment on a planning application",
        "Report a pothole with a photo",
    ]  # fmt: skip
    positions = [page.index(f">{t}</a>") for t in titles]
    assert positions == sorted(positions)
    assert "Garden waste subscriptions" not in page  # adopted, not its own work
    assert page.count("<a ") == 4 and page.count('<a href="') == page.count('" target="_top">')


def test_record_text_cannot_format_the_markdown(catalogue) -> None:
    from dataclasses import replace

    report = report_of(catalogue)
    entry = report.sections[0].entries[0]
    hostile = replace(entry.project, title="[click](https://evil.example) <b>x</b>")
    groups = (replace(report.sections[0].groups[0], entries=(replace(entry, project=hostile),)),)
    sections = (replace(report.sections[0], groups=groups), *report.sections[1:])
    text = formats.markdown(replace(report, sections=sections, due=()), link)
    assert "[click](https://evil.example)" not in text
    assert "<b>" not in text


def test_each_record_says_whether_its_council_confirmed_it(catalogue) -> None:
    text = formats.markdown(report_of(catalogue), link)
    assert "- Record: Confirmed by &#64;riverford-example/digital on 5 October 2026" in text
    assert (
        text.count("- Record: Not confirmed by its council yet: written from public sources") == 3
    )
    rows = formats.csv_rows(report_of(catalogue), link)
    assert [row[-1] for row in rows] == ["", "2026-10-05", "", ""]


def test_an_abolished_council_says_so_and_names_who_took_over(catalogue) -> None:
    from dataclasses import replace

    marsh = replace(
        catalogue.councils["marsh"], end_date=date(2026, 4, 1), successors=("hillbury",)
    )
    changed = replace(catalogue, councils={**catalogue.councils, "marsh": marsh})
    report = report_of(changed, "marsh")
    page = report_html(report, SITE)
    assert "Abolished on 1 April 2026; its work passed to Hillbury." in page
    data = json.loads(formats.json_bytes(report, link))["council"]
    assert (data["end_date"], data["successors"]) == ("2026-04-01", ["hillbury"])
