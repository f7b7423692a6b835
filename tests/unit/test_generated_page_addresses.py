"""Generated pages work out their addresses without urljoin where that is plain appending: the
same addresses as MkDocs' own pages, for any site_url and page address."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st
from mkdocs.structure.pages import Page

from generator.mkdocs_plugin.html_page import HtmlPage

# Segments that are plain, and some that are not (dots, queries, escapes, empty).
segment = st.one_of(
    st.from_regex(r"[a-z0-9_-]{1,8}", fullmatch=True),
    st.sampled_from([".", "..", "a.b", "%2e", "a?b", "a#b", "", "~x", "A B"]),
)
host = st.from_regex(r"[a-z0-9-]{1,10}(\.[a-z]{2,3})?(:[0-9]{2,4})?", fullmatch=True)


@st.composite
def bases(draw: st.DrawFn) -> str | None:
    if draw(st.booleans()) and draw(st.booleans()):
        return draw(st.sampled_from([None, "", "/pipeline/", "pipeline"]))
    scheme = draw(st.sampled_from(["http", "https"]))
    path = "/".join(draw(st.lists(segment, max_size=3)))
    slash = draw(st.sampled_from(["", "/"]))
    return f"{scheme}://{draw(host)}{'/' + path if path else ''}{slash}"


@st.composite
def addresses(draw: st.DrawFn) -> str:
    parts = draw(st.lists(segment, max_size=4))
    return "".join(f"{p}/" for p in parts)


def _page(kind: type[Page], url: str, base: str | None) -> Page:
    page = object.__new__(kind)
    page.file = SimpleNamespace(url=url)  # type: ignore[assignment]
    page._set_canonical_url(base)
    return page


@given(bases(), addresses())
def test_the_same_addresses_as_mkdocs(base: str | None, url: str) -> None:
    ours, theirs = _page(HtmlPage, url, base), _page(Page, url, base)
    assert (ours.canonical_url, ours.abs_url) == (theirs.canonical_url, theirs.abs_url)


def test_a_plain_address_is_appended() -> None:
    page = _page(HtmlPage, "projects/find-my-bin-day/", "https://example.org/pipeline")
    assert page.canonical_url == "https://example.org/pipeline/projects/find-my-bin-day/"
    assert page.abs_url == "/pipeline/projects/find-my-bin-day/"
