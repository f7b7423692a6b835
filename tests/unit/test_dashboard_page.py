"""The dashboard page body: charts followed by tables of the same data, record text escaped."""

from __future__ import annotations

import html
import random
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date, timedelta

import markdown
import pytest

from generator.catalogue.model import Catalogue, Council, Partner, Pledge, Project, RoleWanted
from generator.dashboard.page import dashboard_page
from generator.dashboard.wording import how_long
from tests.conftest import PROJECT_ROOT
from tests.dashboard_fixtures import SCRIPT, TODAY, small_catalogue, small_stale

SVG = "{http://www.w3.org/2000/svg}"
# The Markdown extensions mkdocs.yml turns on, so the page is read as the site reads it.
EXTENSIONS = ["admonition", "attr_list", "toc"]


def rendered(catalogue: Catalogue | None = None) -> str:
    page = dashboard_page(catalogue or small_catalogue(), TODAY, small_stale())
    return markdown.markdown(page.markdown, extensions=EXTENSIONS)


def figures(html: str) -> list[ET.Element]:
    """Each chart-and-table block, parsed as XML (so it must be well-formed)."""
    blocks = re.findall(
        r'<div class="pl-dashboard__figure">.*?</table>\s*</details>\s*</div>', html, re.S
    )
    return [ET.fromstring(b) for b in blocks]


def text(element: ET.Element) -> str:
    return "".join(element.itertext()).strip()


def test_record_text_is_escaped_through_markdown() -> None:
    html = rendered()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_every_chart_is_followed_by_a_table_of_its_data() -> None:
    blocks = figures(rendered())
    assert len(blocks) == 7  # councils, phase, area, collaboration, stale, pledges, maker days
    for block in blocks:
        svg, holder = list(block)
        assert svg.tag == f"{SVG}svg"
        # The table is folded under its chart, behind a summary that says what it holds.
        assert holder.tag == "details" and "open" not in holder.attrib
        assert text(holder.find("summary")) == "Show the figures as a table"
        table = holder.find("table")
        assert table.find("caption").text == svg.find(f"{SVG}title").text
        assert all(th.get("scope") == "col" for th in table.find("thead").iter("th"))
        rows = [list(tr) for tr in table.find("tbody")]
        assert all(r[0].tag == "th" and r[0].get("scope") == "row" for r in rows)
        if "pl-chart--bar" in svg.get("class"):
            labels = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "pl-chart__label"]
            values = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "pl-chart__value"]
            # Each bar's label names its row (maker-day bars add the date) and its value is
            # the row's first number.
            assert all(text(r[0]) in lb for r, lb in zip(rows, labels, strict=True))
            assert [next(text(c) for c in r if c.get("class") == "pl-num") for r in rows] == values
        else:
            circles = list(svg.iter(f"{SVG}circle"))
            assert len(circles) == len(rows)
            ticks = {
                float(t.text.rstrip("%")): float(t.get("y")) - 4
                for t in svg.iter(f"{SVG}text")
                if t.get("class") == "pl-chart__tick" and t.get("text-anchor") == "end"
            }
            zero, top = ticks[0], max(ticks)
            drawn = [(zero - float(c.get("cy"))) / (zero - ticks[top]) * top for c in circles]
            table_values = [float(text(r[-1]).rstrip("%")) for r in rows]
            assert drawn == pytest.approx(table_values, abs=0.5)


def test_chart_and_table_values_match_for_phases() -> None:
    block = figures(rendered())[1]
    svg, holder = list(block)
    values = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "pl-chart__value"]
    cells = [text(tr[1]) for tr in holder.find("table/tbody")]
    assert values == cells == ["1", "0", "1", "1", "1", "1"]


def test_lists_link_to_record_pages() -> None:
    html = rendered()
    assert 'href="../councils/c/"' in html  # most collaborative councils
    assert 'href="../projects/p1/"' in html  # looking for partners, open challenge
    assert 'href="../makerdays/m1/"' in html
    assert "The project needs review. Nothing has happened for 400 days." in html


def test_pledge_totals_in_days_and_pounds() -> None:
    html = rendered()
    assert ">10 days<" in html
    assert ">£500<" in html


