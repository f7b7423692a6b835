"""Where residents use a service: each council that runs it, with the address of its own page.

A service run by several councils sends each resident to their own council: the lead council's
address is the project's `service_url`, a partner's or adopter's is on its own entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from generator.catalogue.model import Catalogue, Council, Project

OPEN_PHASES = ("beta", "live")


@dataclass(frozen=True)
class ServiceLink:
    council: Council
    url: str
    host: str  # www.leeds.gov.uk: says where the link goes before it is followed


@dataclass(frozen=True)
class WhereToUse:
    links: tuple[ServiceLink, ...]  # lead council first, then partners, then adopters
    state: str  # "open", "no-address", "not-yet", "not-known" or "retired"


def _link(council: Council | None, url: str) -> ServiceLink | None:
    host = urlsplit(url).hostname or "" if url else ""
    return ServiceLink(council, url, host) if council and host else None


def where_to_use(project: Project, catalogue: Catalogue) -> WhereToUse:
    """Each council's own service address, once each, and whether people can use it yet."""
    if project.phase == "retired":
        return WhereToUse((), "retired")
    # A record whose phase no source gives says nothing about use: "not known", not "not yet".
    if project.phase not in (*OPEN_PHASES, "unknown"):
        return WhereToUse((), "not-yet")
    given = [(project.lead_council, project.service_url)]
    given += [(p.council, p.service_url) for p in project.partners]
    given += [
        (a.council, a.service_url) for a in (project.reuse.adoptions if project.reuse else ())
    ]
    links: dict[str, ServiceLink] = {}
    for council_id, url in given:
        link = _link(catalogue.councils.get(council_id), url)
        if link and council_id not in links:
            links[council_id] = link
    found = tuple(links.values())
    if project.phase == "unknown" and not found:
        return WhereToUse((), "not-known")
    return WhereToUse(found, "open" if found else "no-address")


def residents_label(where: WhereToUse) -> str:
    """What a catalogue card says about whether people can use the service yet."""
    if where.state == "open":
        councils = len(where.links)
        return "Yes" + (f", in {councils} council areas" if councils > 1 else "")
    if where.state == "retired":
        return "No: switched off"
    if where.state == "no-address":
        return "In use; no address given here yet"
    if where.state == "not-known":
        return "Not known"
    return "Not yet"
