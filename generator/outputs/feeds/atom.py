"""Atom 1.0 documents (RFC 4287), written with ElementTree, which escapes all text and attributes.

Every feed of the site goes through `document`, so each one has what feed readers rely on:
an id, a title, an updated time, a link to itself and to its page, an author, and entries that
each have an id, a title, an updated time and a link.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml"
AUTHOR = "LocalGov Digital"
# The year in entry ids (RFC 4151 tag URIs): fixed, so ids never change.
TAG_YEAR = "2026"


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


def document(feed: Feed) -> bytes:
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    newest = max((e.updated for e in feed.entries), default=feed.empty_updated)
    sub(root, "id", feed.id)
    sub(root, "title", feed.title, type="text")
    if feed.subtitle:
        sub(root, "subtitle", feed.subtitle, type="text")
    sub(root, "updated", stamp(newest))
    sub(root, "link", rel="self", type=MEDIA_TYPE, href=feed.self_url)
    sub(root, "link", rel="alternate", type="text/html", href=feed.page_url)
    sub(sub(root, "author"), "name", AUTHOR)
    for item in feed.entries:
        entry = sub(root, "entry")
        sub(entry, "id", item.id)
        sub(entry, "title", item.title, type="text")
        sub(entry, "updated", stamp(item.updated))
        sub(entry, "link", rel="alternate", type="text/html", href=item.url)
        sub(entry, "summary", item.summary, type="text")
        if item.category:
            sub(entry, "category", term=item.category)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
