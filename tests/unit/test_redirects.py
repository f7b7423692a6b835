"""The page left at a renamed record's old address: where it sends people, and that search
engines drop the old address (noindex) and follow the canonical link."""

from __future__ import annotations

from html.parser import HTMLParser

from generator.pages.templating import relative_url
from generator.site.redirects import redirect_data_files, redirect_files, redirect_page
from tests.conftest import PROJECT_ROOT


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: list[dict[str, str | None]] = []
        self.links: list[dict[str, str | None]] = []
        self.anchors: list[str | None] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "meta":
            self.meta.append(found)
        elif tag == "link":
            self.links.append(found)
        elif tag == "a":
            self.anchors.append(found.get("href"))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_the_redirect_page_for_a_renamed_record() -> None:
    html = redirect_page(
        "projects/report-a-bin/",
        "projects/missed-bins/",
        site_url="https://localgovdigital.github.io/pipeline/",
        title='Missed bins <script>alert("x")</script>',
    )
    page = _Page()
    page.feed(html)
    refresh = next(m for m in page.meta if m.get("http-equiv") == "refresh")
    assert refresh["content"] == "0; url=../missed-bins/"
    assert {"name": "robots", "content": "noindex"} in page.meta
    assert page.links == [
        {
            "rel": "canonical",
            "href": "https://localgovdigital.github.io/pipeline/projects/missed-bins/",
        }
    ]
    assert page.anchors == ["../missed-bins/"]
    assert "<script>" not in html
    assert 'Missed bins <script>alert("x")</script> has moved' in "".join(page.text)
    assert '<html lang="en">' in html
    # The same Content-Security-Policy as every other page of the site.
    policy = next(m for m in page.meta if m.get("http-equiv") == "Content-Security-Policy")
    partial = PROJECT_ROOT / "site_overrides/partials/content-security-policy.html"
    assert f'content="{policy["content"]}"' in partial.read_text(encoding="utf-8")


def test_redirect_files_are_written_at_the_old_address() -> None:
    files = redirect_files({"projects/old/": "projects/new/"}, titles={"projects/new/": "New"})
    assert list(files) == ["projects/old/index.html"]
    assert "New has moved" in files["projects/old/index.html"]
    assert relative_url("projects/old/", "makerdays/x/") == "../../makerdays/x/"


def test_without_a_site_address_the_canonical_link_is_relative_and_names_no_section() -> None:
    page = _Page()
    page.feed(redirect_page("news/2026-11-09/", "news/2026-11/#week-2026-11-09"))
    assert {"name": "robots", "content": "noindex"} in page.meta
    assert page.links == [{"rel": "canonical", "href": "../2026-11/"}]
    assert page.anchors == ["../2026-11/#week-2026-11-09"]
    assert "This page has moved" in "".join(page.text)


def test_every_redirect_file_asks_not_to_be_indexed() -> None:
    files = redirect_data_files({"projects/a/": "projects/b/", "councils/c/": "councils/d/"})
    assert [f.path for f in files] == ["councils/c/index.html", "projects/a/index.html"]
    for file in files:
        page = _Page()
        page.feed(file.content.decode("utf-8"))
        assert {"name": "robots", "content": "noindex"} in page.meta, file.path
