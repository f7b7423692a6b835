"""The feeds' caps, on the model directly: a feed holds the newest 50 entries, whatever a record
has, and a record with exactly 50 events shows every one."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest

from generator.catalogue.model import Catalogue, Council, Project, Update
from generator.outputs.feed import atom
from generator.outputs.feeds.records import record_feeds
from generator.pages import paths
from generator.pages.model import SiteInputs, SiteSettings

ATOM = "{http://www.w3.org/2005/Atom}"
TODAY = date(2026, 11, 22)
FIRST = date(2026, 1, 1)


def catalogue(*projects: Project) -> Catalogue:
    wb = Council("wb", "councils/wb.yml", "West Berkshire Council", "unitary", "england")
    return Catalogue({p.id: p for p in projects}, {"wb": wb}, {}, {})


def project(id: str, **fields) -> Project:
    return Project(id, f"projects/{id}.yml", id.title(), "S.", "beta", "wb", **fields)


def updated(count: int) -> Project:
    """A project with `count` progress updates, one a day from FIRST, newest first."""
    days = [FIRST + timedelta(days=n) for n in range(count)]
    return project("busy", updates=tuple(Update(d, f"Update {d}") for d in reversed(days)))


def entries(document: bytes) -> list[str]:
    """Each entry's updated day, in the feed's order."""
    root = ET.fromstring(document)
    return [e.findtext(f"{ATOM}updated")[:10] for e in root.findall(f"{ATOM}entry")]


@pytest.mark.parametrize("count", [50, 51])
def test_a_record_feed_holds_the_newest_fifty_entries(count: int) -> None:
    inputs = SiteInputs(catalogue(updated(count)), SiteSettings(), TODAY)
    files = {f.path: f.content for f in record_feeds(inputs)}
    newest = [(FIRST + timedelta(days=n)).isoformat() for n in reversed(range(count))][:50]
    for feed in (paths.project_feed("busy"), paths.council_feed("wb")):
        assert entries(files[feed]) == newest, feed


@pytest.mark.parametrize("count", [50, 51])
def test_the_site_feed_holds_the_fifty_most_recently_active_projects(count: int) -> None:
    projects = [project(f"p{n:02}", last_reviewed=FIRST + timedelta(days=n)) for n in range(count)]
    document = atom(SiteInputs(catalogue(*projects), SiteSettings(), TODAY))
    newest = [(FIRST + timedelta(days=n)).isoformat() for n in reversed(range(count))][:50]
    assert entries(document) == newest