def test_empty_catalogue_says_so_instead_of_drawing() -> None:
    page = dashboard_page(Catalogue({}, {}, {}, {}), TODAY, {})
    assert "No council has signed up to Pipeline yet" in page.markdown
    assert "No maker day is planned yet. To plan one" in page.markdown
    assert "No project has two or more councils yet." in page.markdown
    # Where there is nothing, a sentence and what to do: never a chart of zeros or a table.
    assert "No council has pledged time, money, data or testing" in page.markdown
    assert "No project offers a maker-day challenge yet." in page.markdown
    assert "No project needs review" in page.markdown and "No projects yet." in page.markdown
    html = markdown.markdown(page.markdown, extensions=EXTENSIONS)
    assert "<svg" not in html and "<table" not in html
    # Field names stay out of the explanations.
    assert "`" not in page.markdown


def test_a_jump_list_leads_to_every_section() -> None:
    html = rendered()
    headings = re.findall(r'<h2 id="([^"]+)">', html)
    jumps = re.findall(r'<li><a href="#([^"]+)">', html.split("<h2")[0])
    assert jumps == headings and len(headings) >= 10


@pytest.mark.parametrize(
    ("since", "expected"),
    [
        (date(2025, 6, 1), "less than a month"),
        (date(2025, 5, 30), "1 month"),
        (date(2024, 6, 30), "1 year"),
        (date(2014, 4, 1), "11 years, 2 months"),
    ],
)
def test_how_long(since: date, expected: str) -> None:
    assert how_long(since, TODAY) == expected


def big_catalogue(projects: int, councils: int = 400) -> Catalogue:
    rng = random.Random(6)
    council_ids = [f"council-{i}" for i in range(councils)]
    start = date(2014, 9, 11)
    made = {
        cid: Council(cid, f"councils/{cid}.yml", f"Council {i}", "unitary", "england",
                     joined=start + timedelta(days=rng.randrange(4000)))
        for i, cid in enumerate(council_ids)
    }  # fmt: skip
    phases = ["idea", "discovery", "alpha", "beta", "live", "retired"]
    found = {}
    for i in range(projects):
        pid = f"project-{i}"
        began = start + timedelta(days=rng.randrange(4400))
        found[pid] = Project(
            id=pid,
            path=f"projects/{pid}.yml",
            title=f"Project {i}",
            summary="S",
            phase=rng.choice(phases),
            lead_council=rng.choice(council_ids),
            partners=tuple(
                Partner(c, "partner", began + timedelta(days=rng.randrange(300)))
                for c in rng.sample(council_ids, rng.randrange(4))
            ),
            looking_for=(RoleWanted("developer"),) if i % 3 == 0 else (),
            pledges=(Pledge(council_ids[0], "time", 2),) if i % 5 == 0 else (),
            started=began,
        )
    return Catalogue(found, made, {}, {})


def test_ten_thousand_projects_build_quickly() -> None:
    catalogue = big_catalogue(10_000)
    started = time.perf_counter()
    page = dashboard_page(catalogue, date(2026, 11, 22), {})
    elapsed = time.perf_counter() - started
    assert "Most collaborative councils" in page.markdown
    assert elapsed < 2, f"{elapsed:.2f}s"


def test_script_council_name_is_escaped_in_the_council_list() -> None:
    page = dashboard_page(small_catalogue(), TODAY, small_stale())
    assert SCRIPT not in page.markdown
    # The name is still there, as text: the council list's row for it links to its page.
    escaped = html.escape(SCRIPT, quote=False)
    assert f'<th scope="row"><a href="../councils/c/">{escaped}</a></th>' in page.markdown


def test_dashboard_imports_no_mkdocs_click_or_site_pages() -> None:
    # generator.pages imports the dashboard, so the dashboard must not import it back.
    code = (
        "import sys, generator.dashboard.page; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'click') "
        "or m.startswith('generator.pages')]; assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=PROJECT_ROOT)


def test_no_pledges_is_said_in_words_not_drawn_as_zeros() -> None:
    pledged = small_catalogue()
    assert any(p.pledges for p in pledged.projects.values())
    unpledged = replace(
        pledged,
        projects={pid: replace(p, pledges=()) for pid, p in pledged.projects.items()},
    )
    html = rendered(unpledged)
    section = html.split('id="pledges-by-kind"', 1)[1].split("<h2", 1)[0]
    assert "pl-dashboard__figure" not in section  # no chart, no table
    assert "No council has pledged" in section
    assert 'href="../projects/"' in section
    assert "pledged besides" not in html  # nor "0 days and £0" in the savings
    assert "of staff time" in rendered(pledged)
    assert 'id="pledges-by-kind"' in rendered(pledged)
    with_chart = rendered(pledged).split('id="pledges-by-kind"', 1)[1].split("<h2", 1)[0]
    assert "pl-dashboard__figure" in with_chart
