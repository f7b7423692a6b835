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
from markdown.treeprocessors import InlineProcessor, Treeprocessor

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


# Python-Markdown's inline patterns, as it registers them with the extensions below, and what
# each needs to find a match: backtick "`" (or "\\" before one), escape "\\", the links and
# images "[", autolink, automail and html "<", linebreak "  \n", entity "&", emphasis "*" or "_".
INLINE_PATTERNS = (
    "backtick", "escape", "reference", "link", "image_link", "image_reference",
    "short_reference", "short_image_ref", "autolink", "automail", "linebreak", "html",
    "entity", "em_strong",
)  # fmt: skip
_COULD_BE_INLINE = re.compile(r"[`\\\[<&*_]|  \n")


class _PlainTextPassed(InlineProcessor):
    """Text in which no inline pattern can match is left as it is, without trying each pattern
    in turn: most list items and many lines of a description, and about two fifths of the time
    Markdown took. The result is the same: with no match, every pattern leaves text unchanged.
    (tests/unit/test_markdown_safe.py compares it with the plain converter.)"""

    # Python-Markdown's own step for one piece of text; this is the name it calls it by.
    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if _COULD_BE_INLINE.search(data) is None:
            return data
        return super()._InlineProcessor__handleInline(data, patternIndex)  # type: ignore[misc]


class _PlainTextExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # Only over exactly the patterns above: a pattern added by another extension or
        # version might match without any of those characters.
        names = [name for name in INLINE_PATTERNS if name in md.inlinePatterns]
        if len(names) == len(INLINE_PATTERNS) == len(md.inlinePatterns):
            md.treeprocessors.register(_PlainTextPassed(md), "inline", 20)


def markdown_converter(*, plain_text_passed: bool = True) -> markdown.Markdown:
    """A converter for record text (`plain_text_passed=False`: without the shortcut)."""
    extensions: list[str | Extension] = ["tables", "sane_lists", _DemoteHeadingsExtension()]
    if plain_text_passed:
        extensions.append(_PlainTextExtension())
    return markdown.Markdown(extensions=extensions)


# One converter per thread, reset between texts: building one costs as much as converting a
# record's description, and a converter is not safe to share between threads.
_converters = threading.local()


def _converter() -> markdown.Markdown:
    md: markdown.Markdown | None = getattr(_converters, "md", None)
    if md is None:
        md = _converters.md = markdown_converter()
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
