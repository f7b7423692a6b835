"""Record text made safe: Markdown to HTML for the site (rendered, then cleaned with an
allow-list), and plain text escaped for one line of GitHub Markdown (reports, issues, replies).

Description text comes from pull requests by anyone, so raw HTML, scripts, event handlers,
iframes and `javascript:`/`data:` URLs must never survive. Python-Markdown renders, nh3 (a
binding to the Rust `ammonia` sanitiser) keeps only the tags, attributes and URL schemes below.
"""

from __future__ import annotations

import html
import re
import threading
import xml.etree.ElementTree as ET
from functools import lru_cache

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = {
    "p", "br", "hr", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
    "del", "sup", "sub", "abbr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}


class _DemoteHeadings(Treeprocessor):
    """Headings in a description sit under the page's own h2 sections, so start them at h3."""

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if element.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                level = int(element.tag[1])
                element.tag = f"h{min(6, max(3, level + 1))}"


class _DemoteHeadingsExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_DemoteHeadings(md), "pipeline-demote-headings", 5)


# One converter per thread, reset between texts: building one costs as much as converting a
# record's description, and a converter is not safe to share between threads.
_converters = threading.local()


def _converter() -> markdown.Markdown:
    md: markdown.Markdown | None = getattr(_converters, "md", None)
    if md is None:
        md = markdown.Markdown(extensions=["tables", "sane_lists", _DemoteHeadingsExtension()])
        _converters.md = md
    return md


# Remembered across the rebuilds of `mkdocs serve`: an edit re-renders only the text it changed.
@lru_cache(maxsize=20_000)
def render_markdown(text: str) -> str:
    """HTML for untrusted Markdown: only an allow-list of tags, attributes and URL schemes."""
    html = _converter().reset().convert(text)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    )


_GITHUB_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|!~()#+={}])")


def github_inline(text: str, *, mentions: bool = False) -> str:
    """Plain text made safe for one line of GitHub Markdown (a table cell, list item or title).

    Whitespace runs (newlines too) become one space, HTML's special characters become entities
    and Markdown's are escaped, so nothing a record says can add a link, image, heading or HTML.
    `@` becomes an entity unless `mentions` is set, so a record cannot notify people.
    """
    escaped = _GITHUB_MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
    escaped = html.escape(escaped, quote=False)
    return escaped if mentions else escaped.replace("@", "&#64;")
