"""`/feed.xml`: an Atom feed of new and updated projects, newest first.

Built with ElementTree, which escapes all text and attribute values.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from generator.catalogue.model import Project
from generator.pages import paths
from generator.pages.model import SiteInputs

ATOM = "http://www.w3.org/2005/Atom"
LIMIT = 50


def _stamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _activity(project: Project) -> date | None:
    return project.last_updated or project.started


def atom(inputs: SiteInputs) -> bytes:
    settings = inputs.settings
    dated = [(d, p) for p in inputs.catalogue.projects.values() if (d := _activity(p))]
    dated.sort(key=lambda x: (x[0], x[1].id), reverse=True)
    dated = dated[:LIMIT]

    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    sub(feed, "id", settings.page_url("feed.xml"))
    sub(feed, "title", f"{settings.site_name}: new and updated projects")
    sub(feed, "updated", _stamp(dated[0][0] if dated else inputs.today))
    sub(feed, "link", rel="self", href=settings.page_url("feed.xml"))
    sub(feed, "link", rel="alternate", href=settings.page_url(paths.PROJECTS))
    author = sub(feed, "author")
    sub(author, "name", "LocalGov Digital")
    for day, project in dated:
        url = settings.page_url(paths.project(project.id))
        entry = sub(feed, "entry")
        sub(entry, "id", url)
        sub(entry, "title", project.title)
        sub(entry, "updated", _stamp(day))
        sub(entry, "link", rel="alternate", href=url)
        latest = project.updates[0].text if project.updates else ""
        text = project.summary + (f"\n\nLatest: {latest}" if latest else "")
        sub(entry, "summary", text, type="text")
        sub(entry, "category", term=project.phase)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
