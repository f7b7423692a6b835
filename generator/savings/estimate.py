"""What reuse and shared work saved, estimated from the records: arithmetic only, no wording.

The method (the site's /about/savings/ page says the same in plain words):

- Reuse. Each council in a reusable service's `reuse.adopted_by` avoided building or buying its
  own, so it counts the low and high points of the service's budget band (pipeline.yml,
  `savings.band_points`). The lead council and partners building it (role `partner`) made the
  service, so they are never counted as adopters; nor is a council listed twice.
- Shared cost. A project offering `co-develop` or `share-funding` is built by its lead council
  and its partners with role `partner`. The part of its band carried by partners rather than the
  lead is band x (builders - 1) / builders: low rounded down and high rounded up, to the pound.
- Pledges. Days of time and pounds of money pledged, against the project's target.
- Recorded funding. A project whose record gives no budget band but gives the amounts of its
  funding awards is priced at their sum, exactly (`basis` "funding"): what public money paid to
  build it, so at least what an adopter avoided. Awards without an amount add nothing.
- A budget of `unknown`, or none given and no amounts, is counted as unknown: never guessed.
- Retired projects are shown with their figures but left out of every total and council figure:
  the totals say what collaboration is saving now, and the records do not say how long a
  retired service saved anyone anything or what replaced it.

Money is whole pounds (int) and pledges are Decimal, so no sum picks up binary fractions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from generator.catalogue.model import Catalogue, Project

SHARING = ("co-develop", "share-funding")  # collaboration offers that share a build's cost
BUILDING_ROLE = "partner"  # the partner role that builds the service with the lead council
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Money:
    """A range of whole pounds."""

    low: int
    high: int

    def __add__(self, other: Money) -> Money:
        return Money(self.low + other.low, self.high + other.high)

    def times(self, count: int) -> Money:
        return Money(self.low * count, self.high * count)

    def share(self, part: int, whole: int) -> Money:
        """part/whole of the range: low rounded down, high rounded up, so it stays a range."""
        return Money(self.low * part // whole, -(-self.high * part // whole))


ZERO = Money(0, 0)


def total(amounts: Iterable[Money | None]) -> Money:
    found = ZERO
    for amount in amounts:
        if amount is not None:
            found += amount
    return found


@dataclass(frozen=True)
class Adopter:
    council: str
    since: date | None
    replaced: str
    # why it is not counted ("lead", "builder", "successor", "repeat"), "" when counted
    not_counted: str


BAND = "band"  # priced at the budget band's points
FUNDING = "funding"  # priced at the sum of the recorded funding amounts


@dataclass(frozen=True)
class ServiceSavings:
    project: str
    budget: str  # a band id, or "unknown" (also when the record gives none)
    each: Money | None  # what one adopter avoided: the band's points; None when unknown
    adopters: tuple[Adopter, ...]
    retired: bool
    basis: str = BAND  # how `each` was priced: BAND or FUNDING

    @property
    def counted(self) -> tuple[Adopter, ...]:
        return tuple(a for a in self.adopters if not a.not_counted)

    @property
    def avoided(self) -> Money | None:
        return self.each.times(len(self.counted)) if self.each else None


@dataclass(frozen=True)
class SharedCost:
    project: str
    collaboration: str
    budget: str
    band: Money | None
    builders: tuple[str, ...]  # the lead council first, then partners building it
    retired: bool
    basis: str = BAND

    @property
    def shared(self) -> Money | None:
        """The part of the band carried by partners rather than the lead council."""
        if self.band is None:
            return None
        return self.band.share(len(self.builders) - 1, len(self.builders))


@dataclass(frozen=True)
class Pledged:
    project: str
    days: Decimal
    money: Decimal
    target_days: Decimal | None
    target_money: Decimal | None
    retired: bool


@dataclass(frozen=True)
class CouncilSavings:
    council: str
    adopted: tuple[ServiceSavings, ...]  # services it is counted as adopting
    avoided: Money  # what its adoptions avoided, known budgets only
    adopted_unknown: int  # of its adoptions, how many have an unknown budget
    reused_from_it: tuple[ServiceSavings, ...]  # services it built that others adopted
    others_avoided: Money  # what those adoptions avoided, known budgets only
    pledged_days: Decimal
    pledged_money: Decimal


@dataclass(frozen=True)
class Totals:
    services_adopted: int  # services with at least one counted adopter
    adoptions: int
    adoptions_unknown: int  # counted adoptions of services whose budget is unknown
    avoided: Money
    projects_sharing: int  # projects built by two or more councils sharing the cost
    sharing_unknown: int  # of those, how many have an unknown budget
    shared: Money
    pledged_days: Decimal
    pledged_money: Decimal
    retired: tuple[str, ...]  # projects with figures left out of the totals

    @property
    def saved(self) -> Money:
        return self.avoided + self.shared


@dataclass(frozen=True)
class Savings:
    bands: Mapping[str, Money]  # the band points used: the method's inputs
    services: tuple[ServiceSavings, ...]
    shared: tuple[SharedCost, ...]
    pledges: tuple[Pledged, ...]
    councils: Mapping[str, CouncilSavings]
    totals: Totals
    by_project: Mapping[str, ServiceSavings]  # the services again, by project id
    shared_by_project: Mapping[str, SharedCost]

    def service(self, project_id: str) -> ServiceSavings | None:
        return self.by_project.get(project_id)

    def shared_cost(self, project_id: str) -> SharedCost | None:
        return self.shared_by_project.get(project_id)

    def council(self, council_id: str) -> CouncilSavings:
        return self.councils.get(council_id) or _council(council_id, [], [], [])


def builders(project: Project) -> tuple[str, ...]:
    """The lead council, then partners building it, once each."""
    ids = [p.council for p in project.partners if p.role == BUILDING_ROLE]
    return tuple(dict.fromkeys([project.lead_council, *ids]))


def _took_over(project: Project, catalogue: Catalogue) -> frozenset[str]:
    """Councils that replaced a council which built the project or led one of its awards:
    they inherited the service (Cumbria's successors and LocalGov Drupal), they did not avoid
    building their own, so their adoption is no saving."""
    made = [*builders(project), *(a.lead_council for a in project.funding if a.lead_council)]
    return frozenset(
        s
        for c in made
        if (council := catalogue.councils.get(c)) is not None
        for s in council.successors
    )


def _band(project: Project, bands: Mapping[str, Money]) -> tuple[str, Money | None, str]:
    """The project's band id, its price (None when unknown) and how it was priced: the band a
    record gives, else its recorded funding amounts, else unknown."""
    funded = project.funded_amount
    if project.budget is None and funded is not None:
        return project.budget_band or UNKNOWN, Money(funded, funded), FUNDING
    budget = project.budget or UNKNOWN
    return budget, bands.get(budget), BAND


def service_savings(
    project: Project, bands: Mapping[str, Money], took_over: frozenset[str] = frozenset()
) -> ServiceSavings:
    made_by = [*builders(project), *(a.lead_council for a in project.funding if a.lead_council)]
    seen: set[str] = set()
    adopters = []
    for a in project.reuse.adoptions if project.reuse else ():
        if a.council == project.lead_council:
            reason = "lead"
        elif a.council in made_by:
            reason = "builder"
        elif a.council in took_over:
            reason = "successor"
        elif a.council in seen:
            reason = "repeat"
        else:
            reason = ""
        seen.add(a.council)
        adopters.append(Adopter(a.council, a.since, a.replaced, reason))
    budget, band, basis = _band(project, bands)
    retired = project.phase == "retired"
    return ServiceSavings(project.id, budget, band, tuple(adopters), retired, basis)


def shared_cost(project: Project, bands: Mapping[str, Money]) -> SharedCost:
    budget, band, basis = _band(project, bands)
    return SharedCost(
        project.id,
        project.collaboration or "",
        budget,
        band,
        builders(project),
        project.phase == "retired",
        basis,
    )


def _amount(value: float | None) -> Decimal:
    return Decimal(str(value)) if value is not None else Decimal(0)


def pledged(project: Project) -> Pledged:
    target = project.target
    return Pledged(
        project.id,
        sum((_amount(p.amount) for p in project.pledges if p.kind == "time"), Decimal(0)),
        sum((_amount(p.amount) for p in project.pledges if p.kind == "money"), Decimal(0)),
        _amount(target.time) if target and target.time is not None else None,
        _amount(target.money) if target and target.money is not None else None,
        project.phase == "retired",
    )


def _council(
    council_id: str,
    adopted: list[ServiceSavings],
    built: list[ServiceSavings],
    pledges: list[tuple[str, Decimal]],
) -> CouncilSavings:
    return CouncilSavings(
        council_id,
        tuple(adopted),
        total(s.each for s in adopted),
        sum(1 for s in adopted if s.each is None),
        tuple(built),
        total(s.avoided for s in built),
        sum((amount for kind, amount in pledges if kind == "time"), Decimal(0)),
        sum((amount for kind, amount in pledges if kind == "money"), Decimal(0)),
    )


def _councils(
    catalogue: Catalogue, services: tuple[ServiceSavings, ...]
) -> dict[str, CouncilSavings]:
    """Each council's figures, from projects that are not retired; built in one pass."""
    adopted: dict[str, list[ServiceSavings]] = defaultdict(list)
    built: dict[str, list[ServiceSavings]] = defaultdict(list)
    pledges: dict[str, list[tuple[str, Decimal]]] = defaultdict(list)
    for service in services:
        if service.retired:
            continue
        for adopter in service.counted:
            adopted[adopter.council].append(service)
        if service.counted:
            for council in builders(catalogue.projects[service.project]):
                built[council].append(service)
    for project in catalogue.projects.values():
        if project.phase != "retired":
            for p in project.pledges:
                pledges[p.council].append((p.kind, _amount(p.amount)))
    return {
        c: _council(c, adopted[c], built[c], pledges[c])
        for c in catalogue.councils
        if c in adopted or c in built or c in pledges
    }


def _totals(
    services: tuple[ServiceSavings, ...],
    shared: tuple[SharedCost, ...],
    pledges: tuple[Pledged, ...],
) -> Totals:
    live = [s for s in services if not s.retired and s.counted]
    sharing = [s for s in shared if not s.retired and len(s.builders) > 1]
    counted = [p for p in pledges if not p.retired]
    retired = {s.project for s in services if s.retired and s.counted}
    retired |= {s.project for s in shared if s.retired and len(s.builders) > 1}
    retired |= {p.project for p in pledges if p.retired}
    return Totals(
        services_adopted=len(live),
        adoptions=sum(len(s.counted) for s in live),
        adoptions_unknown=sum(len(s.counted) for s in live if s.each is None),
        avoided=total(s.avoided for s in live),
        projects_sharing=len(sharing),
        sharing_unknown=sum(1 for s in sharing if s.band is None),
        shared=total(s.shared for s in sharing),
        pledged_days=sum((p.days for p in counted), Decimal(0)),
        pledged_money=sum((p.money for p in counted), Decimal(0)),
        retired=tuple(sorted(retired)),
    )


def estimate(catalogue: Catalogue, band_points: Mapping[str, tuple[int, int]]) -> Savings:
    """Every figure, for the catalogue and the band points of pipeline.yml."""
    bands = {band: Money(low, high) for band, (low, high) in band_points.items()}
    projects = list(catalogue.projects.values())
    services = tuple(
        service_savings(p, bands, _took_over(p, catalogue))
        for p in projects
        if p.reusable or (p.reuse and p.reuse.adoptions)
    )
    shared = tuple(shared_cost(p, bands) for p in projects if p.collaboration in SHARING)
    pledges = tuple(pledged(p) for p in projects if p.pledges or p.target)
    return Savings(
        bands=bands,
        services=services,
        shared=shared,
        pledges=pledges,
        councils=_councils(catalogue, services),
        totals=_totals(services, shared, pledges),
        by_project={s.project: s for s in services},
        shared_by_project={s.project: s for s in shared},
    )
