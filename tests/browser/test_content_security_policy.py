"""Every page works under the site's Content-Security-Policy, sent as a header and declared in a
<meta>: no inline script, no console errors, no failed requests."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.browser.pages import sample_pages
from tests.browser.serving import declared_policy

pytestmark = pytest.mark.browser


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def test_every_page_declares_the_same_strict_policy(example_site) -> None:
    policies = {
        path.relative_to(example_site).as_posix(): declared_policy(path.read_text("utf-8"))
        for path in example_site.rglob("*.html")
    }
    assert None not in policies.values(), [page for page, policy in policies.items() if not policy]
    assert len(set(policies.values())) == 1, policies
    policy = directives(next(iter(policies.values())))
    # 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly; it allows no eval of script.
    assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'"], "no inline script or eval"
    assert policy["worker-src"] == ["'self'"], "Pagefind's worker is a file of the site"
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert "https:" not in policy.get("connect-src", []), "no third-party requests"


def test_no_page_has_inline_script_or_event_handlers(example_site) -> None:
    inline = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>")
    handlers = re.compile(r"<[^>]+\son[a-z]+=", re.IGNORECASE)
    for path in sorted(example_site.rglob("*.html")):
        html, page = path.read_text(encoding="utf-8"), path.relative_to(example_site)
        assert not inline.search(html), f"inline <script> in {page}"
        assert not handlers.search(html), f"inline event handler in {page}"


def test_every_page_loads_cleanly_under_the_policy(served_site, shared_page) -> None:
    page = shared_page()
    failures = {}
    for path in sample_pages(served_site.root):
        response = page.goto(served_site.page(path), wait_until="load")
        assert response is not None
        assert "frame-ancestors" in response.headers["content-security-policy"]
        page.wait_for_timeout(50)  # let deferred theme code run
        problems = page.watch.take()
        if problems:
            failures[path or "/"] = problems
    assert not failures, failures


def test_the_policy_is_in_force(served_site, new_page) -> None:
    """An inline script is refused, and the refusal is seen: the checks above are not blind."""
    page = new_page()
    page.goto(served_site.page(""))
    with pytest.raises(PlaywrightError, match="violates the following Content Security Policy"):
        page.add_script_tag(content="window.__inline = 1;")
    assert page.evaluate("typeof window.__inline") == "undefined"
    # The browser reports the violation as an event a moment later: wait for it, briefly.
    seen: list[str] = []
    for _ in range(50):
        seen += page.watch.take()
        if any("CSP violation: script-src" in problem for problem in seen):
            break
        page.wait_for_timeout(100)
    assert any("CSP violation: script-src" in problem for problem in seen), seen


def test_site_search_works_under_the_policy(served_site, new_page) -> None:
    """Pagefind's script, worker and WebAssembly load under the policy: 'wasm-unsafe-eval' is
    all it needs, and nothing is reported."""
    page = new_page()
    page.goto(served_site.page(""))
    page.locator("#pl-header-search-q").fill("councils")
    page.locator("#pl-header-search-q").press("Enter")
    # "councils" is read as the kind of result wanted: "12 results (Council)."
    page.locator(".pl-search-status").filter(has_text="results").wait_for()
    assert page.locator(".pl-search-results li").count() >= 1
    assert page.watch.take() == []


def test_only_the_search_page_loads_pagefind(served_site, new_page) -> None:
    """A page view costs nothing for search: no request to /pagefind/ until someone searches."""
    page = new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(served_site.page(""), wait_until="load")
    page.goto(served_site.page("projects/report-a-missed-bin/"), wait_until="load")
    page.goto(served_site.page("search/"), wait_until="load")
    assert not [url for url in requested if "/pagefind/" in url]
    page.locator("#pl-search-q").fill("bin")
    page.locator("#pl-search-q").press("Enter")
    page.locator(".pl-search-status").filter(has_text="results for").wait_for()
    assert any(url.endswith("/pagefind/pagefind.js") for url in requested)
    assert page.watch.take() == []
