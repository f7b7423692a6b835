"""The Atom writer: whatever a record says comes back unchanged from a real XML parser."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from generator.outputs.feeds.atom import ATOM, Entry, Feed, document

NS = {"a": ATOM}
# Markup, entities, both quotes, whitespace an attribute would fold, non-ASCII and an emoji.
TRICKY = 'Bins & <b>"boxes"</b> it\'s ]]> &amp; \t tab\r\nline £ café 🗑'


def feed(entries: list[Entry], subtitle: str = "") -> Feed:
    return Feed(
        id="https://example.org/feeds/x.xml",
        title=TRICKY,
        subtitle=subtitle,
        self_url="https://example.org/feeds/x.xml?a=1&b=2",
        page_url='https://example.org/x/"q"',
        entries=entries,
        empty_updated=date(2026, 1, 2),
    )


def test_text_and_attributes_round_trip() -> None:
    entry = Entry(
        id="tag:example.org,2026:x/1",
        title=TRICKY,
        updated=date(2026, 3, 4),
        url="https://example.org/p/?a=1&b=<2>\n",
        summary=TRICKY,
        category='kind "with"\tquote',
    )
    root = ET.fromstring(document(feed([entry], subtitle=TRICKY)))
    # A parser turns a raw CR LF in text into LF (XML line ends); attributes keep them escaped.
    as_parsed = TRICKY.replace("\r\n", "\n")
    assert root.findtext("a:title", namespaces=NS) == as_parsed
    assert root.findtext("a:subtitle", namespaces=NS) == as_parsed
    assert root.findtext("a:updated", namespaces=NS) == "2026-03-04T00:00:00Z"
    links = root.findall("a:link", NS)
    assert [link.get("href") for link in links] == [
        "https://example.org/feeds/x.xml?a=1&b=2",
        'https://example.org/x/"q"',
    ]
    parsed = root.find("a:entry", NS)
    assert parsed is not None
    assert parsed.findtext("a:summary", namespaces=NS) == as_parsed
    assert parsed.find("a:link", NS).get("href") == entry.url  # type: ignore[union-attr]
    assert parsed.find("a:category", NS).get("term") == entry.category  # type: ignore[union-attr]


def test_matches_what_elementtree_writes() -> None:
    """The layout feed readers and earlier builds saw: ElementTree's own, byte for byte."""
    entries = [
        Entry("tag:e,2026:1", TRICKY, date(2026, 5, 1), "https://e/1", TRICKY, "update"),
        Entry("tag:e,2026:2", "", date(2026, 4, 1), "https://e/2", ""),
    ]
    assert document(feed(entries, subtitle="Sub")) == _elementtree(feed(entries, "Sub"))
    assert document(feed([])) == _elementtree(feed([]))


def test_a_feed_without_entries_is_dated_by_its_fallback_day() -> None:
    root = ET.fromstring(document(feed([])))
    assert root.findtext("a:updated", namespaces=NS) == "2026-01-02T00:00:00Z"
    assert root.find("a:entry", NS) is None and root.find("a:subtitle", NS) is None


def _elementtree(source: Feed) -> bytes:
    """The feed as the writer before it built it, with ElementTree: the reference layout."""
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        element.text = text
        return element

    newest = max((e.updated for e in source.entries), default=source.empty_updated)
    sub(root, "id", source.id)
    sub(root, "title", source.title, type="text")
    if source.subtitle:
        sub(root, "subtitle", source.subtitle, type="text")
    sub(root, "updated", f"{newest.isoformat()}T00:00:00Z")
    sub(root, "link", rel="self", type="application/atom+xml", href=source.self_url)
    sub(root, "link", rel="alternate", type="text/html", href=source.page_url)
    sub(sub(root, "author"), "name", "LocalGov Digital")
    for item in source.entries:
        entry = sub(root, "entry")
        sub(entry, "id", item.id)
        sub(entry, "title", item.title, type="text")
        sub(entry, "updated", f"{item.updated.isoformat()}T00:00:00Z")
        sub(entry, "link", rel="alternate", type="text/html", href=item.url)
        sub(entry, "summary", item.summary, type="text")
        if item.category:
            sub(entry, "category", term=item.category)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
