"""Script injection: records with payloads in every text field of a project, a council and a
maker day are built into a site and opened in Chromium. Nothing may run and nothing may be
evaluated. The pages are opened with the CSP bypassed, so that the escaping and sanitising
are proved on their own; the CSP is a second wall, tested in test_content_security_policy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import payloads
from tests.browser.built_site import build_site, copy_site_sources
from tests.browser.pages import shown_pages
from tests.browser.serving import Served, serve
from tests.conftest import EXAMPLES, PROJECT_ROOT, make_repository

pytestmark = pytest.mark.browser

# Anything that could run script or leave the page, in the live DOM after the page has loaded.
FIND_DANGER = """() => {
  const found = [];
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name)) found.push(`${element.localName}[${attribute.name}]`);
    }
    // The one frame of our own: a council page's preview of its embed, at its own address.
    const preview = element.matches("iframe.pl-embed-preview[src='embed/']");
    if (["iframe", "object", "embed", "base", "frame"].includes(element.localName) && !preview) {
      found.push(element.localName);
    }
    if (element.localName === "meta" && element.httpEquiv.toLowerCase() === "refresh") {
      found.push("meta refresh");
    }
    if (element.localName === "script" && !element.src && element.type !== "application/json") {
      found.push(`inline script: ${element.textContent.slice(0, 60)}`);
    }
  }
  for (const link of document.querySelectorAll("a[href], area[href], form[action]")) {
    const url = link.href || link.action;
    if (!/^(https?|mailto):/i.test(url)) found.push(`${link.localName} to ${url}`);
  }
  return found;
}"""

# Links to anything but http(s) and mailto (javascript:, data:...) are clicked, as a reader
# would, to prove that even then nothing runs.
CLICK_UNSAFE_LINKS = """() => {
  let clicked = 0;
  for (const link of document.querySelectorAll("a[href]")) {
    if (!/^(https?|mailto):/i.test(link.href)) {
      link.click();
      clicked += 1;
    }
  }
  return clicked;
}"""


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    repository = make_repository(tmp_path_factory.mktemp("payloads") / "repo", EXAMPLES / "base")
    payloads.write_records(repository)
    copy_site_sources(PROJECT_ROOT, repository)
    site = build_site(repository, repository.parent / "site")
    with serve(site, policy="") as served:
        yield served


@pytest.mark.parametrize(
    ("folder", "record_id", "kind"), list(payloads.RECORDS), ids=lambda value: str(value)
)
def test_every_text_field_carries_a_payload(folder: str, record_id: str, kind: str) -> None:
    record = payloads.RECORDS[folder, record_id, kind]()
    schema = payloads.load_schema(PROJECT_ROOT, kind)
    empty = [
        ".".join(path)
        for path in payloads.text_fields(schema)
        if not (values := payloads.values_at(record, path))
        or not all(isinstance(value, str) and payloads.is_payload(value) for value in values)
    ]
    assert not empty, f"{kind} fields without a payload: {empty}"


def test_payload_records_are_on_their_pages(payload_site: Served) -> None:
    # The payloads must reach the pages, or the test below would prove nothing.
    for path in (
        "projects/pwned-project/",
        "councils/pwned-council/",
        "makerdays/pwned-maker-day/",
    ):
        page = payload_site.root / path / "index.html"
        assert page.is_file(), f"{path} was not built"
        assert "__pwned" in page.read_text(encoding="utf-8"), f"no payload text on {path}"


def live_payloads(page, served: Served) -> tuple[dict[str, list[str]], str]:
    """Open every page of a served site; what ran or could run on each, and all their text."""
    page.add_init_script("window.__pwned = 0;")
    failures: dict[str, list[str]] = {}
    texts = []
    for path in shown_pages(served.root):
        url = served.page(path)
        page.goto(url, wait_until="load")
        problems = [f"dangerous markup: {item}" for item in page.evaluate(FIND_DANGER)]
        page.wait_for_timeout(100)  # onerror/onload handlers of broken images fire after load
        if page.evaluate(CLICK_UNSAFE_LINKS):
            page.wait_for_timeout(500)  # a javascript: link runs in a task of its own
        if page.evaluate("window.__pwned") != 0:
            problems.append("a payload ran: window.__pwned was set")
        if page.url != url:
            problems.append(f"the page navigated away to {page.url}")
        problems += [f"dialog opened: {dialog}" for dialog in page.watch.dialogs]
        page.watch.dialogs.clear()
        if problems:
            failures[path or "/"] = problems
        texts.append(page.locator("body").inner_text())
    return failures, "\n".join(texts)


def test_nothing_runs_on_any_page(payload_site: Served, new_page) -> None:
    failures, text = live_payloads(new_page(bypass_csp=True), payload_site)
    assert not failures, failures
    assert payloads.TEMPLATE_LITERAL in text, "template expressions must show as written"
    assert payloads.TEMPLATE_RESULT not in text, "a template expression in a record was evaluated"


def test_nothing_runs_in_search_results(payload_site: Served, new_page) -> None:
    """The search's excerpts carry the records' text as written: shown as text, never run."""
    page = new_page(bypass_csp=True)
    page.add_init_script("window.__pwned = 0;")
    page.goto(payload_site.page("search/?q=pwned"), wait_until="load")
    page.locator(".pl-search-status").filter(has_text="result").wait_for()
    page.locator(".pl-search-results li").first.wait_for()
    page.wait_for_timeout(300)  # onerror handlers of broken images fire after load
    assert page.evaluate(FIND_DANGER) == []
    assert page.evaluate("window.__pwned") == 0
    assert page.watch.dialogs == []
    assert "<script>" in page.locator(".pl-search-results").inner_text()


def test_the_check_catches_live_payloads(tmp_path: Path, new_page) -> None:
    """The check above is not blind: on a page that does let payloads through, it reports them."""
    (tmp_path / "index.html").write_text(
        "<!doctype html><title>Unsafe</title>"
        '<img src=x onerror="window.__pwned=1">'
        "<p><a href=\"javascript:alert('pwned')\">a javascript: link</a></p>",
        encoding="utf-8",
    )
    with serve(tmp_path, policy="") as served:
        failures, _ = live_payloads(new_page(bypass_csp=True), served)
    problems = failures["/"]
    assert "a payload ran: window.__pwned was set" in problems
    assert "dangerous markup: img[onerror]" in problems
    assert any(problem.startswith("dialog opened: alert") for problem in problems)


def test_payload_text_is_shown_as_text(payload_site: Served, new_page) -> None:
    page = new_page()
    page.goto(payload_site.page("projects/pwned-project/"))
    title = page.locator("h1").first.inner_text()
    assert title == payloads.project()["title"], "the title is shown exactly as written"
