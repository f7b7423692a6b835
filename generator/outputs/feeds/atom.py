"""Atom 1.0 documents (RFC 4287), written as text: every value goes through the standard
library's XML escaper (`xml.sax.saxutils.escape`), text and attributes alike.

Every feed of the site goes through `document`, so each one has what feed readers rely on:
an id, a title, an updated time, a link to itself and to its page, an author, and entries that
each have an id, a title, an updated time and a link.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
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
_NEEDS_ESCAPING = re.compile('[&<>"\r\n\t]')
_TEXT = ' type="text"'


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    updated: date
    url: str
    summary: str
    category: str | None = None

    @cached_property
    def xml(self) -> str:
        """The entry's lines: written once, though one event is in several feeds."""
        category = f'\n    <category term="{_attribute(self.category)}" />' if self.category else ""
        return (
            f"  <entry>\n    {_tag('id', self.id)}\n"
            f"    {_tag('title', self.title, _TEXT)}\n"
            f"    <updated>{stamp(self.updated)}</updated>\n"
            f'    <link rel="alternate" type="text/html" href="{_attribute(self.url)}" />\n'
            f"    {_tag('summary', self.summary, _TEXT)}{category}\n  </entry>"
        )


@dataclass(frozen=True)
class Feed:
    id: str
    title: str
    self_url: str
    page_url: str
    entries: Sequence[Entry]
    empty_updated: date  # `updated` of a feed with no entries yet
    subtitle: str = ""
    # The site path of the XSLT that shows the feed as a readable page in a browser.
    stylesheet: str = ""


def stamp(day: date) -> str:
    """RFC 3339 at midnight UTC: records give days, not times."""
    return f"{day.isoformat()}T00:00:00Z"


def tag_id(site_url: str, name: str) -> str:
    """A permanent entry id, `tag:example.org,2026:project/x/update/2026-08-20/1`."""
    return f"tag:{_host(site_url)},{TAG_YEAR}:{name}"


@lru_cache(maxsize=16)  # one site address, asked for every entry of every feed
def _host(site_url: str) -> str:
    return urlsplit(site_url).hostname or "pipeline.invalid"


def _tag(tag: str, text: str, attributes: str = "") -> str:
    """A childless element with text; empty text makes it self-closing (as ElementTree does)."""
    if not text:
        return f"<{tag}{attributes} />"
    return f"<{tag}{attributes}>{escape(text)}</{tag}>"


def _attribute(value: str) -> str:
    return escape(value, _ATTRIBUTE_ENTITIES) if _NEEDS_ESCAPING.search(value) else value


def document(feed: Feed) -> bytes:
    """The feed as indented UTF-8 XML; 1,400 of them are written for every build, so as text
    rather than through an ElementTree, which took most of the time."""
    newest = max((e.updated for e in feed.entries), default=feed.empty_updated)
    subtitle = f"\n  {_tag('subtitle', feed.subtitle, _TEXT)}" if feed.subtitle else ""
    lines = ["<?xml version='1.0' encoding='utf-8'?>"]
    if feed.stylesheet:
        lines.append(f'<?xml-stylesheet type="text/xsl" href="{_attribute(feed.stylesheet)}"?>')
    lines += [
        f'<feed xmlns="{ATOM}">',
        f"  {_tag('id', feed.id)}",
        f"  {_tag('title', feed.title, _TEXT)}{subtitle}",
        f"  <updated>{stamp(newest)}</updated>",
        f'  <link rel="self" type="{MEDIA_TYPE}" href="{_attribute(feed.self_url)}" />',
        f'  <link rel="alternate" type="text/html" href="{_attribute(feed.page_url)}" />',
        f"  <author>\n    <name>{AUTHOR}</name>\n  </author>",
    ]
    lines += [item.xml for item in feed.entries]
    lines.append("</feed>\n")
    # As ElementTree wrote it: a character UTF-8 cannot hold (a lone surrogate) as a reference.
    return "\n".join(lines).encode("utf-8", "xmlcharrefreplace")
