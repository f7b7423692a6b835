"""A council's embed inside an <iframe> on another website, and its report as it prints.

The host page is served from a second origin, as a council's own website would be, and uses the
very code the council page offers to copy."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.serving import serve

pytestmark = pytest.mark.browser

COUNCIL = "leeds"
SITE_URL = "https://localgovdigital.github.io/pipeline/"  # mkdocs.yml's site_url


def snippet(served_site, council: str = COUNCIL, which: str = "embed-code") -> str:
    """The code to copy from the council page, pointed at the test server."""
    page = (served_site.root / "councils" / council / "index.html").read_text(encoding="utf-8")
    found = re.search(rf'<textarea id="{which}"[^>]*>(.*?)</textarea>', page, re.DOTALL)
    assert found, "the council page offers the code to copy"
    return html.unescape(found.group(1)).replace(SITE_URL, served_site.url)


@pytest.fixture
def council_website(tmp_path: Path):
    """Serve a page of 'a council's website', on its own origin, holding `body`."""
    servers = []

    def host(body: str) -> str:
        (tmp_path / "index.html").write_text(
            "<!doctype html><html lang=en><head><meta charset=utf-8><title>Our projects</title>"
            '<link rel="icon" href="data:,">'
            f"</head><body><h1>Our council's projects</h1>{body}</body></html>",
            encoding="utf-8",
        )
        context = serve(tmp_path, "")
        servers.append(context)
        return context.__enter__().url

    yield host
    for context in servers:
        context.__exit__(None, None, None)


def test_the_embed_works_in_an_iframe_on_a_councils_website(
    served_site, new_page, council_website
) -> None:
    code = snippet(served_site)
    assert code.startswith("<iframe ") and 'title="Leeds' in code
    page = new_page()
    page.goto(council_website(code), wait_until="load")
    frame = page.frame_locator("iframe")
    expect(frame.locator("h1")).to_have_text("Leeds's projects on Pipeline")
    links = frame.locator("a")
    assert links.count() >= 3
    for n in range(links.count()):
        assert links.nth(n).get_attribute("target") == "_top"
    # A link opens the full record in the whole window, not inside the frame.
    first = frame.locator("li h2 a").first
    title = first.inner_text()
    first.click()
    page.wait_for_url(re.compile(r"/pipeline/projects/[^/]+/$"))
    assert page.url.startswith(served_site.url)
    expect(page.locator("h1").first).to_have_text(title)
    assert page.watch.take() == []


def test_the_json_code_lists_the_projects_on_a_councils_website(
    served_site, new_page, council_website
) -> None:
    """The other code on the council page: the council's website reads the JSON file itself."""
    page = new_page()
    page.goto(council_website(snippet(served_site, which="json-code")), wait_until="load")
    links = page.locator("#pipeline-projects a")
    expect(links.first).to_be_visible()
    report = (served_site.root / "api" / "councils" / f"{COUNCIL}.json").read_text("utf-8")
    assert links.count() == report.count('"section":')
    assert (links.first.get_attribute("href") or "").startswith(SITE_URL + "projects/")
    assert page.watch.take() == []


def test_a_refused_frame_is_seen(served_site, new_page, council_website) -> None:
    """Pages other than the embed may not be framed (frame-ancestors 'none' in the header),
    and the watch reports it: the test above is not blind to a refused frame."""
    code = snippet(served_site).replace("/embed/", "/")
    page = new_page()
    page.goto(council_website(code), wait_until="load")
    seen: list[str] = []
    for _ in range(30):
        seen += page.watch.take()
        if any("frame-ancestors" in problem for problem in seen):
            break
        page.wait_for_timeout(100)
    assert any("frame-ancestors" in problem for problem in seen), seen


def test_the_council_page_previews_the_embed(served_site, new_page) -> None:
    page = new_page()
    page.goto(served_site.page(f"councils/{COUNCIL}/"), wait_until="load")
    preview = page.locator("iframe.pl-embed-preview")
    preview.scroll_into_view_if_needed()
    expect(page.frame_locator("iframe.pl-embed-preview").locator("h1")).to_have_text(
        "Leeds's projects on Pipeline"
    )
    assert page.watch.take() == []


def test_the_report_prints_without_navigation_one_section_to_a_page(served_site, new_page):
    page = new_page()
    page.goto(served_site.page(f"councils/{COUNCIL}/report/"), wait_until="load")
    expect(page.locator(".pl-report__tools")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".pl-report__tools")).to_be_hidden()
    breaks = page.evaluate(
        "() => [...document.querySelectorAll('.pl-report__section')]"
        ".map((s) => getComputedStyle(s).breakBefore)"
    )
    assert breaks[0] == "auto" and set(breaks[1:3]) == {"page"}, breaks
    pdf = page.pdf(format="A4")
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert pages >= 3, "the numbers, the projects it leads and those it partners in"
    assert page.watch.take() == []


@pytest.mark.parametrize("page_type", ["report", "embed"])
def test_every_link_shows_its_focus(served_site, new_page, page_type: str) -> None:
    """Tab through the page: every link takes focus in turn and shows it with an outline."""
    page = new_page()
    page.goto(served_site.page(f"councils/{COUNCIL}/{page_type}/"), wait_until="load")
    links = page.locator("a").count()
    seen = []
    for _ in range(links):
        page.keyboard.press("Tab")
        seen.append(
            page.evaluate(
                "() => { const a = document.activeElement, style = getComputedStyle(a);"
                " return [a.tagName, style.outlineStyle, style.outlineWidth]; }"
            )
        )
    assert seen == [["A", "solid", "3px"]] * links


@pytest.mark.parametrize("page_type", ["report", "embed"])
def test_nothing_is_wider_than_a_phone(served_site, new_page, page_type: str) -> None:
    """At 390 px the page scrolls only down (WCAG 1.4.10): long addresses wrap."""
    page = new_page("phone")
    page.goto(served_site.page(f"councils/{COUNCIL}/{page_type}/"), wait_until="load")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
