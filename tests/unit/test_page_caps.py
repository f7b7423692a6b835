"""Where long lists are cut short or split, each at its edge: a list exactly the size of a page
or a cap is shown whole, and one more item starts a page or a note saying where the rest are."""

from __future__ import annotations

from datetime import date, timedelta

from generator.catalogue.model import Adoption, Catalogue, Council, Project, Reuse, Update
from generator.dashboard.links import Links
from generator.dashboard.savings import SHOWN, savings_section
from generator.dashboard.timeline import MAX_QUARTERS, periods
from generator.digest.model import Digest
from generator.pages.facts import latest_updates
from generator.pages.model import SiteInputs, SiteSettings
from generator.pages.news_archive import PAGE_BUDGET, pack
from generator.pages.paging import chunks
from generator.pages.savings import NAMED, method_page
from generator.savings.estimate import estimate
from generator.settings import DEFAULT_BAND_POINTS

TODAY = date(2026, 11, 22)


def catalogue(*projects: Project, councils: int = 1) -> Catalogue:
    made = {
        f"c{n}": Council(f"c{n}", f"councils/c{n}.yml", f"Council {n}", "unitary", "england")
        for n in range(councils)
    }
    return Catalogue({p.id: p for p in projects}, made, {}, {})


def project(id: str, phase: str = "live", **fields) -> Project:
    return Project(id, f"projects/{id}.yml", id.title(), "S.", phase, "c0", **fields)


def test_a_list_the_size_of_a_page_is_one_page_and_one_more_makes_two() -> None:
    assert [len(c.items) for c in chunks("projects/", list(range(50)), 50)] == [50]
    assert [len(c.items) for c in chunks("projects/", list(range(51)), 50)] == [50, 1]
    assert [len(c.items) for c in chunks("projects/", [], 50)] == [0]  # the page is still there
    (last,) = chunks("projects/", list(range(51)), 50)[1:]
    assert (last.first, last.last, last.count, last.site_path) == (51, 51, 2, "projects/page/2/")


def test_the_latest_updates_are_the_newest_up_to_the_limit() -> None:
    days = [TODAY - timedelta(days=n) for n in range(9)]
    busy = project("busy", updates=tuple(Update(d, f"Update {d}") for d in days))
    found = latest_updates(catalogue(busy), 8)
    assert [u.update.date for u in found] == days[:8]
    assert len(latest_updates(catalogue(busy), 9)) == 9


def adopted(count: int) -> Catalogue:
    """`count` live reusable services, each adopted by one other council."""
    services = [
        project(f"s{n:02}", budget="under-50k", reusable=True,
                reuse=Reuse(adoptions=(Adoption("c1"),)))
        for n in range(count)
    ]  # fmt: skip
    return catalogue(*services, councils=2)


def test_the_dashboard_names_the_largest_services_and_says_where_the_rest_are() -> None:
    def section(count: int) -> str:
        records = adopted(count)
        return "\n".join(savings_section(estimate(records, DEFAULT_BAND_POINTS), records, Links()))

    assert "largest of" not in section(SHOWN)
    assert section(SHOWN).count("../projects/s") == SHOWN
    more = section(SHOWN + 1)
    assert f"The {SHOWN} largest of {SHOWN + 1} services are shown." in more
    assert "../projects/s15/" not in more.split("The 15 largest")[0]


def test_the_method_page_names_ten_retired_projects_and_counts_the_rest() -> None:
    def page(count: int) -> str:
        retired = [
            project(f"r{n:02}", phase="retired", budget="under-50k", reusable=True,
                    reuse=Reuse(adoptions=(Adoption("c1"),)))
            for n in range(count)
        ]  # fmt: skip
        return method_page(SiteInputs(catalogue(*retired, councils=2), SiteSettings(), TODAY)).body

    assert page(NAMED).count("projects/r") == NAMED
    assert "retired projects</a>" not in page(NAMED)
    more = page(NAMED + 1)
    assert more.count("projects/r") == NAMED
    assert "and 1 more <a href=" in more and "retired projects</a>" in more


def test_charts_show_quarters_up_to_the_limit_then_years() -> None:
    first = date(2021, 1, 1)  # 24 quarters: 2021 Q1 to 2026 Q4
    assert len(periods(first, date(2026, 12, 31))) == MAX_QUARTERS
    assert {p.kind for p in periods(first, date(2026, 12, 31))} == {"quarter"}
    assert [p.label for p in periods(first, date(2027, 1, 1))] == [
        str(y) for y in range(2021, 2028)
    ]


def test_a_month_page_holds_weeks_up_to_its_budget() -> None:
    weeks = [Digest(date(2026, 1, 5 + 7 * n), date(2026, 1, 11 + 7 * n), (), ()) for n in range(3)]
    half = PAGE_BUDGET // 2
    exactly = {weeks[0].key: half, weeks[1].key: PAGE_BUDGET - half, weeks[2].key: 1}
    assert [len(g) for g in pack(weeks, exactly)] == [2, 1]
    over = {**exactly, weeks[1].key: PAGE_BUDGET - half + 1}
    assert [len(g) for g in pack(weeks, over)] == [1, 2]
