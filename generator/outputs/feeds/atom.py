"""Atom 1.0 documents (RFC 4287), written as text: every value goes through the standard
library's XML escaper (`xml.sax.saxutils.escape`), text and attributes alike.

Every feed of the site goes through `document`, so each one has what feed readers rely on:
an id, a title, an updated time, a link to itself and to its page, an author, and entries that
each have an id, a title, an updated time and a link.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml"
AUTHOR = "LocalGov Digital"
# The year in entry ids (RFC 4151 tag URIs): fixed, so ids never change.
TAG_YEAR = "2026"
# What an attribute value escapes beyond `&`, `<` and `>`: its quote, and the whitespace that
# a parser would otherwise fold into spaces (as ElementTree writes them).
_ATTRIBUTE_ENTITIES = {'"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    updated: date
    url: str
    summary: str
    category: str | None = None


@dataclass(frozen=True)
class Feed:
    id: str
    title: str
    self_url: str
    page_url: str
    entries: Sequence[Entry]
    empty_updated: date  # `updated` of a feed with no entries yet
    subtitle: str = ""


def stamp(day: date) -> str:
    """RFC 3339 at midnight UTC: records give days, not times."""
    return f"{day.isoformat()}T00:00:00Z"


def tag_id(site_url: str, name: str) -> str:
    """A permanent entry id, `tag:example.org,2026:project/x/update/2026-08-20/1`."""
    host = urlsplit(site_url).hostname or "pipeline.invalid"
    return f"tag:{host},{TAG_YEAR}:{name}"


def _element(indent: str, tag: str, text: str, **attrs: str) -> str:
    """One childless element on its own line; empty text makes it self-closing."""
    quoted = "".join(
        f' {name}="{escape(value, _ATTRIBUTE_ENTITIES)}"' for name, value in attrs.items()
    )
    if not text:
        return f"{indent}<{tag}{quoted} />"
    return f"{indent}<{tag}{quoted}>{escape(text)}</{tag}>"


def document(feed: Feed) -> bytes:
    """The feed as indented UTF-8 XML; 1,400 of them are written for every build, so as text
    rather than through an ElementTree, which took most of the time."""
    newest = max((e.updated for e in feed.entries), default=feed.empty_updated)
    lines = [
        "<?xml version='1.0' encoding='utf-8'?>",
        f'<feed xmlns="{ATOM}">',
        _element("  ", "id", feed.id),
        _element("  ", "title", feed.title, type="text"),
    ]
    if feed.subtitle:
        lines.append(_element("  ", "subtitle", feed.subtitle, type="text"))
    lines += [
        _element("  ", "updated", stamp(newest)),
        _element("  ", "link", "", rel="self", type=MEDIA_TYPE, href=feed.self_url),
        _element("  ", "link", "", rel="alternate", type="text/html", href=feed.page_url),
        "  <author>",
        _element("    ", "name", AUTHOR),
        "  </author>",
    ]
    for item in feed.entries:
        lines += [
            "  <entry>",
            _element("    ", "id", item.id),
            _element("    ", "title", item.title, type="text"),
            _element("    ", "updated", stamp(item.updated)),
            _element("    ", "link", "", rel="alternate", type="text/html", href=item.url),
            _element("    ", "summary", item.summary, type="text"),
        ]
        if item.category:
            lines.append(_element("    ", "category", "", term=item.category))
        lines.append("  </entry>")
    lines.append("</feed>\n")
    # As ElementTree wrote it: a character UTF-8 cannot hold (a lone surrogate) as a reference.
    return "\n".join(lines).encode("utf-8", "xmlcharrefreplace")
