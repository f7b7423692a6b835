"""A digest as Markdown (to post as it is, on GitHub or elsewhere) and as JSON (for scripts).

HTML is the site's, from `generator.pages.news`. Record text is escaped for each format here:
in Markdown it can neither format, link nor @mention anyone.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date
from urllib.parse import urljoin

from generator.digest.model import Digest, Figure, Item, Part, Ref
from generator.markdown_safe import github_inline
from generator.vocabulary import day_and_month, long_date

FORMATS = ("markdown", "json", "html")
JSON_VERSION = 1


def title(digest: Digest, site_name: str = "Pipeline") -> str:
    """`The week on Pipeline: 16 to 22 November 2026`."""
    return f"The week on {site_name}: {dates(digest)}"


def dates(digest: Digest) -> str:
    """`16 to 22 November 2026`, `28 September to 4 October 2026`."""
    since, until = digest.since, digest.until
    if (since.year, since.month) == (until.year, until.month):
        start = str(since.day)
    elif since.year == until.year:
        start = day_and_month(since)
    else:
        start = long_date(since)
    return f"{start} to {long_date(until)}"


def summary(digest: Digest) -> str:
    """One sentence with the week's figures, or a word that it was quiet."""
    if digest.quiet:
        return "A quiet week: nothing new was recorded on Pipeline."
    return f"The week in numbers: {figures_text(digest.figures)}."


def figures_text(figures: Sequence[Figure]) -> str:
    """`5 new projects, 2 pledges and 1 project reviewed`: the figures that are not 0."""
    counted = [f.text for f in figures if f.count]
    if len(counted) <= 1:
        return "".join(counted)
    return ", ".join(counted[:-1]) + " and " + counted[-1]


def plain(parts: Sequence[Part]) -> str:
    return "".join(_plain_part(p) for p in parts)


def _plain_part(part: Part) -> str:
    if isinstance(part, Ref):
        return part.text
    if isinstance(part, date):
        return long_date(part)
    return part


def markdown(
    digest: Digest, site_url: str, site_name: str = "Pipeline", *, heading: bool = True
) -> str:
    """The digest in Markdown; without its `heading` for an issue, which has its own title."""

    def url(path: str) -> str:
        return urljoin(site_url, path)

    def line(parts: Sequence[Part]) -> str:
        return "".join(_markdown_part(p, url) for p in parts)

    lines = [f"# {github_inline(title(digest, site_name))}", ""] if heading else []
    lines += [summary(digest), ""]
    for section in digest.sections:
        lines += [f"## {section.heading}", ""]
        for item in section.items:
            lines.append(f"- {line(item.parts)}")
            if item.quote:
                lines.append(f"  > {github_inline(item.quote)}")
        if section.items:
            lines.append("")
        if section.note:
            lines += [line(section.note), ""]
    week = url(f"news/{digest.key}/")
    lines.append(
        f"Read this on [the {github_inline(site_name)} site]({week}), or follow every week "
        f"with [the news feed]({url('feeds/news.xml')}) in a feed reader or a feed-to-email "
        "service."
    )
    return "\n".join(lines) + "\n"


def _markdown_part(part: Part, url: Callable[[str], str]) -> str:
    if isinstance(part, Ref):
        return f"[{github_inline(part.text)}]({url(part.path)})"
    if isinstance(part, date):
        return long_date(part)
    # github_inline trims; the spaces around a piece of a sentence belong to the sentence
    before = " " if part[:1].isspace() else ""
    after = " " if part[-1:].isspace() else ""
    return before + github_inline(part) + after


def _item_json(item: Item, url: Callable[[str], str]) -> dict[str, object]:
    return {
        "text": plain(item.parts),
        "quote": item.quote,
        "links": [{"text": p.text, "url": url(p.path)} for p in item.parts if isinstance(p, Ref)],
    }


def as_json(digest: Digest, site_url: str, site_name: str = "Pipeline") -> str:
    def url(path: str) -> str:
        return urljoin(site_url, path)

    document = {
        "version": JSON_VERSION,
        "since": digest.since.isoformat(),
        "until": digest.until.isoformat(),
        "title": title(digest, site_name),
        "summary": summary(digest),
        "url": url(f"news/{digest.key}/"),
        "figures": {f.id: f.count for f in digest.figures},
        "sections": [
            {
                "id": s.id,
                "heading": s.heading,
                "items": [_item_json(i, url) for i in s.items],
                "note": plain(s.note),
            }
            for s in digest.sections
        ],
    }
    # `<`, `>` and `&` as JSON escapes, as in the site's API: safe to embed in an HTML page.
    text = json.dumps(document, indent=2, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return text + "\n"
